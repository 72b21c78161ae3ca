import { OPENING_FORM_FIELDS, type Opening } from '../../rules/openings/opening';
import type { MorningMeeting, PostedBoard } from '../../rules/morning-meeting/morning-meeting.repository';
import type { ScreeningRecord } from '../../rules/screening/screening-record';

/**
 * Stored documents as domain values, for both backends: the SQLite tables hold the same document
 * bodies as the Cosmos containers (Cosmos adds its system fields, which are dropped here).
 */

const SYSTEM_FIELDS = new Set(['_rid', '_self', '_etag', '_attachments', '_ts']);

/**
 * A stored document as the domain value: Cosmos' system fields and the document id (when the domain
 * has none) removed. Nulls stay: absent optional fields are never written (JSON drops undefined), so
 * a null is a stored value (e.g. "no archetype matched").
 */
export function domainValue<T>(document: Readonly<Record<string, unknown>>, keepId: boolean): T {
  const value: Record<string, unknown> = {};
  for (const [field, content] of Object.entries(document)) {
    if (SYSTEM_FIELDS.has(field) || (field === 'id' && !keepId)) continue;
    value[field] = content;
  }
  return value as T;
}

/** A stored screening as the domain record: system fields removed, and the stored nulls of absent fields back into undefined. */
export function toScreeningRecord(document: ScreeningRecord): ScreeningRecord {
  return {
    id: document.id,
    teamId: document.teamId,
    caseworkerId: document.caseworkerId,
    caseReference: document.caseReference ?? undefined,
    status: document.status,
    sectionIndex: document.sectionIndex,
    answers: document.answers ?? undefined,
    result: document.result ?? undefined,
    summary: document.summary ?? undefined,
    decision: document.decision ?? undefined,
    settingsVersion: document.settingsVersion,
    rulesetVersion: document.rulesetVersion ?? undefined,
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    answersErasedAt: document.answersErasedAt ?? undefined,
    // Only records written before the audit trail was kept apart have one (see ScreeningRecord.history).
    ...(document.history == null ? {} : { history: document.history }),
  };
}

const OPENING_FIELDS = ['id', 'teamId', 'date', 'registeredBy', 'closed', ...OPENING_FORM_FIELDS] as const;

/** A stored opening as the domain value: system fields removed (and nulls, which stand for absent optional fields). */
export function toOpening(document: Partial<Record<string, unknown>>): Opening {
  const opening: Record<string, unknown> = {};
  for (const field of OPENING_FIELDS) {
    const value = document[field];
    if (value !== undefined && value !== null) opening[field] = value;
  }
  return opening as unknown as Opening;
}

/** A stored morning meeting (closed days absent in those stored before they existed). */
export function toMorningMeeting(stored: MorningMeeting): MorningMeeting {
  const { teamId, reference, postTime, closedDays, setBy, setAt } = stored;
  return { teamId, reference, postTime, closedDays: closedDays ?? [], setBy, setAt };
}

/** A stored posted board (its optional times only when they are strings). */
export function toPostedBoard(teamId: string, stored: PostedBoard): PostedBoard {
  const { date, postedAt, newSince, reference, activityIds } = stored;
  return {
    teamId,
    date,
    reference,
    activityIds,
    ...(typeof postedAt === 'string' ? { postedAt } : {}),
    ...(typeof newSince === 'string' ? { newSince } : {}),
  };
}
