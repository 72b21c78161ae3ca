import assert from 'node:assert/strict';
import sinon from 'sinon';
import { buildScreeningEngine } from '../../../../rules/screening/engine/screening-engine.factory';
import { ScreeningEvaluator } from '../../../../rules/screening/engine/screening.evaluator';
import type { TeamScreeningSettings } from '../../../../rules/screening/screening.types';
import {
  ScreeningSettingsError,
  defaultTeamScreeningSettings,
  withSettingsOverrides,
} from '../../../../rules/screening/team-screening-settings';
import { LOW_RISK, SKILLED_52, defaultRuleset } from '../screening-fixtures';

describe('ScreeningEvaluator', () => {
  const ruleset = defaultRuleset();
  const sandbox = sinon.createSandbox();
  let settings: TeamScreeningSettings;
  beforeEach(() => {
    settings = defaultTeamScreeningSettings(ruleset);
  });
  afterEach(() => sandbox.restore());

  it('when the seed example is screened, then the reasons are sentences with the values the engine saw, the decisive one first', async () => {
    const result = await new ScreeningEvaluator(ruleset).evaluate(SKILLED_52, settings);
    assert.equal(result.track, 'selektion');
    assert.equal(result.riskScore, 5);
    assert.equal(result.riskLevel, 'hoej');
    assert.deepEqual(result.explanation.slice(0, 4), [
      'Risikoen for langtidsledighed er høj, med en risikoscore på 5.',
      'Borgeren ligner typen «Den erfarne faglærte fra en lukket virksomhed», som teamet vurderer i risiko for langtidsledighed.',
      'Borgeren er jobklar og hører til målgruppen på 30 år og derover.',
      'Borgeren er 52 år, altså over 40.',
    ]);
    assert.ok(result.explanation.includes('Borgeren har ikke et aktivt netværk til virksomheder.'));
    assert.equal(new Set(result.explanation).size, result.explanation.length, 'each reason once');
    assert.deepEqual(result.interventions, ruleset.archetypes[0]?.interventions);
    assert.equal(result.rulesetVersion, ruleset.version);
    assert.equal(result.settingsVersion, 1);
  });

  it('when the thresholds change, then the reasons show the values as the engine compared them', async () => {
    const changed = withSettingsOverrides(settings, { version: 2, thresholds: { minApplicationsPerWeek: 6 } });
    const result = await new ScreeningEvaluator(ruleset).evaluate(LOW_RISK, changed);
    assert.ok(result.explanation.includes('Borgeren søger 5 job om ugen.'), result.explanation.join('\n'));
  });

  it('when nothing holds and strategy is selektion, then the fallback rule says so with the risk it read', async () => {
    const result = await new ScreeningEvaluator(ruleset).evaluate(LOW_RISK, settings);
    assert.equal(result.track, 'doedvaegt');
    assert.deepEqual(result.explanation, [
      'Risikoen for langtidsledighed er lav, med en risikoscore på 0, og intet andet peger på, at borgeren har brug for en tidlig indsats nu.',
      'Borgeren er jobklar og hører til målgruppen på 30 år og derover.',
    ]);
  });

  it('when over 40 alone tips the track, then the age note says so in Danish, with the display label', async () => {
    const answers = {
      ...SKILLED_52,
      willingToChangeSector: 'ja',
      seesSkillsElsewhere: true,
      personalBarriers: true,
      behaviourBarriers: true,
      age: 45,
    };
    const result = await new ScreeningEvaluator(ruleset).evaluate(answers, settings);
    assert.equal(result.track, 'selektion');
    assert.deepEqual(result.sensitivity, {
      decidedByAge: true,
      withoutOver40: 'doedvaegt',
      tippedByAge: true,
      note: 'Ja. Risikofaktoren «over 40 år» afgør anbefalingen: uden den ville anbefalingen være «Ordinær indsats (klarer sig formentlig selv)».',
    });
  });

  it('when age does not decide, then the note says neither the target group nor the criterion depends on it', async () => {
    const result = await new ScreeningEvaluator(ruleset).evaluate(LOW_RISK, settings);
    assert.equal(result.sensitivity.tippedByAge, false);
    assert.equal(result.sensitivity.decidedByAge, false);
    assert.equal(
      result.sensitivity.note,
      'Nej. Målgruppen afhænger ikke af alderen, og anbefalingen ville være den samme uden risikofaktoren «over 40 år».',
    );
    assert.equal(result.sensitivity.withoutSensitive, undefined);
  });

  it('when an archetype reads the over-40 criterion, then the sensitivity check re-runs every rule', async () => {
    const archetype = {
      id: 'erfaren',
      name: 'Den erfarne',
      description: 'Over 40 uden netværk',
      characteristics: [
        { label: 'over 40 år', condition: { fact: 'criterion:over_40', operator: 'equal' as const, value: true } },
        { label: 'intet netværk', condition: { fact: 'activeNetwork', operator: 'equal' as const, value: false } },
      ],
      atRisk: true,
      minScore: 1,
      interventions: ['Mentor'],
    };
    const team = withSettingsOverrides(settings, { version: 2, archetypes: [archetype] });
    const result = await new ScreeningEvaluator(ruleset).evaluate({ ...LOW_RISK, age: 45, activeNetwork: false }, team);
    assert.equal(result.track, 'selektion');
    assert.equal(result.bestArchetype, 'erfaren');
    assert.equal(result.sensitivity.withoutOver40, 'doedvaegt');
    assert.equal(result.sensitivity.tippedByAge, true);
  });

  it('when the sensitive criterion is enabled and holds, then the note also reports the track without it', async () => {
    const team = withSettingsOverrides(settings, {
      version: 2,
      criteria: { anden_etnisk_baggrund: { enabled: true } },
    });
    const answers = {
      ...LOW_RISK,
      nonDanishBackground: true,
      activeNetwork: false,
      personalBarriers: true,
      caseworkerAssessment: 'i_risiko',
    };
    const result = await new ScreeningEvaluator(ruleset).evaluate(answers, team);
    assert.equal(result.riskScore, 3);
    assert.equal(result.track, 'selektion');
    assert.equal(result.sensitivity.withoutSensitive, 'doedvaegt');
    assert.match(
      result.sensitivity.note,
      /Den følsomme risikofaktor «anden etnisk baggrund end dansk» afgør anbefalingen: uden den ville anbefalingen være «Ordinær indsats \(klarer sig formentlig selv\)»\./,
    );
  });

  it('when the sensitive criterion is off (default), then its answer is ignored and reported as unused', async () => {
    const result = await new ScreeningEvaluator(ruleset).evaluate({ ...LOW_RISK, nonDanishBackground: true }, settings);
    const criterion = result.criteria.find((c) => c.id === 'anden_etnisk_baggrund');
    assert.deepEqual(criterion, {
      id: 'anden_etnisk_baggrund',
      label: 'anden etnisk baggrund end dansk',
      holds: false,
      weight: 1,
      enabled: false,
    });
    assert.equal(result.riskScore, 0);
    assert.match(result.warnings.join('\n'), /ikke brugt: anden etnisk baggrund end dansk/);
  });

  it('when the team strategy is doedvaegt and the risk is high, then the track is doedvaegt with a warning', async () => {
    const team = withSettingsOverrides(settings, {
      version: 2,
      targetGroups: [{ id: 'alle', label: 'Alle', condition: { all: [] }, strategy: 'doedvaegt' }],
    });
    const result = await new ScreeningEvaluator(ruleset).evaluate(SKILLED_52, team);
    assert.equal(result.track, 'doedvaegt');
    assert.deepEqual(result.warnings, [
      'Risikoen for langtidsledighed er høj, men teamet giver målgruppen den ordinære indsats. Overvej, om borgeren skal have en tidlig indsats.',
    ]);
  });

  it('when evaluating twice with the same settings version, then the engine is built once', async () => {
    const build = sandbox.spy(buildScreeningEngine);
    const evaluator = new ScreeningEvaluator(ruleset, { buildEngine: build });
    await evaluator.evaluate(LOW_RISK, settings);
    await evaluator.evaluate({ ...LOW_RISK, age: 60 }, defaultTeamScreeningSettings(ruleset));
    await evaluator.evaluate({ ...LOW_RISK, age: 61 }, settings);
    // One main engine, plus one decisions-only variant for the sensitivity check of the over-40 citizens.
    assert.equal(build.callCount, 2);
    await evaluator.evaluate(LOW_RISK, withSettingsOverrides(settings, { version: 2 }));
    assert.equal(build.callCount, 3);
  });

  it('when more settings are used than the cache holds, then the least recently used are dropped', async () => {
    const evaluator = new ScreeningEvaluator(ruleset, { maxCachedSettings: 2 });
    for (let version = 1; version <= 4; version += 1) {
      await evaluator.evaluate(LOW_RISK, withSettingsOverrides(settings, { version }));
    }
    assert.equal(evaluator.cachedEngines, 2);
  });

  it('when many evaluations overlap on one engine, then each gets every rule (runs are queued)', async () => {
    const evaluator = new ScreeningEvaluator(ruleset);
    const expected = await evaluator.evaluate(SKILLED_52, settings);
    const runs = Array.from({ length: 20 }, async (_unused, index) => {
      for (let tick = 0; tick < index * 3; tick += 1) await Promise.resolve();
      return evaluator.evaluate(SKILLED_52, settings);
    });
    for (const result of await Promise.all(runs)) assert.deepEqual(result, expected);
  });

  it('when the settings name an unknown sector, then evaluation fails with a Danish problem', async () => {
    const team = withSettingsOverrides(settings, { version: 9, affectedSectors: ['stenalder'] });
    await assert.rejects(new ScreeningEvaluator(ruleset).evaluate(LOW_RISK, team), (error: unknown) => {
      assert.ok(error instanceof ScreeningSettingsError);
      assert.deepEqual(error.problems, [{ location: '/affectedSectors/0', message: 'ukendt branche "stenalder"' }]);
      return true;
    });
  });
});
