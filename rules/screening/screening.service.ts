import type { Actor } from '../teams/actor';
import type { AuditEvent, AuditTrail } from '../shared/audit-trail';
import type { Clock } from '../shared/clock';
import type { ScreeningRepository } from './screening.repository';
import { NO_SCREENING_LIFECYCLE, type ScreeningLifecycleListener } from './screening-lifecycle.listener';
import type {
  AnswerError,
  Answers,
  Question,
  QuestionnaireSection,
  ScreeningResult,
  TeamScreeningSettings,
} from './screening.types';
import { containsCprShape, holdsCprShape, withoutCprShapes } from '../shared/cpr-shape';
import { checkCaseReference, referenceSubjectKey, type ReferenceKeyer } from './case-reference';
import { decidedScreeningOf } from './decided-screening';
import { intensiveShare, type IntensiveShare } from './intensive-share';
import { OVERRIDE_REASONS, summaryOfResult, type OverrideReason, type ScreeningRecord } from './screening-record';
import { retainedScreening } from './retained-screening';
import type { Versioned } from '../shared/versioned';
import { ONE_AFTER_THE_OTHER, type Transactor } from '../shared/transactor';
import type { ScreeningRules } from './screening-rules.port';
import type { TeamSettingsService } from '../teams/team-settings.service';

/** The next thing to show the caseworker for a screening. */
export type ScreeningStep =
  | {
      kind: 'section';
      screening: ScreeningRecord;
      section: QuestionnaireSection;
      sectionIndex: number;
      sectionCount: number;
      questions: Question[];
      /** What the form should show: earlier answers, or what was just typed when it had errors. */
      values: Readonly<Record<string, unknown>>;
      errors: AnswerError[];
    }
  | {
      kind: 'result';
      screening: ScreeningRecord;
      result: ScreeningResult;
      capacity: IntensiveShare;
      windowDays: number;
      settings: TeamScreeningSettings;
      errors: string[];
      typed: Readonly<Record<string, unknown>>;
    }
  | {
      kind: 'decided';
      screening: ScreeningRecord;
      capacity: IntensiveShare;
      windowDays: number;
      /** Every question of the team's questionnaire, to show the answers by their labels (`vis screening`). */
      questions: Question[];
    };

export type StartOutcome =
  | { kind: 'invalid-reference'; message: string; keepTyped: boolean }
  /**
   * The reference is used by another screening of the team already (spec §1.5): said before a new one
   * starts, so the caseworker resumes theirs or goes on deliberately. `existing` holds when and how far
   * each got (no answers); `resumable` the caseworker's own unfinished one.
   */
  | {
      kind: 'reference-in-use';
      reference: string;
      existing: { createdAt: string; status: ScreeningRecord['status']; own: boolean }[];
      resumable?: string;
    }
  | { kind: 'started'; step: ScreeningStep };

/** How far back `mine screeninger` looks. */
export const MY_SCREENINGS_DAYS = 56;

export type SubmitOutcome =
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  /** The card was for a step that is already done (double submit, or an old card): nothing was applied. */
  | { kind: 'stale'; step: ScreeningStep }
  /** The card did not say which section it was (no card sends that): nothing was applied. */
  | { kind: 'unreadable' }
  | { kind: 'step'; step: ScreeningStep };

/** One event of a screening's audit trail as a leader reads it (`revisionsspor`). */
export interface ScreeningAuditEntry {
  at: string;
  actorId: string;
  action: AuditEvent['action'];
  /** The English code of what happened (see ScreeningService: "started", "accepted", "erased-on-request", …). */
  detail: string;
  screeningId: string;
}

export type AuditTrailOutcome =
  | { kind: 'forbidden' }
  | { kind: 'invalid'; message: string }
  /** Oldest first; empty when the team has no screening, and had none, with the reference. */
  | { kind: 'trail'; reference: string; entries: ScreeningAuditEntry[] };

/** `slet screening <reference>`: the screenings to confirm the erasure of, with their versions. */
export type ErasureRequestOutcome =
  | { kind: 'forbidden' }
  | { kind: 'invalid'; message: string }
  /** Newest first; empty when the team has no screening with the reference. */
  | { kind: 'confirm'; screenings: Versioned<ScreeningRecord>[] };

