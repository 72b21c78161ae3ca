/**
 * The screenings part of the leader's weekly summary (spec §3.2, §1.6): how many were completed in
 * the week, their final tracks, how often the recommendation was overridden and why, and the team's
 * intensive share over its capacity window against the cap.
 */
import { calendarDate } from '../shared/copenhagen-calendar';
import type { DecidedScreening } from '../screening/decided-screening';
import { intensiveShare, type IntensiveShare } from '../screening/intensive-share';
import { OVERRIDE_REASONS, OVERRIDE_REASON_LABELS, type OverrideReason } from '../screening/screening-record';
import { TRACKS } from '../screening/screening.types';
import { weekInstants, type IsoWeek } from './iso-week';

/** How many override reasons the summary names. */
export const TOP_OVERRIDE_REASONS = 3;

export interface CapacitySettings {
  intensiveShareCap: number;
  capacityWindowDays: number;
  /** The team's own names for the tracks (`indstillinger`), for what a leader reads; the defaults where absent. */
  trackLabels?: Readonly<Partial<Record<string, string>>>;
}

export interface ScreeningWeekStatistics {
  /** Screenings completed (decided) in the week. */
  count: number;
  /** By final track; the three known tracks always, in their order, then any other. */
  byTrack: { track: string; count: number }[];
  accepted: number;
  overridden: number;
  /** overridden / count; undefined in a week without screenings. */
  overrideRate: number | undefined;
  /** The most common override reasons in the week, most common first (ties in the reasons' order). */
  topOverrideReasons: { reason: OverrideReason; label: string; count: number }[];
  /** Over the team's window ending with the week, like the result card (spec §1.6). */
  intensiveShare: IntensiveShare;
  /** The capacity window: Copenhagen calendar dates, both included. */
  window: { from: string; to: string; days: number };
}

/** The instants the screenings must cover: the capacity window ending with the week, and the week itself. */
export function screeningPeriod(week: IsoWeek, settings: CapacitySettings): { from: Date; to: Date } {
  const { start, end } = weekInstants(week);
  const windowStart = new Date(end.getTime() - settings.capacityWindowDays * 86_400_000);
  return { from: windowStart < start ? windowStart : start, to: end };
}

export function screeningWeekStatistics(
  screenings: readonly DecidedScreening[],
  week: IsoWeek,
  settings: CapacitySettings,
): ScreeningWeekStatistics {
  const { start, end } = weekInstants(week);
  const within = (screening: DecidedScreening, from: Date) => {
    const at = new Date(screening.decidedAt).getTime();
    return at >= from.getTime() && at < end.getTime();
  };
  const inWeek = screenings.filter((screening) => within(screening, start));
  const windowStart = new Date(end.getTime() - settings.capacityWindowDays * 86_400_000);
  const inWindow = screenings.filter((screening) => within(screening, windowStart));

  const tracks = new Map<string, number>(TRACKS.map((track) => [track, 0]));
  for (const screening of inWeek) tracks.set(screening.finalTrack, (tracks.get(screening.finalTrack) ?? 0) + 1);
  const overridden = inWeek.filter((screening) => screening.decision === 'overridden');
  const reasons = OVERRIDE_REASONS.map((reason) => ({
    reason,
    label: OVERRIDE_REASON_LABELS[reason],
    count: overridden.filter((screening) => screening.reasonCode === reason).length,
  }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || OVERRIDE_REASONS.indexOf(a.reason) - OVERRIDE_REASONS.indexOf(b.reason))
    .slice(0, TOP_OVERRIDE_REASONS);

  return {
    count: inWeek.length,
    byTrack: [...tracks.entries()].map(([track, count]) => ({ track, count })),
    accepted: inWeek.length - overridden.length,
    overridden: overridden.length,
    overrideRate: inWeek.length === 0 ? undefined : overridden.length / inWeek.length,
    topOverrideReasons: reasons,
    intensiveShare: intensiveShare(inWindow, settings.intensiveShareCap),
    window: {
      from: calendarDate(windowStart),
      to: calendarDate(new Date(end.getTime() - 1)),
      days: settings.capacityWindowDays,
    },
  };
}
