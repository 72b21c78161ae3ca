/**
 * Real vs Mål as the rows of a card `Table` (AC 1.5): a first column (an indicator or a member), then
 * "Real / mål" and the achievement in %. The cards are drawn narrow (about 446 px in the Playground, a phone
 * in Teams), so a table has three short columns and every cell wraps; a figure below 80 % of its goal is
 * drawn in the Attention colour with a ⚠ before the %, and a week without a goal shows "–" for Mål and %.
 * Real and Mål share a cell because a cell costs about 75 bytes of card JSON: a 25-member team's tables
 * must fit Teams' message size in as few messages as possible.
 */
import type { Figures } from '../../rules/goals/achievement';
import { formatCount } from '../shared/formatting';
import { formatAchievement } from './goal-formatting';

export interface CellView {
  text: string;
  /** Null for the default colour (the renderer drops nulls). */
  color: 'Attention' | null;
  weight: 'Bolder' | null;
}

export interface RowView {
  cells: CellView[];
}

/** The Mål and % of a week or span without a goal. */
export const NO_GOAL = '–';

function cell(text: string, options: Partial<Omit<CellView, 'text'>> = {}): CellView {
  return { text, color: options.color ?? null, weight: options.weight ?? null };
}

/** The column headers after the first. */
export const FIGURE_HEADERS = ['Real / mål', '%'] as const;

/** The header row: "Indikator | Real / mål | %". */
export function headerRow(first: string): RowView {
  return { cells: [first, ...FIGURE_HEADERS].map((text) => cell(text, { weight: 'Bolder' })) };
}

/** "7 / 10", or "4 / –" without a goal. */
export function realGoalText(figures: Figures): string {
  return `${formatCount(figures.real)} / ${figures.goal === undefined ? NO_GOAL : formatCount(figures.goal)}`;
}

/** "⚠ 75 %", "120 %", or "–" without a goal (or a goal of 0: nothing to achieve). */
export function achievementText(figures: Figures): string {
  const achievement = formatAchievement(figures.achievement);
  if (achievement === undefined) return NO_GOAL;
  return figures.flagged ? `⚠ ${achievement}` : achievement;
}

/** One row: its name, then Real / mål and % (flagged ones in the Attention colour). */
export function figuresRow(name: string, figures: Figures, options: { bold?: boolean; note?: string } = {}): RowView {
  const weight = options.bold === true ? 'Bolder' : null;
  const color = figures.flagged ? 'Attention' : null;
  return {
    cells: [
      cell(options.note === undefined ? name : `${name} (${options.note})`, { weight }),
      cell(realGoalText(figures), { weight, color }),
      cell(achievementText(figures), { weight, color }),
    ],
  };
}
