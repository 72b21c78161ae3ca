import assert from 'node:assert/strict';
import { FLAG_BELOW, achievementPercent, figures } from '../../../rules/goals/achievement';
import { carryOverPlan, type GoalPlan } from '../../../rules/goals/goal-plan';
import { weekKey, type IsoWeek } from '../../../rules/goals/iso-week';
import type { WeeklyLog } from '../../../rules/goals/weekly-log';
import { summaryDataRanges, weeklySummary, type WeeklySummaryInput } from '../../../rules/goals/weekly-summary';
import { followUpsForScreening } from '../../../rules/follow-ups/follow-up';
import { opening } from '../openings/opening-fixtures';
import { TEAM, at, defaultCatalog, goal, log, plan, screening } from './goal-fixtures';

const WEEK_7: IsoWeek = { year: 2026, week: 7 }; // 9–15 February 2026
const settings = { intensiveShareCap: 0.3, capacityWindowDays: 90 };

/** Weeks 1–6: both members meet their goals, except that Ali did not log week 5; week 7 as the test needs. */
function logsUpToWeek7(): WeeklyLog[] {
  const logs: WeeklyLog[] = [];
  for (let week = 1; week <= 6; week += 1) {
    logs.push(log('u-mette', { year: 2026, week }, { kanvas: 10, aabninger_ordinaere: 2 }));
    if (week !== 5) logs.push(log('u-ali', { year: 2026, week }, { kanvas: 10, aabninger_ordinaere: 2 }));
  }
  logs.push(log('u-mette', WEEK_7, { kanvas: 12, aabninger_ordinaere: 1 }));
  logs.push(log('u-ali', WEEK_7, { kanvas: 4, aabninger_ordinaere: 2 }));
  logs.push(log('u-ali', WEEK_7, { kanvas: 99 }, 'team-b')); // another team's log is never counted
  return logs;
}

function input(overrides: Partial<WeeklySummaryInput> = {}): WeeklySummaryInput {
  return {
    teamId: TEAM,
    week: WEEK_7,
    now: new Date(at('2026-02-16', '08:00')),
    catalog: defaultCatalog(),
    plans: [plan({ annualTargets: { kanvas: 1060, aabninger_ordinaere: 212 } })],
    logs: logsUpToWeek7(),
    screenings: [],
    openings: [],
    followUps: [],
    settings,
    ...overrides,
  };
}

