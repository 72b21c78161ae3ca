import { Almanac, Engine, Fact, type RuleProperties, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { criterionFact } from './screening-facts';
import type {
  Archetype,
  AnswerValue,
  Condition,
  RiskLevel,
  ScreeningRuleset,
  Strategy,
  TargetGroup,
  TeamScreeningSettings,
  Thresholds,
} from '../screening.types';

/*
 * One engine holds every rule of a screening, in three priority tiers that json-rules-engine runs one after
 * the other: criteria and target groups (answers only), then archetypes (which may read whether a criterion
 * held), then the decision rules (which read the derived facts: riskLevel, strategy, bestArchetypeAtRisk…).
 * The derived facts are computed from the earlier tiers' results, recorded per run in the almanac.
 *
 * Each tier is ONE engine rule whose conditions are an "any" over the named conditions of its items (one per
 * criterion, target group, archetype or decision rule). json-rules-engine evaluates every condition of the
 * same priority in an any/all (the schema allows no condition priorities) and annotates each with its result
 * and the fact value it saw. Bundling matters for speed: the engine deep-copies each rule into each run's
 * result, and with one rule per item that copying was most of a run's cost.
 */
const PRIORITY = { answers: 30, archetypes: 20, decisions: 10 } as const;

/** Names of the per-item conditions inside the bundled rules. */
export const RULE_PREFIX = {
  criterion: 'criterion:',
  targetGroup: 'targetGroup:',
  archetype: 'archetype:',
  decision: 'decision:',
} as const;

/** The three bundled rules, one per tier (target groups share the first tier with the criteria). */
type BundleName = 'answers' | 'archetypes' | 'decisions';

/** A condition as the engine returns it after a run: the definition plus `result` and, on comparisons, `factResult`. */
export interface EvaluatedCondition {
  name?: string;
  result?: boolean;
  fact?: string;
  factResult?: unknown;
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
}

export interface ArchetypeScore {
  archetype: Archetype;
  score: number;
  matched: boolean;
  /** The archetype's "all" over its characteristics, as evaluated. */
  outcome: EvaluatedCondition | undefined;
}

/** The per-characteristic results of an archetype (its condition is one "all" list, in order). */
export function characteristicResults(outcome: EvaluatedCondition | undefined): EvaluatedCondition[] {
  return outcome?.all ?? [];
}

/** What one run produced: each item's evaluated condition by name, and the facts derived from them. */
export class RunLedger {
  readonly outcomes = new Map<string, EvaluatedCondition>();
  private derivedFacts: DerivedFacts | undefined;

  constructor(private readonly model: EngineModel) {}

  record(result: RuleResult): void {
    const bundle = result.conditions as EvaluatedCondition;
    for (const item of bundle.any ?? []) if (item.name !== undefined) this.outcomes.set(item.name, item);
  }

  outcome(name: string): EvaluatedCondition | undefined {
    return this.outcomes.get(name);
  }

  holds(name: string): boolean {
    return this.outcomes.get(name)?.result === true;
  }

  criterionHolds(id: string): boolean {
    return this.holds(`${RULE_PREFIX.criterion}${id}`);
  }

  archetypeScores(): ArchetypeScore[] {
    return this.model.archetypes.map((archetype) => {
      const outcome = this.outcome(`${RULE_PREFIX.archetype}${archetype.id}`);
      const held = characteristicResults(outcome).filter((part) => part.result === true).length;
      const score = archetype.characteristics.length === 0 ? 0 : held / archetype.characteristics.length;
      return { archetype, score, matched: score >= archetype.minScore, outcome };
    });
  }

  /** Derived once, the first time a decision rule asks: by then the earlier tiers have all run. */
  derived(): DerivedFacts {
    this.derivedFacts ??= this.derive();
    return this.derivedFacts;
  }

  private derive(): DerivedFacts {
    const riskScore = this.model.criteria
      .filter((criterion) => this.criterionHolds(criterion.id))
      .reduce((sum, criterion) => sum + criterion.weight, 0);
    const { lavMax, hoejMin } = this.model.thresholds.riskLevels;
    const riskLevel: RiskLevel = riskScore <= lavMax ? 'lav' : riskScore >= hoejMin ? 'hoej' : 'middel';
    const targetGroup =
      this.model.targetGroups.find((group) => this.holds(`${RULE_PREFIX.targetGroup}${group.id}`)) ?? null;
    let best: ArchetypeScore | null = null;
    for (const candidate of this.archetypeScores()) {
      // Strictly greater: a tie goes to the archetype defined first.
      if (candidate.matched && (best === null || candidate.score > best.score)) best = candidate;
    }
    return {
      riskScore,
      riskLevel,
      targetGroup,
      strategy: targetGroup?.strategy ?? null,
      bestArchetype: best?.archetype ?? null,
    };
  }
}

export interface DerivedFacts {
  riskScore: number;
  riskLevel: RiskLevel;
  targetGroup: TargetGroup | null;
  strategy: Strategy | null;
  bestArchetype: Archetype | null;
}

/** The settings an engine was built with, as the ledger needs them. */
interface EngineModel {
  criteria: { id: string; weight: number }[];
  thresholds: Thresholds;
  archetypes: Archetype[];
  targetGroups: TargetGroup[];
}

class ScreeningAlmanac extends Almanac {
  readonly ledger: RunLedger;
  constructor(model: EngineModel) {
    super({ allowUndefinedFacts: true });
    this.ledger = new RunLedger(model);
  }
}

function ledgerOf(almanac: Almanac): RunLedger {
  if (!(almanac instanceof ScreeningAlmanac)) throw new Error('screening engine run without its almanac');
  return almanac.ledger;
}

function bundle(name: BundleName, priority: number, items: object[]): RuleProperties {
  return { name, priority, conditions: { any: items } as TopLevelCondition, event: { type: name } };
}

/**
 * A json-rules-engine engine with a screening's rules for one team's settings. Runs are queued: the engine
 * keeps a run status on itself, so two overlapping runs would make the first to finish skip the rest of the other.
 */
export class ScreeningEngine {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: Engine,
    private readonly model: EngineModel,
  ) {}

  /** Runs every rule once over the answers and returns what each rule reported. */
  run(answers: Readonly<Record<string, AnswerValue>>): Promise<RunLedger> {
    return this.runWith(answers, []);
  }

  /**
   * Runs this (decisions-only) engine on the results of an earlier run, leaving out the rule results named in
   * `drop`. Valid when no remaining rule read what is dropped, e.g. taking out a criterion no archetype reads.
   */
  redecide(
    answers: Readonly<Record<string, AnswerValue>>,
    earlier: RunLedger,
    drop: ReadonlySet<string>,
  ): Promise<RunLedger> {
    const kept = [...earlier.outcomes].filter(([name]) => !drop.has(name) && !name.startsWith(RULE_PREFIX.decision));
    return this.runWith(answers, kept);
  }

  private runWith(
    answers: Readonly<Record<string, AnswerValue>>,
    seed: readonly [string, EvaluatedCondition][],
  ): Promise<RunLedger> {
    const almanac = new ScreeningAlmanac(this.model);
    for (const [name, outcome] of seed) almanac.ledger.outcomes.set(name, outcome);
    for (const [id, value] of Object.entries(answers)) {
      // Uncached constant facts: the engine would otherwise hash every answer to build a cache key, per run.
      almanac.addFact(new Fact(id, value, { cache: false }));
    }
    const run = this.tail.then(() => this.engine.run({}, { almanac }));
    this.tail = run.catch(() => undefined);
    return run.then(() => almanac.ledger);
  }
}

