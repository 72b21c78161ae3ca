import { parseCompleteAnswers } from '../questionnaire.service';
import type { ScreeningResult, ScreeningRuleset } from '../screening.types';
import {
  ScreeningSettingsError,
  defaultTeamScreeningSettings,
  withSettingsOverrides,
  type TeamScreeningSettingsOverrides,
} from '../team-screening-settings';
import type { ScreeningEvaluator } from './screening.evaluator';

/**
 * A case table for the screening rules: answers, optional overrides of the default team settings,
 * and what the result must be. `rules test <cases.json>` and the default table's test both read one.
 */
export interface RuleCase {
  name: string;
  answers: Record<string, unknown>;
  settings?: TeamScreeningSettingsOverrides;
  expect: Record<string, unknown>;
}

/** One expectation a case did not meet. */
export interface RuleCaseFailure {
  name: string;
  field: string;
  expected: unknown;
  actual: unknown;
}

/** A case table that cannot be read; the message is Danish and names the case. */
export class RuleCaseTableError extends Error {
  readonly code = 'RULE_CASES_INVALID';
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a case table (parsed JSON).
 * @throws RuleCaseTableError when it is not a list of well-formed cases.
 */
export function parseRuleCases(raw: unknown): RuleCase[] {
  if (!Array.isArray(raw)) throw new RuleCaseTableError('Testfilen skal indeholde en JSON-liste af tilfælde.');
  return raw.map((entry, index) => {
    const where = `Tilfælde ${index + 1}`;
    if (!isPlainObject(entry)) throw new RuleCaseTableError(`${where} skal være et objekt.`);
    const { name, answers, settings, expect } = entry;
    if (typeof name !== 'string' || name === '') throw new RuleCaseTableError(`${where} mangler et navn ("name").`);
    if (!isPlainObject(answers)) throw new RuleCaseTableError(`${where} (${name}): "answers" skal være et objekt.`);
    if (settings !== undefined && !isPlainObject(settings)) {
      throw new RuleCaseTableError(`${where} (${name}): "settings" skal være et objekt.`);
    }
    if (!isPlainObject(expect) || Object.keys(expect).length === 0) {
      throw new RuleCaseTableError(`${where} (${name}): "expect" skal være et objekt med mindst én forventning.`);
    }
    const unknown = Object.keys(expect).filter((key) => !(key in EXPECTATIONS));
    if (unknown.length > 0) {
      throw new RuleCaseTableError(
        `${where} (${name}): ukendt forventning ${unknown.join(', ')} (kendte: ${Object.keys(EXPECTATIONS).join(', ')}).`,
      );
    }
    return { name, answers, settings: settings as TeamScreeningSettingsOverrides | undefined, expect };
  });
}

/** Evaluates one case and returns every expectation it did not meet (none: the case passes). */
export async function runRuleCase(
  ruleset: ScreeningRuleset,
  evaluator: ScreeningEvaluator,
  testCase: RuleCase,
): Promise<RuleCaseFailure[]> {
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
    return sameJson(actual, expected) ? [] : [{ name: testCase.name, field, expected, actual }];
  });
}

/** Deep equality of JSON values, regardless of the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
    );
  }
  return Object.is(a, b);
}
