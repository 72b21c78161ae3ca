import {
  answerFieldLabel,
  checkCandidateAnswer,
  type CandidateAnswerOutcome,
  type CandidateAnswerPort,
} from './candidate-answer';
import type { CandidateNotifier, CandidateOutcome } from './candidate-notifier';
import { buildOpeningBoard, type OpeningBoard } from './opening-board';
import { fillOne } from './opening-fill';
import { OPENING_FORM_FIELDS, type Opening, type OpeningAuthor } from './opening';
import { parseOpeningForm, type OpeningFieldError } from './opening.validation';
import type { Clock } from '../shared/clock';
import type { OpeningRepository } from './opening.repository';
import type { Sector } from '../screening/screening.types';
import type { Versioned } from '../shared/versioned';

export type RegisterOutcome =
  | { kind: 'invalid'; errors: OpeningFieldError[]; typed: Readonly<Record<string, string>> }
  | { kind: 'registered'; opening: Opening };

export type FillResult =
  | { kind: 'filled'; opening: Opening; nowFull: boolean }
  | { kind: 'already-full'; opening: Opening }
  | { kind: 'closed'; opening: Opening }
  | { kind: 'not-found' };

/** The person changing a registration: the consultant who registered it, or one of the team's leaders. */
export interface OpeningEditor extends OpeningAuthor {
  isLeader: boolean;
}

/** Why a registration cannot be changed by this person. */
export type ManageRefusal = { kind: 'not-found' } | { kind: 'forbidden'; opening: Opening };

export type EditOutcome = ManageRefusal | { kind: 'editable'; opening: Versioned<Opening> };

export type UpdateOutcome =
  | ManageRefusal
  | { kind: 'invalid'; errors: OpeningFieldError[]; typed: Readonly<Record<string, string>>; etag: string }
  /** Someone else changed it since the form was opened (e.g. `Besat +1`): nothing saved; check and save again. */
  | { kind: 'changed-meanwhile'; current: Versioned<Opening>; typed: Readonly<Record<string, string>> }
  | { kind: 'updated'; opening: Opening };

export type CloseOutcome = ManageRefusal | { kind: 'closed' | 'reopened' | 'unchanged'; opening: Opening };

/** How far back the board looks for contacts (the "no opening in the last 14 days" list needs 14). */
const BOARD_LOOKBACK_DAYS = 15;
/** A fill that keeps colliding with other clicks is retried this often before giving up. */
const FILL_ATTEMPTS = 5;
/** `mine stillinger` lists at most this many registrations, newest first. */
const MAX_OWN_LISTED = 25;

/** The form's fields as typed, from a stored registration (for the edit form). */
export function formValuesOf(opening: Opening): Record<string, string> {
  return Object.fromEntries(
    OPENING_FORM_FIELDS.map((field) => {
      const value = opening[field];
      return [field, value === undefined ? '' : String(value)];
    }),
  );
}

/**
 * Job openings and company contacts (spec §2): register from the form, the board, and `Besat +1`
 * stored with optimistic concurrency so filled never exceeds seats.
 */
export class OpeningsService {
  constructor(
    private readonly openings: OpeningRepository,
    private readonly sectors: readonly Sector[],
    private readonly clock: Clock,
    private readonly newId: () => string,
  ) {}

  async register(
    teamId: string,
    author: OpeningAuthor,
    raw: Readonly<Record<string, unknown>>,
  ): Promise<RegisterOutcome> {
    const parsed = parseOpeningForm(
      raw,
      this.sectors.map((sector) => sector.id),
      this.clock.now(),
    );
    if (parsed.value === undefined) return { kind: 'invalid', errors: parsed.errors, typed: parsed.typed };
    const created = await this.openings.create({ ...parsed.value, id: this.newId(), teamId, registeredBy: author });
    return { kind: 'registered', opening: created.value };
  }