/** The answer to a confirmed erasure ("Slet" on the confirmation card). */
export type ErasureOutcome =
  | { kind: 'forbidden' }
  | { kind: 'erased'; screening: ScreeningRecord }
  /** Erased before (a repeated confirmation, or another leader was first): nothing was done now. */
  | { kind: 'already-erased' }
  /** The team has no such screening (and had none that was erased): nothing was done. */
  | { kind: 'not-found' }
  /** Changed since the confirmation was shown: nothing was erased; confirm the screening as it is now. */
  | { kind: 'changed'; screening: Versioned<ScreeningRecord> };

export interface DecisionInput {
  decision: 'accept' | 'override';
  finalTrack?: unknown;
  reasonCode?: unknown;
  reasonText?: unknown;
}

const TRACKS = ['doedvaegt', 'catch-all', 'selektion'] as const;
const MAX_REASON_TEXT = 500;

/**
 * The screening conversation (spec §1, issue "Screening"): case reference → one form per section →
 * the caseworker's own assessment (the last section) → result → accept or override → stored. Every
 * change is conditional on the version read, so a card submitted twice or an old card never applies.
 */
export class ScreeningService {
  constructor(
    private readonly rules: ScreeningRules,
    private readonly screenings: ScreeningRepository,
    private readonly settings: TeamSettingsService,
    private readonly audit: AuditTrail,
    /** Keys case references in the audit trail (it must never hold them). */
    private readonly referenceKeyer: ReferenceKeyer,
    private readonly clock: Clock,
    private readonly newId: () => string,
    /** Told when a screening is decided or erased (the composition schedules and forgets its follow-ups). */
    private readonly lifecycle: ScreeningLifecycleListener = NO_SCREENING_LIFECYCLE,
    /** Keeps a screening's change and its audit event together (one transaction where storage has them). */
    private readonly transactor: Transactor = ONE_AFTER_THE_OTHER,
  ) {}

  /** This caseworker's newest unfinished screening, offered for resumption, with its number of sections. */
  async unfinished(actor: Actor): Promise<{ screening: ScreeningRecord; sectionCount: number } | undefined> {
    const [newest] = await this.screenings.listUnfinished(actor.teamId, actor.userId);
    if (newest === undefined) return undefined;
    return { screening: newest, sectionCount: this.rules.sections(await this.settingsOf(newest)).length };
  }

  /**
   * Starts a screening with the caseworker's case reference. A reference the team has used already is
   * pointed out first; `deliberately` (the caseworker chose to go on) starts it anyway.
   */
  async start(actor: Actor, rawReference: unknown, deliberately = false): Promise<StartOutcome> {
    const check = checkCaseReference(rawReference);
    if (!check.ok) {
      // A CPR-shaped reference is never shown again, not even in the form.
      return {
        kind: 'invalid-reference',
        message: check.message,
        keepTyped: !holdsCprShape(rawReference),
      };
    }
    if (!deliberately) {
      const used = await this.screenings.listByReference(actor.teamId, check.reference);
      if (used.length > 0) {
        const own = used.filter((screening) => screening.caseworkerId === actor.userId);
        const resumable = own
          .filter((screening) => screening.status !== 'decided')
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        return {
          kind: 'reference-in-use',
          reference: check.reference,
          existing: used
            .map((screening) => ({
              createdAt: screening.createdAt,
              status: screening.status,
              own: screening.caseworkerId === actor.userId,
            }))
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
          ...(resumable === undefined ? {} : { resumable: resumable.id }),
        };
      }
    }
    const settings = await this.settings.current(actor.teamId);
    const now = this.clock.now().toISOString();
    const created = await this.transactor.atomically(async () => {
      const stored = await this.screenings.create({
        id: this.newId(),
        teamId: actor.teamId,
        caseworkerId: actor.userId,
        caseReference: check.reference,
        status: 'in_progress',
        sectionIndex: 0,
        answers: {},
        result: undefined,
        summary: undefined,
        decision: undefined,
        settingsVersion: settings.version,
        rulesetVersion: this.rules.version,
        createdAt: now,
        updatedAt: now,
        answersErasedAt: undefined,
      });
      await this.record(actor.userId, stored.value, 'create', 'started');
      return stored;
    });
    return { kind: 'started', step: await this.stepFor(created.value, settings) };
  }

