import { RuleFilesValidator, type RuleFileProblem } from '../../rule-files/rule-files.validator';
import { RULE_FILE_SCHEMAS } from '../../rule-files/rule-file.schemas';
import { checkCondition, conditionFacts, type LocatedProblem } from './condition.utils';
import {
  DERIVED_FACTS,
  QUESTION_ID_PATTERN,
  SETTINGS_FACTS,
  criterionOfFact,
  reasonPlaceholders,
} from './screening-facts';
import { RETENTION_DAYS } from '../retention-period';
import type {
  Archetype,
  Condition,
  Question,
  Questionnaire,
  ReasonText,
  ScreeningRuleset,
  Sector,
  TargetGroup,
  Thresholds,
} from '../screening.types';

export const QUESTIONNAIRE_FILE = 'questionnaire.json';
export const SCREENING_RULES_FILE = 'screening-rules.json';
export const SECTORS_FILE = 'sectors.json';

/** The parsed content of the three screening files. */
export interface ScreeningRuleFiles {
  questionnaire: unknown;
  rules: unknown;
  sectors: unknown;
}

/** Thrown when the screening files are broken; `problems` name file, place (JSON pointer) and what, in Danish. */
export class ScreeningRulesetError extends Error {
  readonly code = 'SCREENING_RULESET_INVALID';
  constructor(readonly problems: RuleFileProblem[]) {
    super(
      `Screening rule files are invalid:\n${problems.map((p) => `  ${p.file} (${p.location}): ${p.message}`).join('\n')}`,
    );
    this.name = 'ScreeningRulesetError';
  }
}

/** What a question's position and the criteria allow it to refer to. */
export interface QuestionContext {
  /** Question ids of earlier sections: the only facts a question's condition may read. */
  earlierQuestionIds: ReadonlySet<string>;
  criterionIds: ReadonlySet<string>;
  takenIds: ReadonlySet<string>;
}

/** Checks one question beyond its schema: id shape, options, range, condition and criterion references. */
export function checkQuestion(question: Question, location: string, context: QuestionContext): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  if (!QUESTION_ID_PATTERN.test(question.id)) {
    problems.push({ location: `${location}/id`, message: `id "${question.id}" skal være camelCase (a-z, A-Z, 0-9)` });
  }
  if (
    (SETTINGS_FACTS as readonly string[]).includes(question.id) ||
    (DERIVED_FACTS as readonly string[]).includes(question.id)
  ) {
    problems.push({ location: `${location}/id`, message: `id "${question.id}" er reserveret til en fakta i reglerne` });
  }
  if (context.takenIds.has(question.id)) {
    problems.push({ location: `${location}/id`, message: `spørgsmålet "${question.id}" findes allerede` });
  }
  const isChoice = question.type === 'choice';
  const optionSources = (question.options === undefined ? 0 : 1) + (question.optionsFrom === undefined ? 0 : 1);
  if (isChoice && optionSources !== 1) {
    problems.push({ location, message: 'et valgspørgsmål skal have enten "options" eller "optionsFrom"' });
  }
  if (!isChoice && optionSources !== 0) {
    problems.push({ location, message: 'kun valgspørgsmål (type "choice") kan have svarmuligheder' });
  }
  if (question.options !== undefined) {
    if (question.options.length === 0)
      problems.push({ location: `${location}/options`, message: 'mangler svarmuligheder' });
    problems.push(...duplicates(question.options, `${location}/options`, 'svarmuligheden'));
  }
  const numeric = question.type === 'integer' || question.type === 'number';
  if (!numeric && (question.min !== undefined || question.max !== undefined)) {
    problems.push({ location, message: '"min" og "max" gælder kun tal-spørgsmål' });
  }
  if (numeric && (question.min === undefined || question.max === undefined)) {
    problems.push({ location, message: 'et tal-spørgsmål skal have både "min" og "max"' });
  }
  if (question.min !== undefined && question.max !== undefined && question.min > question.max) {
    problems.push({ location: `${location}/min`, message: '"min" er større end "max"' });
  }
  if (question.requiresCriterion !== undefined && !context.criterionIds.has(question.requiresCriterion)) {
    problems.push({
      location: `${location}/requiresCriterion`,
      message: `ukendt kriterium "${question.requiresCriterion}"`,
    });
  }
  if (question.condition !== undefined) {
    problems.push(
      ...checkCondition(
        question.condition,
        `${location}/condition`,
        (fact) => context.earlierQuestionIds.has(fact),
        'en betingelse på et spørgsmål må kun bruge svar fra tidligere afsnit',
      ),
    );
  }
  return problems;
}

