/**
 * How the goals' figures read in Danish on the cards: "1.200", "83 %", "Real 25 · Mål 30 · 83 %",
 * "9. feb. – 15. feb. 2026". Formatted here, once, so the templates only place text.
 */
import { formatDanishNumber } from '../../rules/shared/danish-number';
import { achievementPercent, type Figures } from '../../rules/goals/achievement';
import { formatWeek, type IsoWeek } from '../../rules/goals/iso-week';
import { formatCount, formatDate } from '../shared/formatting';

/** A share as a whole percentage the Danish way: 0.834 → "83 %", 12.5 → "1.250 %". */
export function formatShare(share: number): string {
  return `${formatDanishNumber(Math.round(share * 100))} %`;
}

/** Achievement as it is shown (the flag itself uses the exact share). */
export function formatAchievement(achievement: number | undefined): string | undefined {
  const percent = achievementPercent(achievement);
  return percent === undefined ? undefined : `${formatDanishNumber(percent)} %`;
}

/** "Real 25 · Mål 30 · 83 %", "Real 4 · intet mål". */
export function formatFigures(figures: Figures): string {
  if (figures.goal === undefined) return `Real ${formatCount(figures.real)} · intet mål`;
  const achievement = formatAchievement(figures.achievement);
  return `Real ${formatCount(figures.real)} · Mål ${formatCount(figures.goal)}${achievement === undefined ? '' : ` · ${achievement}`}`;
}

/** "20/30 (67 %)", "4/–" without a goal. */
export function formatShortFigures(figures: Figures): string {
  if (figures.goal === undefined) return `${formatCount(figures.real)}/–`;
  const achievement = formatAchievement(figures.achievement);
  return `${formatCount(figures.real)}/${formatCount(figures.goal)}${achievement === undefined ? '' : ` (${achievement})`}`;
}

/** The warning after a figure below 80 % of its goal. */
export const FLAG_TEXT = '⚠ under 80 %';

/** A calendar date (YYYY-MM-DD) as "9. feb. 2026". */
export function formatCalendarDate(date: string): string {
  return formatDate(`${date}T12:00:00Z`);
}

/**
 * A week's dates: "Man. 9. feb. – søn. 15. feb. 2026". It starts with the weekday because a card line
 * that starts with "9. " is drawn as a numbered list (Markdown), which hides the day.
 */
export function formatPeriod(period: { from: string; to: string }): string {
  const from = formatCalendarDate(period.from);
  const to = formatCalendarDate(period.to);
  const fromYear = period.from.slice(0, 4);
  const fromText = period.to.slice(0, 4) === fromYear ? from.replace(` ${fromYear}`, '') : from;
  return `Man. ${fromText} – søn. ${to}`;
}

/** "uge 7 2026". */
export function formatWeekWithYear(week: IsoWeek): string {
  return formatWeek(week, { withYear: true });
}
