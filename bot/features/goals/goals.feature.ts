import { GoalAnswerCards } from '../../../cards/goals/goal-answers.cards';
import { GoalPlanCards } from '../../../cards/goals/goal-plan.cards';
import { GoalCards } from '../../../cards/goals/goal.cards';
import { GoalIndicatorCards } from '../../../cards/goals/goal-indicators.cards';
import { ReportExportCards } from '../../../cards/goals/report-export.cards';
import { GoalRhythmJob } from '../../../rules/goals/goal-rhythm.job';
import { GoalsService } from '../../../rules/goals/goals.service';
import { ReportExportService } from '../../../rules/goals/report-export';
import { TeamIndicatorsService } from '../../../rules/goals/team-indicators.service';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { PersonalChatSend } from '../../teams/personal-chat.sender';
import { SEND_LEASE_MS, type AreaDeps, type Feature } from '../feature';
import { createGoalNotifier } from './goal.notifier';
import { goalIndicatorHandlers } from './goal-indicators.handlers';
import { goalsHandlers } from './goals.handlers';
import { reportExportHandlers } from './report-export.handlers';

/**
 * Weekly goals: `mål`, `mål opsæt`, `mål indikatorer`, `mål år`, `ugerapport`, `ugerapport eksport` (and its file's route), Friday's
 * reminder and Monday's summary.
 */
export function goalsArea(
  { repositories, membership, ruleset, indicators, renderer, clock, instanceId, logger, exportLinks }: AreaDeps,
  settings: TeamSettingsService,
  sendPersonal: PersonalChatSend,
): { feature: Feature } {
  const teamIndicators = new TeamIndicatorsService(repositories.teamIndicators, indicators, settings, clock);
  const goals = new GoalsService(
    repositories.goalPlans,
    repositories.weeklyLogs,
    repositories.openings,
    repositories.screenings,
    repositories.followUps,
    settings,
    teamIndicators,
    clock,
  );
  const archetypeNames = new Map(ruleset.archetypes.map((archetype) => [archetype.id, archetype.name]));
  const cards = new GoalCards(renderer, { archetypeNames });
  const rhythm = new GoalRhythmJob(
    goals,
    membership,
    repositories.jobRuns,
    createGoalNotifier({ goals, cards, send: sendPersonal }),
    { holder: instanceId, leaseMs: SEND_LEASE_MS },
  );
  const handlers = goalsHandlers({
    service: goals,
    leaders: settings,
    answers: new GoalAnswerCards(cards),
    planCardsFor: (catalog) => new GoalPlanCards(cards, catalog, clock),
    clock,
  });
  const own = goalIndicatorHandlers({
    indicators: teamIndicators,
    goals,
    cards: new GoalIndicatorCards(renderer, cards, indicators),
  });
  const exports = reportExportHandlers({
    service: new ReportExportService({ summaries: goals, leaders: settings, clock }),
    cards: new ReportExportCards(renderer, cards),
    links: exportLinks,
    file: { archetypeNames, groupLabels: new Map(indicators.groups.map((group) => [group.id, group.label])) },
    clock,
    logger,
  });
  return {
    feature: {
      commands: { ...handlers.commands, ...own.commands, ...exports.commands },
      actions: [...handlers.actions, ...own.actions],
      httpRoutes: exports.httpRoutes,
      minuteJobs: [{ name: 'goal-rhythm', run: (now) => rhythm.run(now) }],
    },
  };
}