function duplicates(items: readonly { id: string }[], location: string, what: string): LocatedProblem[] {
  const seen = new Set<string>();
  const problems: LocatedProblem[] = [];
  items.forEach((item, index) => {
    if (seen.has(item.id))
      problems.push({ location: `${location}/${index}/id`, message: `${what} "${item.id}" findes to gange` });
    seen.add(item.id);
  });
  return problems;
}

/** The facts a criterion or target group may read: answers and the team's settings facts. */
export function answerFactChecker(questionIds: ReadonlySet<string>): (fact: string) => boolean {
  return (fact) => questionIds.has(fact) || (SETTINGS_FACTS as readonly string[]).includes(fact);
}

/** Archetype characteristics may also read whether a criterion held. */
export function archetypeFactChecker(
  questionIds: ReadonlySet<string>,
  criterionIds: ReadonlySet<string>,
): (fact: string) => boolean {
  const answers = answerFactChecker(questionIds);
  return (fact) => answers(fact) || criterionIds.has(criterionOfFact(fact) ?? '');
}

/** Checks archetypes (in the rule file or in a team's settings). */
export function checkArchetypes(
  archetypes: readonly Archetype[],
  location: string,
  isKnownFact: (fact: string) => boolean,
): LocatedProblem[] {
  const problems = duplicates(archetypes, location, 'arketypen');
  archetypes.forEach((archetype, index) => {
    const at = `${location}/${index}`;
    if (archetype.characteristics.length === 0) {
      problems.push({ location: `${at}/characteristics`, message: 'en arketype skal have mindst ét kendetegn' });
    }
    if (!(archetype.minScore > 0 && archetype.minScore <= 1)) {
      problems.push({ location: `${at}/minScore`, message: '"minScore" skal være større end 0 og højst 1' });
    }
    archetype.characteristics.forEach((characteristic, position) =>
      problems.push(
        ...checkCondition(
          characteristic.condition,
          `${at}/characteristics/${position}/condition`,
          isKnownFact,
          'brug et spørgsmåls id, en indstilling eller "criterion:<kriterium>"',
        ),
      ),
    );
  });
  return problems;
}

/** Checks target groups (in the rule file or in a team's settings). */
export function checkTargetGroups(
  groups: readonly TargetGroup[],
  location: string,
  isKnownFact: (fact: string) => boolean,
): LocatedProblem[] {
  const problems = duplicates(groups, location, 'målgruppen');
  if (groups.length === 0) problems.push({ location, message: 'der skal være mindst én målgruppe' });
  const last = groups.at(-1);
  if (last !== undefined && conditionFacts(last.condition).length > 0) {
    // Without a catch-all group some citizens would get no strategy and therefore no recommendation.
    problems.push({
      location: `${location}/${groups.length - 1}/condition`,
      message: 'den sidste målgruppe skal gælde alle (betingelsen { "all": [] }), så alle borgere får en strategi',
    });
  }
  groups.forEach((group, index) =>
    problems.push(
      ...checkCondition(group.condition, `${location}/${index}/condition`, isKnownFact, 'brug et spørgsmåls id'),
    ),
  );
  return problems;
}

/** Checks thresholds (in the rule file or in a team's settings). */
export function checkThresholds(thresholds: Thresholds, location: string): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  if (thresholds.shortExperienceYears < 0) {
    problems.push({ location: `${location}/shortExperienceYears`, message: 'må ikke være negativ' });
  }
  if (thresholds.minApplicationsPerWeek < 0) {
    problems.push({ location: `${location}/minApplicationsPerWeek`, message: 'må ikke være negativ' });
  }
  if (thresholds.riskLevels.lavMax >= thresholds.riskLevels.hoejMin) {
    problems.push({ location: `${location}/riskLevels`, message: '"lavMax" skal være mindre end "hoejMin"' });
  }
  return problems;
}

