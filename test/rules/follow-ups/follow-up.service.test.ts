import assert from 'node:assert/strict';
import { FollowUpService } from '../../../rules/follow-ups/follow-up.service';
import type { FollowUp } from '../../../rules/follow-ups/follow-up';
import {
  InMemoryFollowUpRepository,
  InMemoryScreeningStatisticsRepository,
  InMemoryTeamLeaders,
} from '../../support/in-memory.repositories';
import { TEAM, at, screening } from '../goals/goal-fixtures';

describe('FollowUpService', () => {
  let followUps: InMemoryFollowUpRepository;
  let screenings: InMemoryScreeningStatisticsRepository;
  let roster: InMemoryTeamLeaders;
  let now: Date;
  let service: FollowUpService;
  const mette = { teamId: TEAM, userId: 'u-mette' };

  beforeEach(async () => {
    followUps = new InMemoryFollowUpRepository();
    screenings = new InMemoryScreeningStatisticsRepository();
    roster = new InMemoryTeamLeaders();
    await roster.addLeader(TEAM, 'u-leader');
    now = new Date(at('2026-05-05', '10:00'));
    service = new FollowUpService(
      followUps,
      screenings,
      { isLeader: async (teamId, userId) => (await roster.leaders(teamId)).includes(userId) },
      { now: () => now },
    );
  });

  it('when a screening is scheduled twice, then it has three follow-ups, not six', async () => {
    const decided = screening({ id: 's1', decidedAt: at('2026-02-03') });
    assert.equal(await service.scheduleFor(decided), 3);
    assert.equal(await service.scheduleFor(decided), 0);
    assert.equal(followUps.store.items.size, 3);
  });

  it('when catching up on a period, then only screenings without follow-ups get them', async () => {
    screenings.add(
      screening({ id: 's1', decidedAt: at('2026-02-03') }),
      screening({ id: 's2', decidedAt: at('2026-02-05') }),
      screening({ id: 's3', decidedAt: at('2026-03-05') }),
    );
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    const created = await service.scheduleDecidedBetween(TEAM, at('2026-02-01', '00:00'), at('2026-03-01', '00:00'));
    assert.equal(created, 3);
    assert.equal(followUps.store.items.size, 6);
  });

  it('when retention removes the case reference, then the follow-ups no longer carry it and keep everything else', async () => {
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    await service.scheduleFor(screening({ id: 's2', decidedAt: at('2026-02-03') }));
    await service.recordOutcome(mette, 's1:13', 'job');
    const before = followUps.store.values().filter((item) => item.screeningId === 's1');
    assert.equal(await service.forgetCaseReference(TEAM, 's1'), 3);
    const after = followUps.store.values().filter((item) => item.screeningId === 's1');
    const rest = (items: FollowUp[]) => items.map((item) => ({ ...item, caseReference: '' }));
    assert.deepEqual(rest(after), rest(before), 'dates, track, archetype, flag and outcome are kept');
    assert.ok(after.every((item) => !('caseReference' in item)));
    assert.equal((await followUps.get(TEAM, 's2:13'))?.value.caseReference, 'J-2026-1', 'other screenings keep theirs');
    assert.equal(await service.forgetCaseReference(TEAM, 's1'), 0, 'nothing to do twice');
    assert.equal(await service.forgetCaseReference(TEAM, 's-none'), 0);
  });

  it('when the caseworker records an outcome of a due follow-up, then it is stored, and recording again corrects it', async () => {
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    const first = await service.recordOutcome(mette, 's1:13', 'stadig_ledig');
    assert.equal(first.kind, 'recorded');
    assert.ok(first.kind === 'recorded');
    assert.equal(first.followUp.outcome, 'stadig_ledig');
    assert.equal(first.followUp.answeredBy, 'u-mette');
    assert.equal(first.previous, undefined);
    const again = await service.recordOutcome(mette, 's1:13', 'job');
    assert.ok(again.kind === 'recorded');
    assert.equal(again.previous, 'stadig_ledig');
    assert.equal((await followUps.get(TEAM, 's1:13'))!.value.outcome, 'job');
  });

  it('when two outcomes are recorded at once, then both apply in turn and one follow-up remains', async () => {
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    const results = await Promise.all([
      service.recordOutcome(mette, 's1:13', 'job'),
      service.recordOutcome({ teamId: TEAM, userId: 'u-leader' }, 's1:13', 'uddannelse'),
    ]);
    assert.deepEqual(
      results.map((result) => result.kind),
      ['recorded', 'recorded'],
    );
    assert.equal(followUps.store.items.size, 3);
  });

  it('when someone else than the caseworker or a leader records, then it is forbidden', async () => {
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    assert.equal((await service.recordOutcome({ teamId: TEAM, userId: 'u-ali' }, 's1:13', 'job')).kind, 'forbidden');
    assert.equal((await service.recordOutcome({ teamId: TEAM, userId: 'u-leader' }, 's1:13', 'job')).kind, 'recorded');
  });

  it('when the outcome is unknown, the follow-up missing, or not yet due, then nothing is stored', async () => {
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    const invalid = await service.recordOutcome(mette, 's1:13', 'ferie');
    assert.ok(invalid.kind === 'invalid');
    assert.match(invalid.message, /i job, i uddannelse, stadig ledig eller andet/);
    assert.equal((await service.recordOutcome(mette, 'nope', 'job')).kind, 'not-found');
    assert.equal((await service.recordOutcome(mette, undefined, 'job')).kind, 'not-found');
    assert.equal((await service.recordOutcome(mette, 's1:26', 'job')).kind, 'not-due');
    assert.equal((await followUps.get(TEAM, 's1:26'))!.value.outcome, undefined);
  });

  it('when asked what awaits the caseworker, then the due follow-ups without an outcome come', async () => {
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    await service.scheduleFor(screening({ id: 's2', decidedAt: at('2026-01-20') }));
    await service.scheduleFor(screening({ id: 's3', caseworkerId: 'u-ali', decidedAt: at('2026-01-20') }));
    await service.recordOutcome(mette, 's2:13', 'job');
    assert.deepEqual(
      (await service.awaitingOutcome(mette)).map((followUp) => followUp.id),
      ['s1:13'],
    );
  });

  it('when a screening is erased, then its follow-ups are deleted with it', async () => {
    await service.scheduleFor(screening({ id: 's1', decidedAt: at('2026-02-03') }));
    await service.scheduleFor(screening({ id: 's2', decidedAt: at('2026-02-03') }));
    assert.equal(await service.forgetScreening(TEAM, 's1'), 3);
    assert.deepEqual(
      [...followUps.store.items.values()].map((item) => item.value.screeningId),
      ['s2', 's2', 's2'],
    );
  });
});
