import assert from 'node:assert/strict';
import { VirtualUsersPool } from './virtual-users.pool';

describe('VirtualUsersPool', () => {
  it('when caseworkers are taken, then each is lent once at a time, a new one joins when all are busy, and a given-back one is lent again', () => {
    const pool = new VirtualUsersPool(['team-a', 'team-b'], 1, 1);
    const first = pool.take('caseworker');
    const second = pool.take('caseworker');
    assert.deepEqual([first.teamId, second.teamId], ['team-a', 'team-b']);
    const joined = pool.take('caseworker');
    assert.ok(![first.id, second.id].includes(joined.id));
    assert.equal(pool.size, 5);
    pool.giveBack('caseworker', first);
    assert.equal(pool.take('caseworker').id, first.id);
  });

  it("when all caseworkers are busy, then the ones who join come from the teams' reserves, in turn, and were on the rosters from the start", () => {
    const pool = new VirtualUsersPool(['team-a', 'team-b'], 1, 1, 1);
    const rosters = new Map(['team-a', 'team-b'].map((team) => [team, pool.rosterOf(team).map((user) => user.id)]));
    assert.deepEqual(
      [...rosters.values()].map((ids) => ids.length),
      [3, 3],
      'each roster: a caseworker, a consultant and one in reserve',
    );
    pool.take('caseworker');
    pool.take('caseworker');
    const joined = [pool.take('caseworker'), pool.take('caseworker')];
    assert.deepEqual(
      joined.map((user) => user.teamId),
      ['team-a', 'team-b'],
    );
    for (const user of joined)
      assert.ok(rosters.get(user.teamId)?.includes(user.id), `${user.id} is not on the roster`);
    const beyond = pool.take('caseworker');
    assert.ok(
      ![...rosters.values()].some((ids) => ids.includes(beyond.id)),
      'once the reserves are used up a newcomer is on no roster',
    );
  });

  it('when consultants are taken, then they come in turn across the teams', () => {
    const pool = new VirtualUsersPool(['team-a', 'team-b'], 0, 1);
    const ids = [1, 2, 3].map(() => pool.take('consultant').teamId);
    assert.deepEqual(ids, ['team-a', 'team-b', 'team-a']);
  });

  it('when goal members are taken, then they are the people there from the start, in turn, never a caseworker who joined later', () => {
    const pool = new VirtualUsersPool(['team-a', 'team-b'], 1, 1);
    const starters = pool.goalMembers.map((user) => user.id);
    assert.equal(starters.length, 4);
    pool.take('caseworker');
    pool.take('caseworker');
    const joined = pool.take('caseworker');
    const taken = [1, 2, 3, 4, 5].map(() => pool.take('member').id);
    assert.deepEqual(taken, [...starters, starters[0]]);
    assert.ok(!taken.includes(joined.id));
  });
});
