import assert from 'node:assert/strict';
import { newWeeklyLog, parseLogCounts, weeklyLogId } from '../../../rules/goals/weekly-log';
import { indicatorsIn } from '../../../rules/goals/indicator-catalog';
import { defaultCatalog } from './goal-fixtures';

describe('weekly log', () => {
  const indicators = indicatorsIn(defaultCatalog(), ['kanvas', 'aabninger_ordinaere', 'jobsamtaler']);

  it('when a member and week are given, then the id is one per member and week', () => {
    assert.equal(weeklyLogId('u-mette', { year: 2026, week: 53 }), 'u-mette:2026-W53');
    const log = newWeeklyLog('team-a', 'u-mette', { year: 2027, week: 1 }, { kanvas: 3 }, {}, '2027-01-08T12:00:00Z');
    assert.equal(log.id, 'u-mette:2027-W01');
    assert.equal(log.weekKey, '2027-W01');
    assert.equal(log.year, 2027);
  });

  it('when the card is submitted with numbers, text and an empty field, then empty is 0', () => {
    const parsed = parseLogCounts({ kanvas: 12, aabninger_ordinaere: ' 3 ', jobsamtaler: '' }, indicators);
    assert.deepEqual(parsed, { ok: true, counts: { kanvas: 12, aabninger_ordinaere: 3, jobsamtaler: 0 } });
  });

  it('when inputs are not whole numbers from 0 to 999, then each is named in Danish, in the order of the card', () => {
    const parsed = parseLogCounts({ kanvas: '1000', aabninger_ordinaere: '2.5', jobsamtaler: true }, indicators);
    assert.ok(!parsed.ok);
    assert.deepEqual(
      parsed.errors.map((error) => error.message),
      [
        'Jobsamtaler: skriv et helt tal fra 0 til 999.',
        'Kanvas: skriv et helt tal fra 0 til 999.',
        'Jobåbninger – ordinære job: skriv et helt tal fra 0 til 999.',
      ],
    );
  });

  it("when the card sends inputs that are not the plan's indicators, then they are ignored", () => {
    const parsed = parseLogCounts({ kanvas: 1, hacked: 99 }, indicators);
    assert.ok(parsed.ok);
    assert.deepEqual(Object.keys(parsed.counts).sort(), ['aabninger_ordinaere', 'jobsamtaler', 'kanvas']);
  });
});
