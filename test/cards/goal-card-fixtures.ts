import { followUpsForScreening, type FollowUp } from '../../rules/follow-ups/follow-up';
import type { GoalPlan } from '../../rules/goals/goal-plan';
import type { IndicatorCatalog } from '../../rules/goals/indicator';
import type { IsoWeek } from '../../rules/goals/iso-week';
import type { WeeklyLog } from '../../rules/goals/weekly-log';
import { weeklySummary, type TeamWeeklySummary } from '../../rules/goals/weekly-summary';
import type { LogForm } from '../../rules/goals/goals.service';
import { TEAM, at, defaultCatalog, goal, log, member, plan, screening } from '../rules/goals/goal-fixtures';
import { opening } from '../rules/openings/opening-fixtures';

export const WEEK_7: IsoWeek = { year: 2026, week: 7 };

/** The names of the default ruleset's archetypes the fixtures use. */
export const ARCHETYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['sprogbarriere', 'Den ledige med sprogbarriere og uden netværk'],
]);

export function logForm(overrides: Partial<LogForm> = {}): LogForm {
  return {
    teamId: TEAM,
    week: WEEK_7,
    weekKey: '2026-W07',
    period: { from: '2026-02-09', to: '2026-02-15' },
    member: member('u-mette', 'Mette Hansen'),
    indicators: [
      { id: 'kanvas', label: 'Kanvas', groupLabel: 'Salg', value: undefined, prefilled: undefined, goal: 10 },
      {
        id: 'aabninger_ordinaere',
        label: 'Jobåbninger – ordinære job',
        groupLabel: 'Jobåbninger',
        value: 2,
        prefilled: 2,
        goal: 2,
      },
    ],
    submittedAt: undefined,
    ...overrides,
  };
}

/** Week-39 follow-ups with outcomes, one by archetype, one without. */
function answeredFollowUps(): FollowUp[] {
  const decided = [
    screening({
      id: 's-a',
      decidedAt: at('2025-05-12'),
      bestArchetype: 'sprogbarriere',
      recommendedTrack: 'selektion',
    }),
    screening({ id: 's-b', decidedAt: at('2025-05-13'), finalTrack: 'selektion', riskLevel: 'hoej' }),
  ];
  return decided
    .flatMap(followUpsForScreening)
    .map((followUp, index) => ({ ...followUp, outcome: index % 2 === 0 ? 'stadig_ledig' : 'job' }) as FollowUp);
}

/** A realistic team week: two members, goals, logs, screenings, openings and follow-up outcomes. */
export function teamSummary(): TeamWeeklySummary {
  const logs: WeeklyLog[] = [];
  for (let week = 4; week <= 7; week += 1) {
    logs.push(log('u-mette', { year: 2026, week }, { kanvas: 12, aabninger_ordinaere: 1 }));
    logs.push(log('u-ali', { year: 2026, week }, { kanvas: 4, aabninger_ordinaere: 2 }));
  }
  return weeklySummary({
    teamId: TEAM,
    week: WEEK_7,
    now: new Date(at('2026-02-16', '08:00')),
    catalog: defaultCatalog(),
    plans: [plan({ annualTargets: { kanvas: 1060 } })],
    logs,
    screenings: [
      screening({ id: 's1', decidedAt: at('2026-02-10') }),
      screening({
        id: 's2',
        decidedAt: at('2026-02-11'),
        decision: 'overridden',
        reasonCode: 'kapacitet',
        finalTrack: 'selektion',
      }),
    ],
    openings: [
      opening({ teamId: TEAM, date: at('2026-02-10') }),
      opening({ id: 'o2', teamId: TEAM, date: at('2026-01-20') }),
    ],
    followUps: answeredFollowUps(),
    settings: { intensiveShareCap: 0.3, capacityWindowDays: 90 },
  });
}

/** A large team: every indicator, `members` members with long names, all logged. */
export function largeTeamSummary(
  catalog: IndicatorCatalog = defaultCatalog(),
  members = 30,
  /** The same annual target for every indicator, when given. */
  annualTarget?: number,
): TeamWeeklySummary {
  const people = Array.from({ length: members }, (_, index) =>
    member(`u-${index}`, `Medarbejder nummer ${index + 1} Hansen-Østergaard`),
  );
  const indicators = catalog.indicators.map((indicator) => indicator.id);
  const goals = people.flatMap((person) => indicators.map((id) => goal(person.userId, id, 10)));
  const annualTargets =
    annualTarget === undefined ? undefined : Object.fromEntries(indicators.map((id) => [id, annualTarget]));
  const big: GoalPlan = plan({
    indicators,
    members: people,
    goals,
    ...(annualTargets === undefined ? {} : { annualTargets }),
  });
  const counts = Object.fromEntries(indicators.map((id, index) => [id, index % 12]));
  return weeklySummary({
    teamId: TEAM,
    week: WEEK_7,
    now: new Date(at('2026-02-16', '08:00')),
    catalog,
    plans: [big],
    logs: people.map((person) => log(person.userId, WEEK_7, counts)),
    screenings: [],
    openings: [],
    followUps: [],
    settings: { intensiveShareCap: 0.3, capacityWindowDays: 90 },
  });
}
