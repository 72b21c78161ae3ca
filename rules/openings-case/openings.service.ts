import { buildOpeningBoard, type OpeningBoard } from '../openings/opening-board';
import { fillOne } from '../openings/opening-fill';
import type { Opening, OpeningAuthor } from '../openings/opening';
import { parseOpeningForm, type OpeningFieldError } from '../openings/opening.validation';
import type { Clock } from '../ports/clock';
import type { OpeningRepository } from '../ports/opening.repository';
import type { Sector } from '../screening/screening.types';

export type RegisterOutcome =
  | { kind: 'invalid'; errors: OpeningFieldError[]; typed: Readonly<Record<string, string>> }
  | { kind: 'registered'; opening: Opening };

export type FillResult =
  | { kind: 'filled'; opening: Opening; nowFull: boolean }
  | { kind: 'already-full'; opening: Opening }
  | { kind: 'not-found' };

/** How far back the board looks for contacts (the "no opening in the last 14 days" list needs 14). */
const BOARD_LOOKBACK_DAYS = 15;
/** A fill that keeps colliding with other clicks is retried this often before giving up. */
const FILL_ATTEMPTS = 5;

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
    const now = this.clock.now();
    const since = new Date(now.getTime() - BOARD_LOOKBACK_DAYS * 86_400_000).toISOString();
    const openings = await this.openings.listForBoard(teamId, since);
    return buildOpeningBoard(openings, now, lastPostAt, { sectors: this.sectors });
  }

  async get(teamId: string, openingId: unknown): Promise<Opening | undefined> {
    if (typeof openingId !== 'string' || openingId === '') return undefined;
    return (await this.openings.get(teamId, openingId))?.value;
  }

  /** `Besat +1`: fills one place unless all are filled; a concurrent click is re-read and retried. */
  async fill(teamId: string, openingId: unknown): Promise<FillResult> {
    if (typeof openingId !== 'string' || openingId === '') return { kind: 'not-found' };
    for (let attempt = 0; attempt < FILL_ATTEMPTS; attempt += 1) {
      const current = await this.openings.get(teamId, openingId);
      if (current === undefined) return { kind: 'not-found' };
      const outcome = fillOne(current.value);
      if (outcome.kind === 'already-full') return { kind: 'already-full', opening: current.value };
      const saved = await this.openings.replace(outcome.opening, current.etag);
      if (saved !== 'conflict') return { kind: 'filled', opening: saved.value, nowFull: outcome.nowFull };
    }
    throw new Error('Besat +1 kept colliding with other updates');
  }
}
