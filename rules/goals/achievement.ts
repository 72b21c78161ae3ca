/** Real against Mål, as the weekly summary shows it (spec §3.2). */

/** An indicator whose Real is below this share of its Mål is flagged. */
export const FLAG_BELOW = 0.8;

export interface Figures {
  real: number;
  /** The goal for the same span; undefined when no goal was set. */
  goal: number | undefined;
  /** real / goal; undefined when there is no goal or it is 0 (nothing to achieve). */
  achievement: number | undefined;
  /** Achievement below 80 %. */
  flagged: boolean;
}

export function figures(real: number, goal: number | undefined): Figures {
  const achievement = goal === undefined || goal <= 0 ? undefined : real / goal;
  return { real, goal, achievement, flagged: achievement !== undefined && achievement < FLAG_BELOW };
}

/** Achievement as a whole percentage for display: 0.795 → 80 (the flag uses the exact share, so 79.5 % is flagged). */
export function achievementPercent(achievement: number | undefined): number | undefined {
  return achievement === undefined ? undefined : Math.round(achievement * 100);
}

/** Sums goals where some may be unset: unset only when all are. */
export function sumGoals(goals: readonly (number | undefined)[]): number | undefined {
  const set = goals.filter((goal): goal is number => goal !== undefined);
  return set.length === 0 ? undefined : set.reduce((sum, goal) => sum + goal, 0);
}
