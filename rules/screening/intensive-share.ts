/** What the capacity rule needs of one decided screening. */
export interface DecidedScreeningFacts {
  /** The strategy of the citizen's target group (spec §1.4). */
  strategy: string;
  /** The track finally chosen: the recommendation, or the caseworker's override. */
  finalTrack: string;
}

export interface IntensiveShare {
  /** Screenings with final track `selektion`, whatever their group (an override into it uses capacity too). */
  intensive: number;
  /** Screenings whose target group had strategy `selektion`. */
  eligible: number;
  /** intensive / eligible, or undefined while no screening is eligible. */
  share: number | undefined;
  cap: number;
  aboveCap: boolean;
}

/**
 * The team's intensive share (spec §1.6, from seed 003: the share given intensive effort should not be
 * much more than the share still unemployed after 39 weeks). It informs; it never changes a
 * recommendation.
 */
export function intensiveShare(screenings: readonly DecidedScreeningFacts[], cap: number): IntensiveShare {
  const eligible = screenings.filter((screening) => screening.strategy === 'selektion');
  const intensive = screenings.filter((screening) => screening.finalTrack === 'selektion').length;
  const share = eligible.length === 0 ? undefined : intensive / eligible.length;
  return { intensive, eligible: eligible.length, share, cap, aboveCap: share !== undefined && share > cap };
}

/** Below this many eligible screenings the share swings with every one, and the text says so. */
const FEW_SCREENINGS = 10;

/** Danish, for the result card: "Intensiv andel de seneste 90 dage: 35 % (7 af 20) – over loftet på 30 %." */
export function describeIntensiveShare(value: IntensiveShare, windowDays: number): string {
  const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;
  if (value.share === undefined) {
    const intensive =
      value.intensive === 0 ? '' : ` ${value.intensive} har alligevel fået det intensive spor (selektion).`;
    return `Intensiv andel de seneste ${windowDays} dage: ingen screeninger i selektionsmålgrupper endnu (loft ${percent(value.cap)}).${intensive}`;
  }
  const base = `Intensiv andel de seneste ${windowDays} dage: ${percent(value.share)} (${value.intensive} af ${value.eligible})`;
  const few = value.eligible < FEW_SCREENINGS ? ' Andelen er usikker, så længe teamet har få screeninger.' : '';
  const verdict = value.aboveCap
    ? `${base} – over teamets loft på ${percent(value.cap)}. Overvej om flere kan klare sig med en mindre intensiv indsats.`
    : `${base} – inden for teamets loft på ${percent(value.cap)}.`;
  return `${verdict}${few}`;
}
