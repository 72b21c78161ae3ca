/**
 * The screening domain's types (domain spec §1). The questionnaire, the criteria, the archetypes, the target
 * groups and the decision rules are data (`rules/data/*.json`); conditions in them use json-rules-engine's
 * condition format, so the engine evaluates exactly what the file says.
 */

/** The recommended track for one citizen. */
export type Track = 'doedvaegt' | 'catch-all' | 'selektion';
/** A target group's strategy has the same three ids as a track. */
export type Strategy = Track;
export type RiskLevel = 'lav' | 'middel' | 'hoej';

export const TRACKS: readonly Track[] = ['doedvaegt', 'catch-all', 'selektion'];

/** One stored answer: integers and numbers as numbers, choices as the value id, yes/no as booleans. */
export type AnswerValue = number | string | boolean;
export type Answers = Readonly<Record<string, AnswerValue>>;

/** The operators json-rules-engine ships with; rule files may use only these. */
export const CONDITION_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** A reference to another fact as the right-hand side, e.g. `{ "fact": "affectedSectors" }`. */
export interface FactReference {
  fact: string;
}
export type ConditionValue = AnswerValue | readonly AnswerValue[] | FactReference;

/** A json-rules-engine condition: a comparison, or all/any/not over nested conditions. */
export type Condition =
  | { fact: string; operator: ConditionOperator; value: ConditionValue; name?: string }
  | { all: Condition[]; name?: string }
  | { any: Condition[]; name?: string }
  | { not: Condition; name?: string };

export type QuestionType = 'integer' | 'number' | 'choice' | 'yesno';

export interface QuestionOption {
  id: string;
  label: string;
}

export interface Question {
  /** Stable id: rules, tests, stored answers and the Adaptive Card input id use it. */
  id: string;
  type: QuestionType;
  /** Short Danish name of the field, used in error messages and explanations ("Alder"). */
  label: string;
  /** The Danish question as the caseworker reads it. */
  prompt: string;
  help?: string;
  min?: number;
  max?: number;
  options?: QuestionOption[];
  /** Take the options from a shared list instead; 'sectors' is the branche list plus `ingen`. */
  optionsFrom?: 'sectors';
  required: boolean;
  /** Shown only when this condition on answers from earlier sections holds. */
  condition?: Condition;
  /** Asked only when the team has enabled this criterion (the sensitive `anden_etnisk_baggrund`). */
  requiresCriterion?: string;
}

/** A question a team adds; it is appended to the end of the section `sectionId`. */
export interface CustomQuestion extends Question {
  sectionId: string;
}

export interface QuestionnaireSection {
  id: string;
  title: string;
  intro?: string;
  questions: Question[];
}

export interface Questionnaire {
  version: string;
  sections: QuestionnaireSection[];
}

export interface Sector {
  id: string;
  label: string;
}

export interface CriterionDefinition {
  id: string;
  label: string;
  weight: number;
  enabled: boolean;
  /** Special-category data (GDPR art. 9): off by default, and the sensitivity note reports its effect. */
  sensitive?: boolean;
  conditions: Condition;
  /** The sentence the explanation says when the criterion holds (see {@link ReasonText}). */
  reason: ReasonText;
}

/**
 * A reason as a caseworker writes it in a journal note: one Danish sentence, with `{fact}` placeholders
 * for the values it rests on ("Borgeren søger kun {applicationsPerWeek} job om ugen."). A list gives a
 * sentence per part of the condition: a part is said when the comparison on its `fact` held (and, with
 * `value`, only when the fact had that value); the first part said per fact wins.
 */
export type ReasonText = string | ReasonPart[];

export interface ReasonPart {
  fact: string;
  value?: AnswerValue;
  text: string;
}

export interface Thresholds {
  /** Criterion `kort_erhvervserfaring`: fewer years than this. */
  shortExperienceYears: number;
  /** Criterion `snaever_jobsoegning`: fewer applications a week than this. */
  minApplicationsPerWeek: number;
  /** Risk level `lav` when score ≤ lavMax, `hoej` when score ≥ hoejMin, `middel` in between. */
  riskLevels: { lavMax: number; hoejMin: number };
}