  /** `mine screeninger`: the caseworker's own screenings of the last weeks, newest first (nothing is read out). */
  async mine(actor: Actor): Promise<{ screenings: ScreeningRecord[]; days: number; sectionCount: number }> {
    const since = new Date(this.clock.now().getTime() - MY_SCREENINGS_DAYS * 86_400_000).toISOString();
    const screenings = await this.screenings.listByCaseworker(actor.teamId, actor.userId, since);
    const sectionCount = this.rules.sections(await this.settings.current(actor.teamId)).length;
    return { screenings, days: MY_SCREENINGS_DAYS, sectionCount };
  }

  /** Shows where an unfinished screening stands (resumption). */
  async resume(actor: Actor, screeningId: unknown): Promise<SubmitOutcome> {
    const loaded = await this.load(actor, screeningId, 'read');
    if ('kind' in loaded) return loaded;
    await this.record(actor.userId, loaded.value, 'read', 'resumed');
    return { kind: 'step', step: await this.stepFor(loaded.value, await this.settingsOf(loaded.value)) };
  }

  async submitSection(
    actor: Actor,
    screeningId: unknown,
    sectionIndex: unknown,
    raw: Readonly<Record<string, unknown>>,
  ): Promise<SubmitOutcome> {
    if (!(typeof sectionIndex === 'number' && Number.isInteger(sectionIndex) && sectionIndex >= 0)) {
      return { kind: 'unreadable' };
    }
    const loaded = await this.load(actor, screeningId);
    if ('kind' in loaded) return loaded;
    const { value: screening, etag } = loaded;
    const settings = await this.settingsOf(screening);
    if (screening.status !== 'in_progress' || sectionIndex !== screening.sectionIndex) {
      return { kind: 'stale', step: await this.stepFor(screening, settings) };
    }
    const sections = this.rules.sections(settings);
    const section = sections[screening.sectionIndex];
    if (section === undefined) return { kind: 'stale', step: await this.stepFor(screening, settings) };
    const answersSoFar: Answers = screening.answers ?? {};
    const parsed = this.rules.parseSection(settings, section.id, raw, answersSoFar);
    if (parsed.errors.length > 0) {
      return {
        kind: 'step',
        step: {
          kind: 'section',
          screening,
          section,
          sectionIndex: screening.sectionIndex,
          sectionCount: sections.length,
          questions: this.rules.visibleQuestions(settings, section.id, answersSoFar),
          // What was typed comes back in the form, except a CPR-shaped value: its field comes back empty.
          values: { ...answersSoFar, ...withoutCprShapes(raw) },
          errors: parsed.errors,
        },
      };
    }
    const answers = { ...answersSoFar, ...parsed.answers };
    const nextIndex = screening.sectionIndex + 1;
    const now = this.clock.now().toISOString();
    const detail = nextIndex >= sections.length ? 'evaluated' : `section-${section.id}-answered`;
    let next: ScreeningRecord = { ...screening, answers, sectionIndex: nextIndex, updatedAt: now };
    if (nextIndex >= sections.length) {
      const result = await this.rules.evaluate(answers, settings);
      next = {
        ...next,
        status: 'awaiting_decision',
        result: result as unknown as Record<string, unknown>,
        rulesetVersion: result.rulesetVersion,
        summary: summaryOfResult(result),
      };
    }
    const saved = await this.change(screening, etag, next, actor.userId, detail);
    if (saved === 'conflict') return this.staleAfterConflict(actor, screening.id);
    return { kind: 'step', step: await this.stepFor(saved.value, settings) };
  }

