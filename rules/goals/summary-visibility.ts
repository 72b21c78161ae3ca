/**
 * Who sees what of the weekly summary (issue: members see their own numbers; leaders see the team's).
 * A member's view is cut from the team's summary, so both always agree.
 */
import type { Figures } from './achievement';
import type { WeekFigures } from './indicator-summary';
import type { IsoWeek } from './iso-week';
import type { TeamWeeklySummary } from './weekly-summary';

export interface MemberIndicatorView extends Figures {
  indicatorId: string;
  label: string;
  group: string;
  lastWeeks: WeekFigures[];
  yearToDate: Figures;
}

/** A member's own numbers: no other member, no team totals, no screenings, openings or follow-ups. */
export interface MemberWeeklySummary {
  teamId: string;
  week: IsoWeek;
  period: { from: string; to: string };
  userId: string;
  name: string;
  logged: boolean;
  indicators: MemberIndicatorView[];
  /** Ids of the member's own indicators below 80 % of their goal this week. */
  flaggedIndicators: string[];
}

export type WeeklyReport =
  { audience: 'team'; summary: TeamWeeklySummary } | { audience: 'member'; summary: MemberWeeklySummary };

export interface SummaryViewer {
  userId: string;
  /** A leader of the team (TeamLeaders: its owners and co-leaders). */
  isLeader: boolean;
}

export function memberSummary(summary: TeamWeeklySummary, userId: string): MemberWeeklySummary {
  const indicators: MemberIndicatorView[] = [];
  let name = userId;
  let logged = false;
  for (const indicator of summary.indicators) {
    const own = indicator.members.find((member) => member.userId === userId);
    if (own === undefined) continue;
    name = own.name;
    logged = own.logged;
    indicators.push({
      indicatorId: indicator.indicatorId,
      label: indicator.label,
      group: indicator.group,
      real: own.real,
      goal: own.goal,
      achievement: own.achievement,
      flagged: own.flagged,
      lastWeeks: own.lastWeeks,
      yearToDate: own.yearToDate,
    });
  }
  return {
    teamId: summary.teamId,
    week: summary.week,
    period: summary.period,
    userId,
    name,
    logged,
    indicators,
    flaggedIndicators: indicators.filter((indicator) => indicator.flagged).map((indicator) => indicator.indicatorId),
  };
}

/** The team's summary for a leader; the member's own numbers for anyone else. */
export function reportFor(viewer: SummaryViewer, summary: TeamWeeklySummary): WeeklyReport {
  return viewer.isLeader
    ? { audience: 'team', summary }
    : { audience: 'member', summary: memberSummary(summary, viewer.userId) };
}
