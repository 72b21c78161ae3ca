import assert from 'node:assert/strict';
import { parseWeekArgument } from '../../../rules/commands/week-argument.parser';
import { resolveWeekSelection, type WeekPurpose } from '../../../rules/goals/week-selection';

describe('which week a command means', () => {
  const cases: [string, string, WeekPurpose, string][] = [
    // [today, what follows the command, purpose, expected "year-week" or an error pattern]
    ['2026-02-12', '', 'log', '2026-7'],
    ['2026-02-12', '', 'report', '2026-6'],
    ['2026-02-12', 'uge 3', 'log', '2026-3'],
    ['2026-02-12', 'uge 7', 'report', '2026-7'], // the current week so far
    ['2026-02-12', 'uge 8 2026', 'report', 'error:ikke begyndt'],
    ['2026-02-12', 'uge 8', 'report', '2025-8'], // without a year: the latest week 8 that has begun
    ['2026-02-12', 'uge 8 2025', 'report', '2025-8'],
    ['2026-02-12', 'uge 50', 'log', '2025-50'], // the latest week 50 that has begun
    ['2027-01-04', '', 'report', '2026-53'], // the Monday summary of 2027-W01 is for 2026-W53
    ['2027-01-06', '', 'log', '2027-1'],
    ['2027-01-06', 'uge 53', 'log', '2026-53'], // 2027 has no week 53
    ['2027-01-06', 'uge 53 2027', 'report', 'error:2027 har kun 52 uger'],
    ['2027-01-06', 'uge 52', 'report', '2026-52'],
    ['2027-01-01', '', 'log', '2026-53'], // New Year's Day 2027 is in 2026-W53
    ['2026-02-12', 'uge 7 2028', 'report', 'error:ikke begyndt'],
    ['2026-02-12', 'uge 7 2024', 'log', 'error:op til 53 uger tilbage'],
    ['2026-02-12', 'uge 7 2024', 'report', '2024-7'],
    ['2026-02-12', 'uge 54', 'report', 'error:uge 1–53'],
    ['2026-02-12', 'i går', 'log', 'error:Skriv fx'],
  ];
  for (const [today, args, purpose, expected] of cases) {
    it(`when today is ${today} and the ${purpose} command says "${args}", then it means ${expected}`, () => {
      const selection = resolveWeekSelection(parseWeekArgument(args, 'ugerapport'), today, purpose);
      if (expected.startsWith('error:')) {
        assert.ok(!selection.ok);
        assert.ok(selection.message.includes(expected.slice('error:'.length)), selection.message);
      } else {
        assert.ok(selection.ok, selection.ok ? '' : selection.message);
        assert.equal(`${selection.week.year}-${selection.week.week}`, expected);
      }
    });
  }
});
