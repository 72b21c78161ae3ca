import assert from 'node:assert/strict';
import { parseWeekArgument, type WeekArgument } from '../../../rules/commands/week-argument.parser';

describe('parseWeekArgument', () => {
  const cases: [string, WeekArgument['kind'], number?, number?][] = [
    ['', 'none'],
    ['   ', 'none'],
    ['uge 7', 'week', 7],
    ['UGE 7', 'week', 7],
    ['uge7', 'week', 7],
    ['uge 07', 'week', 7],
    ['7', 'week', 7],
    ['uge 7 2026', 'week', 7, 2026],
    ['uge  7   2026', 'week', 7, 2026],
    ['uge 7, 2026', 'week', 7, 2026],
    ['uge 7/2026', 'week', 7, 2026],
    ['uge 53 2026', 'week', 53, 2026],
    ['uge 0', 'invalid'],
    ['uge 54', 'invalid'],
    ['uge', 'invalid'],
    ['uge syv', 'invalid'],
    ['uge 7 26', 'invalid'],
    ['sidste uge', 'invalid'],
  ];
  for (const [text, kind, week, year] of cases) {
    it(`when the arguments are ${JSON.stringify(text)}, then they read as ${kind}${week ? ` ${week}` : ''}${year ? ` ${year}` : ''}`, () => {
      const parsed = parseWeekArgument(text, 'ugerapport');
      assert.equal(parsed.kind, kind);
      if (parsed.kind === 'week') {
        assert.equal(parsed.week, week);
        assert.equal(parsed.year, year);
      }
    });
  }

  it('when the arguments cannot be read, then the Danish message shows the command with examples', () => {
    const parsed = parseWeekArgument('uge 99', 'mål');
    assert.ok(parsed.kind === 'invalid');
    assert.equal(parsed.message, 'Skriv fx "mål", "mål uge 7" eller "mål uge 7 2026" (uge 1–53).');
  });
});
