import { parseArgs } from 'node:util';
import { CAPACITY_DEFAULTS, CAPACITY_SCENARIOS, scenarioId, type CapacityField } from '../../rules/capacity/capacity';
import { calculateCapacity } from '../../rules/capacity/capacity.calculator';
import { describeCapacityAnswer } from '../../rules/capacity/capacity-answer';
import { parseCapacityInputs } from '../../rules/capacity/capacity-input.validation';
import { CliInputError } from './cli-input';

/** The command line's flags and the calculator's fields they fill (`--intensive`, else `--general`, picks the scenario). */
const FLAGS = {
  citizens: 'citizens',
  days: 'talkDaysPerWeek',
  weeks: 'weeksPerFullTimeYear',
  'per-day': 'talksPerDay',
  share: 'intensiveSharePercent',
  intensive: 'scenario',
  general: 'scenario',
} as const satisfies Record<string, CapacityField>;
type Flag = keyof typeof FLAGS;

/** How an error names the flag of a field. */
const FLAG_OF_FIELD: Readonly<Record<CapacityField, string>> = {
  citizens: '--citizens',
  talkDaysPerWeek: '--days',
  weeksPerFullTimeYear: '--weeks',
  talksPerDay: '--per-day',
  intensiveSharePercent: '--share',
  scenario: '--intensive/--general',
};

export const CAPACITY_USAGE =
  'capacity [--citizens N] [--days d] [--weeks w] [--per-day s] [--share p] [--intensive fi] [--general fg]';

/** Full-time years with two decimals, as the card shows them. */
const twoDecimals = (value: number): number => Math.round(value * 100) / 100;

function isFlag(name: string): name is Flag {
  return Object.hasOwn(FLAGS, name);
}

/** Reads the flags into the form's fields, the seed's example filling in what is not given. */
function fieldsFromArgs(args: readonly string[]): Record<CapacityField, string> {
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const fields: Record<CapacityField, string> = { ...CAPACITY_DEFAULTS };
  const problems: string[] = [];
  const frequencies: { intensive?: string; general?: string } = {};
  for (const token of tokens) {
    if (token.kind === 'positional') problems.push(`Uventet argument: ${token.value}`);
    if (token.kind !== 'option') continue;
    if (!isFlag(token.name)) {
      problems.push(`Ukendt tilvalg: ${token.rawName}`);
      continue;
    }
    if (token.value === undefined) {
      problems.push(`${token.rawName} mangler en værdi.`);
      continue;
    }
    if (token.name === 'intensive' || token.name === 'general') {
      frequencies[token.name] = `${token.name}-${token.value.trim()}`;
      continue;
    }
    fields[FLAGS[token.name]] = token.value;
  }
  // Both may be given (the calculator's inputs fi and fg): the answer is for the intensive scenario,
  // and the general frequency, which every answer lists, must still be one the seed knows.
  if (frequencies.intensive !== undefined && frequencies.general !== undefined) {
    if (!CAPACITY_SCENARIOS.some((scenario) => scenario.id === frequencies.general))
      problems.push(
        `--general: vælg 4, 6 eller 12 samtaler om året (fik ${frequencies.general.slice('general-'.length)}).`,
      );
  }
  const chosen = frequencies.intensive ?? frequencies.general;
  if (chosen !== undefined) fields.scenario = chosen;
  if (problems.length > 0) throw new CliInputError([...problems, `Brug: npm run cli -- ${CAPACITY_USAGE}`].join('\n'));
  return fields;
}

/**
 * `capacity …`: the ressourceberegner for the given inputs, as JSON: the talks a year for every
 * general and intensive frequency, the seed's "Årsværk" table, and the full-time years the chosen
 * scenario needs.
 * @throws CliInputError naming the flag and the field when an input is invalid.
 */
export function capacityCommand(args: readonly string[]) {
  const fields = fieldsFromArgs(args);
  const { value, errors } = parseCapacityInputs(fields);
  if (value === undefined)
    throw new CliInputError(errors.map((error) => `${FLAG_OF_FIELD[error.field]}: ${error.message}`).join('\n'));
  const calculation = calculateCapacity(value);
  const { chosen } = calculation;
  return {
    inputs: { ...value, scenario: scenarioId(value.scenario) },
    intensiveCitizens: calculation.intensiveCitizens,
    talksPerFullTimeYear: calculation.talksPerFullTimeYear,
    general: calculation.general.map((row) => ({ ...row, fullTimeYears: twoDecimals(row.fullTimeYears) })),
    intensive: calculation.intensive.map((row) => ({ ...row, fullTimeYears: twoDecimals(row.fullTimeYears) })),
    table: {
      fullTimeYears: calculation.table.fullTimeYears,
      rows: calculation.table.rows.map((row) => ({ talksPerDay: row.talksPerDay, talks: row.talksByFullTimeYears })),
    },
    chosen: {
      scenario: scenarioId(chosen.scenario),
      label: CAPACITY_SCENARIOS.find((scenario) => scenario.id === scenarioId(chosen.scenario))?.label,
      talksPerYear: chosen.talksPerYear,
      fullTimeYears: twoDecimals(chosen.fullTimeYears),
      wholeFullTimeYears: chosen.wholeFullTimeYears,
    },
    answer: describeCapacityAnswer(calculation),
  };
}