  async decide(actor: Actor, screeningId: unknown, input: DecisionInput): Promise<SubmitOutcome> {
    const loaded = await this.load(actor, screeningId);
    if ('kind' in loaded) return loaded;
    const { value: screening, etag } = loaded;
    const settings = await this.settingsOf(screening);
    if (screening.status !== 'awaiting_decision' || screening.summary === undefined) {
      return { kind: 'stale', step: await this.stepFor(screening, settings) };
    }
    const recommended = screening.summary.recommendedTrack;
    const errors: string[] = [];
    let finalTrack = recommended;
    let reasonCode: OverrideReason | undefined;
    let reasonText: string | undefined;
    if (input.decision === 'override') {
      if (typeof input.finalTrack !== 'string' || !(TRACKS as readonly string[]).includes(input.finalTrack)) {
        errors.push('Spor: vælg det spor, borgeren skal have.');
      } else if (input.finalTrack === recommended) {
        errors.push('Spor: vælg et andet spor end det anbefalede – eller acceptér anbefalingen.');
      } else {
        finalTrack = input.finalTrack;
      }
      if (typeof input.reasonCode !== 'string' || !(OVERRIDE_REASONS as readonly string[]).includes(input.reasonCode)) {
        errors.push('Årsag: vælg en årsag til at fravige anbefalingen.');
      } else {
        reasonCode = input.reasonCode as OverrideReason;
      }
      const text = typeof input.reasonText === 'string' ? input.reasonText.trim() : '';
      // Checked first, so a CPR number is refused as one whatever else is wrong with the text.
      if (containsCprShape(text)) errors.push('Begrundelse: teksten ligner et CPR-nummer. Skriv aldrig CPR-numre.');
      else if (text.length < 5) errors.push('Begrundelse: skriv en kort begrundelse (mindst 5 tegn).');
      else if (text.length > MAX_REASON_TEXT) errors.push(`Begrundelse: højst ${MAX_REASON_TEXT} tegn.`);
      else reasonText = text;
    }
    if (errors.length > 0) {
      // What was typed comes back in the form, except a CPR-shaped value, which is never kept.
      const typed: Record<string, unknown> = withoutCprShapes({
        finalTrack: input.finalTrack,
        reasonCode: input.reasonCode,
        reasonText: input.reasonText,
      });
      const step = await this.stepFor(screening, settings);
      return { kind: 'step', step: step.kind === 'result' ? { ...step, errors, typed } : step };
    }
    const now = this.clock.now().toISOString();
    const kind = input.decision === 'override' ? 'overridden' : 'accepted';
    const saved = await this.change(
      screening,
      etag,
      {
        ...screening,
        status: 'decided',
        updatedAt: now,
        decision: { kind, finalTrack, reasonCode, reasonText, decidedBy: actor.userId, decidedAt: now },
      },
      actor.userId,
      kind,
    );
    if (saved === 'conflict') return this.staleAfterConflict(actor, screening.id);
    const decided = decidedScreeningOf(saved.value);
    if (decided !== undefined) await this.lifecycle.decided(decided);
    return { kind: 'step', step: await this.stepFor(saved.value, settings) };
  }

  /**
   * `revisionsspor <reference>`: the audit trail of the team's screenings with this case reference, for
   * the team's leaders (spec §5). Found by the reference's subject key, so the events of an erased
   * screening, or of one whose reference retention removed, are found too; events recorded before
   * subject keys existed are found through the screening ids, and creates and changes from before the
   * trail was kept apart through the records that still hold them. Another team's reference finds
   * nothing, exactly as a reference nobody used.
   */
  async auditTrail(actor: Actor, rawReference: unknown): Promise<AuditTrailOutcome> {
    if (!(await this.settings.isLeader(actor.teamId, actor.userId))) return { kind: 'forbidden' };
    const check = checkCaseReference(rawReference);
    if (!check.ok) return { kind: 'invalid', message: check.message };
    const { teamId } = actor;
    const keyed = await this.audit.listBySubject(
      teamId,
      referenceSubjectKey(this.referenceKeyer, teamId, check.reference),
    );
    const live = await this.screenings.listByReference(teamId, check.reference);
    const ids = new Set([...keyed.map((event) => event.entityId), ...live.map((screening) => screening.id)]);
    const events: ScreeningAuditEntry[] = [];
    for (const id of ids) {
      for (const event of await this.audit.listFor(teamId, id)) {
        if (event.entity === 'screening') events.push(auditEntry(event.entityId, event));
      }
    }
    // A legacy history moved into the trail (e.g. by an erasure that then failed) is there already.
    const recorded = new Set(events.map((entry) => JSON.stringify(entry)));
    for (const screening of live) {
      for (const entry of screening.history ?? []) {
        const legacy = auditEntry(screening.id, entry);
        if (!recorded.has(JSON.stringify(legacy))) events.push(legacy);
      }
    }
    const entries = events.sort((a, b) => a.at.localeCompare(b.at));
    return { kind: 'trail', reference: check.reference, entries };
  }

