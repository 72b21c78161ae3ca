import { conditionFacts } from './condition.utils';
import { criterionOfFact } from './screening-facts';
import { askedAnswers, allQuestions, questionOptions } from '../questionnaire.service';
import {
  RULE_PREFIX,
  buildScreeningEngine,
  type EngineVariant,
  type EvaluatedCondition,
  type RunLedger,
  type ScreeningEngine,
} from './screening-engine.factory';
import { ExplanationVocabulary, buildExplanation, formatNumber, trackText } from './screening-explanation';
import { ScreeningSettingsError, checkTeamScreeningSettings } from '../team-screening-settings';
import type {
  Answers,
  CriterionOutcome,
  ScreeningResult,
  ScreeningRuleset,
  SensitivityNote,
  TeamScreeningSettings,
  Track,
  TrackLabels,
} from '../screening.types';

/** The criterion the sensitivity note takes out. */
export const AGE_CRITERION = 'over_40';
/** The answer the age note is about (through the criterion and through the target groups). */
const AGE_FACT = 'age';
/** The criterion whose sectors a team must mark before it can hold (spec §1.5). */
const BUSINESS_CYCLE_CRITERION = 'konjunkturramt';

/** The team's display labels of the tracks, or the rule file's defaults. */
export function trackLabelsOf(
  ruleset: ScreeningRuleset,
  settings: Pick<TeamScreeningSettings, 'trackLabels'>,
): TrackLabels {
  return { ...ruleset.defaults.trackLabels, ...settings.trackLabels };
}

/** Thrown when the decision rules give no track or two different ones: the rule files contradict themselves. */
export class ScreeningDecisionError extends Error {
  readonly code = 'SCREENING_DECISION_INCONSISTENT';
}

export interface ScreeningEvaluatorOptions {
  /**
   * For how many distinct team settings to keep engines (each has up to three: the main one and the
   * sensitivity variants); the least recently used are dropped.
   */
  maxCachedSettings?: number;
  /** Builds an engine; replaceable so tests can count builds. */
  buildEngine?: typeof buildScreeningEngine;
}

interface CachedEngine {
  engine: ScreeningEngine;
  vocabulary: ExplanationVocabulary;
}

interface Outcome {
  ledger: RunLedger;
  track: Track;
  trackRules: EvaluatedCondition[];
  warnings: string[];
}

/**
 * Evaluates screenings (domain spec §1.2–§1.4) with json-rules-engine. Engines are built once per ruleset
 * version, team settings (their version and content) and variant, and kept in a bounded cache in this instance.
 */
export class ScreeningEvaluator {
  private readonly engines = new Map<string, Map<string, CachedEngine>>();
  private readonly settingsKeys = new WeakMap<TeamScreeningSettings, string>();
  private readonly maxCachedSettings: number;
  private readonly build: typeof buildScreeningEngine;

  constructor(
    private readonly ruleset: ScreeningRuleset,
    options: ScreeningEvaluatorOptions = {},
  ) {
    this.maxCachedSettings = options.maxCachedSettings ?? 32;
    this.build = options.buildEngine ?? buildScreeningEngine;
  }