/** Checks a share and two day counts (in the rule file's defaults or a team's settings). */
export function checkLimits(
  values: { intensiveShareCap: number; capacityWindowDays: number; retentionDays: number },
  location: string,
): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  if (!(values.intensiveShareCap >= 0 && values.intensiveShareCap <= 1)) {
    problems.push({ location: `${location}/intensiveShareCap`, message: 'skal være en andel mellem 0 og 1' });
  }
  if (!(values.capacityWindowDays >= 1))
    problems.push({ location: `${location}/capacityWindowDays`, message: 'skal være mindst 1 dag' });
  if (!(values.retentionDays >= RETENTION_DAYS.min && values.retentionDays <= RETENTION_DAYS.max)) {
    problems.push({
      location: `${location}/retentionDays`,
      message: `skal være mellem ${RETENTION_DAYS.min} og ${RETENTION_DAYS.max} dage`,
    });
  }
  return problems;
}

/** Sector ids in `affectedSectors` must exist. */
export function checkAffectedSectors(
  ids: readonly string[],
  sectors: readonly Sector[],
  location: string,
): LocatedProblem[] {
  const known = new Set(sectors.map((sector) => sector.id));
  return ids.flatMap((id, index) =>
    known.has(id) ? [] : [{ location: `${location}/${index}`, message: `ukendt branche "${id}"` }],
  );
}

function questionnaireProblems(questionnaire: Questionnaire, criterionIds: ReadonlySet<string>): LocatedProblem[] {
  const problems = duplicates(questionnaire.sections, '/sections', 'afsnittet');
  const earlier = new Set<string>();
  const taken = new Set<string>();
  questionnaire.sections.forEach((section, sectionIndex) => {
    const thisSection: string[] = [];
    section.questions.forEach((question, index) => {
      problems.push(
        ...checkQuestion(question, `/sections/${sectionIndex}/questions/${index}`, {
          earlierQuestionIds: earlier,
          criterionIds,
          takenIds: taken,
        }),
      );
      taken.add(question.id);
      thisSection.push(question.id);
    });
    for (const id of thisSection) earlier.add(id);
  });
  return problems;
}

/**
 * A reason sentence must be said with values the explanation has: each `{fact}` an answer, a setting or
 * a derived fact, and each part's fact one its condition compares (else the part could never be said).
 */
function reasonProblems(reason: ReasonText, condition: Condition, location: string, known: (fact: string) => boolean) {
  const problems: LocatedProblem[] = [];
  const texts = typeof reason === 'string' ? [reason] : reason.map((part) => part.text);
  if (texts.some((text) => text.trim() === '')) problems.push({ location, message: 'begrundelsen må ikke være tom' });
  for (const fact of reasonPlaceholders(reason)) {
    if (!known(fact))
      problems.push({
        location,
        message: `ukendt fakta "${fact}" i begrundelsen; brug et spørgsmåls id eller en afledt fakta`,
      });
  }
  if (typeof reason !== 'string') {
    const compared = new Set(conditionFacts(condition));
    reason.forEach((part, index) => {
      if (!compared.has(part.fact))
        problems.push({
          location: `${location}/${index}/fact`,
          message: `betingelsen sammenligner ikke "${part.fact}", så denne del af begrundelsen kan aldrig siges`,
        });
    });
  }
  return problems;
}