describe('weekly summary', () => {
  describe('achievement and flags', () => {
    const cases: [number, number | undefined, number | undefined, boolean][] = [
      [16, 20, 80, false],
      [15.9, 20, 80, true], // 79.5 % shows as 80 % but is below the line
      [3, 4, 75, true],
      [12, 10, 120, false],
      [0, 5, 0, true],
      [5, 0, undefined, false],
      [5, undefined, undefined, false],
    ];
    for (const [real, goal, percent, flagged] of cases) {
      it(`when Real is ${real} and Mål ${goal}, then achievement shows ${percent} % and ${flagged ? 'is' : 'is not'} flagged`, () => {
        const result = figures(real, goal);
        assert.equal(achievementPercent(result.achievement), percent);
        assert.equal(result.flagged, flagged);
      });
    }

    it('when the flag line is read, then it is 80 %', () => {
      assert.equal(FLAG_BELOW, 0.8);
    });
  });

  it('when a week is summarised, then Real and Mål add up per indicator for the team and each member', () => {
    const summary = weeklySummary(input());
    assert.deepEqual(
      summary.indicators.map((indicator) => indicator.indicatorId),
      ['kanvas', 'aabninger_ordinaere'],
    );
    const [kanvas, openings] = summary.indicators;
    assert.deepEqual(kanvas!.team, { real: 16, goal: 20, achievement: 0.8, flagged: false });
    assert.deepEqual(openings!.team, { real: 3, goal: 4, achievement: 0.75, flagged: true });
    assert.deepEqual(
      kanvas!.members.map((m) => [m.name, m.real, m.goal, achievementPercent(m.achievement), m.flagged]),
      [
        ['Ali Yilmaz', 4, 10, 40, true],
        ['Mette Hansen', 12, 10, 120, false],
      ],
    );
    assert.deepEqual(summary.flaggedIndicators, ['aabninger_ordinaere']);
    assert.deepEqual(summary.period, { from: '2026-02-09', to: '2026-02-15' });
    assert.deepEqual(summary.logging, { expected: 2, logged: 2, missing: [] });
    assert.equal(summary.indicators[0]!.label, 'Kanvas');
  });

  it('when the last 8 weeks are shown, then a week a member did not log counts 0 against the full goal', () => {
    const [kanvas] = weeklySummary(input()).indicators;
    assert.deepEqual(
      kanvas!.lastWeeks.map((week) => [`${week.week.year}-${week.week.week}`, week.real, week.goal, week.flagged]),
      [
        // 2025's weeks: no plan that year, nothing logged, so no goal (shown as "–", not as 0 of a goal).
        ['2025-52', 0, undefined, false],
        ['2026-1', 20, 20, false],
        ['2026-2', 20, 20, false],
        ['2026-3', 20, 20, false],
        ['2026-4', 20, 20, false],
        ['2026-5', 10, 20, true],
        ['2026-6', 20, 20, false],
        ['2026-7', 16, 20, false],
      ],
    );
    const ali = kanvas!.members.find((m) => m.userId === 'u-ali')!;
    assert.deepEqual(
      ali.lastWeeks.map((week) => week.real),
      [0, 10, 10, 10, 10, 0, 10, 4],
    );
  });

  it('when the year to date is summed, then it is set against the weekly goals and the annual target spread over 53 weeks', () => {
    const [kanvas, openings] = weeklySummary(input()).indicators;
    const ytd = kanvas!.yearToDate;
    assert.equal(ytd.weeks, 7);
    assert.equal(ytd.real, 126);
    assert.equal(ytd.goal, 140);
    assert.equal(ytd.achievement, 0.9);
    assert.equal(ytd.annualTarget, 1060);
    assert.equal(ytd.measuredFromWeek, 1);
    assert.equal(ytd.expectedByNow, 140); // 1060 × 7 / 53
    assert.equal(ytd.pace, 0.9);
    assert.equal(ytd.behindAnnualTarget, false);
    assert.equal(ytd.shareOfAnnualTarget, 126 / 1060);
    assert.equal(openings!.yearToDate.real, 25);
    assert.equal(openings!.yearToDate.expectedByNow, 28);
    const mette = kanvas!.members.find((m) => m.userId === 'u-mette')!;
    assert.deepEqual(mette.yearToDate, { real: 72, goal: 70, achievement: 72 / 70, flagged: false });
  });

  it('when there is no annual target, then the year to date has no target, share or pace', () => {
    const [kanvas] = weeklySummary(input({ plans: [plan()] })).indicators;
    assert.equal(kanvas!.yearToDate.annualTarget, undefined);
    assert.equal(kanvas!.yearToDate.shareOfAnnualTarget, undefined);
    assert.equal(kanvas!.yearToDate.pace, undefined);
    assert.equal(kanvas!.yearToDate.behindAnnualTarget, false);
  });

  it('when far behind the annual target, then the year to date is flagged as behind', () => {
    const [kanvas] = weeklySummary(input({ plans: [plan({ annualTargets: { kanvas: 2000 } })] })).indicators;
    assert.ok(kanvas!.yearToDate.pace! < 0.8);
    assert.equal(kanvas!.yearToDate.behindAnnualTarget, true);
  });

  describe('annual targets of a plan set up late in the year', () => {
    // The leader sets the plan up in week 49 of 2026: the members join from week 49 and log weeks 49 and 50
    // at their weekly goals; the annual targets are the employment plan's figures for the whole year.
    const december = (overrides: Partial<Parameters<typeof plan>[0]> = {}) =>
      plan({
        members: [
          { userId: 'u-mette', name: 'Mette Hansen', fromWeek: 49 },
          { userId: 'u-ali', name: 'Ali Yilmaz', fromWeek: 49 },
        ],
        goals: [goal('u-mette', 'kanvas', 10, 49), goal('u-ali', 'kanvas', 10, 49)],
        annualTargets: { kanvas: 1060, aabninger_ordinaere: 212 },
        ...overrides,
      });
    const onTrack = [49, 50].flatMap((week) => [
      log('u-mette', { year: 2026, week }, { kanvas: 10 }),
      log('u-ali', { year: 2026, week }, { kanvas: 10 }),
    ]);
    const week50 = (plans: GoalPlan[], logs: WeeklyLog[] = onTrack) =>
      weeklySummary(input({ week: { year: 2026, week: 50 }, now: new Date(at('2026-12-14', '08:00')), plans, logs }));

    it('when the team meets its weekly goals in weeks 49 and 50, then the year is measured from week 49 and is not behind', () => {
      const [kanvas] = week50([december()]).indicators;
      const year = kanvas!.yearToDate;
      assert.equal(year.measuredFromWeek, 49);
      assert.equal(year.real, 40);
      assert.equal(year.expectedByNow, (1060 * 2) / 53); // two weeks measured of 53, not 50 of 53
      assert.equal(year.pace, 40 / year.expectedByNow!);
      assert.equal(year.behindAnnualTarget, false);
    });

    it('when the weekly goals are entered "from week 1" but the members joined in week 49, then the year is still measured from week 49', () => {
      const [kanvas] = week50([
        december({ goals: [goal('u-mette', 'kanvas', 10, 1), goal('u-ali', 'kanvas', 10, 1)] }),
      ]).indicators;
      assert.equal(kanvas!.yearToDate.measuredFromWeek, 49);
      assert.equal(kanvas!.yearToDate.behindAnnualTarget, false);
    });

    it('when the team falls far short in the weeks it measured, then it is behind', () => {
      const short = [49, 50].map((week) => log('u-mette', { year: 2026, week }, { kanvas: 5 }));
      const [kanvas] = week50([december()], short).indicators;
      assert.equal(kanvas!.yearToDate.measuredFromWeek, 49);
      assert.equal(kanvas!.yearToDate.behindAnnualTarget, true);
    });

    it('when an indicator has an annual target but no weekly goal and no count yet, then it has no pace and is not flagged', () => {
      const summary = week50([december({ indicators: ['kanvas', 'aabninger_ordinaere'] })]);
      const openings = summary.indicators.find((indicator) => indicator.indicatorId === 'aabninger_ordinaere');
      assert.equal(openings!.yearToDate.annualTarget, 212);
      assert.equal(openings!.yearToDate.measuredFromWeek, undefined);
      assert.equal(openings!.yearToDate.expectedByNow, undefined);
      assert.equal(openings!.yearToDate.pace, undefined);
      assert.equal(openings!.yearToDate.behindAnnualTarget, false);
    });

    it('when counts of an indicator are logged without a weekly goal, then it is measured from the first week counted', () => {
      const logs = onTrack.map((entry) =>
        entry.userId === 'u-mette' && entry.week === 50
          ? log('u-mette', { year: 2026, week: 50 }, { kanvas: 10, aabninger_ordinaere: 3 })
          : entry,
      );
      const summary = week50([december()], logs);
      const openings = summary.indicators.find((indicator) => indicator.indicatorId === 'aabninger_ordinaere');
      assert.equal(openings!.yearToDate.measuredFromWeek, 50);
      assert.equal(openings!.yearToDate.expectedByNow, 212 / 53);
    });
  });

  it('when a member has not logged the week, then they are listed as missing and count 0', () => {
    const logs = logsUpToWeek7().filter(
      (entry) => !(entry.userId === 'u-ali' && entry.week === 7 && entry.teamId === TEAM),
    );
    const summary = weeklySummary(input({ logs }));
    assert.deepEqual(summary.logging, { expected: 2, logged: 1, missing: [{ userId: 'u-ali', name: 'Ali Yilmaz' }] });
    const ali = summary.indicators[0]!.members.find((m) => m.userId === 'u-ali')!;
    assert.equal(ali.logged, false);
    assert.equal(ali.real, 0);
    assert.equal(summary.indicators[0]!.team.real, 12);
  });

  it('when someone who left the team logged the week anyway, then they appear with their counts but no goal', () => {
    const left = plan({
      members: [
        { userId: 'u-mette', name: 'Mette Hansen', fromWeek: 1 },
        { userId: 'u-ali', name: 'Ali Yilmaz', fromWeek: 1, untilWeek: 6 },
      ],
    });
    const summary = weeklySummary(input({ plans: [left] }));
    assert.deepEqual(summary.logging, { expected: 1, logged: 1, missing: [] });
    const [kanvas] = summary.indicators;
    assert.deepEqual(kanvas!.team, { real: 16, goal: 10, achievement: 1.6, flagged: false });
    const ali = kanvas!.members.find((m) => m.userId === 'u-ali')!;
    assert.equal(ali.goal, undefined);
    assert.equal(ali.real, 4);
  });

  it('when the team has no plan, then there are no indicators but the other sections are still there', () => {
    const summary = weeklySummary(input({ plans: [] }));
    assert.deepEqual(summary.indicators, []);
    assert.deepEqual(summary.logging, { expected: 0, logged: 0, missing: [] });
    assert.equal(summary.screenings.count, 0);
  });

  describe('across the year boundary', () => {
    const plan2026 = plan({ annualTargets: { kanvas: 1060 } });
    const plan2027 = { ...carryOverPlan(plan2026, 2027), annualTargets: { kanvas: 1040 } };
    const logs = [
      log('u-mette', { year: 2026, week: 51 }, { kanvas: 10 }),
      log('u-mette', { year: 2026, week: 52 }, { kanvas: 5 }),
      log('u-mette', { year: 2026, week: 53 }, { kanvas: 8 }),
      log('u-ali', { year: 2026, week: 53 }, { kanvas: 2 }),
      log('u-mette', { year: 2027, week: 1 }, { kanvas: 9 }),
      log('u-ali', { year: 2027, week: 1 }, { kanvas: 11 }),
    ];

    it('when 2027-W01 is summarised, then the last 8 weeks read 2026-W47…W53 and the year to date only 2027', () => {
      const summary = weeklySummary(
        input({
          week: { year: 2027, week: 1 },
          now: new Date(at('2027-01-11', '08:00')),
          plans: [plan2026, plan2027],
          logs,
        }),
      );
      const [kanvas] = summary.indicators;
      assert.deepEqual(
        kanvas!.lastWeeks.map((week) => weekKey(week.week)),
        ['2026-W47', '2026-W48', '2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53', '2027-W01'],
      );
      assert.deepEqual(
        kanvas!.lastWeeks.slice(-4).map((week) => [`${week.week.year}-${week.week.week}`, week.real, week.goal]),
        [
          ['2026-51', 10, 20],
          ['2026-52', 5, 20],
          ['2026-53', 10, 20],
          ['2027-1', 20, 20],
        ],
      );
      assert.equal(kanvas!.yearToDate.weeks, 1);
      assert.equal(kanvas!.yearToDate.real, 20);
      assert.equal(kanvas!.yearToDate.annualTarget, 1040);
      assert.equal(kanvas!.yearToDate.expectedByNow, 20); // 1040 / 52 weeks in 2027
      assert.deepEqual(summary.period, { from: '2027-01-04', to: '2027-01-10' });
      assert.equal(summary.planCarriedOver, true, 'no leader has saved 2027 yet');
    });

    it('when 2026-W53 is summarised, then its year to date covers all 53 weeks and the full annual target', () => {
      const summary = weeklySummary(
        input({ week: { year: 2026, week: 53 }, now: new Date(at('2027-01-04', '08:00')), plans: [plan2026], logs }),
      );
      const [kanvas] = summary.indicators;
      assert.equal(kanvas!.yearToDate.weeks, 53);
      assert.equal(kanvas!.yearToDate.expectedByNow, 1060);
      assert.equal(kanvas!.team.real, 10);
      assert.deepEqual(summary.period, { from: '2026-12-28', to: '2027-01-03' });
    });

    it("when the data ranges of 2027-W01 are asked for, then logs start in 2026-W47 and both years' plans are read", () => {
      const ranges = summaryDataRanges({ year: 2027, week: 1 }, settings);
      assert.deepEqual(ranges.logsFrom, { year: 2026, week: 47 });
      assert.deepEqual(ranges.logsTo, { year: 2027, week: 1 });
      assert.deepEqual(ranges.planYears, [2026, 2027]);
      assert.equal(ranges.followUpsTo, '2027-01-10');
      assert.equal(ranges.followUpsFrom, '2026-01-12');
      const mid = summaryDataRanges(WEEK_7, settings);
      assert.deepEqual(mid.logsFrom, { year: 2025, week: 52 }, 'the last 8 weeks reach into 2025');
      assert.deepEqual(mid.planYears, [2025, 2026]);
      const later = summaryDataRanges({ year: 2026, week: 20 }, settings);
      assert.deepEqual(later.logsFrom, { year: 2026, week: 1 });
      assert.deepEqual(later.planYears, [2026]);
      assert.equal(mid.screeningsTo, '2026-02-15T23:00:00.000Z');
      assert.equal(mid.screeningsFrom, '2025-11-17T23:00:00.000Z');
    });
  });

  describe('screenings', () => {
    const week = [
      screening({
        id: 's1',
        decidedAt: at('2026-02-09', '00:05'),
        recommendedTrack: 'selektion',
        finalTrack: 'selektion',
      }),
      screening({
        id: 's2',
        recommendedTrack: 'doedvaegt',
        finalTrack: 'selektion',
        decision: 'overridden',
        reasonCode: 'faglig_vurdering',
      }),
      screening({
        id: 's3',
        recommendedTrack: 'selektion',
        finalTrack: 'doedvaegt',
        decision: 'overridden',
        reasonCode: 'kapacitet',
      }),
      screening({ id: 's4', strategy: 'catch-all', recommendedTrack: 'catch-all', finalTrack: 'catch-all' }),
      screening({ id: 's5', decidedAt: at('2026-02-15', '23:55') }),
      screening({
        id: 's6',
        recommendedTrack: 'doedvaegt',
        finalTrack: 'selektion',
        decision: 'overridden',
        reasonCode: 'faglig_vurdering',
      }),
    ];
    const earlier = [
      screening({ id: 's0', decidedAt: at('2026-01-10') }), // in the 90-day window, not in the week
      screening({ id: 'old', decidedAt: at('2025-10-01'), finalTrack: 'selektion' }), // before the window
      screening({ id: 'next', decidedAt: at('2026-02-16', '00:00'), finalTrack: 'selektion' }), // the week after
      screening({ id: 'other', teamId: 'team-b', finalTrack: 'selektion' }),
    ];

    it('when the week had screenings, then count, tracks, override rate and the top reasons are reported', () => {
      const { screenings } = weeklySummary(input({ screenings: [...week, ...earlier] }));
      assert.equal(screenings.count, 6);
      assert.deepEqual(screenings.byTrack, [
        { track: 'doedvaegt', count: 2 },
        { track: 'catch-all', count: 1 },
        { track: 'selektion', count: 3 },
      ]);
      assert.equal(screenings.accepted, 3);
      assert.equal(screenings.overridden, 3);
      assert.equal(screenings.overrideRate, 0.5);
      assert.deepEqual(screenings.topOverrideReasons, [
        { reason: 'faglig_vurdering', label: 'Faglig vurdering', count: 2 },
        { reason: 'kapacitet', label: 'Kapacitet', count: 1 },
      ]);
    });

    it('when the intensive share is reported, then it covers the capacity window ending with the week, against the cap', () => {
      const { screenings } = weeklySummary(input({ screenings: [...week, ...earlier] }));
      // Eligible (strategy selektion) in the window: s0, s1, s2, s3, s5, s6; intensive: s1, s2, s6.
      assert.deepEqual(screenings.intensiveShare, { intensive: 3, eligible: 6, share: 0.5, cap: 0.3, aboveCap: true });
      assert.deepEqual(screenings.window, { from: '2025-11-18', to: '2026-02-15', days: 90 });
    });

    it('when the week had no screenings, then the counts are 0 and the override rate is undefined', () => {
      const { screenings } = weeklySummary(input({ screenings: earlier }));
      assert.equal(screenings.count, 0);
      assert.equal(screenings.overrideRate, undefined);
      assert.deepEqual(screenings.topOverrideReasons, []);
      assert.equal(screenings.intensiveShare.eligible, 1);
    });

    it("when more than three reasons were used, then the three most common are named, ties in the reasons' order", () => {
      const reasons = (['andet', 'kapacitet', 'manglende_oplysninger', 'faglig_vurdering', 'andet'] as const).map(
        (reasonCode, index) =>
          screening({
            id: `r${index}`,
            decision: 'overridden',
            reasonCode,
            finalTrack: 'selektion',
            recommendedTrack: 'doedvaegt',
          }),
      );
      const { screenings } = weeklySummary(input({ screenings: reasons }));
      assert.deepEqual(
        screenings.topOverrideReasons.map((entry) => [entry.reason, entry.count]),
        [
          ['andet', 2],
          ['faglig_vurdering', 1],
          ['manglende_oplysninger', 1],
        ],
      );
    });
  });

  describe('openings', () => {
    const openings = [
      opening({ id: 'o1', teamId: TEAM, date: at('2026-02-10'), result: 'ordinaer_aabning', seats: 3, filled: 1 }),
      opening({ id: 'o2', teamId: TEAM, date: at('2026-02-12'), result: 'praktikplads', seats: 1, filled: 1 }),
      opening({ id: 'o3', teamId: TEAM, date: at('2026-02-11'), result: 'ingen_aabning', seats: 0, filled: 0 }),
      opening({ id: 'o4', teamId: TEAM, date: at('2026-01-20'), seats: 2, filled: 0 }),
      opening({ id: 'o5', teamId: TEAM, date: at('2026-02-05'), seats: 1, filled: 0 }),
      opening({ id: 'o6', teamId: TEAM, date: at('2026-02-17'), seats: 4, filled: 0 }),
      opening({ id: 'o7', teamId: 'team-b', date: at('2026-02-10'), seats: 5, filled: 0 }),
    ];

    it('when the week had registrations, then new openings, places and fills are counted and the open ones by colour', () => {
      const summary = weeklySummary(input({ openings }));
      assert.equal(summary.openings.contacts, 3);
      assert.equal(summary.openings.openings, 2);
      assert.equal(summary.openings.seatsOpened, 4);
      assert.equal(summary.openings.seatsFilled, 2);
      assert.equal(summary.openings.byResult.ordinaer_aabning, 1);
      assert.equal(summary.openings.byResult.praktikplads, 1);
      assert.equal(summary.openings.byResult.ingen_aabning, 1);
      // Ages at the week's last moment (Sunday 15 Feb): o1 5 days, o5 10 days, o4 26 days; o6 is not yet registered.
      assert.deepEqual(summary.openings.openByAgeing, {
        ny: { openings: 1, seats: 2 },
        gul: { openings: 1, seats: 1 },
        roed: { openings: 1, seats: 2 },
      });
      assert.equal(summary.openings.ageingAsOf, '2026-02-15T22:59:59.999Z');
    });

    it('when the current week is summarised on demand, then the ageing is measured now', () => {
      const now = new Date(at('2026-02-12', '12:00'));
      const summary = weeklySummary(input({ openings, now }));
      assert.equal(summary.openings.ageingAsOf, now.toISOString());
    });
  });

  it('when follow-ups at week 39 fall in the past 52 weeks, then their outcomes are in the summary', () => {
    const [, , week39] = followUpsForScreening(screening({ decidedAt: at('2025-05-12') }));
    const answered = { ...week39!, outcome: 'stadig_ledig' as const };
    const summary = weeklySummary(input({ followUps: [answered] }));
    assert.equal(answered.dueDate, '2026-02-09');
    assert.equal(summary.followUps.all.answered, 1);
    assert.equal(summary.followUps.all.stillUnemployed, 1);
    assert.equal(summary.followUps.to, '2026-02-15');
  });
});
