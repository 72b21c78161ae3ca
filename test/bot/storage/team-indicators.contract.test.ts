import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { GoalPlanRepository } from '../../../rules/goals/goal-plan.repository';
import type { TeamIndicators } from '../../../rules/goals/team-indicators';
import type { TeamIndicatorRepository } from '../../../rules/goals/team-indicator.repository';
import { storedBackends } from '../../support/contract-store';
import { InMemoryGoalPlanRepository, InMemoryTeamIndicatorRepository } from '../../support/in-memory.repositories';

/** A team's own indicators: the in-memory double and every stored backend keep the same contract. */
interface Subject {
  indicators: TeamIndicatorRepository;
  plans: GoalPlanRepository;
  close(): Promise<void>;
}

const subjects: [string, () => Promise<Subject>][] = [
  [
    'in-memory (test double)',
    () =>
      Promise.resolve({
        indicators: new InMemoryTeamIndicatorRepository(),
        plans: new InMemoryGoalPlanRepository(),
        close: () => Promise.resolve(),
      }),
  ],
  ...storedBackends('team-indicators').map(([name, open]): [string, () => Promise<Subject>] => [
    name,
    async () => {
      const { repositories, close } = await open();
      return { indicators: repositories.teamIndicators, plans: repositories.goalPlans, close };
    },
  ]),
];

function own(teamId: string, label = 'Netværksmøder'): TeamIndicators {
  return {
    teamId,
    groups: [{ id: 'Netværk', label: 'Netværk' }],
    indicators: [
      { id: 'egen_netvaerksmoeder', group: 'Netværk', labels: [{ fromWeek: '2026-W07', label }] },
      {
        id: 'egen_cafeer',
        group: 'salg',
        labels: [{ fromWeek: '2026-W03', label: 'Caféer' }],
        retiredFrom: '2026-W10',
      },
    ],
    updatedBy: 'leader-1',
    updatedAt: '2026-02-11T09:00:00.000Z',
  };
}

for (const [name, factory] of subjects) {
  describe(`team indicators repository contract: ${name}`, function () {
    this.timeout(60_000);
    let subject: Subject;
    before(async () => {
      subject = await factory();
    });
    after(async () => subject?.close());

    it('when the list is created, replaced and created again, then only etag-matching writes land and the value round-trips', async () => {
      const team = `team-${randomUUID()}`;
      assert.equal(await subject.indicators.get(team), undefined);
      const created = await subject.indicators.save(own(team), undefined);
      assert.ok(created !== 'conflict');
      assert.deepEqual(created.value, own(team));
      assert.deepEqual((await subject.indicators.get(team))?.value, own(team));
      assert.equal(await subject.indicators.save(own(team), undefined), 'conflict', 'created twice');
      const renamed = await subject.indicators.save(own(team, 'Netværk'), created.etag);
      assert.ok(renamed !== 'conflict');
      assert.equal(await subject.indicators.save(own(team, 'Gammel'), created.etag), 'conflict', 'a stale etag');
      assert.equal((await subject.indicators.get(team))?.value.indicators[0]?.labels[0]?.label, 'Netværk');
    });

    it("when two teams have lists and plans, then each reads its own, and no year's list of plans holds the indicators' document", async () => {
      const team = `team-${randomUUID()}`;
      const other = `other-${team}`;
      await subject.indicators.save(own(team), undefined);
      await subject.indicators.save(own(other, 'Andet'), undefined);
      assert.equal((await subject.indicators.get(team))?.value.indicators[0]?.labels[0]?.label, 'Netværksmøder');
      assert.equal((await subject.indicators.get(other))?.value.indicators[0]?.labels[0]?.label, 'Andet');
      assert.equal(await subject.plans.get(team, 2026), undefined, 'the list is no plan');
      const teams = await subject.plans.listTeamIds(2026);
      assert.ok(!teams.includes(team) && !teams.includes(other));
    });
  });
}
