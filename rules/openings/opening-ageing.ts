import { calendarDaysBetween } from '../shared/copenhagen-calendar';
import type { OpeningDraft } from './opening';

/** `ny` under the yellow threshold, then `gul`, then `roed` (spec §2.3). */
export type AgeingColour = 'ny' | 'gul' | 'roed';

export interface AgeingThresholds {
  /** Age in calendar days from which an opening is yellow. */
  yellowDays: number;
  /** Age in calendar days from which an opening is red. */
  redDays: number;
}

/** Spec §2.3: ≥ 7 days yellow, ≥ 14 days red. */
export const DEFAULT_AGEING_THRESHOLDS: Readonly<AgeingThresholds> = { yellowDays: 7, redDays: 14 };

/** Danish, for the board's group headings. */
export const AGEING_LABELS: Readonly<Record<AgeingColour, string>> = {
  roed: 'Rød',
  gul: 'Gul',
  ny: 'Ny',
};

export interface OpeningAge {
  /** Copenhagen calendar days since the opening was registered. */
  days: number;
  colour: AgeingColour;
}

export function ageingColour(days: number, thresholds: AgeingThresholds = DEFAULT_AGEING_THRESHOLDS): AgeingColour {
  if (days >= thresholds.redDays) return 'roed';
  if (days >= thresholds.yellowDays) return 'gul';
  return 'ny';
}

/**
 * How old an opening is, in Copenhagen calendar days since `date`: registered on a Tuesday, it is
 * 7 days old on the next Tuesday at any hour, also across a change to or from summer time. A
 * registration time after `now` (clocks out of step between instances) counts as age 0.
 */
export function openingAge(
  opening: Pick<OpeningDraft, 'date'>,
  now: Date,
  thresholds: AgeingThresholds = DEFAULT_AGEING_THRESHOLDS,
): OpeningAge {
  const days = Math.max(0, calendarDaysBetween(new Date(opening.date), now));
  return { days, colour: ageingColour(days, thresholds) };
}
