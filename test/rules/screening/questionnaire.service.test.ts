import assert from 'node:assert/strict';
import {
  parseSectionSubmit,
  validateCompleteAnswers,
  visibleQuestions,
} from '../../../rules/screening/questionnaire.service';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import type { CustomQuestion, TeamScreeningSettings } from '../../../rules/screening/screening.types';
import {
  ScreeningSettingsError,
  defaultTeamScreeningSettings,
  withSettingsOverrides,
} from '../../../rules/screening/team-screening-settings';
import { CPR_VARIANTS, leaksCpr } from '../../support/cpr-variants';
import { LOW_RISK, defaultRuleset } from './screening-fixtures';

describe('questionnaire', () => {
  const ruleset = defaultRuleset();
  let settings: TeamScreeningSettings;
  beforeEach(() => {
    settings = defaultTeamScreeningSettings(ruleset);
  });

  const ids = (sectionId: string, answers = {}, team = settings) =>
    visibleQuestions(ruleset, team, sectionId, answers).map((q) => q.id);

  it('when the questionnaire is read, then it holds every §1.1 id once, with the own assessment alone in the last section', () => {
    const all = ruleset.questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
    assert.deepEqual([...all].sort(), [
      'activeNetwork',
      'age',
      'applicationsPerWeek',
      'behaviourBarriers',
      'beliefInProspects',
      'benefit',
      'caseworkerAssessment',
      'clarity',
      'danishProficiency',
      'education',
      'lastSector',
      'motivation',
      'nonDanishBackground',
      'personalBarriers',
      'searchBreadth',
      'seesSkillsElsewhere',
      'unstableAttachment',
      'willingToChangeSector',
      'willingToCommute',
      'yearsExperience',
    ]);
    const last = ruleset.questionnaire.sections.at(-1);
    assert.equal(last?.title, 'Din egen vurdering');
    assert.deepEqual(
      last?.questions.map((q) => q.id),
      ['caseworkerAssessment'],
    );
  });

  it('when the sensitive criterion is off (default), then its question is hidden; when on, it is shown', () => {
    assert.ok(!ids('borgeren').includes('nonDanishBackground'));
    const on = withSettingsOverrides(settings, { criteria: { anden_etnisk_baggrund: { enabled: true } } });
    assert.ok(ids('borgeren', {}, on).includes('nonDanishBackground'));
  });

  it('when a section is submitted with card strings, then values are typed and "verb" is ignored', () => {
    const { answers, errors } = parseSectionSubmit(
      ruleset,
      settings,
      'arbejdsmarked',
      {
        verb: 'screening.section',
        yearsExperience: '1,5',
        lastSector: 'industri',
        unstableAttachment: 'true',
        willingToCommute: 'ja',
        willingToChangeSector: 'begraenset',
        seesSkillsElsewhere: 'nej',
      },
      {},
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(answers, {
      yearsExperience: 1.5,
      lastSector: 'industri',
      unstableAttachment: true,
      willingToCommute: 'ja',
      willingToChangeSector: 'begraenset',
      seesSkillsElsewhere: false,
    });
  });

  it('when a number or a choice holds a CPR number, then it is refused as one, naming the field, and nothing of it is kept', () => {
    for (const variant of CPR_VARIANTS) {
      const { answers, errors } = parseSectionSubmit(
        ruleset,
        settings,
        'borgeren',
        { age: variant, benefit: variant, education: 'grundskole' },
        {},
      );
      assert.deepEqual(answers, { education: 'grundskole' }, JSON.stringify(variant));
      assert.deepEqual(
        errors.map((error) => error.message),
        [
          'Alder: teksten ligner et CPR-nummer. Botten må ikke gemme CPR-numre – fjern det.',
          'Ydelse: teksten ligner et CPR-nummer. Botten må ikke gemme CPR-numre – fjern det.',
        ],
        JSON.stringify(variant),
      );
      assert.ok(!leaksCpr(JSON.stringify(errors), variant));
    }
  });

  it('when fields are invalid or missing, then each gets a Danish message naming it and valid values are kept', () => {
    const { answers, errors } = parseSectionSubmit(
      ruleset,
      settings,
      'borgeren',
      { age: '52,5', benefit: 'dagpenge', education: 'phd' },
      {},
    );
    assert.deepEqual(answers, { benefit: 'dagpenge' });
    assert.deepEqual(errors, [
      { questionId: 'age', label: 'Alder', message: 'Alder skal være et helt tal mellem 16 og 80.' },
      {
        questionId: 'education',
        label: 'Højeste fuldførte uddannelse',
        message:
          'Højeste fuldførte uddannelse: vælg en af svarmulighederne (Ingen, Grundskole, Gymnasial uddannelse, Erhvervsfaglig uddannelse, Kort videregående uddannelse, Mellemlang videregående uddannelse, Lang videregående uddannelse).',
      },
    ]);
    const more = parseSectionSubmit(
      ruleset,
      settings,
      'jobsoegning',
      { activeNetwork: 'måske', applicationsPerWeek: '' },
      {},
    );
    assert.deepEqual(more.errors.map((e) => e.message).slice(0, 3), [
      'Aktivt netværk til virksomheder skal besvares med ja eller nej.',
      'Ansøgninger pr. uge skal udfyldes.',
      'Søger job skal udfyldes.',
    ]);
    const range = parseSectionSubmit(ruleset, settings, 'arbejdsmarked', { yearsExperience: '61' }, {});
    assert.equal(range.errors[0]?.message, 'Års erhvervserfaring skal være et tal mellem 0 og 60, fx 1,5.');
  });

  describe('a number typed with a decimal comma or point, as any client sends it', () => {
    /** The rest of the section, answered: what must be kept when the number is refused. */
    const REST = {
      lastSector: 'industri',
      unstableAttachment: 'nej',
      willingToCommute: 'begraenset',
      willingToChangeSector: 'ja',
      seesSkillsElsewhere: 'ja',
    };
    const REST_PARSED = {
      lastSector: 'industri',
      unstableAttachment: false,
      willingToCommute: 'begraenset',
      willingToChangeSector: 'ja',
      seesSkillsElsewhere: true,
    };
    const submitted = (yearsExperience: unknown) =>
      parseSectionSubmit(ruleset, settings, 'arbejdsmarked', { ...REST, yearsExperience }, {});

    const kept: [unknown, number][] = [
      ['1,5', 1.5],
      ['1.5', 1.5],
      ['2', 2],
      [' 3 ', 3],
      ['0,5', 0.5],
      ['60', 60],
      [1.5, 1.5],
    ];
    for (const [typed, expected] of kept) {
      it(`when ${JSON.stringify(typed)} is typed, then ${expected} is kept`, () => {
        const { answers, errors } = submitted(typed);
        assert.deepEqual(errors, []);
        assert.deepEqual(answers, { ...REST_PARSED, yearsExperience: expected });
      });
    }

    for (const typed of ['halvandet', '-1', '1,5,5', '1.5.5', '61', '1½', '1,', ',5', '1 ,5']) {
      it(`when ${JSON.stringify(typed)} is typed, then it is refused in Danish naming the field, and the section's other answers are kept`, () => {
        const { answers, errors } = submitted(typed);
        assert.deepEqual(errors, [
          {
            questionId: 'yearsExperience',
            label: 'Års erhvervserfaring',
            message: 'Års erhvervserfaring skal være et tal mellem 0 og 60, fx 1,5.',
          },
        ]);
        assert.deepEqual(answers, REST_PARSED);
      });
    }

    it('when a whole number is asked for, then a decimal is refused without a decimal example', () => {
      const { errors } = parseSectionSubmit(ruleset, settings, 'borgeren', { age: '30,5' }, {});
      assert.equal(errors[0]?.message, 'Alder skal være et helt tal mellem 16 og 80.');
      const whole = parseSectionSubmit(ruleset, settings, 'borgeren', { age: ' 30 ' }, {});
      assert.equal(whole.answers.age, 30);
    });

    it('when the help text of the years question is read, then it teaches the decimal comma, not a point', () => {
      const question = ruleset.questionnaire.sections
        .flatMap((section) => section.questions)
        .find((candidate) => candidate.id === 'yearsExperience');
      assert.match(question?.help ?? '', /1,5/);
      assert.doesNotMatch(question?.help ?? '', /\d\.\d/);
    });
  });

  describe('a team-added conditional question', () => {
    const question: CustomQuestion = {
      id: 'hasDriversLicence',
      sectionId: 'arbejdsmarked',
      type: 'yesno',
      label: 'Kørekort',
      prompt: 'Har borgeren kørekort?',
      required: true,
      condition: { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
    };
    let team: TeamScreeningSettings;
    beforeEach(() => {
      team = withSettingsOverrides(settings, {
        version: 2,
        customQuestions: [question],
        archetypes: [
          {
            id: 'uden-koerekort',
            name: 'Uden kørekort',
            description: 'Kan ikke pendle uden kørekort',
            characteristics: [
              { label: 'intet kørekort', condition: { fact: 'hasDriversLicence', operator: 'equal', value: false } },
            ],
            atRisk: true,
            minScore: 1,
            interventions: ['Kørekort via virksomhedspraktik'],
          },
        ],
      });
    });

    it('when its condition holds on earlier answers, then it is appended to its section and must be answered', () => {
      assert.equal(ids('arbejdsmarked', { age: 30 }, team).at(-1), 'hasDriversLicence');
      const { errors } = parseSectionSubmit(ruleset, team, 'arbejdsmarked', {}, { age: 30 });
      assert.ok(errors.some((e) => e.message === 'Kørekort skal udfyldes.'));
    });

    it('when its condition does not hold, then it is hidden and not required', () => {
      assert.ok(!ids('arbejdsmarked', { age: 17 }, team).includes('hasDriversLicence'));
      const { errors } = parseSectionSubmit(ruleset, team, 'arbejdsmarked', {}, { age: 17 });
      assert.ok(!errors.some((e) => e.questionId === 'hasDriversLicence'));
    });

    it('when a team archetype reads it, then the answer decides the match; when hidden, it is ignored', async () => {
      const evaluator = new ScreeningEvaluator(ruleset);
      const shown = await evaluator.evaluate({ ...LOW_RISK, hasDriversLicence: false }, team);
      assert.equal(shown.bestArchetype, 'uden-koerekort');
      assert.equal(shown.track, 'selektion');
      const hidden = await evaluator.evaluate({ ...LOW_RISK, age: 17, hasDriversLicence: false }, team);
      assert.equal(hidden.bestArchetype, null);
    });

    it('when its condition reads a later section, then the settings are rejected', async () => {
      const bad = withSettingsOverrides(team, {
        version: 3,
        customQuestions: [{ ...question, condition: { fact: 'motivation', operator: 'equal', value: 'lav' } }],
      });
      await assert.rejects(new ScreeningEvaluator(ruleset).evaluate(LOW_RISK, bad), (error: unknown) => {
        assert.ok(error instanceof ScreeningSettingsError);
        assert.match(
          error.problems[0]?.message ?? '',
          /ukendt fakta "motivation" \(en betingelse på et spørgsmål må kun bruge svar fra tidligere afsnit\)/,
        );
        return true;
      });
    });
  });

  it('when complete answers have unknown ids or out-of-range values, then each is reported', () => {
    const errors = validateCompleteAnswers(ruleset, settings, { ...LOW_RISK, age: 81, favouriteColour: 'blå' });
    assert.deepEqual(
      errors.map((e) => e.message),
      ['Ukendt spørgsmål "favouriteColour".', 'Alder skal være et helt tal mellem 16 og 80.'],
    );
    assert.deepEqual(validateCompleteAnswers(ruleset, settings, LOW_RISK), []);
  });
});
