import assert from 'node:assert/strict';
import { reportFor } from '../../../rules/goals/summary-visibility';
import { weeklySummary } from '../../../rules/goals/weekly-summary';
import { TEAM, at, defaultCatalog, log, plan, screening } from './goal-fixtures';

describe('who sees what of the weekly summary', () => {
  const week = { year: 2026, week: 7 };
  const summary = weeklySummary({
    teamId: TEAM,
    week,
    now: new Date(at('2026-02-16', '08:00')),
    catalog: defaultCatalog(),
    plans: [plan()],
    logs: [
      log('u-mette', week, { kanvas: 12, aabninger_ordinaere: 1 }),
      log('u-ali', week, { kanvas: 4, aabninger_ordinaere: 2 }),
    ],
    screenings: [screening()],
    openings: [],
    followUps: [],
    settings: { intensiveShareCap: 0.3, capacityWindowDays: 90 },
  });

  it('when a leader asks, then they get the whole team summary', () => {
    const report = reportFor({ userId: 'u-leader', isLeader: true }, summary);
    assert.equal(report.audience, 'team');
    assert.equal(report.summary, summary);
  });

  it('when a member asks, then they get only their own numbers: no colleague, no team totals, no screenings or openings', () => {
    const report = reportFor({ userId: 'u-ali', isLeader: false }, summary);
    assert.equal(report.audience, 'member');
    assert.ok(report.audience === 'member');
    const own = report.summary;
    assert.deepEqual(Object.keys(own).sort(), [
      'flaggedIndicators',
      'indicators',
      'logged',
      'name',
      'period',
      'teamId',
      'userId',
      'week',
    ]);
    assert.equal(own.name, 'Ali Yilmaz');
    assert.equal(own.logged, true);
    assert.deepEqual(
      own.indicators.map((indicator) => [indicator.indicatorId, indicator.real, indicator.goal, indicator.flagged]),
      [
        ['kanvas', 4, 10, true],
        ['aabninger_ordinaere', 2, 2, false],
      ],
    );
    assert.deepEqual(own.flaggedIndicators, ['kanvas']);
    const text = JSON.stringify(own);
    assert.ok(!text.includes('u-mette') && !text.includes('Mette'), 'nothing about a colleague');
    assert.ok(!text.includes('"team"') && !text.includes('screenings') && !text.includes('openByAgeing'));
  });

  it("when someone outside the plan asks as a member, then they get an empty view, never the team's", () => {
    const report = reportFor({ userId: 'u-stranger', isLeader: false }, summary);
    assert.ok(report.audience === 'member');
    assert.deepEqual(report.summary.indicators, []);
  });
});