  /**
   * Evaluates complete answers with a team's settings. Answers to questions the team does not ask (the
   * sensitive one while its criterion is off, a conditional one whose condition fails) are ignored.
   * @throws ScreeningSettingsError when the settings do not fit the ruleset (checked once per engine build).
   */
  async evaluate(answers: Answers, settings: TeamScreeningSettings): Promise<ScreeningResult> {
    const asked = askedAnswers(this.ruleset, settings, answers);
    const main = this.engineFor(settings, []);
    const outcome = await this.decide(main.engine, asked.answers);
    const { ledger } = outcome;
    const derived = ledger.derived();
    const criteria = this.criteriaOutcomes(settings, ledger);
    const archetypes = ledger.archetypeScores();
    const warnings = [...outcome.warnings];
    if (asked.ignored.length > 0) {
      warnings.push(
        `Svar på spørgsmål, som teamet ikke stiller, er ikke brugt: ${asked.ignored.map((id) => main.vocabulary.factLabel(id)).join(', ')}.`,
      );
    }
    const trackLabels = trackLabelsOf(this.ruleset, settings);
    const notes = this.settingsNotes(settings, criteria);
    return {
      track: outcome.track,
      targetGroup: derived.targetGroup?.id ?? '',
      strategy: derived.strategy ?? outcome.track,
      riskScore: derived.riskScore,
      riskLevel: derived.riskLevel,
      criteria,
      archetypes: archetypes.map(({ archetype, score, matched }) => ({
        id: archetype.id,
        name: archetype.name,
        score,
        matched,
        atRisk: archetype.atRisk,
      })),
      bestArchetype: derived.bestArchetype?.id ?? null,
      explanation: buildExplanation({
        ruleset: this.ruleset,
        vocabulary: main.vocabulary,
        ledger,
        derived,
        answers: asked.answers,
        criteria: criteria.filter((criterion) => criterion.enabled),
        track: outcome.track,
        trackRules: outcome.trackRules,
      }),
      ...(notes.length === 0 ? {} : { notes }),
      trackLabels,
      warnings,
      rulesetVersion: this.ruleset.version,
      settingsVersion: settings.version,
      sensitivity: await this.sensitivity(settings, asked.answers, ledger, outcome.track, trackLabels),
      interventions: [...(derived.bestArchetype?.interventions ?? [])],
    };
  }

  /** What the team's settings leave out that a caseworker should know: no sectors marked as hit by the business cycle. */
  private settingsNotes(settings: TeamScreeningSettings, criteria: readonly CriterionOutcome[]): string[] {
    const cycle = criteria.find((criterion) => criterion.id === BUSINESS_CYCLE_CRITERION);
    if (cycle?.enabled !== true || settings.affectedSectors.length > 0) return [];
    return [
      `Teamet har ikke markeret nogen brancher som ramt af konjunkturerne, så risikofaktoren «${cycle.label}» tæller ikke med. En leder vælger brancherne under indstillinger.`,
    ];
  }

  /** How many engines are cached now (for diagnostics and tests). */
  get cachedEngines(): number {
    let count = 0;
    for (const variants of this.engines.values()) count += variants.size;
    return count;
  }

  private criteriaOutcomes(settings: TeamScreeningSettings, ledger: RunLedger): CriterionOutcome[] {
    return this.ruleset.criteria.map((criterion) => {
      const team = settings.criteria[criterion.id] ?? { weight: criterion.weight, enabled: criterion.enabled };
      return {
        id: criterion.id,
        label: criterion.label,
        holds: team.enabled && ledger.criterionHolds(criterion.id),
        weight: team.weight,
        enabled: team.enabled,
      };
    });
  }

  private async decide(engine: ScreeningEngine, answers: Answers): Promise<Outcome> {
    return this.interpret(await engine.run(answers));
  }

  /** The track and warnings from the decision rules that fired in a run. */
  private interpret(ledger: RunLedger): Outcome {
    const fired = this.ruleset.decisions.flatMap((decision) => {
      const result = ledger.outcome(`${RULE_PREFIX.decision}${decision.id}`);
      return result?.result === true ? [{ decision, result }] : [];
    });
    const trackRules: EvaluatedCondition[] = [];
    const tracks = new Set<Track>();
    const warnings: string[] = [];
    for (const { decision, result } of fired) {
      if ('track' in decision) {
        trackRules.push(result);
        tracks.add(decision.track);
      } else {
        warnings.push(decision.warning);
      }
    }
    const [track] = tracks;
    if (tracks.size !== 1 || track === undefined) {
      throw new ScreeningDecisionError(
        `decision rules gave ${tracks.size === 0 ? 'no track' : `several tracks (${[...tracks].join(', ')})`}`,
      );
    }
    return { ledger, track, trackRules, warnings };
  }

