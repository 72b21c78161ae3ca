import assert from 'node:assert/strict';
import {
  addWeeks,
  compareWeeks,
  formatWeek,
  isValidIsoWeek,
  isoWeekAt,
  isoWeekOfDate,
  lastWeeks,
  mondayOf,
  nextWeek,
  parseWeekKey,
  previousWeek,
  sundayOf,
  weekDates,
  weekInstants,
  weekKey,
  weeksBetween,
  weeksInYear,
  weeksOfYearUpTo,
} from '../../../rules/goals/iso-week';

describe('ISO weeks', () => {
  const dates: [string, number, number][] = [
    ['2026-12-28', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2026-01-01', 2026, 1],
    ['2025-12-29', 2026, 1],
    ['2026-02-09', 2026, 7],
    ['2026-02-15', 2026, 7],
    ['2024-12-30', 2025, 1],
    ['2020-12-31', 2020, 53],
    ['2021-01-03', 2020, 53],
  ];
  for (const [date, year, week] of dates) {
    it(`when the date is ${date}, then it is in week ${week} of ${year}`, () => {
      assert.deepEqual(isoWeekOfDate(date), { year, week });
    });
  }

  const years: [number, number][] = [
    [2015, 53],
    [2020, 53],
    [2021, 52],
    [2025, 52],
    [2026, 53],
    [2027, 52],
    [2032, 53],
  ];
  for (const [year, weeks] of years) {
    it(`when the year is ${year}, then it has ${weeks} weeks`, () => {
      assert.equal(weeksInYear(year), weeks);
    });
  }

  it('when any supported year is asked, then its weeks are those of the week 28 December falls in', () => {
    for (let year = 1583; year <= 9999; year += 1) {
      const december28 = isoWeekOfDate(`${String(year).padStart(4, '0')}-12-28`);
      assert.equal(weeksInYear(year), december28.week, String(year));
    }
  });

  it('when a week is 2026-W53 or 2027-W53, then the first exists and the second does not', () => {
    assert.equal(isValidIsoWeek({ year: 2026, week: 53 }), true);
    assert.equal(isValidIsoWeek({ year: 2027, week: 53 }), false);
    assert.equal(isValidIsoWeek({ year: 2026, week: 0 }), false);
    assert.equal(isValidIsoWeek({ year: 2026, week: 1.5 }), false);
    assert.throws(() => mondayOf({ year: 2027, week: 53 }), RangeError);
  });

  it('when asked for the days of a week, then it runs Monday to Sunday, also across new year', () => {
    assert.deepEqual(weekDates({ year: 2026, week: 7 }), { from: '2026-02-09', to: '2026-02-15' });
    assert.deepEqual(weekDates({ year: 2026, week: 53 }), { from: '2026-12-28', to: '2027-01-03' });
    assert.deepEqual(weekDates({ year: 2026, week: 1 }), { from: '2025-12-29', to: '2026-01-04' });
    assert.equal(mondayOf({ year: 2027, week: 1 }), '2027-01-04');
    assert.equal(sundayOf({ year: 2020, week: 53 }), '2021-01-03');
  });

  it('when asked for the instants of a week, then it is Copenhagen midnight to midnight, also in summer time', () => {
    const winter = weekInstants({ year: 2026, week: 7 });
    assert.equal(winter.start.toISOString(), '2026-02-08T23:00:00.000Z');
    assert.equal(winter.end.toISOString(), '2026-02-15T23:00:00.000Z');
    // The week of the change to summer time (Sunday 29 March 2026) is an hour shorter.
    const change = weekInstants({ year: 2026, week: 13 });
    assert.equal(change.start.toISOString(), '2026-03-22T23:00:00.000Z');
    assert.equal(change.end.toISOString(), '2026-03-29T22:00:00.000Z');
  });

  it('when an instant is late on Sunday in Copenhagen but Monday in UTC terms or the other way, then the local week counts', () => {
    assert.deepEqual(isoWeekAt(new Date('2026-02-15T22:30:00Z')), { year: 2026, week: 7 }); // Sunday 23:30 local
    assert.deepEqual(isoWeekAt(new Date('2026-02-15T23:30:00Z')), { year: 2026, week: 8 }); // Monday 00:30 local
    assert.deepEqual(isoWeekAt(new Date('2027-01-03T23:30:00Z')), { year: 2027, week: 1 });
  });

  it('when stepping weeks, then the year boundary and week 53 are crossed correctly', () => {
    assert.deepEqual(nextWeek({ year: 2026, week: 52 }), { year: 2026, week: 53 });
    assert.deepEqual(nextWeek({ year: 2026, week: 53 }), { year: 2027, week: 1 });
    assert.deepEqual(previousWeek({ year: 2027, week: 1 }), { year: 2026, week: 53 });
    assert.deepEqual(previousWeek({ year: 2026, week: 1 }), { year: 2025, week: 52 });
    assert.deepEqual(nextWeek({ year: 2027, week: 52 }), { year: 2028, week: 1 });
    assert.deepEqual(addWeeks({ year: 2026, week: 50 }, 10), { year: 2027, week: 7 });
    assert.equal(weeksBetween({ year: 2026, week: 52 }, { year: 2027, week: 1 }), 2);
    assert.equal(weeksBetween({ year: 2027, week: 1 }, { year: 2026, week: 52 }), -2);
  });

  it('when asked for the last 4 weeks of 2027-W01, then they reach back into 2026 through week 53', () => {
    assert.deepEqual(lastWeeks({ year: 2027, week: 1 }, 4), [
      { year: 2026, week: 51 },
      { year: 2026, week: 52 },
      { year: 2026, week: 53 },
      { year: 2027, week: 1 },
    ]);
    assert.deepEqual(lastWeeks({ year: 2026, week: 7 }, 1), [{ year: 2026, week: 7 }]);
    assert.deepEqual(lastWeeks({ year: 2026, week: 7 }, 0), []);
  });

  it('when asked for the year to date, then it is week 1 up to the week, in its own year', () => {
    assert.deepEqual(weeksOfYearUpTo({ year: 2027, week: 2 }), [
      { year: 2027, week: 1 },
      { year: 2027, week: 2 },
    ]);
    assert.equal(weeksOfYearUpTo({ year: 2026, week: 53 }).length, 53);
  });

  it('when weeks are keyed, then the keys sort in week order and read back', () => {
    const keys = [
      { year: 2027, week: 1 },
      { year: 2026, week: 53 },
      { year: 2026, week: 7 },
      { year: 2026, week: 10 },
    ].map(weekKey);
    assert.deepEqual([...keys].sort(), ['2026-W07', '2026-W10', '2026-W53', '2027-W01']);
    assert.deepEqual(parseWeekKey('2026-W53'), { year: 2026, week: 53 });
    assert.equal(parseWeekKey('2027-W53'), undefined);
    assert.equal(parseWeekKey('2026-W7'), undefined);
    assert.equal(parseWeekKey('uge 7'), undefined);
  });

  it('when weeks are compared and shown, then the year counts first and the Danish text reads "uge 7 2026"', () => {
    assert.ok(compareWeeks({ year: 2026, week: 53 }, { year: 2027, week: 1 }) < 0);
    assert.ok(compareWeeks({ year: 2026, week: 8 }, { year: 2026, week: 7 }) > 0);
    assert.equal(compareWeeks({ year: 2026, week: 7 }, { year: 2026, week: 7 }), 0);
    assert.equal(formatWeek({ year: 2026, week: 7 }), 'uge 7 2026');
    assert.equal(formatWeek({ year: 2026, week: 7 }, { withYear: false }), 'uge 7');
  });
});