  /**
   * Shows the screenings with a case reference to those allowed to see them: the caseworker who made
   * each one, and the team's leaders. Every screening shown is a read in the audit trail.
   */
  async view(
    actor: Actor,
    rawReference: unknown,
  ): Promise<{ kind: 'invalid'; message: string } | { kind: 'shown'; steps: ScreeningStep[]; hidden: number }> {
    const check = checkCaseReference(rawReference);
    if (!check.ok) return { kind: 'invalid', message: check.message };
    const found = await this.screenings.listByReference(actor.teamId, check.reference);
    const leader = found.length > 0 && (await this.settings.isLeader(actor.teamId, actor.userId));
    const visible = found.filter((screening) => leader || screening.caseworkerId === actor.userId);
    const steps: ScreeningStep[] = [];
    for (const screening of visible) {
      await this.record(actor.userId, screening, 'read', leader ? 'viewed-by-leader' : 'viewed');
      steps.push(await this.stepFor(screening, await this.settingsOf(screening)));
    }
    return { kind: 'shown', steps, hidden: found.length - visible.length };
  }

  /**
   * Right to erasure, step 1 (`slet screening <reference>`): the team's screenings with the reference,
   * each with the version a confirmation must name, for a leader to confirm once (spec §5). Nothing is
   * erased yet; showing them is a read in the audit trail.
   */
  async requestErasure(actor: Actor, rawReference: unknown): Promise<ErasureRequestOutcome> {
    if (!(await this.settings.isLeader(actor.teamId, actor.userId))) return { kind: 'forbidden' };
    const check = checkCaseReference(rawReference);
    if (!check.ok) return { kind: 'invalid', message: check.message };
    const screenings: Versioned<ScreeningRecord>[] = [];
    for (const found of await this.screenings.listByReference(actor.teamId, check.reference)) {
      const current = await this.screenings.get(actor.teamId, found.id);
      if (current === undefined) continue;
      await this.record(actor.userId, current.value, 'read', 'viewed-for-erasure');
      screenings.push(current);
    }
    screenings.sort((a, b) => b.value.createdAt.localeCompare(a.value.createdAt));
    return { kind: 'confirm', screenings };
  }

  /**
   * Right to erasure, step 2 ("Slet" on the confirmation): a leader erases the screening, with its
   * follow-ups, if it is as the confirmation showed it (`etag`). A repeated or stale confirmation erases
   * nothing and says why; another team's screening reads as one that does not exist.
   */
  async erase(actor: Actor, screeningId: unknown, etag: unknown): Promise<ErasureOutcome> {
    if (!(await this.settings.isLeader(actor.teamId, actor.userId))) return { kind: 'forbidden' };
    if (typeof screeningId !== 'string' || screeningId === '' || typeof etag !== 'string') return { kind: 'not-found' };
    const loaded = await this.screenings.get(actor.teamId, screeningId);
    if (loaded === undefined) return this.goneOutcome(actor.teamId, screeningId);
    if (loaded.etag !== etag) return { kind: 'changed', screening: loaded };
    await this.lifecycle.erasing(actor.teamId, screeningId);
    switch (await this.remove(loaded.value, etag, actor.userId, 'erased-on-request')) {
      case 'deleted':
        return { kind: 'erased', screening: loaded.value };
      case 'absent':
        return { kind: 'already-erased' };
      case 'conflict': {
        const fresh = await this.screenings.get(actor.teamId, screeningId);
        return fresh === undefined
          ? this.goneOutcome(actor.teamId, screeningId)
          : { kind: 'changed', screening: fresh };
      }
    }
  }

  /** A screening that is not there: erased before (the trail says so), or never the team's. */
  private async goneOutcome(teamId: string, screeningId: string): Promise<ErasureOutcome> {
    const events = await this.audit.listFor(teamId, screeningId);
    const erased = events.some((event) => event.action === 'delete' && ERASED.has(event.detail));
    return erased ? { kind: 'already-erased' } : { kind: 'not-found' };
  }

