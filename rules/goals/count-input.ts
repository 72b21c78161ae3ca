import { cprRefusal, holdsCprShape } from '../shared/cpr-shape';
import { formatDanishNumber } from '../shared/danish-number';

/** A problem with one input of a goals card, in Danish, naming the field. */
export interface GoalFieldError {
  /** The card input's id (an indicator id, or a field such as `fromWeek`). */
  field: string;
  message: string;
}

export type CountParse = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * Reads a count typed in a card: a whole number from 0 to `max`, as a number or text ("12", " 12 ").
 * An empty input is `undefined`, which the caller reads as 0 or as "no value". The message names the
 * field by its Danish label; a CPR-shaped value gets its own message, which never quotes it.
 */
export function parseCount(raw: unknown, label: string, max: number): CountParse {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return { ok: true, value: undefined };
  }
  // A CPR number is refused as one (spec §5), not as a number that does not fit.
  if (holdsCprShape(raw)) return { ok: false, message: cprRefusal(label) };
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (/^\d{1,9}$/u.test(text) && Number(text) <= max) return { ok: true, value: Number(text) };
  return { ok: false, message: `${label}: skriv et helt tal fra 0 til ${formatDanishNumber(max)}.` };
}
