import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  calendarDate,
  calendarDaysBetween,
  copenhagenInstant,
  daysBetweenDates,
  isIsoDate,
  isoDayOfWeek,
  isoWeek,
  wallTime,
} from '../../../rules/shared/copenhagen-calendar';

describe('copenhagen calendar', () => {
  const dates: [string, string][] = [
    ['2026-03-23T23:30:00Z', '2026-03-24'],
    ['2026-03-23T22:59:59Z', '2026-03-23'],
    ['2026-06-30T21:59:00Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ];
  for (const [instant, expected] of dates) {
    it(`when the instant is ${instant}, then the Copenhagen date is ${expected}`, () => {
      assert.equal(calendarDate(new Date(instant)), expected);
    });
  }

  const instants: [string, string, string][] = [
    ['2026-03-24', '10:00', '2026-03-24T09:00:00.000Z'],
    ['2026-07-01', '08:30', '2026-07-01T06:30:00.000Z'],
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    // 02:30 does not exist that night; the clock shows 03:30 at this instant.
    ['2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // 02:30 happens twice; the first (summer time) is meant.
    ['2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
  ];
  for (const [date, time, expected] of instants) {
    it(`when the Copenhagen clock shows ${date} ${time}, then the instant is ${expected}`, () => {
      assert.equal(copenhagenInstant(date, time).toISOString(), expected);
    });
  }

  it('when an instant is made from a wall time, then reading it back gives the same date and time', () => {
    for (const [date, time] of [
      ['2026-01-15', '00:00'],
      ['2026-03-28', '23:59'],
      ['2026-10-26', '08:30'],
    ] as const) {
      const instant = copenhagenInstant(date, time);
      assert.equal(calendarDate(instant), date);
      assert.equal(wallTime(instant), time);
    }
  });

  it('when a week contains the change to summer time, then it is still 7 calendar days', () => {
    assert.equal(
      calendarDaysBetween(copenhagenInstant('2026-03-24', '10:00'), copenhagenInstant('2026-03-31', '08:30')),
      7,
    );
    assert.equal(
      calendarDaysBetween(copenhagenInstant('2026-10-20', '10:00'), copenhagenInstant('2026-10-27', '08:30')),
      7,
    );
  });

  it('when one minute crosses midnight in Copenhagen, then it is one calendar day', () => {
    assert.equal(calendarDaysBetween(new Date('2026-05-10T21:59:00Z'), new Date('2026-05-10T22:00:00Z')), 1);
    assert.equal(calendarDaysBetween(new Date('2026-05-10T22:00:00Z'), new Date('2026-05-11T21:59:00Z')), 0);
  });

  it('when dates are added and compared, then months, leap years and direction come out right', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-02-28', 1), '2027-03-01');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(daysBetweenDates('2026-03-01', '2026-04-01'), 31);
    assert.equal(daysBetweenDates('2026-04-01', '2026-03-01'), -31);
  });

  const weeks: [string, number, number, number][] = [
    ['2026-02-10', 2026, 7, 2],
    ['2026-03-29', 2026, 13, 7],
    ['2026-12-31', 2026, 53, 4],
    ['2027-01-01', 2026, 53, 5],
    ['2027-01-04', 2027, 1, 1],
    ['2024-12-30', 2025, 1, 1],
    ['2021-01-03', 2020, 53, 7],
  ];
  for (const [date, year, week, weekday] of weeks) {
    it(`when the date is ${date}, then it is ISO week ${year}-W${week}, weekday ${weekday}`, () => {
      assert.deepEqual(isoWeek(date), { year, week });
      assert.equal(isoDayOfWeek(date), weekday);
    });
  }

  it('when a date is malformed or does not exist, then it is refused', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '']) {
      assert.equal(isIsoDate(bad), false, bad);
      assert.throws(() => addDays(bad, 1), RangeError);
    }
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.throws(() => calendarDate(new Date('nonsense')), RangeError);
    assert.throws(() => copenhagenInstant('2026-01-01', '24:00'), RangeError);
  });

  describe('against the platform time-zone data, instant by instant', () => {
    // An independent reading: a formatter of its own, not the module's.
    const reference = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const expected = (instant: Date) => {
      const part = (type: string) => reference.formatToParts(instant).find((entry) => entry.type === type)?.value;
      return {
        date: `${part('year') ?? ''}-${part('month') ?? ''}-${part('day') ?? ''}`,
        time: `${part('hour') ?? ''}:${part('minute') ?? ''}`,
      };
    };
    const actual = (instant: Date) => ({ date: calendarDate(instant), time: wallTime(instant) });

    it('when instants fall every minute around the summer-time switches of 2026, then date and time match it', () => {
      for (const switchUtc of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
        const at = Date.parse(switchUtc);
        for (let minute = -90; minute <= 90; minute += 1) {
          const instant = new Date(at + minute * 60_000 + 30_000);
          assert.deepEqual(actual(instant), expected(instant), instant.toISOString());
        }
      }
    });

    it('when instants are drawn at random from 1900 to 2100 (read twice, the second from the cache), then date and time match it', () => {
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('1900-01-01T00:00:00Z'),
            max: new Date('2100-12-31T23:59:59Z'),
            noInvalidDate: true,
          }),
          (instant) => {
            const want = expected(instant);
            assert.deepEqual(actual(instant), want, instant.toISOString());
            assert.deepEqual(actual(instant), want, `${instant.toISOString()} again`);
          },
        ),
        { numRuns: 5_000 },
      );
    });
  });
});
