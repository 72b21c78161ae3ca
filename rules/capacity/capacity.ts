/**
 * The ressourceberegner (spec §4, seed 003): how many talks a year a target group needs at a talk
 * frequency, and how many full-time years (årsværk) that takes.
 */

/** A talk frequency of the seed: talks per citizen per year, its Danish name, and how a sentence says it. */
export interface TalkFrequency {
  perYear: number;
  label: string;
  /** "til samtale …": `rettidigt`, `hver måned`. */
  phrase: string;
}

/** The general frequencies for the whole target group, in the seed's order. */
export const GENERAL_FREQUENCIES: readonly TalkFrequency[] = [
  { perYear: 4, label: 'Rettidighed', phrase: 'rettidigt' },
  { perYear: 6, label: 'Hver anden måned', phrase: 'hver anden måned' },
  { perYear: 12, label: 'Hver måned', phrase: 'hver måned' },
];

/** The frequencies of the intensive effort for a share of the target group, in the seed's order. */
export const INTENSIVE_FREQUENCIES: readonly TalkFrequency[] = [
  { perYear: 24, label: 'To gange i måneden', phrase: 'to gange i måneden' },
  { perYear: 12, label: 'Hver måned', phrase: 'hver måned' },
  { perYear: 6, label: 'Hver anden måned', phrase: 'hver anden måned' },
];

/** Talks per year for the citizens outside the intensive share: on time (rettidighed). */
export const ON_TIME_TALKS_PER_YEAR = 4;

/** A scenario the calculator answers for: everyone at a general frequency, or a share at an intensive one. */
export type CapacityScenarioKind = 'general' | 'intensive';
export interface CapacityScenario {
  kind: CapacityScenarioKind;
  /** Talks per citizen per year (for `intensive`: for the citizens in the intensive share). */
  perYear: number;
}

/** A scenario as the card's choice and the CLI name it: `general-4`, `intensive-24`. */
export type CapacityScenarioId = `${CapacityScenarioKind}-${number}`;

export function scenarioId(scenario: CapacityScenario): CapacityScenarioId {
  return `${scenario.kind}-${scenario.perYear}`;
}

/** Every scenario of the seed, general first, each with its id and Danish name. */
export const CAPACITY_SCENARIOS: readonly (CapacityScenario & { id: CapacityScenarioId; label: string })[] = [
  ...GENERAL_FREQUENCIES.map((frequency) => ({
    kind: 'general' as const,
    perYear: frequency.perYear,
    id: scenarioId({ kind: 'general', perYear: frequency.perYear }),
    label: `Alle ${frequency.phrase} (${frequency.perYear} samtaler om året)`,
  })),
  ...INTENSIVE_FREQUENCIES.map((frequency) => ({
    kind: 'intensive' as const,
    perYear: frequency.perYear,
    id: scenarioId({ kind: 'intensive', perYear: frequency.perYear }),
    label: `Intensiveret ${frequency.phrase} (${frequency.perYear} samtaler om året), resten rettidigt`,
  })),
];

/** The calculator's inputs (the seed's four editable fields, plus talks per day and the scenario asked about). */
export interface CapacityInputs {
  /** N: citizens in the target group. */
  citizens: number;
  /** d: days a week with talks. */
  talkDaysPerWeek: number;
  /** w: weeks in a full-time year, after holidays, internal meetings and training (typically 43–44). */
  weeksPerFullTimeYear: number;
  /** s: talks one employee holds on a talk day. */
  talksPerDay: number;
  /** p in per cent: the share needing an intensive effort. */
  intensiveSharePercent: number;
  /** The scenario whose full-time years the answer states. */
  scenario: CapacityScenario;
}

/** The form's inputs; each Adaptive Card input's `id` is one of these. */
export const CAPACITY_FIELDS = [
  'citizens',
  'talkDaysPerWeek',
  'weeksPerFullTimeYear',
  'talksPerDay',
  'intensiveSharePercent',
  'scenario',
] as const;
export type CapacityField = (typeof CAPACITY_FIELDS)[number];

/** Danish field labels (the seed's words): the form shows them, and every error message starts with one. */
export const CAPACITY_FIELD_LABELS: Readonly<Record<CapacityField, string>> = {
  citizens: 'Antal borgere',
  talkDaysPerWeek: 'Antal dage med samtaler',
  weeksPerFullTimeYear: 'Antal uger pr. årsværk',
  talksPerDay: 'Antal samtaler pr. dag',
  intensiveSharePercent: 'Andel med behov for intensiveret indsats (%)',
  scenario: 'Scenarie',
};

/**
 * What the form shows first: the seed's worked example (330 citizens, 3 days, 44 weeks, 30 %). The
 * seed fixes no talks per day or scenario; 4 talks a day and its first intensive scenario are chosen
 * so that a first click answers a question the seed's text asks.
 */
export const CAPACITY_DEFAULTS: Readonly<Record<CapacityField, string>> = {
  citizens: '330',
  talkDaysPerWeek: '3',
  weeksPerFullTimeYear: '44',
  talksPerDay: '4',
  intensiveSharePercent: '30',
  scenario: 'intensive-24',
};

/** The limits of each number: wide enough for any team, narrow enough to catch a typo. */
export const CAPACITY_LIMITS = {
  citizens: { min: 1, max: 100_000 },
  talkDaysPerWeek: { min: 1, max: 5 },
  weeksPerFullTimeYear: { min: 1, max: 52 },
  talksPerDay: { min: 1, max: 20 },
  intensiveSharePercent: { min: 0, max: 100 },
} as const;

/** The seed's "Årsværk" table: talks per day 1–8 down, full-time years 1–9 across. */
export const TABLE_TALKS_PER_DAY: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8];
export const TABLE_FULL_TIME_YEARS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
