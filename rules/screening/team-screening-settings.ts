import type { LocatedProblem } from './engine/condition.utils';
import {
  answerFactChecker,
  archetypeFactChecker,
  checkAffectedSectors,
  checkArchetypes,
  checkLimits,
  checkQuestion,
  checkTargetGroups,
  checkThresholds,
} from './engine/screening-ruleset.parser';
import type { ScreeningRuleset, TeamScreeningSettings, Thresholds } from './screening.types';

/** Thrown when a team's screening settings cannot be used; `problems` say where and what, in Danish. */
export class ScreeningSettingsError extends Error {
  readonly code = 'SCREENING_SETTINGS_INVALID';
  constructor(readonly problems: LocatedProblem[]) {
    super(`Screening settings are invalid:\n${problems.map((p) => `  ${p.location}: ${p.message}`).join('\n')}`);
    this.name = 'ScreeningSettingsError';
  }
}

/** A team's settings before it changed anything: the rule file's defaults, version 1. */
export function defaultTeamScreeningSettings(ruleset: ScreeningRuleset): TeamScreeningSettings {
  // A deep copy, so a team editing its settings can never change the shared ruleset.
  const copy = structuredClone({
    criteria: Object.fromEntries(
      ruleset.criteria.map((criterion) => [criterion.id, { weight: criterion.weight, enabled: criterion.enabled }]),
    ),
    thresholds: ruleset.thresholds,
    archetypes: ruleset.archetypes,
    targetGroups: ruleset.targetGroups,
    affectedSectors: ruleset.defaults.affectedSectors,
  });
  return {
    version: 1,
    ...copy,
    intensiveShareCap: ruleset.defaults.intensiveShareCap,
    capacityWindowDays: ruleset.defaults.capacityWindowDays,
    retentionDays: ruleset.defaults.retentionDays,
    customQuestions: [],
    trackLabels: { ...ruleset.defaults.trackLabels },
  };
}

/** Partial settings, as a test case or a settings form gives them: criteria and thresholds merge by key. */
export type TeamScreeningSettingsOverrides = Partial<Omit<TeamScreeningSettings, 'criteria' | 'thresholds'>> & {
  criteria?: Record<string, Partial<{ weight: number; enabled: boolean }>>;
  thresholds?: Partial<Omit<Thresholds, 'riskLevels'>> & { riskLevels?: Partial<Thresholds['riskLevels']> };
};

/** Applies overrides to settings without changing either. Lists (archetypes, target groups, …) are replaced whole. */
export function withSettingsOverrides(
  base: TeamScreeningSettings,
  overrides: TeamScreeningSettingsOverrides,
): TeamScreeningSettings {
  const { criteria, thresholds, ...rest } = structuredClone(overrides);
  const merged = structuredClone(base);
  for (const [id, change] of Object.entries(criteria ?? {})) {
    const current = merged.criteria[id] ?? { weight: 1, enabled: true };
    merged.criteria[id] = { ...current, ...change };
  }
  const riskLevels = { ...merged.thresholds.riskLevels, ...thresholds?.riskLevels };
  merged.thresholds = { ...merged.thresholds, ...thresholds, riskLevels };
  return { ...merged, ...rest };
}

/**
 * Checks a team's settings against the ruleset: known criteria and sectors, sensible thresholds and limits,
 * archetypes and target groups that read only known facts, and team questions that fit the questionnaire.
 */
export function checkTeamScreeningSettings(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
): LocatedProblem[] {
  const criterionIds = new Set(ruleset.criteria.map((criterion) => criterion.id));
  const problems: LocatedProblem[] = [];
  for (const [id, criterion] of Object.entries(settings.criteria)) {
    if (!criterionIds.has(id)) problems.push({ location: `/criteria/${id}`, message: `ukendt kriterium "${id}"` });
    if (!(criterion.weight >= 0))
      problems.push({ location: `/criteria/${id}/weight`, message: 'vægten må ikke være negativ' });
  }
  problems.push(...checkAffectedSectors(settings.affectedSectors, ruleset.sectors, '/affectedSectors'));
  problems.push(...checkThresholds(settings.thresholds, '/thresholds'));
  problems.push(...checkLimits(settings, ''));

  const sections = ruleset.questionnaire.sections;
  const taken = new Set(sections.flatMap((section) => section.questions.map((question) => question.id)));
  const questionIds = new Set(taken);
  settings.customQuestions.forEach((question, index) => {
    const at = `/customQuestions/${index}`;
    const sectionIndex = sections.findIndex((section) => section.id === question.sectionId);
    if (sectionIndex < 0) {
      problems.push({ location: `${at}/sectionId`, message: `ukendt afsnit "${question.sectionId}"` });
      return;
    }
    const earlier = new Set(sections.slice(0, sectionIndex).flatMap((section) => section.questions.map((q) => q.id)));
    for (const other of settings.customQuestions.slice(0, index)) {
      const otherIndex = sections.findIndex((section) => section.id === other.sectionId);
      if (otherIndex >= 0 && otherIndex < sectionIndex) earlier.add(other.id);
    }
    problems.push(...checkQuestion(question, at, { earlierQuestionIds: earlier, criterionIds, takenIds: taken }));
    taken.add(question.id);
    questionIds.add(question.id);
  });
  problems.push(
    ...checkArchetypes(settings.archetypes, '/archetypes', archetypeFactChecker(questionIds, criterionIds)),
  );
  problems.push(...checkTargetGroups(settings.targetGroups, '/targetGroups', answerFactChecker(questionIds)));
  return problems;
}
