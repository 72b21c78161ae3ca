import assert from 'node:assert/strict';
import { parseExportPeriodArgument } from '../../../rules/commands/export-period.parser';
import { GoalsService, type TeamContext } from '../../../rules/goals/goals.service';
import { weekKey, type IsoWeek } from '../../../rules/goals/iso-week';
import {
  EXPORT_LINK_MINUTES,
  ReportExportService,
  isExportablePeriod,
  resolveExportPeriod,
  type ExportPeriod,
} from '../../../rules/goals/report-export';
import type { TeamWeeklySummary } from '../../../rules/goals/weekly-summary';
import {
  InMemoryFollowUpRepository,
  InMemoryGoalPlanRepository,
  InMemoryOpeningRepository,
  InMemoryScreeningStatisticsRepository,
  InMemoryWeeklyLogRepository,
} from '../../support/in-memory.repositories';
import { opening } from '../openings/opening-fixtures';
import { TEAM, at, defaultCatalog, log, plan, screening } from './goal-fixtures';

const text = (period: ExportPeriod) =>
  `${period.kind} ${weekKey(period.from)}${period.to === period.from ? '' : `..${weekKey(period.to)}`}`;

describe('ugerapport eksport', () => {
  describe('which weeks the command means', () => {
    const cases: [string, string, string][] = [
      // [today, what follows "ugerapport eksport", expected "kind from..to" or an error pattern]
      ['2026-02-12', '', 'week 2026-W06..2026-W06'], // as ugerapport: last week
      ['2026-02-12', 'uge 7', 'week 2026-W07..2026-W07'],
      ['2026-02-12', 'uge 7 2026', 'week 2026-W07..2026-W07'],
      ['2026-02-12', 'uge 8 2026', 'error:ikke begyndt'],
      ['2026-02-12', 'år', 'year 2026-W01..2026-W06'], // year to date: week 1 to last week
      ['2026-02-12', 'aar', 'year 2026-W01..2026-W06'],
      ['2026-02-12', 'ÅR 2025', 'year 2025-W01..2025-W52'], // a past year: all of it
      ['2026-02-12', 'år 2024', 'year 2024-W01..2024-W52'],
      ['2026-02-12', 'år 2027', 'error:2027 er ikke begyndt'],
      ['2026-02-12', 'år 1200', 'error:Året 1200 kan ikke bruges'],
      ['2027-01-06', 'år', 'year 2026-W01..2026-W53'], // week 1 of 2027: last week was 2026-W53
      ['2027-01-06', 'år 2026', 'year 2026-W01..2026-W53'],
      ['2027-01-06', 'år 2027', 'error:Ingen uge i 2027 er slut endnu'],
      ['2027-01-06', '', 'week 2026-W53..2026-W53'],
      ['2027-01-06', 'uge 53', 'week 2026-W53..2026-W53'], // 2027 has no week 53
      ['2027-01-06', 'uge 1', 'week 2027-W01..2027-W01'],
      ['2027-01-13', 'år', 'year 2027-W01..2027-W01'],
      ['2026-02-12', 'i går', 'error:Skriv fx "ugerapport eksport", "ugerapport eksport uge 7"'],
      ['2026-02-12', 'uge 54', 'error:ugerapport eksport år 2025'],
    ];
    for (const [today, args, expected] of cases) {
      it(`when today is ${today} and the leader writes "ugerapport eksport ${args}", then it means ${expected}`, () => {
        const selection = resolveExportPeriod(parseExportPeriodArgument(args, 'ugerapport eksport'), today);
        if (expected.startsWith('error:')) {
          assert.ok(!selection.ok, selection.ok ? text(selection.period) : '');
          assert.ok(selection.message.includes(expected.slice('error:'.length)), selection.message);
        } else {
          assert.ok(selection.ok, selection.ok ? '' : selection.message);
          const { kind, from, to } = selection.period;
          assert.equal(`${kind} ${weekKey(from)}..${weekKey(to)}`, expected);
        }
      });
    }

    it('when a period comes back from a link, then only one the export makes is accepted', () => {
      const week = (year: number, number: number): IsoWeek => ({ year, week: number });
      const today = '2026-02-12';
      assert.ok(isExportablePeriod({ kind: 'week', from: week(2026, 7), to: week(2026, 7) }, today));
      assert.ok(isExportablePeriod({ kind: 'year', from: week(2025, 1), to: week(2025, 52) }, today));
      assert.ok(!isExportablePeriod({ kind: 'week', from: week(2026, 8), to: week(2026, 8) }, today), 'not begun');
      assert.ok(!isExportablePeriod({ kind: 'year', from: week(2026, 6), to: week(2026, 1) }, today), 'backwards');
      assert.ok(
        !isExportablePeriod({ kind: 'week', from: week(2026, 1), to: week(2026, 6) }, today),
        'a "week" of weeks',
      );
      assert.ok(!isExportablePeriod({ kind: 'year', from: week(2024, 1), to: week(2026, 6) }, today), 'over a year');
      assert.ok(!isExportablePeriod({ kind: 'year', from: week(2027, 53), to: week(2027, 53) }, today), 'no such week');
    });
  });

  describe('ReportExportService', () => {
    let now: Date;
    let goals: GoalsService;
    let service: ReportExportService;
    let asked: string[];
    const leader = { teamId: TEAM, userId: 'u-leader' };
    const mette = { teamId: TEAM, userId: 'u-mette' };

    beforeEach(async () => {
      now = new Date(at('2026-02-18', '11:00')); // Wednesday of 2026-W08
      const plans = new InMemoryGoalPlanRepository();
      const logs = new InMemoryWeeklyLogRepository();
      const openings = new InMemoryOpeningRepository();
      const screenings = new InMemoryScreeningStatisticsRepository();
      const team: TeamContext = {
        isLeader: (teamId, userId) => Promise.resolve(teamId === TEAM && userId === 'u-leader'),
        current: () => Promise.resolve({ intensiveShareCap: 0.3, capacityWindowDays: 90 }),
      };
      goals = new GoalsService(
        plans,
        logs,
        openings,
        screenings,
        new InMemoryFollowUpRepository(),
        team,
        defaultCatalog(),
        { now: () => now },
      );
      await plans.save(plan(), undefined);
      for (const week of [3, 6, 7]) {
        await logs.save(log('u-mette', { year: 2026, week }, { kanvas: week }), undefined);
      }
      await openings.create(opening({ teamId: TEAM, date: at('2026-02-10') }));
      screenings.add(screening({ decidedAt: at('2026-02-03') }));
      asked = [];
      service = new ReportExportService({
        summaries: {
          teamSummary: (teamId, week) => {
            asked.push(weekKey(week));
            return goals.teamSummary(teamId, week);
          },
        },
        leaders: team,
        clock: { now: () => now },
      });
    });

    it(`when a leader asks, then the link is for the period and works ${EXPORT_LINK_MINUTES} minutes`, async () => {
      const outcome = await service.requestLink(leader, 'uge 7');
      assert.ok(outcome.kind === 'link');
      assert.deepEqual(outcome.period, { kind: 'week', from: { year: 2026, week: 7 }, to: { year: 2026, week: 7 } });
      assert.equal(outcome.expiresAt.getTime() - now.getTime(), EXPORT_LINK_MINUTES * 60_000);
      const year = await service.requestLink(leader, 'år');
      assert.ok(year.kind === 'link');
      assert.equal(text(year.period), 'year 2026-W01..2026-W07');
    });

    it('when a member asks, or opens a link made for them, then they are refused, whatever the period', async () => {
      assert.deepEqual(await service.requestLink(mette, 'uge 7'), { kind: 'forbidden' });
      assert.deepEqual(await service.requestLink(mette, 'i går'), { kind: 'forbidden' });
      const period: ExportPeriod = { kind: 'week', from: { year: 2026, week: 7 }, to: { year: 2026, week: 7 } };
      assert.deepEqual(await service.file(mette, period), { kind: 'forbidden' });
      assert.deepEqual(await service.file({ teamId: 'another-team', userId: 'u-leader' }, period), {
        kind: 'forbidden',
      });
      assert.deepEqual(asked, [], 'nothing was read for them');
    });

    it('when a leader asks for a period that cannot be used, then the message says why', async () => {
      const outcome = await service.requestLink(leader, 'uge 9 2026');
      assert.ok(outcome.kind === 'invalid-period');
      assert.equal(outcome.message, 'Uge 9 2026 er ikke begyndt endnu.');
    });

    it('when the file of a year is made, then each week’s summary is the report’s own (GoalsService.teamSummary), oldest first', async () => {
      const period: ExportPeriod = { kind: 'year', from: { year: 2026, week: 1 }, to: { year: 2026, week: 7 } };
      const outcome = await service.file(leader, period);
      assert.ok(outcome.kind === 'file');
      assert.deepEqual(asked, ['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05', '2026-W06', '2026-W07']);
      const direct: TeamWeeklySummary[] = [];
      for (let week = 1; week <= 7; week += 1) direct.push(await goals.teamSummary(TEAM, { year: 2026, week }));
      assert.deepEqual(outcome.summaries, direct);
      const kanvas = (summary: TeamWeeklySummary | undefined) =>
        summary?.indicators.find((indicator) => indicator.indicatorId === 'kanvas')?.team.real;
      assert.deepEqual(outcome.summaries.map(kanvas), [0, 0, 3, 0, 0, 6, 7]);
      assert.equal(outcome.summaries[5]?.screenings.count, 1, 'week 6 had the screening');
      assert.equal(outcome.summaries[6]?.openings.openings, 1, 'week 7 had the opening');
    });

    it('when a link’s period is not one the export makes, then no file is made', async () => {
      const outcome = await service.file(leader, {
        kind: 'week',
        from: { year: 2026, week: 9 },
        to: { year: 2026, week: 9 },
      });
      assert.deepEqual(outcome, { kind: 'forbidden' });
      assert.deepEqual(asked, []);
    });
  });
});