function rulesProblems(ruleset: ScreeningRuleset, questionIds: ReadonlySet<string>): LocatedProblem[] {
  const criterionIds = new Set(ruleset.criteria.map((criterion) => criterion.id));
  const answerFacts = answerFactChecker(questionIds);
  const problems = duplicates(ruleset.criteria, '/criteria', 'kriteriet');
  ruleset.criteria.forEach((criterion, index) => {
    if (!(criterion.weight >= 0))
      problems.push({ location: `/criteria/${index}/weight`, message: 'vægten må ikke være negativ' });
    problems.push(
      ...checkCondition(
        criterion.conditions,
        `/criteria/${index}/conditions`,
        answerFacts,
        'brug et spørgsmåls id eller en indstilling',
      ),
    );
  });
  const sayable = (fact: string): boolean =>
    questionIds.has(fact) ||
    (SETTINGS_FACTS as readonly string[]).includes(fact) ||
    (DERIVED_FACTS as readonly string[]).includes(fact);
  ruleset.criteria.forEach((criterion, index) =>
    problems.push(...reasonProblems(criterion.reason, criterion.conditions, `/criteria/${index}/reason`, sayable)),
  );
  ruleset.targetGroups.forEach((group, index) => {
    if (group.reason !== undefined)
      problems.push(...reasonProblems(group.reason, group.condition, `/targetGroups/${index}/reason`, sayable));
  });
  ruleset.decisions.forEach((decision, index) => {
    if ('reason' in decision && decision.reason !== undefined)
      problems.push(...reasonProblems(decision.reason, decision.conditions, `/decisions/${index}/reason`, sayable));
  });
  problems.push(...checkThresholds(ruleset.thresholds, '/thresholds'));
  problems.push(...checkArchetypes(ruleset.archetypes, '/archetypes', archetypeFactChecker(questionIds, criterionIds)));
  problems.push(...checkTargetGroups(ruleset.targetGroups, '/targetGroups', answerFacts));
  problems.push(...duplicates(ruleset.decisions, '/decisions', 'reglen'));
  const decisionFacts = (fact: string): boolean =>
    archetypeFactChecker(questionIds, criterionIds)(fact) || (DERIVED_FACTS as readonly string[]).includes(fact);
  ruleset.decisions.forEach((decision, index) => {
    const hasTrack = 'track' in decision && decision.track !== undefined;
    const hasWarning = 'warning' in decision && decision.warning !== undefined;
    if (hasTrack === hasWarning || (hasTrack && !('reason' in decision && decision.reason !== undefined))) {
      problems.push({
        location: `/decisions/${index}`,
        message: 'en regel skal have enten "track" og "reason" eller "warning"',
      });
    }
    problems.push(
      ...checkCondition(
        decision.conditions,
        `/decisions/${index}/conditions`,
        decisionFacts,
        'brug et spørgsmåls id eller en afledt fakta',
      ),
    );
  });
  problems.push(...checkLimits(ruleset.defaults, '/defaults'));
  problems.push(
    ...checkAffectedSectors(ruleset.defaults.affectedSectors, ruleset.sectors, '/defaults/affectedSectors'),
  );
  return problems;
}

/**
 * Validates the three screening files (schemas, then cross-references) and returns every problem found.
 * `ruleset` is set only when there are none.
 */
export function checkScreeningRuleset(files: ScreeningRuleFiles): {
  ruleset?: ScreeningRuleset;
  problems: RuleFileProblem[];
} {
  const schemaReport = new RuleFilesValidator(RULE_FILE_SCHEMAS).validate([
    { name: QUESTIONNAIRE_FILE, content: JSON.stringify(files.questionnaire) ?? '' },
    { name: SCREENING_RULES_FILE, content: JSON.stringify(files.rules) ?? '' },
    { name: SECTORS_FILE, content: JSON.stringify(files.sectors) ?? '' },
  ]);
  if (schemaReport.problems.length > 0) return { problems: schemaReport.problems };

  const questionnaire = files.questionnaire as Questionnaire;
  const rules = files.rules as Omit<ScreeningRuleset, 'questionnaire' | 'sectors'>;
  const sectors = (files.sectors as { sectors: Sector[] }).sectors;
  const ruleset: ScreeningRuleset = {
    version: rules.version,
    questionnaire,
    sectors,
    criteria: rules.criteria,
    thresholds: rules.thresholds,
    archetypes: rules.archetypes,
    targetGroups: rules.targetGroups,
    decisions: rules.decisions,
    defaults: rules.defaults,
  };
  const questionIds = new Set(questionnaire.sections.flatMap((section) => section.questions.map((q) => q.id)));
  const criterionIds = new Set(rules.criteria.map((criterion) => criterion.id));
  const sectorProblems = duplicates(sectors, '/sectors', 'branchen');
  if (sectors.some((sector) => sector.id === 'ingen')) {
    sectorProblems.push({ location: '/sectors', message: '"ingen" er reserveret til "ingen branche"' });
  }
  const problems: RuleFileProblem[] = [
    ...questionnaireProblems(questionnaire, criterionIds).map((p) => ({ file: QUESTIONNAIRE_FILE, ...p })),
    ...sectorProblems.map((p) => ({ file: SECTORS_FILE, ...p })),
    ...rulesProblems(ruleset, questionIds).map((p) => ({ file: SCREENING_RULES_FILE, ...p })),
  ];
  return problems.length > 0 ? { problems } : { ruleset, problems };
}

/**
 * Validates and loads the screening rule files.
 * @throws ScreeningRulesetError naming each broken file, the place inside it and what is wrong.
 */
export function loadScreeningRuleset(files: ScreeningRuleFiles): ScreeningRuleset {
  const { ruleset, problems } = checkScreeningRuleset(files);
  if (ruleset === undefined) throw new ScreeningRulesetError(problems);
  return ruleset;
}