/** Options for a variant of a team's engine, e.g. the sensitivity check's "without over_40". */
export interface EngineVariant {
  /** Criteria treated as disabled whatever the settings say. */
  disabledCriteria?: ReadonlySet<string>;
  /**
   * Only the decision rules that set a track (not those that only warn): for re-deciding the track on an
   * earlier run's criterion, target-group and archetype results (see {@link ScreeningEngine.redecide}).
   */
  decisionsOnly?: boolean;
}

/** Builds the engine for a ruleset and one team's settings (a few ms; the evaluator caches it). */
export function buildScreeningEngine(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
  variant: EngineVariant = {},
): ScreeningEngine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const enabledCriteria = ruleset.criteria.flatMap((criterion) => {
    const team = settings.criteria[criterion.id] ?? { weight: criterion.weight, enabled: criterion.enabled };
    const enabled = team.enabled && !(variant.disabledCriteria?.has(criterion.id) ?? false);
    return enabled ? [{ ...criterion, weight: team.weight }] : [];
  });
  const model: EngineModel = {
    criteria: enabledCriteria.map(({ id, weight }) => ({ id, weight })),
    thresholds: settings.thresholds,
    archetypes: settings.archetypes,
    targetGroups: settings.targetGroups,
  };

  const noCache = { cache: false };
  engine.addFact('affectedSectors', settings.affectedSectors, noCache);
  engine.addFact('shortExperienceYears', settings.thresholds.shortExperienceYears, noCache);
  engine.addFact('minApplicationsPerWeek', settings.thresholds.minApplicationsPerWeek, noCache);
  for (const criterion of ruleset.criteria) {
    // A disabled criterion is not in the engine at all, so its fact is simply false (and its answer unread).
    engine.addFact(
      criterionFact(criterion.id),
      (_params, almanac) => ledgerOf(almanac).criterionHolds(criterion.id),
      noCache,
    );
  }
  const derived = (pick: (facts: DerivedFacts) => unknown) => (_params: unknown, almanac: Almanac) =>
    pick(ledgerOf(almanac).derived());
  engine.addFact(
    'riskScore',
    derived((facts) => facts.riskScore),
    noCache,
  );
  engine.addFact(
    'riskLevel',
    derived((facts) => facts.riskLevel),
    noCache,
  );
  engine.addFact(
    'targetGroup',
    derived((facts) => facts.targetGroup?.id ?? null),
    noCache,
  );
  engine.addFact(
    'strategy',
    derived((facts) => facts.strategy),
    noCache,
  );
  engine.addFact(
    'bestArchetype',
    derived((facts) => facts.bestArchetype?.id ?? null),
    noCache,
  );
  engine.addFact(
    'bestArchetypeAtRisk',
    derived((facts) => facts.bestArchetype?.atRisk ?? false),
    noCache,
  );

  const named = (prefix: string, id: string, condition: Condition): object => ({
    ...condition,
    name: `${prefix}${id}`,
  });
  const answerRules = [
    // Criteria and target groups read only answers: one rule, so one run pays for one rule's bookkeeping.
    bundle('answers', PRIORITY.answers, [
      ...enabledCriteria.map((criterion) => named(RULE_PREFIX.criterion, criterion.id, criterion.conditions)),
      ...settings.targetGroups.map((group) => named(RULE_PREFIX.targetGroup, group.id, group.condition)),
    ]),
    bundle(
      'archetypes',
      PRIORITY.archetypes,
      settings.archetypes.map((archetype) =>
        named(RULE_PREFIX.archetype, archetype.id, { all: archetype.characteristics.map((c) => c.condition) }),
      ),
    ),
  ];
  // Re-deciding only asks for the track, so a decisions-only engine leaves out the rules that only warn.
  const decisions =
    variant.decisionsOnly === true ? ruleset.decisions.filter((decision) => 'track' in decision) : ruleset.decisions;
  const decisionRule = bundle(
    'decisions',
    PRIORITY.decisions,
    decisions.map((decision) => named(RULE_PREFIX.decision, decision.id, decision.conditions)),
  );
  for (const rule of variant.decisionsOnly === true ? [decisionRule] : [...answerRules, decisionRule]) {
    engine.addRule(rule);
  }
  const record = (_event: unknown, almanac: Almanac, result: RuleResult): void => ledgerOf(almanac).record(result);
  engine.on('success', record);
  engine.on('failure', record);
  return new ScreeningEngine(engine, model);
}