  async board(teamId: string, lastPostAt?: Date): Promise<OpeningBoard<Opening>> {
    const openings = await this.openings.listForBoard(teamId, this.lookbackStart());
    return buildOpeningBoard(openings, this.clock.now(), lastPostAt, { sectors: this.sectors });
  }

  async get(teamId: string, openingId: unknown): Promise<Opening | undefined> {
    if (typeof openingId !== 'string' || openingId === '') return undefined;
    return (await this.openings.get(teamId, openingId))?.value;
  }

  /**
   * Tells the consultant who registered the opening that a caseworker has a candidate: in their
   * personal chat with the bot, else by a mention where the offer was made.
   */
  async offerCandidate(
    teamId: string,
    openingId: unknown,
    caseworker: { userId: string; name: string },
    notifier: CandidateNotifier,
  ): Promise<CandidateOutcome> {
    const opening = await this.get(teamId, openingId);
    if (opening === undefined) return { kind: 'not-found' };
    if (opening.registeredBy.userId === caseworker.userId) return { kind: 'own-opening' };
    const offer = { teamId, opening, caseworkerName: caseworker.name, caseworkerId: caseworker.userId };
    if (await notifier.toPersonalChat(offer)) return { kind: 'personal-chat', offer };
    await notifier.mentionHere(offer);
    return { kind: 'mentioned', offer };
  }

  /**
   * The consultant answers a caseworker's offer of a candidate (from the notice in their personal chat):
   * only about their own opening, only to a member of the team, and only a checked answer (not empty,
   * not too long, no CPR number) is sent, to the caseworker's personal chat.
   */
  async answerCandidate(
    teamId: string,
    consultant: OpeningAuthor,
    input: { openingId: unknown; caseworkerId: unknown; answer: unknown },
    port: CandidateAnswerPort,
  ): Promise<CandidateAnswerOutcome> {
    const opening = await this.get(teamId, input.openingId);
    if (opening === undefined) return { kind: 'not-found' };
    if (opening.registeredBy.userId !== consultant.userId) return { kind: 'not-yours' };
    const caseworkerId = input.caseworkerId;
    if (typeof caseworkerId !== 'string' || caseworkerId === '' || caseworkerId === consultant.userId) {
      return { kind: 'unknown-caseworker' };
    }
    const caseworkerName = await port.memberName(teamId, caseworkerId);
    if (caseworkerName === undefined) return { kind: 'unknown-caseworker' };
    const offer = { teamId, opening, caseworkerName, caseworkerId };
    const checked = checkCandidateAnswer(input.answer, answerFieldLabel(caseworkerName));
    if (!checked.ok) return { kind: 'invalid', offer, error: checked.error, typed: checked.typed };
    const answer = { offer, consultantName: consultant.name, text: checked.text };
    const delivery = await port.send(answer);
    if (delivery !== 'sent') return { kind: delivery, offer, typed: checked.text };
    return { kind: 'sent', answer };
  }

  /** `Besat +1`: fills one place unless all are filled; a concurrent click is re-read and retried. */
  async fill(teamId: string, openingId: unknown): Promise<FillResult> {
    if (typeof openingId !== 'string' || openingId === '') return { kind: 'not-found' };
    for (let attempt = 0; attempt < FILL_ATTEMPTS; attempt += 1) {
      const current = await this.openings.get(teamId, openingId);
      if (current === undefined) return { kind: 'not-found' };
      if (current.value.closed !== undefined) return { kind: 'closed', opening: current.value };
      const outcome = fillOne(current.value);
      if (outcome.kind === 'already-full') return { kind: 'already-full', opening: current.value };
      const saved = await this.openings.replace(outcome.opening, current.etag);
      if (saved !== 'conflict') return { kind: 'filled', opening: saved.value, nowFull: outcome.nowFull };
    }
    throw new Error('Besat +1 kept colliding with other updates');
  }

