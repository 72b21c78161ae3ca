import assert from 'node:assert/strict';
import {
  parseRuleCases,
  runRuleCase,
  RuleCaseTableError,
  type RuleCase,
} from '../../../../rules/screening/engine/rule-cases';
import { ScreeningEvaluator } from '../../../../rules/screening/engine/screening.evaluator';
import { defaultRuleset, readRuleFile } from '../screening-fixtures';

describe('rule case tables (rules/screening/engine/rule-cases.ts)', () => {
  const ruleset = defaultRuleset();
  const evaluator = new ScreeningEvaluator(ruleset);
  const withScores = parseRuleCases(readRuleFile('cases/default-rules.cases.json')).find(
    (testCase) => 'archetypeScores' in testCase.expect,
  );

  it('when a case expects archetype scores in another key order, then it still passes', async () => {
    assert.ok(withScores);
    const scores = withScores.expect.archetypeScores as Record<string, number>;
    const reversed = Object.fromEntries(Object.entries(scores).reverse());
    assert.deepEqual(
      await runRuleCase(ruleset, evaluator, { ...withScores, expect: { archetypeScores: reversed } }),
      [],
    );
  });

  it('when a case expects a wrong track and a missing score, then both are reported with what was found', async () => {
    assert.ok(withScores);
    const scores = { ...(withScores.expect.archetypeScores as Record<string, number>) };
    delete scores['sprogbarriere'];
    const wrong: RuleCase = { ...withScores, expect: { track: 'selektion', archetypeScores: scores } };
    const failures = await runRuleCase(ruleset, evaluator, wrong);
    assert.deepEqual(
      failures.map((failure) => [failure.field, failure.expected, failure.actual]),
      [
        ['track', 'selektion', withScores.expect.track],
        ['archetypeScores', scores, withScores.expect.archetypeScores],
      ],
    );
  });

  it('when the answers are incomplete, then the case fails on its answers instead of evaluating', async () => {
    const failures = await runRuleCase(ruleset, evaluator, {
      name: 'tom',
      answers: {},
      expect: { track: 'catch-all' },
    });
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.field, 'answers');
  });

  it('when an expectation is unknown, then the table is refused naming the case and the known fields', () => {
    assert.throws(
      () => parseRuleCases([{ name: 'x', answers: {}, expect: { spor: 'selektion' } }]),
      (error: unknown) =>
        error instanceof RuleCaseTableError &&
        error.message.includes('Tilfælde 1 (x)') &&
        error.message.includes('ukendt forventning spor') &&
        error.message.includes('track'),
    );
  });
});
