import { RULE_PREFIX, type DerivedFacts, type EvaluatedCondition, type RunLedger } from './screening-engine.factory';
import { PLACEHOLDER, criterionOfFact } from './screening-facts';
import type {
  Answers,
  AnswerValue,
  Question,
  QuestionOption,
  ReasonText,
  RiskLevel,
  ScreeningRuleset,
  Track,
  TrackLabels,
} from '../screening.types';

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

export function formatNumber(value: number): string {
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

  /** The field's name in lower case ("alder"), for messages about answers. */
  factLabel(fact: string): string {
    const criterion = criterionOfFact(fact);
    if (criterion !== undefined) return this.ruleset.criteria.find((c) => c.id === criterion)?.label ?? criterion;
    const label = this.questions.get(fact)?.label ?? DERIVED_FACT_LABELS[fact] ?? fact;
    return label.charAt(0).toLowerCase() + label.slice(1);
  }

  /** A value as it reads inside a sentence: "1,5", "ja", "industri", "høj". */
  valueText(fact: string, value: unknown): string {
    if (typeof value === 'number') return formatNumber(value);
    if (typeof value === 'boolean') return value ? 'ja' : 'nej';
    if (value === undefined || value === null) return 'ikke oplyst';
    if (fact === 'riskLevel') return RISK_LEVEL_LABELS[value as RiskLevel] ?? String(value);
    const option = this.options.get(fact)?.find((candidate) => candidate.id === value);
    return (option?.label ?? String(value as AnswerValue)).toLowerCase();
  }
}

export interface ExplanationInput {
  ruleset: ScreeningRuleset;
  vocabulary: ExplanationVocabulary;
  ledger: RunLedger;
  derived: DerivedFacts;
  answers: Answers;
  criteria: readonly { id: string; label: string; weight: number }[];
  track: Track;
  /** The decision rules that chose the track, as evaluated. */
  trackRules: readonly EvaluatedCondition[];
}

/**
 * The reasons, as one list of Danish sentences a caseworker could write in a journal note: why the
 * track (the decision rules that chose it), why the target group, then each risk criterion that
 * holds, the heaviest first. Each sentence comes from the rule file with the values the engine saw
 * put in, and is said once.
 */
export function buildExplanation(input: ExplanationInput): string[] {
  const { vocabulary, ledger, derived } = input;
  const values = factValues(input);
  const sentences: string[] = [];

  const decisive: string[] = [];
  for (const outcome of input.trackRules) {
    const rule = input.ruleset.decisions.find((decision) => `${RULE_PREFIX.decision}${decision.id}` === outcome.name);
    if (rule !== undefined && 'reason' in rule) decisive.push(...sayReason(rule.reason, outcome, values, vocabulary));
  }
  const group = derived.targetGroup;
  const membership: string[] = [];
  if (group !== null) {
    const outcome = ledger.outcome(`${RULE_PREFIX.targetGroup}${group.id}`);
    const reason = group.reason ?? `Borgeren hører til målgruppen ${lowerFirst(group.label)}.`;
    membership.push(...sayReason(reason, outcome, values, vocabulary));
  }
  // Most decisive first: when the track follows from the target group alone (its strategy), the group
  // is the reason and comes first; otherwise what the decision rules weighed (risk, archetype) does.
  const groupDecides = input.trackRules.every((outcome) => leaves(outcome).every((leaf) => leaf.fact === 'strategy'));
  sentences.push(...(groupDecides ? [...membership, ...decisive] : [...decisive, ...membership]));

  const held = input.criteria
    .filter((criterion) => criterion.weight > 0 && ledger.criterionHolds(criterion.id))
    .map((criterion, order) => ({ criterion, order }))
    .sort((a, b) => b.criterion.weight - a.criterion.weight || a.order - b.order);
  for (const { criterion } of held) {
    const definition = input.ruleset.criteria.find((candidate) => candidate.id === criterion.id);
    const reason = definition?.reason ?? `${criterion.label}.`;
    const outcome = ledger.outcome(`${RULE_PREFIX.criterion}${criterion.id}`);
    sentences.push(...sayReason(reason, outcome, values, vocabulary));
  }
  return [...new Set(sentences)];
}

/** Every value a sentence may name: the answers, then what the engine derived (and saw). */
function factValues(input: ExplanationInput): Map<string, unknown> {
  const values = new Map<string, unknown>(Object.entries(input.answers));
  const { derived } = input;
  values.set('riskScore', derived.riskScore);
  values.set('riskLevel', derived.riskLevel);
  values.set('strategy', derived.strategy);
  values.set('targetGroup', derived.targetGroup === null ? null : lowerFirst(derived.targetGroup.label));
  values.set('bestArchetype', derived.bestArchetype?.name ?? null);
  return values;
}

function sayReason(
  reason: ReasonText,
  outcome: EvaluatedCondition | undefined,
  values: ReadonlyMap<string, unknown>,
  vocabulary: ExplanationVocabulary,
): string[] {
  const evaluated = leaves(outcome);
  const seen = new Map(evaluated.map((leaf) => [leaf.fact, leaf.factResult]));
  const fill = (text: string) =>
    capitalise(
      text.replace(PLACEHOLDER, (_, fact: string) => {
        const value = seen.has(fact) ? seen.get(fact) : values.get(fact);
        return fact === 'targetGroup' || fact === 'bestArchetype'
          ? String(value ?? 'ingen')
          : vocabulary.valueText(fact, value);
      }),
    );
  if (typeof reason === 'string') return [fill(reason)];
  const said = new Set<string>();
  const sentences: string[] = [];
  for (const part of reason) {
    if (said.has(part.fact)) continue;
    const held = evaluated.some(
      (leaf) => leaf.fact === part.fact && leaf.result && (part.value === undefined || leaf.factResult === part.value),
    );
    if (!held) continue;
    said.add(part.fact);
    sentences.push(fill(part.text));
  }
  return sentences;
}

/** A track as people read it: the team's display label (never "dødvægt" about a citizen). */
export function trackText(labels: TrackLabels, track: Track): string {
  return `«${labels[track]}»`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
