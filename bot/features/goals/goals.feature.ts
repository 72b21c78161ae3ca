import { GoalAnswerCards } from '../../../cards/goals/goal-answers.cards';
import { GoalPlanCards } from '../../../cards/goals/goal-plan.cards';
import { GoalCards } from '../../../cards/goals/goal.cards';
import { GoalRhythmJob } from '../../../rules/goals/goal-rhythm.job';
import { GoalsService } from '../../../rules/goals/goals.service';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { PersonalChatSend } from '../../teams/personal-chat.sender';
import { SEND_LEASE_MS, type AreaDeps, type Feature } from '../feature';
import { createGoalNotifier } from './goal.notifier';
import { goalsHandlers } from './goals.handlers';

/** Weekly goals: `mål`, `mål opsæt`, `ugerapport`, Friday's reminder and Monday's summary. */
export function goalsArea(
  { repositories, membership, ruleset, indicators, renderer, clock, instanceId }: AreaDeps,
  settings: TeamSettingsService,
  sendPersonal: PersonalChatSend,
): { feature: Feature } {
  const goals = new GoalsService(
    repositories.goalPlans,
    repositories.weeklyLogs,
    repositories.openings,
    repositories.screenings,
    repositories.followUps,
    settings,
    indicators,
    clock,
  );
  const cards = new GoalCards(renderer, {
    archetypeNames: new Map(ruleset.archetypes.map((archetype) => [archetype.id, archetype.name])),
  });
  const rhythm = new GoalRhythmJob(
    goals,
    membership,
    repositories.jobRuns,
    createGoalNotifier({ goals, cards, send: sendPersonal }),
    { holder: instanceId, leaseMs: SEND_LEASE_MS },
  );
  return {
    feature: {
      ...goalsHandlers({
        service: goals,
        leaders: settings,
        answers: new GoalAnswerCards(cards),
        planCards: new GoalPlanCards(cards, indicators, clock),
        clock,
      }),
      minuteJobs: [{ name: 'goal-rhythm', run: (now) => rhythm.run(now) }],
    },
  };
}