  /** The person's own registrations still on the board or from the last two weeks, newest first. */
  async listOwn(teamId: string, userId: string): Promise<Opening[]> {
    const board = await this.openings.listForBoard(teamId, this.lookbackStart());
    return board
      .filter((opening) => opening.registeredBy.userId === userId)
      .sort((a, b) => b.date.localeCompare(a.date))
      .slice(0, MAX_OWN_LISTED);
  }

  /** A registration for its edit form, if this person may change it. */
  async forEditing(teamId: string, editor: OpeningEditor, openingId: unknown): Promise<EditOutcome> {
    const current = await this.readForChange(teamId, openingId);
    if (current === undefined) return { kind: 'not-found' };
    if (!mayChange(current.value, editor)) return { kind: 'forbidden', opening: current.value };
    return { kind: 'editable', opening: current };
  }

  /**
   * Saves the edit form over the registration, conditionally on the version the form was opened on,
   * so a place filled meanwhile is never silently undone. The registration time and author stay.
   */
  async update(
    teamId: string,
    editor: OpeningEditor,
    openingId: unknown,
    etag: unknown,
    raw: Readonly<Record<string, unknown>>,
  ): Promise<UpdateOutcome> {
    const current = await this.readForChange(teamId, openingId);
    if (current === undefined) return { kind: 'not-found' };
    if (!mayChange(current.value, editor)) return { kind: 'forbidden', opening: current.value };
    const parsed = parseOpeningForm(
      raw,
      this.sectors.map((sector) => sector.id),
      this.clock.now(),
    );
    if (parsed.value === undefined) {
      return {
        kind: 'invalid',
        errors: parsed.errors,
        typed: parsed.typed,
        etag: typeof etag === 'string' ? etag : '',
      };
    }
    if (etag !== current.etag) return { kind: 'changed-meanwhile', current, typed: parsed.typed };
    const { id, teamId: team, registeredBy, date, closed } = current.value;
    const changed: Opening = { ...parsed.value, id, teamId: team, registeredBy, date, ...(closed && { closed }) };
    const saved = await this.openings.replace(changed, current.etag);
    if (saved === 'conflict') {
      const latest = await this.openings.get(teamId, id);
      if (latest === undefined) return { kind: 'not-found' };
      return { kind: 'changed-meanwhile', current: latest, typed: parsed.typed };
    }
    return { kind: 'updated', opening: saved.value };
  }

  /** Closes a registration (it leaves the board, places unfilled) or opens it again. */
  async setClosed(teamId: string, editor: OpeningEditor, openingId: unknown, close: boolean): Promise<CloseOutcome> {
    for (let attempt = 0; attempt < FILL_ATTEMPTS; attempt += 1) {
      const current = await this.readForChange(teamId, openingId);
      if (current === undefined) return { kind: 'not-found' };
      if (!mayChange(current.value, editor)) return { kind: 'forbidden', opening: current.value };
      if ((current.value.closed !== undefined) === close) return { kind: 'unchanged', opening: current.value };
      const changed: Opening = { ...current.value };
      if (close)
        changed.closed = { at: this.clock.now().toISOString(), by: { userId: editor.userId, name: editor.name } };
      else delete changed.closed;
      const saved = await this.openings.replace(changed, current.etag);
      if (saved !== 'conflict') return { kind: close ? 'closed' : 'reopened', opening: saved.value };
    }
    throw new Error('Closing an opening kept colliding with other updates');
  }

  private lookbackStart(): string {
    return new Date(this.clock.now().getTime() - BOARD_LOOKBACK_DAYS * 86_400_000).toISOString();
  }

  private async readForChange(teamId: string, openingId: unknown): Promise<Versioned<Opening> | undefined> {
    if (typeof openingId !== 'string' || openingId === '') return undefined;
    return this.openings.get(teamId, openingId);
  }
}

/** The consultant who registered it may change it, and so may the team's leaders. */
function mayChange(opening: Opening, editor: OpeningEditor): boolean {
  return editor.isLeader || opening.registeredBy.userId === editor.userId;
}
