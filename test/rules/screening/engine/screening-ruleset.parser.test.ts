import assert from 'node:assert/strict';
import {
  ScreeningRulesetError,
  checkScreeningRuleset,
  loadScreeningRuleset,
} from '../../../../rules/screening/engine/screening-ruleset.parser';
import { DEFAULT_TRACK_LABELS } from '../../../../cards/screening/track-labels';
import { defaultRuleFiles, defaultRuleset } from '../screening-fixtures';

/** Every problem rules check reports for `files`, one per line. */
function problemsOf(files: ReturnType<typeof defaultRuleFiles>): string {
  return checkScreeningRuleset(files)
    .problems.map((problem) => `${problem.location}: ${problem.message}`)
    .join('\n');
}

describe('loadScreeningRuleset', () => {
  it('when the project files are loaded, then the ruleset has the 12 criteria with only the sensitive one off', () => {
    const ruleset = loadScreeningRuleset(defaultRuleFiles());
    assert.equal(ruleset.criteria.length, 12);
    assert.deepEqual(
      ruleset.criteria.filter((c) => !c.enabled).map((c) => [c.id, c.sensitive]),
      [['anden_etnisk_baggrund', true]],
    );
    assert.deepEqual(ruleset.defaults, {
      trackLabels: DEFAULT_TRACK_LABELS,
      intensiveShareCap: 0.3,
      capacityWindowDays: 90,
      retentionDays: 90,
      affectedSectors: [],
    });
    assert.equal(ruleset.sectors.length, 19);
  });

  it('when the rule file names the display labels of the tracks, then they are the spec’s, as the cards use them', () => {
    assert.deepEqual(defaultRuleset().defaults.trackLabels, DEFAULT_TRACK_LABELS);
    assert.ok(
      !Object.values(DEFAULT_TRACK_LABELS).some((label) => /dødvægt/i.test(label)),
      'no citizen is called dødvægt',
    );
  });

  it('when a criterion or a target group has no reason sentence, then rules check names each', () => {
    const files = defaultRuleFiles();
    const rules = files.rules as { criteria: { reason?: unknown }[]; targetGroups: { reason?: unknown }[] };
    delete rules.criteria[4]?.reason;
    delete rules.targetGroups[0]?.reason;
    const text = problemsOf(files);
    assert.match(text, /\/criteria\/4: .*reason/);
    assert.match(text, /\/targetGroups\/0: .*reason/);
  });

  it('when a reason names an unknown fact, a part its condition never compares, or a track rule has none, then rules check names each', () => {
    const files = defaultRuleFiles();
    const rules = files.rules as {
      criteria: { id: string; reason?: unknown }[];
      decisions: { reason?: unknown }[];
    };
    (rules.decisions[2] as { reason: unknown }).reason = 'Borgeren søger {ansoegninger} job om ugen.';
    delete rules.decisions[3]?.reason;
    const commute = rules.criteria.findIndex((criterion) => criterion.id === 'begraenset_mobilitet');
    (rules.criteria[commute] as { reason: unknown }).reason = [{ fact: 'age', text: 'Borgeren er {age} år.' }];
    const text = problemsOf(files);
    assert.match(text, /\/decisions\/2\/reason: ukendt fakta "ansoegninger"/);
    assert.match(text, /\/decisions\/3: en regel skal have enten "track" og "reason" eller "warning"/);
    assert.match(text, new RegExp(`/criteria/${commute}/reason/0/fact: betingelsen sammenligner ikke "age"`));
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
