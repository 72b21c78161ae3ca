import assert from 'node:assert/strict';
import { parseCompleteAnswers } from '../../../rules/screening/questionnaire.service';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import type { ScreeningResult } from '../../../rules/screening/screening.types';
import {
  defaultTeamScreeningSettings,
  withSettingsOverrides,
  type TeamScreeningSettingsOverrides,
} from '../../../rules/screening/team-screening-settings';
import { defaultRuleset, readRuleFile } from './screening-fixtures';

interface Case {
  name: string;
  answers: Record<string, unknown>;
  settings?: TeamScreeningSettingsOverrides;
  expect: Record<string, unknown>;
}

/** The same reading of a result as `rules test` does, for the keys the case table uses. */
function actual(result: ScreeningResult, key: string): unknown {
  switch (key) {
    case 'criteriaHeld':
      return result.criteria
        .filter((c) => c.holds)
        .map((c) => c.id)
        .sort();
    case 'archetypeScores':
      return Object.fromEntries(result.archetypes.map((a) => [a.id, a.score]));
    case 'matchedArchetypes':
      return result.archetypes.filter((a) => a.matched).map((a) => a.id);
    case 'warningCount':
      return result.warnings.length;
    case 'tippedByAge':
      return result.sensitivity.tippedByAge;
    case 'withoutOver40':
      return result.sensitivity.withoutOver40;
    default:
      return (result as unknown as Record<string, unknown>)[key];
  }
}

describe('screening rules: the default case table (rules/data/cases/default-rules.cases.json)', () => {
  const ruleset = defaultRuleset();
  const evaluator = new ScreeningEvaluator(ruleset);
  const cases = readRuleFile('cases/default-rules.cases.json') as Case[];

  for (const testCase of cases) {
    it(`when ${testCase.name}, then the result is ${JSON.stringify(testCase.expect)}`, async () => {
      const settings = withSettingsOverrides(defaultTeamScreeningSettings(ruleset), testCase.settings ?? {});
      const { answers, errors } = parseCompleteAnswers(ruleset, settings, testCase.answers);
      assert.deepEqual(errors, []);
      const result = await evaluator.evaluate(answers, settings);
      for (const [key, expected] of Object.entries(testCase.expect)) {
        assert.deepEqual(actual(result, key), expected, `${key} in "${testCase.name}"`);
      }
    });
  }

  it('when the table is read, then it crosses every boundary the spec names', () => {
    const names = cases.map((c) => c.name).join('\n');
    for (const needle of [
      'alder 29',
      'alder 30',
      'alder 40',
      'alder 41',
      'alder 50',
      'alder 51',
      '1 ansøgning',
      '2 ansøgninger',
      '1,9 års',
      '2 års',
      'risikoscore 2',
      'risikoscore 3',
      'risikoscore 4',
      'risikoscore 5',
      'strategi dødvægt',
    ]) {
      assert.ok(names.includes(needle), needle);
    }
  });
});
