import type { OpeningDraft } from './opening';

export type FillOutcome<T> =
  /** One more place filled; `nowFull` when that was the last, so the opening leaves the board. */
  | { kind: 'filled'; opening: T; nowFull: boolean }
  /** Nothing changed: every place was already filled (or the contact gave none). */
  | { kind: 'already-full' };

/**
 * `Besat +1` as a pure state change: a new opening with one more place filled, never more than its
 * seats. The repository stores it conditionally on the version read, so two clicks at once fill two
 * places or report the second as already full, never three out of two.
 */
export function fillOne<T extends Pick<OpeningDraft, 'seats' | 'filled'>>(opening: T): FillOutcome<T> {
  if (opening.filled >= opening.seats) return { kind: 'already-full' };
  const filled = opening.filled + 1;
  return { kind: 'filled', opening: { ...opening, filled }, nowFull: filled >= opening.seats };
}
