import assert from 'node:assert/strict';
import {
  copenhagenTimeOfDay,
  decideMorningPost,
  parsePostTime,
} from '../../../rules/morning-meeting/morning-post.policy';

describe('decideMorningPost', () => {
  const cases: [string, string, boolean, string][] = [
    ['08:29', '08:30', true, 'wait'],
    ['08:30', '08:30', true, 'post on time'],
    ['08:45', '08:30', true, 'post on time'],
    ['08:46', '08:30', true, 'post late'],
    ['11:59', '08:30', true, 'post late'],
    ['12:00', '08:30', true, 'skip past-noon'],
    ['08:30', '08:30', false, 'skip closed-day'],
  ];
  for (const [localTime, postTime, workingDay, expected] of cases) {
    it(`when it is ${localTime}, the team posts at ${postTime} and it is ${workingDay ? 'a working day' : 'a closed day'}, then ${expected}`, () => {
      const decision = decideMorningPost({ localTime, postTime, workingDay });
      const text =
        decision.kind === 'post'
          ? `post ${decision.late ? 'late' : 'on time'}`
          : decision.kind === 'skip'
            ? `skip ${decision.reason}`
            : 'wait';
      assert.equal(text, expected);
    });
  }
});

describe('parsePostTime', () => {
  for (const [input, time] of [
    ['kl. 8.15', '08:15'],
    ['08:15', '08:15'],
    ['8.30', '08:30'],
    ['Kl 9:05', '09:05'],
    ['kl. 8', '08:00'],
    ['kl 10', '10:00'],
  ] as const) {
    it(`when "${input}" is written, then the time is ${time}`, () =>
      assert.deepEqual(parsePostTime(input), { ok: true, time }));
  }
  for (const input of ['otte', '25.00', '8', '4.30', '13.00', 'kl. 25', 'kl. 4']) {
    it(`when "${input}" is written, then it is refused in Danish`, () => {
      const parsed = parsePostTime(input);
      assert.equal(parsed.ok, false);
      assert.ok(!parsed.ok && /Tidspunktet|Morgenmødet/.test(parsed.message));
    });
  }
});

describe('copenhagenTimeOfDay', () => {
  it('when the instant is in winter or summer time, then the local time follows Copenhagen', () => {
    assert.equal(copenhagenTimeOfDay(new Date('2026-02-03T07:30:00Z')), '08:30');
    assert.equal(copenhagenTimeOfDay(new Date('2026-06-03T06:30:00Z')), '08:30');
  });
});
