import { isDeepStrictEqual } from 'node:util';
import { parseCompleteAnswers } from '../../rules/screening/questionnaire.service';
import type { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import type { ScreeningResult, ScreeningRuleset } from '../../rules/screening/screening.types';
import {
  ScreeningSettingsError,
  defaultTeamScreeningSettings,
  withSettingsOverrides,
  type TeamScreeningSettingsOverrides,
} from '../../rules/screening/team-screening-settings';
import { CliInputError, isPlainObject, readJsonArgument } from './cli-input';

/** One case: answers, optional overrides of the default team settings, and what the result must be. */
export interface RuleTestCase {
  name: string;
  answers: Record<string, unknown>;
  settings?: TeamScreeningSettingsOverrides;
  expect: Record<string, unknown>;
}

export interface RuleTestFailure {
  name: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface RuleTestReport {
  total: number;
  passed: number;
  failed: number;
  failures: RuleTestFailure[];
}

/** The fields a case may expect, read from the result. */
const EXPECTATIONS: Readonly<Record<string, (result: ScreeningResult) => unknown>> = {
  track: (result) => result.track,
  strategy: (result) => result.strategy,
  targetGroup: (result) => result.targetGroup,
  riskScore: (result) => result.riskScore,
  riskLevel: (result) => result.riskLevel,
  bestArchetype: (result) => result.bestArchetype,
  /** Ids of the criteria that held, sorted. */
  criteriaHeld: (result) =>
    result.criteria
      .filter((criterion) => criterion.holds)
      .map((criterion) => criterion.id)
      .sort(),
  /** Archetype id → match score. */
  archetypeScores: (result) =>
    Object.fromEntries(result.archetypes.map((archetype) => [archetype.id, archetype.score])),
  matchedArchetypes: (result) =>
    result.archetypes.filter((archetype) => archetype.matched).map((archetype) => archetype.id),
  warningCount: (result) => result.warnings.length,
  tippedByAge: (result) => result.sensitivity.tippedByAge,
  withoutOver40: (result) => result.sensitivity.withoutOver40,
};

function parseCases(raw: unknown): RuleTestCase[] {
  if (!Array.isArray(raw)) throw new CliInputError('Testfilen skal indeholde en JSON-liste af tilfælde.');
  return raw.map((entry, index) => {
    const where = `Tilfælde ${index + 1}`;
    if (!isPlainObject(entry)) throw new CliInputError(`${where} skal være et objekt.`);
    const { name, answers, settings, expect } = entry;
    if (typeof name !== 'string' || name === '') throw new CliInputError(`${where} mangler et navn ("name").`);
    if (!isPlainObject(answers)) throw new CliInputError(`${where} (${name}): "answers" skal være et objekt.`);
    if (settings !== undefined && !isPlainObject(settings)) {
      throw new CliInputError(`${where} (${name}): "settings" skal være et objekt.`);
    }
    if (!isPlainObject(expect) || Object.keys(expect).length === 0) {
      throw new CliInputError(`${where} (${name}): "expect" skal være et objekt med mindst én forventning.`);
    }
    const unknown = Object.keys(expect).filter((key) => !(key in EXPECTATIONS));
    if (unknown.length > 0) {
      throw new CliInputError(
        `${where} (${name}): ukendt forventning ${unknown.join(', ')} (kendte: ${Object.keys(EXPECTATIONS).join(', ')}).`,
      );
    }
    return { name, answers, settings: settings as TeamScreeningSettingsOverrides | undefined, expect };
  });
}

async function runCase(
  ruleset: ScreeningRuleset,
  evaluator: ScreeningEvaluator,
  testCase: RuleTestCase,
): Promise<RuleTestFailure[]> {
  const settings = withSettingsOverrides(defaultTeamScreeningSettings(ruleset), testCase.settings ?? {});
  const { answers, errors } = parseCompleteAnswers(ruleset, settings, testCase.answers);
  if (errors.length > 0) {
    return [{ name: testCase.name, field: 'answers', expected: 'gyldige svar', actual: errors.map((e) => e.message) }];
  }
  let result: ScreeningResult;
  try {
    result = await evaluator.evaluate(answers, settings);
  } catch (error) {
    if (!(error instanceof ScreeningSettingsError)) throw error;
    const problems = error.problems.map((problem) => `${problem.location}: ${problem.message}`);
    return [{ name: testCase.name, field: 'settings', expected: 'gyldige indstillinger', actual: problems }];
  }
  return Object.entries(testCase.expect).flatMap(([field, expected]) => {
    const actual = EXPECTATIONS[field]?.(result);
    return isDeepStrictEqual(actual, expected) ? [] : [{ name: testCase.name, field, expected, actual }];
  });
}

/**
 * `rules test <cases.json>`: runs each case and reports every expectation that failed.
 * @throws CliInputError when the file is not a valid list of cases.
 */
export async function rulesTestCommand(
  ruleset: ScreeningRuleset,
  evaluator: ScreeningEvaluator,
  file: string | undefined,
): Promise<RuleTestReport> {
  const cases = parseCases(await readJsonArgument(file, 'en fil med testtilfælde'));
  const failures: RuleTestFailure[] = [];
  let failed = 0;
  for (const testCase of cases) {
    const caseFailures = await runCase(ruleset, evaluator, testCase);
    if (caseFailures.length > 0) failed += 1;
    failures.push(...caseFailures);
  }
  return { total: cases.length, passed: cases.length - failed, failed, failures };
}

/** One failure as a Danish line for stderr. */
export function describeFailure(failure: RuleTestFailure): string {
  return `${failure.name}: ${failure.field} forventet ${JSON.stringify(failure.expected)}, fik ${JSON.stringify(failure.actual)}`;
}
