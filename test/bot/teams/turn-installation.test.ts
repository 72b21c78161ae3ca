import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { userIdOf } from '../../../bot/teams/turn-installation';

describe('reading who a turn is from', () => {
  it('when the Entra object id is a string, then it is the person; when it is missing, empty or of another type, then the channel account id is', () => {
    const from = (value: Record<string, unknown>) => ({ from: value }) as unknown as Partial<Activity>;
    assert.equal(userIdOf(from({ id: '29:abc', aadObjectId: 'aad-1' })), 'aad-1');
    assert.equal(userIdOf(from({ id: '29:abc' })), '29:abc');
    assert.equal(userIdOf(from({ id: '29:abc', aadObjectId: '' })), '29:abc');
    // Found by the hostile-input property test: an object here reached a storage query as a parameter.
    assert.equal(userIdOf(from({ id: '29:abc', aadObjectId: { '': '' } })), '29:abc');
    assert.equal(userIdOf(from({ id: 42, aadObjectId: ['x'] })), '');
  });
});
