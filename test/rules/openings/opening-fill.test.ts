import assert from 'node:assert/strict';
import { fillOne } from '../../../rules/openings/opening-fill';
import { opening } from './opening-fixtures';

describe('fillOne (Besat +1)', () => {
  it('when one of three seats is filled, then one more is filled and it is not yet full', () => {
    const before = opening({ seats: 3, filled: 1 });
    const outcome = fillOne(before);
    assert.equal(outcome.kind, 'filled');
    assert.ok(outcome.kind === 'filled');
    assert.equal(outcome.opening.filled, 2);
    assert.equal(outcome.nowFull, false);
    assert.equal(outcome.opening.companyName, before.companyName);
    assert.equal(before.filled, 1, 'the original is not changed');
  });

  it('when the last seat is filled, then the opening is full and leaves the board', () => {
    const outcome = fillOne(opening({ seats: 2, filled: 1 }));
    assert.ok(outcome.kind === 'filled');
    assert.equal(outcome.opening.filled, 2);
    assert.equal(outcome.nowFull, true);
  });

  it('when every seat is already filled, then nothing changes', () => {
    assert.deepEqual(fillOne(opening({ seats: 2, filled: 2 })), { kind: 'already-full' });
  });

  it('when the contact gave no opening, then there is nothing to fill', () => {
    assert.deepEqual(fillOne(opening({ result: 'ingen_aabning', seats: 0, filled: 0 })), { kind: 'already-full' });
  });

  it('when Besat +1 is clicked more times than there are seats, then filled never exceeds seats', () => {
    let current = opening({ seats: 3, filled: 0 });
    const kinds: string[] = [];
    for (let click = 0; click < 5; click += 1) {
      const outcome = fillOne(current);
      kinds.push(outcome.kind);
      if (outcome.kind === 'filled') current = outcome.opening;
    }
    assert.deepEqual(kinds, ['filled', 'filled', 'filled', 'already-full', 'already-full']);
    assert.equal(current.filled, 3);
  });
});
