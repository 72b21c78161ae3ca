import assert from 'node:assert/strict';
import { VirtualUsersPool } from './virtual-users.pool';

describe('VirtualUsersPool', () => {
  it('when caseworkers are taken, then each is lent once at a time, a new one joins when all are busy, and a given-back one is lent again', () => {
    const pool = new VirtualUsersPool(['team-a', 'team-b'], 1, 1);
    const first = pool.take('caseworker');
    const second = pool.take('caseworker');
    assert.deepEqual([first.tenantId, second.tenantId], ['team-a', 'team-b']);
    const joined = pool.take('caseworker');
    assert.ok(![first.id, second.id].includes(joined.id));
    assert.equal(pool.size, 5);
    pool.giveBack('caseworker', first);
    assert.equal(pool.take('caseworker').id, first.id);
  });

  it('when consultants are taken, then they come in turn across the teams', () => {
    const pool = new VirtualUsersPool(['team-a', 'team-b'], 0, 1);
    const ids = [1, 2, 3].map(() => pool.take('consultant').tenantId);
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