  /**
   * The daily retention job for one team (spec §5): a decided screening created before the team's
   * retention period is reduced to what the statistics need (see `retainedScreening`), its follow-ups
   * lose the case reference first; an unfinished one holds nothing for the statistics and is deleted.
   * Each is conditional on the version read: one changed meanwhile is left for the next run. Resolves
   * how many were reduced or deleted.
   */
  async applyRetention(teamId: string): Promise<number> {
    const settings = await this.settings.current(teamId);
    const before = new Date(this.clock.now().getTime() - settings.retentionDays * 86_400_000).toISOString();
    let done = 0;
    for (const id of await this.screenings.listToRetainCreatedBefore(teamId, before)) {
      const loaded = await this.screenings.get(teamId, id);
      if (loaded === undefined) continue;
      const retained = retainedScreening(loaded.value, this.clock.now().toISOString());
      if (retained === undefined) {
        await this.lifecycle.erasing(teamId, id);
        if ((await this.remove(loaded.value, loaded.etag, SYSTEM_ACTOR, 'retention-deleted')) === 'deleted') done += 1;
        continue;
      }
      await this.lifecycle.retaining(teamId, id);
      const saved = await this.change(loaded.value, loaded.etag, retained, SYSTEM_ACTOR, 'retention-reduced');
      if (saved !== 'conflict') done += 1;
    }
    return done;
  }

  /**
   * Deletes a screening (only if unchanged since `etag`, when given). Its deletion is recorded first, so a
   * screening is never gone without the record that it went; once per version, so a retried deletion
   * leaves one event. A change in between stops the deletion, and the trail says so.
   */
  private async remove(
    screening: ScreeningRecord,
    etag: string | undefined,
    actorId: string,
    detail: string,
  ): Promise<'deleted' | 'absent' | 'conflict'> {
    return this.transactor.atomically(async () => {
      await this.moveLegacyHistory(screening);
      const version = (etag ?? screening.updatedAt).replace(/[^A-Za-z0-9-]/gu, '');
      await this.record(actorId, screening, 'delete', detail, `${screening.id}:${detail}:${version}`);
      const outcome = await this.screenings.delete(screening.teamId, screening.id, etag);
      if (outcome === 'conflict') await this.record(actorId, screening, 'delete', 'erase-aborted');
      return outcome;
    });
  }

  private async load(
    actor: Actor,
    screeningId: unknown,
    purpose: 'change' | 'read' = 'change',
  ): Promise<Versioned<ScreeningRecord> | { kind: 'not-found' } | { kind: 'forbidden' }> {
    if (typeof screeningId !== 'string' || screeningId === '') return { kind: 'not-found' };
    const loaded =
      purpose === 'change'
        ? await this.screenings.getForChange(actor.teamId, screeningId)
        : await this.screenings.get(actor.teamId, screeningId);
    if (loaded === undefined) return { kind: 'not-found' };
    // Only the caseworker who made it works on a screening; leaders see it through the summary.
    if (loaded.value.caseworkerId !== actor.userId) return { kind: 'forbidden' };
    return loaded;
  }

  private async staleAfterConflict(actor: Actor, id: string): Promise<SubmitOutcome> {
    const fresh = await this.screenings.get(actor.teamId, id);
    if (fresh === undefined) return { kind: 'not-found' };
    return { kind: 'stale', step: await this.stepFor(fresh.value, await this.settingsOf(fresh.value)) };
  }

  private async settingsOf(screening: ScreeningRecord): Promise<TeamScreeningSettings> {
    return (
      (await this.settings.atVersion(screening.teamId, screening.settingsVersion)) ??
      (await this.settings.current(screening.teamId))
    );
  }