export interface ArchetypeCharacteristic {
  /** Danish, as it reads in the explanation ("over 50 år"). */
  label: string;
  condition: Condition;
}

export interface Archetype {
  id: string;
  name: string;
  /** The "billede på nethinden". */
  description: string;
  characteristics: ArchetypeCharacteristic[];
  atRisk: boolean;
  /** Matches when (characteristics that hold / all characteristics) ≥ minScore. */
  minScore: number;
  interventions: string[];
}

export interface TargetGroup {
  id: string;
  label: string;
  /** `{ "all": [] }` always holds. The first group whose condition holds wins. */
  condition: Condition;
  strategy: Strategy;
  /**
   * The sentence saying why the citizen is in the group; required in the rule file, and a team's own
   * group without one reads "Borgeren hører til målgruppen …".
   */
  reason?: ReasonText;
}

/** A rule over the derived facts (strategy, riskLevel, …) that decides the track or adds a warning. */
export type DecisionRule =
  | { id: string; track: Track; reason: ReasonText; conditions: Condition }
  | { id: string; warning: string; conditions: Condition };

export interface ScreeningDefaults {
  /** How each track reads to people (spec §1.5): a citizen is never called "dødvægt". */
  trackLabels: TrackLabels;
  intensiveShareCap: number;
  capacityWindowDays: number;
  retentionDays: number;
  affectedSectors: string[];
}

/** The screening rule files, validated and loaded (see `loadScreeningRuleset`). */
export interface ScreeningRuleset {
  /** The version of `screening-rules.json`; stored with every screening. */
  version: string;
  questionnaire: Questionnaire;
  sectors: Sector[];
  criteria: CriterionDefinition[];
  thresholds: Thresholds;
  archetypes: Archetype[];
  targetGroups: TargetGroup[];
  decisions: DecisionRule[];
  defaults: ScreeningDefaults;
}

export type TrackLabels = Readonly<Record<Track, string>>;

/** What a team leader can change. Every change gets a new `version`, which keys the engine cache. */
export interface TeamScreeningSettings {
  version: number;
  affectedSectors: string[];
  criteria: Record<string, { weight: number; enabled: boolean }>;
  thresholds: Thresholds;
  archetypes: Archetype[];
  targetGroups: TargetGroup[];
  intensiveShareCap: number;
  capacityWindowDays: number;
  retentionDays: number;
  customQuestions: CustomQuestion[];
  /** The team's display labels of the tracks; absent in settings saved before they were team data. */
  trackLabels?: TrackLabels;
}

/** One problem with one answer, in Danish, naming the field. */
export interface AnswerError {
  questionId: string;
  label: string;
  message: string;
}

export interface CriterionOutcome {
  id: string;
  label: string;
  holds: boolean;
  weight: number;
  enabled: boolean;
}

export interface ArchetypeOutcome {
  id: string;
  name: string;
  score: number;
  matched: boolean;
  atRisk: boolean;
}

export interface SensitivityNote {
  /** Whether age decided the track, through the criterion `over_40` or through the target group. */
  decidedByAge?: boolean;
  /** The track had criterion `over_40` been disabled. */
  withoutOver40: Track;
  /** The track had the sensitive criteria been disabled; only when the team enabled one. */
  withoutSensitive?: Track;
  /** True when disabling `over_40` alone changes the track. */
  tippedByAge: boolean;
  /** Danish, for the result card. */
  note: string;
}

export interface ScreeningResult {
  track: Track;
  targetGroup: string;
  strategy: Strategy;
  riskScore: number;
  riskLevel: RiskLevel;
  criteria: CriterionOutcome[];
  archetypes: ArchetypeOutcome[];
  bestArchetype: string | null;
  /** The reasons as Danish sentences, each once, most decisive first, built from what the engine evaluated. */
  explanation: string[];
  /** Notes on how the team's settings shaped the result (e.g. no sectors marked as hit by the business cycle). */
  notes?: string[];
  /** The display labels of the tracks when this result was made. */
  trackLabels?: TrackLabels;
  warnings: string[];
  rulesetVersion: string;
  settingsVersion: number;
  sensitivity: SensitivityNote;
  /** The best matching archetype's early interventions. */
  interventions: string[];
}
