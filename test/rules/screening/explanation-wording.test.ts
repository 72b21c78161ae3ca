import assert from 'node:assert/strict';
import { parseRuleCases } from '../../../rules/screening/engine/rule-cases';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import { parseCompleteAnswers } from '../../../rules/screening/questionnaire.service';
import type { Answers } from '../../../rules/screening/screening.types';
import { defaultTeamScreeningSettings, withSettingsOverrides } from '../../../rules/screening/team-screening-settings';
import { LOW_RISK, defaultRuleset, readRuleFile } from './screening-fixtures';

/**
 * Issue 15: the reasons read as a caseworker would write them. For every case of the default table,
 * the explanation names no internal fact or id, puts no field label in parentheses, has no arrow, and
 * says each reason once; and the age note says whether age decided the advice, through the target
 * group as well as the criterion.
 */
describe('the screening explanation in a caseworker’s words', () => {
  const ruleset = defaultRuleset();
  const evaluator = new ScreeningEvaluator(ruleset);
  const cases = parseRuleCases(readRuleFile('cases/default-rules.cases.json'));

  /** Every internal name a sentence must not show: ids of criteria, groups, archetypes, rules, questions and options. */
  const internalNames = new Set<string>([
    ...ruleset.criteria.map((criterion) => criterion.id),
    ...ruleset.targetGroups.map((group) => group.id),
    ...ruleset.archetypes.map((archetype) => archetype.id),
    ...ruleset.decisions.map((decision) => decision.id),
    ...ruleset.questionnaire.sections.flatMap((section) => section.questions.map((question) => question.id)),
    ...ruleset.questionnaire.sections.flatMap((section) =>
      section.questions.flatMap((question) => (question.options ?? []).map((option) => option.id)),
    ),
    'doedvaegt',
    'catch-all',
    'selektion',
    'riskScore',
    'riskLevel',
    'hoej',
  ]);
  // Option ids that are also ordinary Danish words in a sentence ("ja", "nej", "middel", "lav", …).
  for (const word of [
    'ja',
    'nej',
    'middel',
    'lav',
    'god',
    'ingen',
    'andet',
    'bredt',
    'delvist',
    'afklaret',
    'unge',
    'sprogbarriere',
  ])
    internalNames.delete(word);

  it('when the default table is read, then it has the 30 cases the wording is checked on', () => {
    assert.equal(cases.length, 30);
  });

  for (const testCase of cases) {
    it(`when ${testCase.name}, then every reason is a plain Danish sentence, said once`, async () => {
      const settings = withSettingsOverrides(defaultTeamScreeningSettings(ruleset), testCase.settings ?? {});
      const { answers, errors } = parseCompleteAnswers(ruleset, settings, testCase.answers);
      assert.deepEqual(errors, []);
      const { explanation } = await evaluator.evaluate(answers, settings);
      assert.ok(explanation.length >= 2, 'at least why the track and why the target group');
      assert.equal(new Set(explanation).size, explanation.length, `a reason twice: ${explanation.join(' | ')}`);
      for (const sentence of explanation) {
        assert.doesNotMatch(sentence, /[()]/, `parentheses: ${sentence}`);
        assert.doesNotMatch(sentence, /→|->|[{}]/, `an arrow or a placeholder: ${sentence}`);
        assert.match(sentence, /^[A-ZÆØÅ].*\.$/su, `not a sentence: ${sentence}`);
        assert.doesNotMatch(sentence, /dødvægt/i, sentence);
        for (const word of sentence.split(/[^\p{L}\p{N}_:-]+/u).filter(Boolean)) {
          assert.ok(!internalNames.has(word), `the internal name "${word}" in: ${sentence}`);
        }
      }
    });
  }

  describe('the age note', () => {
    /** Four risk criteria hold besides age: with over 40 the risk is high (5), without it middle (4). */
    const FOUR_RISKS: Answers = {
      ...LOW_RISK,
      activeNetwork: false,
      seesSkillsElsewhere: false,
      personalBarriers: true,
      behaviourBarriers: true,
    };
    const table: { age: number; over40: boolean; decided: boolean; says: RegExp }[] = [
      {
        age: 24,
        over40: true,
        decided: true,
        says: /^Ja\. Alderen, 24 år, placerer borgeren i målgruppen «Unge under 30 år»/,
      },
      {
        age: 24,
        over40: false,
        decided: true,
        says: /^Ja\. Alderen, 24 år, placerer borgeren i målgruppen «Unge under 30 år»/,
      },
      { age: 29, over40: true, decided: true, says: /^Ja\. Alderen, 29 år, placerer borgeren i målgruppen/ },
      { age: 29, over40: false, decided: true, says: /^Ja\. Alderen, 29 år,/ },
      { age: 30, over40: true, decided: false, says: /^Nej\. Målgruppen afhænger ikke af alderen/ },
      { age: 30, over40: false, decided: false, says: /^Nej\. / },
      { age: 41, over40: true, decided: true, says: /^Ja\. Risikofaktoren «over 40 år» afgør anbefalingen/ },
      { age: 41, over40: false, decided: false, says: /^Nej\. / },
    ];
    for (const row of table) {
      it(`when the citizen is ${row.age} and over 40 is ${row.over40 ? 'on' : 'off'}, then the note says ${row.decided ? 'that age decided' : 'that age did not decide'}`, async () => {
        const settings = withSettingsOverrides(defaultTeamScreeningSettings(ruleset), {
          version: 2,
          criteria: { over_40: { enabled: row.over40 } },
        });
        const result = await evaluator.evaluate({ ...FOUR_RISKS, age: row.age }, settings);
        assert.equal(result.sensitivity.decidedByAge, row.decided, result.sensitivity.note);
        assert.match(result.sensitivity.note, row.says);
        if (row.age < 30) {
          assert.equal(result.track, 'catch-all');
          assert.match(
            result.sensitivity.note,
            /uden for den målgruppe ville anbefalingen være «Ordinær indsats \(klarer sig formentlig selv\)»\.$/,
          );
        }
      });
    }

    it('when the sensitive criterion is on and holds, then the note says whether it decided, in words', async () => {
      const settings = withSettingsOverrides(defaultTeamScreeningSettings(ruleset), {
        version: 3,
        criteria: { anden_etnisk_baggrund: { enabled: true } },
      });
      const decided = await evaluator.evaluate({ ...FOUR_RISKS, age: 35, nonDanishBackground: true }, settings);
      assert.match(
        decided.sensitivity.note,
        /Den følsomme risikofaktor «anden etnisk baggrund end dansk» afgør anbefalingen/,
      );
      const notDecided = await evaluator.evaluate({ ...LOW_RISK, nonDanishBackground: true }, settings);
      assert.match(
        notDecided.sensitivity.note,
        /Den følsomme risikofaktor «anden etnisk baggrund end dansk» afgør ikke anbefalingen/,
      );
    });
  });

  it('when the team has marked no sectors as hit by the business cycle, then the result says so; once it has, it does not', async () => {
    const none = defaultTeamScreeningSettings(ruleset);
    const noted = await evaluator.evaluate({ ...LOW_RISK, age: 45, lastSector: 'industri' }, none);
    assert.match((noted.notes ?? []).join('\n'), /ikke markeret nogen brancher som ramt af konjunkturerne/);
    const marked = withSettingsOverrides(none, { version: 2, affectedSectors: ['industri'] });
    const result = await evaluator.evaluate({ ...LOW_RISK, age: 45, lastSector: 'industri' }, marked);
    assert.equal(result.notes, undefined);
    assert.ok(
      result.explanation.includes(
        'Borgeren kommer fra branchen industri, som teamet har markeret som ramt af konjunkturerne.',
      ),
    );
  });
});
