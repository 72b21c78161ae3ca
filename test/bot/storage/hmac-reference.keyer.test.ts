import assert from 'node:assert/strict';
import { HmacReferenceKeyer } from '../../../bot/storage/hmac-reference.keyer';
import { referenceSubjectKey } from '../../../rules/screening/case-reference';

describe('case references keyed for the audit trail', () => {
  const keyer = new HmacReferenceKeyer('a-test-secret-of-at-least-32-characters');

  it('when a reference is keyed, then the key holds nothing of it and is the same however the reference is typed', () => {
    const key = referenceSubjectKey(keyer, 'team-1', 'J-2026-17');
    assert.doesNotMatch(key, /2026|17|J-/);
    assert.match(key, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(referenceSubjectKey(keyer, 'team-1', '  j-2026-17 '), key);
  });

  it('when the team or the secret differs, then the key differs', () => {
    const key = referenceSubjectKey(keyer, 'team-1', 'J-2026-17');
    assert.notEqual(referenceSubjectKey(keyer, 'team-2', 'J-2026-17'), key);
    assert.notEqual(
      referenceSubjectKey(new HmacReferenceKeyer('another-secret-of-at-least-32-chars!'), 'team-1', 'J-2026-17'),
      key,
    );
    assert.notEqual(referenceSubjectKey(keyer, 'team-1', 'J-2026-18'), key);
  });
});