  private async stepFor(screening: ScreeningRecord, settings: TeamScreeningSettings): Promise<ScreeningStep> {
    if (screening.status === 'in_progress') {
      const sections = this.rules.sections(settings);
      const index = Math.min(screening.sectionIndex, sections.length - 1);
      const section = sections[index];
      if (section === undefined) throw new Error('The questionnaire has no sections');
      const answers: Answers = screening.answers ?? {};
      return {
        kind: 'section',
        screening,
        section,
        sectionIndex: index,
        sectionCount: sections.length,
        questions: this.rules.visibleQuestions(settings, section.id, answers),
        values: answers,
        errors: [],
      };
    }
    const capacity = await this.capacity(screening, settings);
    if (screening.status === 'awaiting_decision') {
      return {
        kind: 'result',
        screening,
        result: screening.result as unknown as ScreeningResult,
        capacity,
        windowDays: settings.capacityWindowDays,
        settings,
        errors: [],
        typed: {},
      };
    }
    const questions = this.rules.sections(settings).flatMap((section) => section.questions);
    return { kind: 'decided', screening, capacity, windowDays: settings.capacityWindowDays, questions };
  }

  /** The team's intensive share including this screening (as recommended until it is decided). */
  private async capacity(screening: ScreeningRecord, settings: TeamScreeningSettings): Promise<IntensiveShare> {
    const since = new Date(this.clock.now().getTime() - settings.capacityWindowDays * 86_400_000).toISOString();
    const decided = await this.screenings.listDecidedSince(screening.teamId, since);
    const pending =
      screening.status === 'awaiting_decision' && screening.summary !== undefined
        ? [{ strategy: screening.summary.strategy, finalTrack: screening.summary.recommendedTrack }]
        : [];
    return intensiveShare([...decided, ...pending], settings.intensiveShareCap);
  }

  /**
   * Replaces the record if unchanged since `etag`, then records the change in the audit trail (after
   * the write, so the trail never tells of a change that a conflict stopped). A record from before the
   * trail was kept apart has its history moved into the trail first, and is written without it.
   */
  private async change(
    before: ScreeningRecord,
    etag: string,
    next: ScreeningRecord,
    actorId: string,
    detail: string,
  ): Promise<Versioned<ScreeningRecord> | 'conflict'> {
    // The change and its audit event are kept together, or neither (one transaction where storage has them).
    return this.transactor.atomically(async () => {
      await this.moveLegacyHistory(before);
      const saved = await this.screenings.replace({ ...next, history: undefined }, etag);
      // Keyed by the reference the screening had: a change that removes it is still found by it.
      if (saved !== 'conflict') await this.record(actorId, before, 'update', detail);
      return saved;
    });
  }

  /** Copies a legacy `history` into the audit trail, each entry once (safe to repeat, e.g. after a conflict). */
  private async moveLegacyHistory(screening: ScreeningRecord): Promise<void> {
    for (const [index, entry] of (screening.history ?? []).entries()) {
      await this.audit.record(
        {
          teamId: screening.teamId,
          at: entry.at,
          actorId: entry.actorId,
          action: entry.action,
          entity: 'screening',
          entityId: screening.id,
          detail: entry.detail,
          ...this.subjectOf(screening),
        },
        { eventId: `${screening.id}:history:${index}` },
      );
    }
  }

  /**
   * Appends a screening event to the audit trail: who, what, when, which screening, and the keyed form
   * of its case reference (never the reference, the answers or any free text).
   */
  private async record(
    actorId: string,
    screening: ScreeningRecord,
    action: AuditEvent['action'],
    detail: string,
    eventId?: string,
  ): Promise<void> {
    await this.audit.record(
      {
        teamId: screening.teamId,
        at: this.clock.now().toISOString(),
        actorId,
        action,
        entity: 'screening',
        entityId: screening.id,
        detail,
        ...this.subjectOf(screening),
      },
      eventId === undefined ? {} : { eventId },
    );
  }

  private subjectOf(screening: ScreeningRecord): { subjectKey?: string } {
    const reference = screening.caseReference;
    return reference === undefined
      ? {}
      : { subjectKey: referenceSubjectKey(this.referenceKeyer, screening.teamId, reference) };
  }
}

/** Who the retention job acts as in the audit trail. */
export const SYSTEM_ACTOR = 'system';

/** The audit details of a screening's deletion. */
const ERASED: ReadonlySet<string> = new Set(['erased-on-request', 'retention-deleted']);

function auditEntry(
  screeningId: string,
  event: Pick<AuditEvent, 'at' | 'actorId' | 'action' | 'detail'>,
): ScreeningAuditEntry {
  return { at: event.at, actorId: event.actorId, action: event.action, detail: event.detail, screeningId };
}
