import assert from 'node:assert/strict';
import {
  ScreeningRulesetError,
  checkScreeningRuleset,
  loadScreeningRuleset,
} from '../../../../rules/screening/engine/screening-ruleset.parser';
import { defaultRuleFiles } from '../screening-fixtures';

describe('loadScreeningRuleset', () => {
  it('when the project files are loaded, then the ruleset has the 12 criteria with only the sensitive one off', () => {
    const ruleset = loadScreeningRuleset(defaultRuleFiles());
    assert.equal(ruleset.criteria.length, 12);
    assert.deepEqual(
      ruleset.criteria.filter((c) => !c.enabled).map((c) => [c.id, c.sensitive]),
      [['anden_etnisk_baggrund', true]],
    );
    assert.deepEqual(ruleset.defaults, {
      intensiveShareCap: 0.3,
      capacityWindowDays: 90,
      retentionDays: 90,
      affectedSectors: [],
    });
    assert.equal(ruleset.sectors.length, 19);
  });

  it('when a file breaks its schema, then the problem names the file, the pointer and says what in Danish', () => {
    const files = defaultRuleFiles();
    const rules = files.rules as { criteria: { weight: unknown }[] };
    (rules.criteria[2] as { weight: unknown }).weight = 'tung';
    assert.throws(
      () => loadScreeningRuleset(files),
      (error: unknown) => {
        assert.ok(error instanceof ScreeningRulesetError);
        assert.deepEqual(error.problems, [
          { file: 'screening-rules.json', location: '/criteria/2/weight', message: 'skal være af typen number' },
        ]);
        return true;
      },
    );
  });

  it('when a rule reads an unknown fact or a question refers to a later section, then both are reported', () => {
    const files = defaultRuleFiles();
    const rules = files.rules as { criteria: { conditions: unknown }[] };
    (rules.criteria[0] as { conditions: unknown }).conditions = { fact: 'alder', operator: 'greaterThan', value: 40 };
    const questionnaire = files.questionnaire as { sections: { questions: { condition?: unknown }[] }[] };
    const first = questionnaire.sections[0]?.questions[0];
    if (first !== undefined) first.condition = { fact: 'motivation', operator: 'equal', value: 'lav' };
    const { problems } = checkScreeningRuleset(files);
    assert.deepEqual(
      problems.map((p) => `${p.file} ${p.location}`),
      ['questionnaire.json /sections/0/questions/0/condition/fact', 'screening-rules.json /criteria/0/conditions/fact'],
    );
    assert.match(problems[1]?.message ?? '', /^ukendt fakta "alder"/);
  });

  it('when the last target group has a condition, then it is reported so no citizen is left without a strategy', () => {
    const files = defaultRuleFiles();
    const rules = files.rules as { targetGroups: unknown[] };
    rules.targetGroups = rules.targetGroups.slice(0, 1);
    const { problems } = checkScreeningRuleset(files);
    assert.equal(problems[0]?.location, '/targetGroups/0/condition');
    assert.match(problems[0]?.message ?? '', /den sidste målgruppe skal gælde alle/);
  });

  it("when the rule file's default retention is outside 7–365 days, then it is reported with the range", () => {
    for (const retentionDays of [6, 366, 3650]) {
      const files = defaultRuleFiles();
      (files.rules as { defaults: { retentionDays: number } }).defaults.retentionDays = retentionDays;
      const { problems } = checkScreeningRuleset(files);
      assert.deepEqual(
        problems.map((p) => `${p.location}: ${p.message}`),
        ['/defaults/retentionDays: skal være mellem 7 og 365 dage'],
        String(retentionDays),
      );
    }
  });
});