  /**
   * Tells the caseworker whether age decided the recommendation (spec §1.5): through the criterion
   * `over_40` (the rules re-run without it) or through the target group (a group whose condition reads
   * the age, e.g. under 30 → catch-all: the rules re-run without that group). The same for the
   * sensitive criteria when the team has turned one on. A criterion or group that did not hold cannot
   * change anything when it is taken out, so that re-run is skipped.
   */
  private async sensitivity(
    settings: TeamScreeningSettings,
    answers: Answers,
    ledger: RunLedger,
    track: Track,
    labels: TrackLabels,
  ): Promise<SensitivityNote> {
    const ageLabel = this.ruleset.criteria.find((criterion) => criterion.id === AGE_CRITERION)?.label ?? AGE_CRITERION;
    const withoutOver40 = ledger.criterionHolds(AGE_CRITERION)
      ? await this.trackWithout(settings, answers, ledger, [AGE_CRITERION])
      : track;
    const tippedByAge = withoutOver40 !== track;
    const group = ledger.derived().targetGroup;
    const groupReadsAge = group !== null && conditionFacts(group.condition).includes(AGE_FACT);
    const withoutGroup = groupReadsAge ? await this.trackWithoutGroup(settings, answers, group.id) : track;
    const groupDecides = withoutGroup !== track;
    const age = typeof answers[AGE_FACT] === 'number' ? formatNumber(answers[AGE_FACT]) : undefined;
    const notes: string[] = [];
    if (groupDecides && group !== null) {
      const otherwise =
        withoutGroup === undefined
          ? 'uden for den hører borgeren ikke til nogen af teamets målgrupper'
          : `uden for den målgruppe ville anbefalingen være ${trackText(labels, withoutGroup)}`;
      notes.push(
        `Ja. ${age === undefined ? 'Alderen' : `Alderen, ${age} år,`} placerer borgeren i målgruppen «${group.label}», og ${otherwise}.`,
      );
    }
    if (tippedByAge) {
      notes.push(
        `${groupDecides ? 'Også risikofaktoren' : 'Ja. Risikofaktoren'} «${ageLabel}» afgør anbefalingen: uden den ville anbefalingen være ${trackText(labels, withoutOver40)}.`,
      );
    }
    if (notes.length === 0) {
      notes.push(
        groupReadsAge
          ? `Nej. Målgruppen afhænger af alderen, men anbefalingen ville være den samme uden for den, og også uden risikofaktoren «${ageLabel}».`
          : `Nej. Målgruppen afhænger ikke af alderen, og anbefalingen ville være den samme uden risikofaktoren «${ageLabel}».`,
      );
    }
    const decidedByAge = tippedByAge || groupDecides;
    const sensitive = this.ruleset.criteria.filter(
      (criterion) => criterion.sensitive === true && settings.criteria[criterion.id]?.enabled === true,
    );
    if (sensitive.length === 0) return { decidedByAge, withoutOver40, tippedByAge, note: notes.join(' ') };

    const anyHeld = sensitive.some((criterion) => ledger.criterionHolds(criterion.id));
    const withoutSensitive = anyHeld
      ? await this.trackWithout(
          settings,
          answers,
          ledger,
          sensitive.map((criterion) => criterion.id),
        )
      : track;
    const sensitiveFacts = new Set(sensitive.flatMap((criterion) => conditionFacts(criterion.conditions)));
    const groupReadsSensitive =
      group !== null && conditionFacts(group.condition).some((fact) => sensitiveFacts.has(fact));
    const labelsText = sensitive.map((criterion) => `«${criterion.label}»`).join(' og ');
    notes.push(
      withoutSensitive !== track
        ? `Den følsomme risikofaktor ${labelsText} afgør anbefalingen: uden den ville anbefalingen være ${trackText(labels, withoutSensitive)}.`
        : `Den følsomme risikofaktor ${labelsText} afgør ikke anbefalingen.`,
    );
    if (groupReadsSensitive && group !== null)
      notes.push(`Målgruppen «${group.label}» bygger på de samme oplysninger som ${labelsText}.`);
    return { decidedByAge, withoutOver40, withoutSensitive, tippedByAge, note: notes.join(' ') };
  }

