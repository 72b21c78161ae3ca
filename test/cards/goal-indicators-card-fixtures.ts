import type { CardRenderer } from '../../cards/rendering/card.renderer';
import { buildGoalIndicatorsViewModel } from '../../cards/goals/goal-indicators.view-model';
import { buildGoalsYearViewModel } from '../../cards/goals/goals-year.view-model';
import type { IndicatorCatalog } from '../../rules/goals/indicator';

/** A small catalogue: two groups, two indicators. */
const CATALOGUE: IndicatorCatalog = {
  version: 'test',
  groups: [
    { id: 'afholdt', label: 'Afholdt' },
    { id: 'salg', label: 'Salg' },
  ],
  indicators: [
    { id: 'jobsamtaler', group: 'afholdt', label: 'Jobsamtaler' },
    { id: 'kanvas', group: 'salg', label: 'Kanvas' },
  ],
};

/** `mål indikatorer` with one indicator in use (renamed once) and one retired. */
export function goalIndicatorsCard(renderer: CardRenderer) {
  return renderer.render(
    'goalIndicators',
    buildGoalIndicatorsViewModel({
      catalogue: CATALOGUE,
      view: {
        etag: '"e1"',
        week: { year: 2026, week: 9 },
        value: {
          teamId: 'team-a',
          groups: [{ id: 'Netværk', label: 'Netværk' }],
          indicators: [
            {
              id: 'egen_netvaerksmoeder',
              group: 'Netværk',
              labels: [
                { fromWeek: '2026-W02', label: 'Netværksmøder' },
                { fromWeek: '2026-W09', label: 'Netværksmøder med virksomheder' },
              ],
            },
            {
              id: 'egen_cafeer',
              group: 'salg',
              labels: [{ fromWeek: '2026-W02', label: 'Caféer' }],
              retiredFrom: '2026-W05',
            },
          ],
          updatedBy: 'u-leader',
          updatedAt: '2026-02-25T09:00:00.000Z',
        },
      },
    }),
  );
}

/** `mål år` for a leader in week 3: Kanvas with an annual target (and so a chart), Jobsamtaler without. */
export function goalsYearCard(renderer: CardRenderer) {
  const trend = (weekly: number, target: number | undefined) =>
    [1, 2, 3].map((week) => ({
      label: `uge ${week}`,
      week,
      real: weekly * week,
      expected: target === undefined ? undefined : (target * week) / 53,
    }));
  return renderer.render(
    'goalsYear',
    buildGoalsYearViewModel({
      teamId: 'team-a',
      year: 2026,
      audience: 'team',
      name: undefined,
      through: { year: 2026, week: 3 },
      inProgress: true,
      weeksInYear: 53,
      carriedOver: false,
      indicators: [
        {
          indicatorId: 'kanvas',
          label: 'Kanvas',
          group: 'salg',
          real: 18,
          goalsToDate: 24,
          annualTarget: 530,
          shareOfTarget: 18 / 530,
          expectedByNow: 30,
          pace: 0.6,
          behind: true,
          trend: trend(6, 530),
        },
        {
          indicatorId: 'jobsamtaler',
          label: 'Jobsamtaler',
          group: 'afholdt',
          real: 3,
          goalsToDate: undefined,
          annualTarget: undefined,
          shareOfTarget: undefined,
          expectedByNow: undefined,
          pace: undefined,
          behind: false,
          trend: trend(1, undefined),
        },
      ],
    }),
  );
}
