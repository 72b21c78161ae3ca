import {
  CAPACITY_FIELD_LABELS,
  CAPACITY_FIELDS,
  CAPACITY_LIMITS,
  CAPACITY_SCENARIOS,
  type CapacityField,
  type CapacityInputs,
  type CapacityScenario,
} from './capacity';
import { CPR_REFUSAL, containsCprShape } from '../shared/cpr-shape';
import { formatDanishNumber, parseDanishNumber } from '../shared/danish-number';

/** One invalid input: the field, its Danish label, and a Danish message that starts with the label. */
export interface CapacityFieldError {
  field: CapacityField;
  label: string;
  message: string;
}

export interface CapacityInputResult {
  /** Present exactly when there are no errors. */
  value?: CapacityInputs;
  errors: CapacityFieldError[];
  /**
   * What was typed, untouched, for every field, so the form comes back as the user left it; a field
   * that looks like it holds a CPR number comes back empty, so it is never echoed.
   */
  typed: Readonly<Record<CapacityField, string>>;
}

type NumberField = keyof typeof CAPACITY_LIMITS;

/** Whole numbers: people, days and weeks. Talks per day is an average and the share a percentage. */
const WHOLE: ReadonlySet<NumberField> = new Set(['citizens', 'talkDaysPerWeek', 'weeksPerFullTimeYear']);

const SCENARIO_CHOICES = `vælg ${CAPACITY_SCENARIOS.filter((scenario) => scenario.kind === 'general')
  .map((scenario) => scenario.perYear)
  .join(', ')} samtaler om året for alle, eller ${CAPACITY_SCENARIOS.filter((scenario) => scenario.kind === 'intensive')
  .map((scenario) => scenario.perYear)
  .join(', ')} for den intensiverede andel`;

/** The text an Adaptive Card input sends (a string), or the number a test or the CLI passes instead. */
function inputText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** What a valid value looks like, for the messages: "et helt tal fra 1 til 100.000". */
function expectation(field: NumberField): string {
  const { min, max } = CAPACITY_LIMITS[field];
  if (field === 'intensiveSharePercent') return `en procent fra ${min} til ${max}, fx 30`;
  const range = `fra ${formatDanishNumber(min)} til ${formatDanishNumber(max)}`;
  return WHOLE.has(field) ? `et helt tal ${range}` : `et tal ${range}, fx 3,5`;
}

/** The number typed in a field, or why it is refused (in Danish, without the field's label). */
function checkNumber(field: NumberField, text: string): { problem: string } | { value: number } {
  const { min, max } = CAPACITY_LIMITS[field];
  const wanted = expectation(field);
  if (text.trim() === '') return { problem: `skriv ${wanted}.` };
  const value = parseDanishNumber(text);
  if (value === undefined) return { problem: `"${text.trim()}" er ikke et tal – skriv ${wanted}.` };
  if (value < 0) return { problem: `må ikke være negativ – skriv ${wanted}.` };
  if (WHOLE.has(field) && !Number.isInteger(value)) return { problem: `skal være et helt tal – skriv ${wanted}.` };
  if (value === 0 && min > 0) return { problem: `kan ikke være 0 – skriv ${wanted}.` };
  if (value < min) return { problem: `skal være mindst ${formatDanishNumber(min)} – skriv ${wanted}.` };
  if (field === 'intensiveSharePercent' && value > max)
    return { problem: `kan ikke være over 100 % – skriv ${wanted}.` };
  if (value > max) return { problem: `må højst være ${formatDanishNumber(max)} – skriv ${wanted}.` };
  return { value };
}

/** A scenario id (`general-4`, `intensive-24`) as the card's choice or the CLI sends it. */
export function parseScenario(text: string): CapacityScenario | undefined {
  const scenario = CAPACITY_SCENARIOS.find((candidate) => candidate.id === text.trim());
  return scenario === undefined ? undefined : { kind: scenario.kind, perYear: scenario.perYear };
}

/**
 * Reads the calculator's inputs from a card submit or the CLI. Every field is checked and every
 * problem reported at once, each with a Danish message naming the field (negative numbers, a share
 * over 100 %, zero days or weeks, words where a number belongs, an unknown scenario).
 */
export function parseCapacityInputs(raw: Readonly<Record<string, unknown>>): CapacityInputResult {
  const typed = Object.fromEntries(CAPACITY_FIELDS.map((field) => [field, inputText(raw[field])])) as Record<
    CapacityField,
    string
  >;
  const errors: CapacityFieldError[] = [];
  const fail = (field: CapacityField, message: string): undefined => {
    const label = CAPACITY_FIELD_LABELS[field];
    errors.push({ field, label, message: `${label}: ${message}` });
    return undefined;
  };
  // A CPR-shaped value is refused as one (spec §5) and blanked, so it is neither quoted nor shown again.
  const refused = new Set(CAPACITY_FIELDS.filter((field) => containsCprShape(typed[field])));
  for (const field of refused) typed[field] = '';
  const number = (field: NumberField): number | undefined => {
    if (refused.has(field)) return fail(field, CPR_REFUSAL);
    const checked = checkNumber(field, typed[field]);
    return 'value' in checked ? checked.value : fail(field, checked.problem);
  };

  const citizens = number('citizens');
  const talkDaysPerWeek = number('talkDaysPerWeek');
  const weeksPerFullTimeYear = number('weeksPerFullTimeYear');
  const talksPerDay = number('talksPerDay');
  const intensiveSharePercent = number('intensiveSharePercent');
  const scenario = refused.has('scenario')
    ? fail('scenario', CPR_REFUSAL)
    : (parseScenario(typed.scenario) ?? fail('scenario', `${SCENARIO_CHOICES}.`));

  if (
    citizens === undefined ||
    talkDaysPerWeek === undefined ||
    weeksPerFullTimeYear === undefined ||
    talksPerDay === undefined ||
    intensiveSharePercent === undefined ||
    scenario === undefined
  ) {
    return { errors, typed };
  }
  return {
    value: { citizens, talkDaysPerWeek, weeksPerFullTimeYear, talksPerDay, intensiveSharePercent, scenario },
    errors,
    typed,
  };
}
