import assert from 'node:assert/strict';
import { describeIntensiveShare, intensiveShare } from '../../../rules/screening/intensive-share';

describe('intensiveShare', () => {
  const s = (strategy: string, finalTrack: string) => ({ strategy, finalTrack });

  it('when 3 of 10 selektion-group screenings end in selektion and the cap is 30 %, then the share is at the cap, not above', () => {
    const screenings = [
      ...Array.from({ length: 3 }, () => s('selektion', 'selektion')),
      ...Array.from({ length: 7 }, () => s('selektion', 'doedvaegt')),
      s('catch-all', 'catch-all'),
    ];
    const value = intensiveShare(screenings, 0.3);
    assert.deepEqual(value, { intensive: 3, eligible: 10, share: 0.3, cap: 0.3, aboveCap: false });
    assert.match(describeIntensiveShare(value, 90), /30 % \(3 af 10\) – inden for teamets loft på 30 %/);
  });

  it('when 4 of 10 end in selektion, then it is above the cap and the text warns', () => {
    const screenings = [
      ...Array.from({ length: 4 }, () => s('selektion', 'selektion')),
      ...Array.from({ length: 6 }, () => s('selektion', 'doedvaegt')),
    ];
    const value = intensiveShare(screenings, 0.3);
    assert.equal(value.aboveCap, true);
    assert.match(describeIntensiveShare(value, 90), /40 % \(4 af 10\) – over teamets loft på 30 %/);
    assert.doesNotMatch(describeIntensiveShare(value, 90), /usikker/);
    assert.match(
      describeIntensiveShare(intensiveShare([s('selektion', 'selektion')], 0.3), 90),
      /usikker, så længe teamet har få/,
    );
  });

  it('when a catch-all screening ends in selektion by override, then it counts as intensive effort, though not in the base (spec §1.6)', () => {
    const value = intensiveShare([s('catch-all', 'selektion'), s('selektion', 'doedvaegt')], 0.3);
    assert.deepEqual([value.intensive, value.eligible, value.share, value.aboveCap], [1, 1, 1, true]);
  });

  it('when only overrides lead to selektion, then the share cannot be computed and the text says how many got it', () => {
    const value = intensiveShare([s('catch-all', 'selektion'), s('doedvaegt', 'selektion')], 0.3);
    assert.deepEqual([value.intensive, value.eligible, value.share], [2, 0, undefined]);
    assert.match(
      describeIntensiveShare(value, 90),
      /ingen screeninger i selektionsmålgrupper endnu.*2 har alligevel fået det intensive spor/,
    );
  });

  it('when there are no eligible screenings, then the share is undefined and not above the cap', () => {
    const value = intensiveShare([], 0.3);
    assert.equal(value.share, undefined);
    assert.equal(value.aboveCap, false);
    assert.match(describeIntensiveShare(value, 90), /ingen screeninger/);
  });
});
