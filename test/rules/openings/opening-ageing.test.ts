import assert from 'node:assert/strict';
import { copenhagenInstant } from '../../../rules/shared/copenhagen-calendar';
import { ageingColour, openingAge, type AgeingColour } from '../../../rules/openings/opening-ageing';
import { isOpen, openSeats } from '../../../rules/openings/opening';
import { at } from './opening-fixtures';

describe('opening ageing', () => {
  const colours: [number, AgeingColour][] = [
    [0, 'ny'],
    [6, 'ny'],
    [7, 'gul'],
    [13, 'gul'],
    [14, 'roed'],
    [40, 'roed'],
  ];
  for (const [days, colour] of colours) {
    it(`when an opening is ${days} days old, then it is ${colour}`, () => {
      assert.equal(ageingColour(days), colour);
    });
  }

  // [registered (Copenhagen), checked (Copenhagen), days, colour]
  const ages: [[string, string], [string, string], number, AgeingColour][] = [
    // Summer time starts Sunday 29 March 2026: the week to 31 March is 24 hours × 7 − 1 hour.
    [['2026-03-24', '10:00'], ['2026-03-30', '08:30'], 6, 'ny'],
    [['2026-03-24', '10:00'], ['2026-03-30', '23:59'], 6, 'ny'],
    [['2026-03-24', '10:00'], ['2026-03-31', '08:30'], 7, 'gul'],
    [['2026-03-24', '10:00'], ['2026-03-31', '00:00'], 7, 'gul'],
    [['2026-03-24', '10:00'], ['2026-04-06', '08:30'], 13, 'gul'],
    [['2026-03-24', '10:00'], ['2026-04-07', '08:30'], 14, 'roed'],
    // Registered just after midnight in Copenhagen, which is still the day before in UTC.
    [['2026-03-24', '00:30'], ['2026-03-30', '23:30'], 6, 'ny'],
    [['2026-03-24', '00:30'], ['2026-03-31', '00:10'], 7, 'gul'],
    // Summer time ends Sunday 25 October 2026: that week is one hour longer.
    [['2026-10-20', '10:00'], ['2026-10-26', '08:30'], 6, 'ny'],
    [['2026-10-20', '10:00'], ['2026-10-27', '08:30'], 7, 'gul'],
    [['2026-10-20', '23:59'], ['2026-10-27', '00:00'], 7, 'gul'],
    [['2026-10-20', '10:00'], ['2026-11-02', '08:30'], 13, 'gul'],
    [['2026-10-20', '10:00'], ['2026-11-03', '08:30'], 14, 'roed'],
    [['2026-10-24', '23:30'], ['2026-10-25', '00:10'], 1, 'ny'],
    [['2026-10-11', '08:31'], ['2026-10-25', '08:30'], 14, 'roed'],
  ];
  for (const [[regDate, regTime], [date, time], days, colour] of ages) {
    it(`when registered ${regDate} ${regTime} and checked ${date} ${time}, then it is ${days} days old and ${colour}`, () => {
      const age = openingAge({ date: at(regDate, regTime) }, copenhagenInstant(date, time));
      assert.deepEqual(age, { days, colour });
    });
  }

  it('when the registration time is after now (clocks out of step), then the age is 0', () => {
    assert.deepEqual(openingAge({ date: at('2026-04-02') }, copenhagenInstant('2026-04-01', '08:30')), {
      days: 0,
      colour: 'ny',
    });
  });

  it('when a team uses its own thresholds, then they decide the colour', () => {
    const thresholds = { yellowDays: 3, redDays: 5 };
    assert.equal(ageingColour(2, thresholds), 'ny');
    assert.equal(ageingColour(3, thresholds), 'gul');
    assert.equal(ageingColour(5, thresholds), 'roed');
  });

  const openness: [number, number, boolean, number][] = [
    [3, 0, true, 3],
    [3, 2, true, 1],
    [3, 3, false, 0],
    [0, 0, false, 0],
  ];
  for (const [seats, filled, open, left] of openness) {
    it(`when ${filled} of ${seats} seats are filled, then it is ${open ? 'open' : 'closed'} with ${left} left`, () => {
      assert.equal(isOpen({ seats, filled }), open);
      assert.equal(openSeats({ seats, filled }), left);
    });
  }
});
