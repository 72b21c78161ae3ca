import {
  GENERAL_FREQUENCIES,
  INTENSIVE_FREQUENCIES,
  ON_TIME_TALKS_PER_YEAR,
  TABLE_FULL_TIME_YEARS,
  TABLE_TALKS_PER_DAY,
  type CapacityInputs,
  type CapacityScenario,
  type TalkFrequency,
} from './capacity';

/** "Generelt for hele målgruppen": everyone at one frequency. */
export interface GeneralScenarioResult {
  perYear: number;
  label: string;
  talksPerYear: number;
  /** Full-time years at the inputs' talks per day. */
  fullTimeYears: number;
}

/** "Intensiveret for en andel af målgruppen": the share at an intensive frequency, the rest on time. */
export interface IntensiveScenarioResult {
  perYear: number;
  label: string;
  intensiveTalks: number;
  onTimeTalks: number;
  talksPerYear: number;
  fullTimeYears: number;
}

/** One row of the "Årsværk" table: what this many talks a day gives in 1, 2, … full-time years. */
export interface CapacityTableRow {
  talksPerDay: number;
  talksByFullTimeYears: number[];
}

/** The answer for the chosen scenario. */
export interface ChosenScenarioResult {
  scenario: CapacityScenario;
  frequency: TalkFrequency;
  talksPerYear: number;
  /** talks ÷ capacity of one full-time year, unrounded. */
  fullTimeYears: number;
  /** The smallest whole number of full-time years that covers the talks (where the seed's table is read). */
  wholeFullTimeYears: number;
}

export interface CapacityCalculation {
  inputs: CapacityInputs;
  /** round(N × p): the citizens given the intensive effort. */
  intensiveCitizens: number;
  /** s × d × w: the talks one full-time year holds. */
  talksPerFullTimeYear: number;
  general: GeneralScenarioResult[];
  intensive: IntensiveScenarioResult[];
  /** The seed's table for the inputs' days and weeks; it does not depend on the citizens or the share. */
  table: { fullTimeYears: number[]; rows: CapacityTableRow[] };
  chosen: ChosenScenarioResult;
}

/**
 * round(N × p), computed from the percentage: 50 × 0.29 is 14.499999999999998 in floating point,
 * 50 × 29 / 100 is 14.5. Halves round up, as a spreadsheet's ROUND does for positive numbers.
 */
export function intensiveCitizensOf(citizens: number, sharePercent: number): number {
  return Math.round((citizens * sharePercent) / 100);
}

/** Talks a year for a scenario: N × fg, or round(N × p) × fi + (N − round(N × p)) × 4. */
export function talksPerYear(citizens: number, sharePercent: number, scenario: CapacityScenario): number {
  if (scenario.kind === 'general') return citizens * scenario.perYear;
  const intensive = intensiveCitizensOf(citizens, sharePercent);
  return intensive * scenario.perYear + (citizens - intensive) * ON_TIME_TALKS_PER_YEAR;
}

/** s × d × w: talks one full-time year holds. */
export function talksPerFullTimeYear(talksPerDay: number, talkDaysPerWeek: number, weeksPerFullTimeYear: number) {
  return talksPerDay * talkDaysPerWeek * weeksPerFullTimeYear;
}

/**
 * The whole calculator for valid inputs (see `parseCapacityInputs`): the talks a year for every
 * general and intensive frequency, the "Årsværk" table, and the full-time years the chosen scenario needs.
 */
export function calculateCapacity(inputs: CapacityInputs): CapacityCalculation {
  const { citizens, intensiveSharePercent: share, talkDaysPerWeek: days, weeksPerFullTimeYear: weeks } = inputs;
  const capacity = talksPerFullTimeYear(inputs.talksPerDay, days, weeks);
  const intensiveCitizens = intensiveCitizensOf(citizens, share);
  const onTimeTalks = (citizens - intensiveCitizens) * ON_TIME_TALKS_PER_YEAR;

  const general = GENERAL_FREQUENCIES.map(({ perYear, label }) => {
    const talks = talksPerYear(citizens, share, { kind: 'general', perYear });
    return { perYear, label, talksPerYear: talks, fullTimeYears: talks / capacity };
  });
  const intensive = INTENSIVE_FREQUENCIES.map(({ perYear, label }) => {
    const talks = talksPerYear(citizens, share, { kind: 'intensive', perYear });
    return {
      perYear,
      label,
      intensiveTalks: intensiveCitizens * perYear,
      onTimeTalks,
      talksPerYear: talks,
      fullTimeYears: talks / capacity,
    };
  });
  const table = {
    fullTimeYears: [...TABLE_FULL_TIME_YEARS],
    rows: TABLE_TALKS_PER_DAY.map((perDay) => ({
      talksPerDay: perDay,
      talksByFullTimeYears: TABLE_FULL_TIME_YEARS.map((years) => talksPerFullTimeYear(perDay, days, weeks) * years),
    })),
  };

  const chosenTalks = talksPerYear(citizens, share, inputs.scenario);
  const frequencies = inputs.scenario.kind === 'general' ? GENERAL_FREQUENCIES : INTENSIVE_FREQUENCIES;
  const { perYear } = inputs.scenario;
  const frequency = frequencies.find((candidate) => candidate.perYear === perYear) ?? {
    perYear,
    label: `${perYear} samtaler om året`,
    phrase: `${perYear} gange om året`,
  };
  return {
    inputs,
    intensiveCitizens,
    talksPerFullTimeYear: capacity,
    general,
    intensive,
    table,
    chosen: {
      scenario: inputs.scenario,
      frequency,
      talksPerYear: chosenTalks,
      fullTimeYears: chosenTalks / capacity,
      // The tolerance keeps 3,3 talks a day (a capacity of 435.59999…) from asking for a year too many.
      wholeFullTimeYears: Math.ceil(chosenTalks / capacity - 1e-9),
    },
  };
}
