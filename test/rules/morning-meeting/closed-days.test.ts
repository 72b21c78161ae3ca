import assert from 'node:assert/strict';
import { nextClosedDays, parseClosedDays } from '../../../rules/morning-meeting/closed-days';

describe('the days a team holds no morning meeting', () => {
  it('when days are written as day.month, then each is its next date from today; with a year, that date', () => {
    assert.deepEqual(parseClosedDays('24.12 31.12', '2026-12-06'), { ok: true, dates: ['2026-12-24', '2026-12-31'] });
    assert.deepEqual(parseClosedDays('2.1, 24.12', '2026-12-06'), { ok: true, dates: ['2026-12-24', '2027-01-02'] });
    assert.deepEqual(parseClosedDays('6.12', '2026-12-06'), { ok: true, dates: ['2026-12-06'] }, 'today counts');
    assert.deepEqual(parseClosedDays('24.12.2027 24.12.2027', '2026-12-06'), { ok: true, dates: ['2027-12-24'] });
  });

  it('when a day is not a date, does not exist or has passed, then it is refused by name', () => {
    assert.deepEqual(parseClosedDays('', '2026-12-06').ok, false);
    assert.match(
      String((parseClosedDays('juleaften', '2026-12-06') as { message: string }).message),
      /"juleaften" er ikke en dag/,
    );
    assert.match(String((parseClosedDays('30.2', '2026-12-06') as { message: string }).message), /30\.2 findes ikke/);
    assert.match(
      String((parseClosedDays('1.12.2026', '2026-12-06') as { message: string }).message),
      /er allerede gået/,
    );
  });

  it('when days are added and removed, then only days ahead stay, sorted, once', () => {
    assert.deepEqual(
      nextClosedDays(['2026-12-01', '2026-12-24'], '2026-12-06', { add: ['2026-12-31', '2026-12-24'], remove: [] }),
      ['2026-12-24', '2026-12-31'],
    );
    assert.deepEqual(nextClosedDays(['2026-12-24', '2026-12-31'], '2026-12-06', { remove: ['2026-12-24'] }), [
      '2026-12-31',
    ]);
  });
});
