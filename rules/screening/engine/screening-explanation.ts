import {
  RULE_PREFIX,
  characteristicResults,
  type ArchetypeScore,
  type DerivedFacts,
  type EvaluatedCondition,
  type RunLedger,
} from './screening-engine.factory';
import { criterionOfFact } from './screening-facts';
import type { AnswerValue, Question, QuestionOption, RiskLevel, ScreeningRuleset, Track } from '../screening.types';

/** Danish names of the tracks (the ids stay ASCII). */
export const TRACK_LABELS: Readonly<Record<Track, string>> = {
  doedvaegt: 'dødvægt',
  'catch-all': 'catch-all',
  selektion: 'selektion',
};

export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, string>> = { lav: 'lav', middel: 'middel', hoej: 'høj' };

const DERIVED_FACT_LABELS: Readonly<Record<string, string>> = {
  riskScore: 'risikoscore',
  riskLevel: 'risikoniveau',
  strategy: 'strategi',
  targetGroup: 'målgruppe',
  bestArchetype: 'bedste arketype',
  bestArchetypeAtRisk: 'bedste arketype i risiko',
};

/** A comparison the engine evaluated: which fact, the value it saw, and whether it held. */
interface EvaluatedLeaf {
  fact: string;
  factResult: unknown;
  result: boolean;
}

function leaves(condition: EvaluatedCondition | undefined): EvaluatedLeaf[] {
  if (condition === undefined) return [];
  if (condition.all !== undefined) return condition.all.flatMap(leaves);
  if (condition.any !== undefined) return condition.any.flatMap(leaves);
  if (condition.not !== undefined) return leaves(condition.not);
  if (condition.fact === undefined) return [];
  return [{ fact: condition.fact, factResult: condition.factResult, result: condition.result === true }];
}

function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

/** Words the explanation uses for facts and their values, from the questionnaire and the ruleset. */
export class ExplanationVocabulary {
  private readonly questions: ReadonlyMap<string, Question>;
  private readonly options: ReadonlyMap<string, readonly QuestionOption[]>;

  constructor(
    private readonly ruleset: ScreeningRuleset,
    questions: readonly Question[],
    optionsOf: (question: Question) => QuestionOption[],
  ) {
    this.questions = new Map(questions.map((question) => [question.id, question]));
    this.options = new Map(questions.map((question) => [question.id, optionsOf(question)]));
  }

  factLabel(fact: string): string {
    const criterion = criterionOfFact(fact);
    if (criterion !== undefined) return this.ruleset.criteria.find((c) => c.id === criterion)?.label ?? criterion;
    const label = this.questions.get(fact)?.label ?? DERIVED_FACT_LABELS[fact] ?? fact;
    return label.charAt(0).toLowerCase() + label.slice(1);
  }

  /** "alder 52", "vil/kan pendle efter job: nej", "risikoniveau høj". */
  describe(fact: string, value: unknown): string {
    const label = this.factLabel(fact);
    if (typeof value === 'number') return `${label} ${formatNumber(value)}`;
    if (typeof value === 'boolean') return `${label}: ${value ? 'ja' : 'nej'}`;
    if (value === undefined || value === null) return `${label}: ikke besvaret`;
    if (fact === 'riskLevel') return `${label} ${RISK_LEVEL_LABELS[value as RiskLevel] ?? String(value)}`;
    if (fact === 'strategy') return `${label} ${TRACK_LABELS[value as Track] ?? String(value)}`;
    const option = this.options.get(fact)?.find((candidate) => candidate.id === value);
    return `${label}: ${(option?.label ?? String(value as AnswerValue)).toLowerCase()}`;
  }
}

/**
 * The values behind a rule that held, as the engine saw them. Yes/no answers are left out where the rule's
 * own label already says it ("intet aktivt netværk" needs no "(aktivt netværk: nej)").
 */
function heldDetails(
  vocabulary: ExplanationVocabulary,
  outcome: EvaluatedCondition | undefined,
  skipBooleans: boolean,
): string[] {
  const seen = new Set<string>();
  const details: string[] = [];
  for (const leaf of leaves(outcome)) {
    if (!leaf.result || seen.has(leaf.fact) || (skipBooleans && typeof leaf.factResult === 'boolean')) continue;
    seen.add(leaf.fact);
    details.push(vocabulary.describe(leaf.fact, leaf.factResult));
  }
  return details;
}

