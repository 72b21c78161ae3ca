import assert from 'node:assert/strict';
import {
  danishHolidays,
  easterSunday,
  holidayName,
  isWorkingDay,
  nextWorkingDay,
} from '../../../rules/shared/danish-holidays';

describe('Danish public holidays', () => {
  // [year, påskedag, skærtorsdag, langfredag, 2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag]
  const easterYears: [number, string, string, string, string, string, string, string][] = [
    [2025, '04-20', '04-17', '04-18', '04-21', '05-29', '06-08', '06-09'],
    [2026, '04-05', '04-02', '04-03', '04-06', '05-14', '05-24', '05-25'],
    [2027, '03-28', '03-25', '03-26', '03-29', '05-06', '05-16', '05-17'],
    [2028, '04-16', '04-13', '04-14', '04-17', '05-25', '06-04', '06-05'],
    [2029, '04-01', '03-29', '03-30', '04-02', '05-10', '05-20', '05-21'],
    [2030, '04-21', '04-18', '04-19', '04-22', '05-30', '06-09', '06-10'],
  ];
  for (const [year, easter, ...rest] of easterYears) {
    it(`when the year is ${year}, then Easter Sunday is ${year}-${easter} and the movable holidays follow it`, () => {
      assert.equal(easterSunday(year), `${year}-${easter}`);
      const names = ['Skærtorsdag', 'Langfredag', '2. påskedag', 'Kristi himmelfartsdag', 'Pinsedag', '2. pinsedag'];
      rest.forEach((day, index) => {
        assert.equal(holidayName(`${year}-${day}`), names[index]);
        assert.equal(isWorkingDay(`${year}-${day}`), false);
      });
      assert.equal(holidayName(`${year}-${easter}`), 'Påskedag');
      assert.equal(danishHolidays(year).length, 10, 'no store bededag after 2023');
    });
  }

  it('when the computus meets its extreme years, then Easter falls on the known dates', () => {
    assert.equal(easterSunday(1818), '1818-03-22');
    assert.equal(easterSunday(2038), '2038-04-25');
    assert.equal(easterSunday(2000), '2000-04-23');
    assert.equal(easterSunday(2019), '2019-04-21');
  });

  it('when the year is 2023 or earlier, then store bededag is a holiday; from 2024 it is an ordinary Friday', () => {
    assert.equal(holidayName('2023-05-05'), 'Store bededag');
    assert.equal(isWorkingDay('2023-05-05'), false);
    assert.equal(holidayName('2022-05-13'), 'Store bededag');
    assert.equal(danishHolidays(2023).length, 11);
    assert.equal(holidayName('2024-04-26'), undefined);
    assert.equal(isWorkingDay('2024-04-26'), true);
    assert.equal(holidayName('2026-05-01'), undefined);
  });

  const fixed: [string, string | undefined, boolean][] = [
    ['2026-01-01', 'Nytårsdag', false],
    ['2026-12-25', 'Juledag', false],
    ['2026-12-26', '2. juledag', false],
    ['2029-12-24', undefined, true],
    ['2026-06-05', undefined, true],
    ['2026-12-31', undefined, true],
  ];
  for (const [date, name, working] of fixed) {
    it(`when the date is ${date}, then the holiday is ${name ?? 'none'} and it is ${working ? '' : 'not '}a working day`, () => {
      assert.equal(holidayName(date), name);
      assert.equal(isWorkingDay(date), working);
    });
  }

  const weekdays: [string, boolean][] = [
    ['2026-03-06', true],
    ['2026-03-07', false],
    ['2026-03-08', false],
    ['2026-03-09', true],
  ];
  for (const [date, working] of weekdays) {
    it(`when the date is ${date}, then it is ${working ? '' : 'not '}a working day (weekends never are)`, () => {
      assert.equal(isWorkingDay(date), working);
    });
  }

  it('when the team closes on extra days, then those are not working days and other days are unchanged', () => {
    const closed = ['2026-12-24', '2026-06-05'];
    assert.equal(isWorkingDay('2026-12-24', closed), false);
    assert.equal(isWorkingDay('2026-06-05', closed), false);
    assert.equal(isWorkingDay('2026-06-04', closed), true);
  });

  it('when Easter closes Thursday to Monday, then the next working day after skærtorsdag is Tuesday', () => {
    assert.equal(nextWorkingDay('2026-04-02'), '2026-04-07');
    assert.equal(nextWorkingDay('2026-04-07'), '2026-04-07');
    assert.equal(nextWorkingDay('2026-12-24', ['2026-12-24', '2026-12-31']), '2026-12-28');
  });

  it('when the date is malformed, then it is refused', () => {
    assert.throws(() => isWorkingDay('2026-02-30'), RangeError);
    assert.throws(() => holidayName('1. maj'), RangeError);
  });
});
