import { RuleFilesValidator, type RuleFileProblem } from '../rule-files/rule-files.validator';
import { RULE_FILE_SCHEMAS } from '../rule-files/rule-file.schemas';
import type { IndicatorCatalog, IndicatorDefinition } from './indicator';

export const INDICATORS_FILE = 'indicators.json';

const INDICATOR_ID = /^[a-z][a-z0-9_]*$/u;

/** Thrown when indicators.json is broken; `problems` name the place (JSON pointer) and what, in Danish. */
export class IndicatorCatalogError extends Error {
  readonly code = 'INDICATORS_INVALID';
  constructor(readonly problems: RuleFileProblem[]) {
    super(`Indicator file is invalid:\n${problems.map((p) => `  ${p.file} (${p.location}): ${p.message}`).join('\n')}`);
    this.name = 'IndicatorCatalogError';
  }
}

/**
 * Validates the indicator file: its schema, then what a schema does not say — ids in snake_case and
 * unique, labels unique (the summary names an indicator by its label alone), every indicator in a
 * known group, and each prefill source used by one indicator at most (else a count would be prefilled twice).
 */
export function checkIndicatorCatalog(json: unknown): { catalog?: IndicatorCatalog; problems: RuleFileProblem[] } {
  const schema = new RuleFilesValidator(RULE_FILE_SCHEMAS).validate([
    { name: INDICATORS_FILE, content: JSON.stringify(json) ?? '' },
  ]);
  if (schema.problems.length > 0) return { problems: schema.problems };
  const catalog = json as IndicatorCatalog;
  const problems: RuleFileProblem[] = [];
  const problem = (location: string, message: string) => problems.push({ file: INDICATORS_FILE, location, message });

  const groupIds = new Set<string>();
  catalog.groups.forEach((group, index) => {
    if (groupIds.has(group.id)) problem(`/groups/${index}/id`, `gruppen "${group.id}" findes allerede`);
    groupIds.add(group.id);
  });
  const ids = new Set<string>();
  const labels = new Set<string>();
  const prefills = new Set<string>();
  catalog.indicators.forEach((indicator, index) => {
    const at = `/indicators/${index}`;
    if (!INDICATOR_ID.test(indicator.id)) {
      problem(`${at}/id`, `id "${indicator.id}" skal skrives med små bogstaver, tal og _ (fx "kanvas")`);
    }
    if (ids.has(indicator.id)) problem(`${at}/id`, `indikatoren "${indicator.id}" findes allerede`);
    ids.add(indicator.id);
    if (labels.has(indicator.label)) problem(`${at}/label`, `teksten "${indicator.label}" bruges allerede`);
    labels.add(indicator.label);
    if (!groupIds.has(indicator.group)) problem(`${at}/group`, `ukendt gruppe "${indicator.group}"`);
    if (indicator.prefill !== undefined) {
      if (prefills.has(indicator.prefill)) {
        problem(`${at}/prefill`, `"${indicator.prefill}" forudfylder allerede en anden indikator`);
      }
      prefills.add(indicator.prefill);
    }
  });
  return problems.length > 0 ? { problems } : { catalog, problems };
}

/**
 * Validates and loads the indicator file.
 * @throws IndicatorCatalogError naming the place inside the file and what is wrong.
 */
export function loadIndicatorCatalog(json: unknown): IndicatorCatalog {
  const { catalog, problems } = checkIndicatorCatalog(json);
  if (catalog === undefined) throw new IndicatorCatalogError(problems);
  return catalog;
}

/** The catalog's indicators among `ids`, in the catalog's order (groups stay together); unknown ids are left out. */
export function indicatorsIn(catalog: IndicatorCatalog, ids: readonly string[]): IndicatorDefinition[] {
  const wanted = new Set(ids);
  return catalog.indicators.filter((indicator) => wanted.has(indicator.id));
}

export function findIndicator(catalog: IndicatorCatalog, id: string): IndicatorDefinition | undefined {
  return catalog.indicators.find((indicator) => indicator.id === id);
}
