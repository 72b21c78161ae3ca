import {
  CAPACITY_DEFAULTS,
  CAPACITY_FIELDS,
  CAPACITY_SCENARIOS,
  type CapacityField,
} from '../../rules/capacity/capacity';
import type { CapacityCalculation } from '../../rules/capacity/capacity.calculator';
import { describeCapacityAnswer } from '../../rules/capacity/capacity-answer';
import { formatDanishNumber as n, parseDanishNumber } from '../../rules/shared/danish-number';

export interface CapacityViewInput {
  /** What the form shows; the seed's example when nothing was typed yet. */
  typed?: Readonly<Record<CapacityField, string>>;
  /** Danish messages naming the fields, when the inputs were refused. */
  errors?: readonly string[];
  /** The result for the typed inputs, when they were valid. */
  calculation?: CapacityCalculation;
}

type Cell = { text: string; weight: 'Bolder' | null };

const cell = (text: string, bold = false): Cell => ({ text, weight: bold ? 'Bolder' : null });

/**
 * Columns of full-time years in one table: with the talks per day beside them, six columns still show a
 * number like 9.504 whole in a card drawn 446 px wide.
 */
const YEARS_PER_TABLE = 5;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/** The result part: the answer, the talks a year per frequency, and the "Årsværk" table. */
function resultView(calculation: CapacityCalculation) {
  const { inputs, chosen, table } = calculation;
  const perDay = n(inputs.talksPerDay);
  const highlighted = table.rows.find((row) => row.talksPerDay === inputs.talksPerDay);
  const firstCovering = highlighted?.talksByFullTimeYears.findIndex((talks) => talks >= chosen.talksPerYear) ?? -1;
  return {
    headline: `Scenariet kræver ${n(chosen.fullTimeYears)} årsværk`,
    answer: describeCapacityAnswer(calculation),
    generalRows: [
      [cell('Frekvens', true), cell('Samtaler om året', true), cell(`Årsværk ved ${perDay} pr. dag`, true)],
      ...calculation.general.map((row) => [
        cell(`${row.label} (${row.perYear})`),
        cell(n(row.talksPerYear)),
        cell(n(row.fullTimeYears)),
      ]),
    ].map((cells) => ({ cells })),
    intensiveHeading:
      `Intensiveret for ${n(inputs.intensiveSharePercent)} % af målgruppen ` +
      `(${n(calculation.intensiveCitizens)} ${calculation.intensiveCitizens === 1 ? 'borger' : 'borgere'})`,
    intensiveIntro: (() => {
      const others = inputs.citizens - calculation.intensiveCitizens;
      const onTime = calculation.intensive[0]?.onTimeTalks ?? 0;
      return `De øvrige ${n(others)} ${others === 1 ? 'borger' : 'borgere'} til samtale rettidigt (4 om året) giver ${n(onTime)} samtaler, som er talt med i "I alt".`;
    })(),
    // Four columns with short headers: every word fits whole in a card drawn 446 px wide.
    intensiveRows: [
      [
        cell('Frekvens', true),
        cell('Intensive samtaler', true),
        cell('Samtaler i alt', true),
        cell(`Årsværk ved ${perDay} pr. dag`, true),
      ],
      ...calculation.intensive.map((row) => [
        cell(`${row.label} (${row.perYear})`),
        cell(n(row.intensiveTalks)),
        cell(n(row.talksPerYear)),
        cell(n(row.fullTimeYears)),
      ]),
    ].map((cells) => ({ cells })),
    tableIntro:
      `Samtaler om året ved ${n(inputs.talkDaysPerWeek)} ${inputs.talkDaysPerWeek === 1 ? 'dag' : 'dage'} om ugen ` +
      `og ${n(inputs.weeksPerFullTimeYear)} uger pr. årsværk: antal samtaler pr. dag nedad, antal årsværk henad.` +
      (highlighted !== undefined && firstCovering >= 0
        ? ` Det første tal, der dækker scenariets ${n(chosen.talksPerYear)} samtaler ved ${perDay} pr. dag, er fremhævet.`
        : ''),
    yearTables: chunks(
      table.fullTimeYears.map((years, index) => ({ years, index })),
      YEARS_PER_TABLE,
    ).map((columns) => ({
      caption: `Årsværk ${n(columns[0]?.years ?? 0)}–${n(columns[columns.length - 1]?.years ?? 0)}`,
      columns: [{ width: 3 }, ...columns.map(() => ({ width: 2 }))],
      rows: [
        {
          style: null,
          cells: [cell('Pr. dag', true), ...columns.map(({ years }) => cell(n(years), true))],
        },
        ...table.rows.map((row) => ({
          style: row === highlighted ? 'accent' : null,
          cells: [
            cell(n(row.talksPerDay), true),
            ...columns.map(({ index }) =>
              cell(n(row.talksByFullTimeYears[index] ?? 0), row === highlighted && index === firstCovering),
            ),
          ],
        })),
      ],
    })),
  };
}

/** The typed text as the number an Input.Number can show, or null (absent) when it is not a number. */
function numberValue(text: string): number | null {
  return parseDanishNumber(text) ?? null;
}

/** The result's properties when there is no result: the template's `$when` hides them. */
const EMPTY_RESULT: ReturnType<typeof resultView> = {
  headline: '',
  answer: '',
  generalRows: [],
  intensiveHeading: '',
  intensiveIntro: '',
  intensiveRows: [],
  tableIntro: '',
  yearTables: [],
};

/**
 * The ressourceberegner card: the form (prefilled with the seed's example, or with what was typed),
 * the errors when the inputs were refused, and the result when they were valid. Every property is
 * set; null means absent.
 */
export function buildCapacityViewModel(input: CapacityViewInput = {}) {
  const typed = input.typed ?? CAPACITY_DEFAULTS;
  const errors = [...(input.errors ?? [])];
  const scenario = CAPACITY_SCENARIOS.some((candidate) => candidate.id === typed.scenario.trim())
    ? typed.scenario.trim()
    : null;
  const values = Object.fromEntries(
    CAPACITY_FIELDS.filter((field) => field !== 'scenario').map((field) => [field, numberValue(typed[field])]),
  ) as Record<Exclude<CapacityField, 'scenario'>, number | null>;
  return {
    errors,
    hasResult: input.calculation !== undefined,
    ...(input.calculation === undefined ? EMPTY_RESULT : resultView(input.calculation)),
    formHeading: input.calculation === undefined ? 'Scenariet' : 'Prøv et andet scenarie',
    ...values,
    scenario,
    scenarios: CAPACITY_SCENARIOS.map((candidate) => ({ title: candidate.label, value: candidate.id })),
  };
}