  /**
   * The track had the team not had this target group (the next group whose condition holds takes over);
   * undefined when no other group would hold.
   */
  private async trackWithoutGroup(
    settings: TeamScreeningSettings,
    answers: Answers,
    groupId: string,
  ): Promise<Track | undefined> {
    const without = { ...settings, targetGroups: settings.targetGroups.filter((group) => group.id !== groupId) };
    try {
      return (await this.decide(this.engineFor(without, []).engine, answers)).track;
    } catch (error) {
      if (error instanceof ScreeningDecisionError) return undefined;
      throw error;
    }
  }

  /**
   * The track had these criteria been disabled. Criteria and target groups never read a criterion's result,
   * so unless an archetype does, only the decision rules need to run again, on the first run's other results.
   */
  private async trackWithout(
    settings: TeamScreeningSettings,
    answers: Answers,
    ledger: RunLedger,
    criteria: readonly string[],
  ): Promise<Track> {
    const dropped = new Set(criteria);
    const archetypeReadsDropped = settings.archetypes.some((archetype) =>
      archetype.characteristics.some((characteristic) =>
        conditionFacts(characteristic.condition).some((fact) => dropped.has(criterionOfFact(fact) ?? '')),
      ),
    );
    if (archetypeReadsDropped)
      return (await this.decide(this.engineFor(settings, criteria, false).engine, answers)).track;
    const engine = this.engineFor(settings, criteria, true).engine;
    const names = new Set(criteria.map((id) => `${RULE_PREFIX.criterion}${id}`));
    return this.interpret(await engine.redecide(answers, ledger, names)).track;
  }

  private settingsKey(settings: TeamScreeningSettings): string {
    // The content is part of the key: two teams can both be at settings version 2 with different settings.
    // Remembered per settings object, so evaluating twice with the same object serialises it once.
    let key = this.settingsKeys.get(settings);
    if (key === undefined) {
      key = `${this.ruleset.version}\u0000${settings.version}\u0000${JSON.stringify(settings)}`;
      this.settingsKeys.set(settings, key);
    }
    return key;
  }

  private engineFor(settings: TeamScreeningSettings, disabled: readonly string[], decisionsOnly = false): CachedEngine {
    const settingsKey = this.settingsKey(settings);
    let variants = this.engines.get(settingsKey);
    if (variants === undefined) {
      const problems = checkTeamScreeningSettings(this.ruleset, settings);
      if (problems.length > 0) throw new ScreeningSettingsError(problems);
      variants = new Map();
    }
    // Re-inserted on every use, so the map's order is least recently used first.
    this.engines.delete(settingsKey);
    this.engines.set(settingsKey, variants);
    while (this.engines.size > this.maxCachedSettings) {
      const oldest = this.engines.keys().next().value;
      if (oldest === undefined) break;
      this.engines.delete(oldest);
    }
    const variantKey = `${decisionsOnly ? 'decisions' : 'all'}:${disabled.join(',')}`;
    let entry = variants.get(variantKey);
    if (entry === undefined) {
      const variant: EngineVariant = { disabledCriteria: new Set(disabled), decisionsOnly };
      entry = {
        engine: this.build(this.ruleset, settings, variant),
        vocabulary: new ExplanationVocabulary(this.ruleset, allQuestions(this.ruleset, settings), (question) =>
          questionOptions(this.ruleset, question),
        ),
      };
      variants.set(variantKey, entry);
    }
    return entry;
  }
}