/** Every fact a decision rule read and the value it saw (but not the strategy, which the target-group line gives). */
function decisionDetails(vocabulary: ExplanationVocabulary, outcome: EvaluatedCondition): string[] {
  const seen = new Set<string>(['strategy']);
  const details: string[] = [];
  for (const leaf of leaves(outcome)) {
    if (seen.has(leaf.fact)) continue;
    seen.add(leaf.fact);
    details.push(vocabulary.describe(leaf.fact, leaf.factResult));
  }
  return details;
}

function withDetails(text: string, details: readonly string[]): string {
  return details.length === 0 ? text : `${text} (${details.join('; ')})`;
}

export interface ExplanationInput {
  ruleset: ScreeningRuleset;
  vocabulary: ExplanationVocabulary;
  ledger: RunLedger;
  derived: DerivedFacts;
  criteria: readonly { id: string; label: string; weight: number }[];
  archetypes: readonly ArchetypeScore[];
  track: Track;
  /** The decision rules that chose the track, as evaluated. */
  trackRules: readonly EvaluatedCondition[];
}

/** The Danish explanation lines, each built from the rule results and fact values the engine reported. */
export function buildExplanation(input: ExplanationInput): string[] {
  const { vocabulary, ledger, derived } = input;
  const lines: string[] = [];

  const held = input.criteria.filter((criterion) => ledger.criterionHolds(criterion.id));
  const heldText = held.map((criterion) => {
    const details = heldDetails(vocabulary, ledger.outcome(`${RULE_PREFIX.criterion}${criterion.id}`), true);
    if (criterion.weight !== 1) details.push(`vægt ${formatNumber(criterion.weight)}`);
    return withDetails(criterion.label, details);
  });
  const level = RISK_LEVEL_LABELS[derived.riskLevel];
  lines.push(
    held.length === 0
      ? `Risikoscore ${formatNumber(derived.riskScore)} (${level}): ingen af de aktive risikokriterier er opfyldt.`
      : `Risikoscore ${formatNumber(derived.riskScore)} (${level}): ${heldText.join(', ')}.`,
  );

  if (derived.targetGroup !== null) {
    const outcome = ledger.outcome(`${RULE_PREFIX.targetGroup}${derived.targetGroup.id}`);
    const group = withDetails(derived.targetGroup.label, heldDetails(vocabulary, outcome, false));
    lines.push(`Målgruppe: ${group} → strategi ${TRACK_LABELS[derived.targetGroup.strategy]}.`);
  }

  lines.push(archetypeLine(vocabulary, input.archetypes, derived));

  const reasons = input.trackRules.map((outcome) => {
    const rule = input.ruleset.decisions.find((decision) => `${RULE_PREFIX.decision}${decision.id}` === outcome.name);
    const reason = rule !== undefined && 'reason' in rule ? rule.reason : String(outcome.name);
    return withDetails(reason, decisionDetails(vocabulary, outcome));
  });
  lines.push(`Anbefalet: ${TRACK_LABELS[input.track]}, fordi ${reasons.join(', og fordi ')}.`);
  return lines;
}

function archetypeLine(
  vocabulary: ExplanationVocabulary,
  scores: readonly ArchetypeScore[],
  derived: DerivedFacts,
): string {
  const best = scores.find((candidate) => candidate.archetype.id === derived.bestArchetype?.id);
  if (best === undefined) {
    let closest: ArchetypeScore | undefined;
    for (const candidate of scores) if (candidate.score > (closest?.score ?? 0)) closest = candidate;
    if (closest === undefined) return 'Arketype: ingen arketype matcher.';
    return `Arketype: ingen arketype matcher; tættest er ${closest.archetype.name} med ${fraction(closest)}.`;
  }
  const parts = characteristicResults(best.outcome);
  const heldLabels = best.archetype.characteristics.flatMap((characteristic, index) => {
    const part = parts[index];
    if (part?.result !== true) return [];
    const values = leaves(part)
      .filter((leaf) => leaf.result && typeof leaf.factResult === 'number')
      .map((leaf) => vocabulary.describe(leaf.fact, leaf.factResult));
    return [withDetails(characteristic.label, values)];
  });
  const risk = best.archetype.atRisk ? 'Typen er i risiko for langtidsledighed.' : 'Typen er ikke i særlig risiko.';
  return `Arketype: ${best.archetype.name} – ${fraction(best)}: ${heldLabels.join(', ')}. ${risk}`;
}

function fraction(score: ArchetypeScore): string {
  const total = score.archetype.characteristics.length;
  const held = Math.round(score.score * total);
  return `${held} af ${total} kendetegn (${Math.round(score.score * 100)} %)`;
}
