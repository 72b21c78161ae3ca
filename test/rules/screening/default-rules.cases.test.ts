import assert from 'node:assert/strict';
import { parseRuleCases, runRuleCase } from '../../../rules/screening/engine/rule-cases';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import { defaultRuleset, readRuleFile } from './screening-fixtures';

describe('screening rules: the default case table (rules/data/cases/default-rules.cases.json)', () => {
  const ruleset = defaultRuleset();
  const evaluator = new ScreeningEvaluator(ruleset);
  const cases = parseRuleCases(readRuleFile('cases/default-rules.cases.json'));

  for (const testCase of cases) {
    it(`when ${testCase.name}, then the result is ${JSON.stringify(testCase.expect)}`, async () => {
      assert.deepEqual(await runRuleCase(ruleset, evaluator, testCase), []);
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
