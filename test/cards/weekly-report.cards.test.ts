/**
 * The weekly report's cards as a leader and a member look at them (issue 16): Real vs Mål as tables, the
 * last weeks, the year against the pro-rated annual target and the screenings as charts with fallbacks,
 * within Teams' message size for a 25-member team, and the same figures as the CSV export.
 */
import assert from 'node:assert/strict';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { GoalCards, MAX_REPORT_MESSAGE_BYTES } from '../../cards/goals/goal.cards';
import { REPORT_FILE_SECTIONS, TEAM_ROW_NAME, weeklyReportCsv } from '../../cards/goals/weekly-report.csv';
import { trackLabel } from '../../cards/screening/track-labels';
import { achievementPercent } from '../../rules/goals/achievement';
import { reportFor } from '../../rules/goals/summary-visibility';
import { weeklySummary, type TeamWeeklySummary } from '../../rules/goals/weekly-summary';
import { cardFullText } from '../support/bot-under-test';
import { cardProblems, MAX_CARD_BYTES } from '../support/card-validator';
import { cardTableCells, cardTables } from '../support/card-tables';
import { chartsIn } from '../support/chart-schema';
import { csvObjects, danishNumber } from '../support/excel-csv.reader';
import { TEAM, at, defaultCatalog, goal, log, member, plan } from '../rules/goals/goal-fixtures';
import { ARCHETYPE_NAMES, WEEK_7, largeTeamSummary, teamSummary } from './goal-card-fixtures';

const cards = new GoalCards(new CardRenderer(), { archetypeNames: ARCHETYPE_NAMES });
const HEADER = ['Real / mål', '%'];

function bytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

function chartsOfType(card: unknown, type: string): Record<string, unknown>[] {
  return chartsIn(card).filter((chart) => chart.type === type);
}

/** A team that set up its plan and annual targets in week 49 and logged weeks 49 and 50 at its goals. */
function decemberSummary(): TeamWeeklySummary {
  const week = { year: 2026, week: 50 };
  return weeklySummary({
    teamId: TEAM,
    week,
    now: new Date(at('2026-12-14', '08:00')),
    catalog: defaultCatalog(),
    plans: [
      plan({
        members: [member('u-mette', 'Mette Hansen', 49), member('u-ali', 'Ali Yilmaz', 49)],
        goals: [goal('u-mette', 'kanvas', 10, 49), goal('u-ali', 'kanvas', 10, 49)],
        annualTargets: { kanvas: 1060 },
      }),
    ],
    logs: [49, 50].flatMap((each) => [
      log('u-mette', { year: 2026, week: each }, { kanvas: 10 }),
      log('u-ali', { year: 2026, week: each }, { kanvas: 9 }),
    ]),
    screenings: [],
    openings: [],
    followUps: [],
    settings: { intensiveShareCap: 0.3, capacityWindowDays: 90 },
  });
}

describe('the weekly report as tables and charts', () => {
  describe("the leader's report", () => {
    const summary = teamSummary();
    const [card] = cards.teamReport(summary);
    const text = cardFullText(card);

    it("when a team week is reported, then it is one valid message whose first table has a row per indicator with the team's Real / mål and %", () => {
      assert.equal(cards.teamReport(summary).length, 1);
      assert.deepEqual(cardProblems(card), []);
      const [team] = cardTables(card);
      assert.deepEqual(team, [
        ['Indikator', ...HEADER],
        ['Kanvas', '16 / 20', '80 %'],
        ['Jobåbninger – ordinære job', '3 / 4', '⚠ 75 %'],
      ]);
    });

    it('when an indicator is below 80 %, then its Real / mål and % cells are drawn in the Attention colour and the others are not', () => {
      const [team] = cardTableCells(card);
      const colours = team?.slice(1).map((row) => row.map((cell) => cell.color ?? 'Default'));
      assert.deepEqual(colours, [
        ['Default', 'Default', 'Default'],
        ['Default', 'Attention', 'Attention'],
      ]);
    });

    it('when the members are shown, then each indicator has a table of its members and the team, in bold', () => {
      const [, kanvas, openings] = cardTables(card);
      assert.deepEqual(kanvas, [
        ['Medarbejder', ...HEADER],
        ['Ali Yilmaz', '4 / 10', '⚠ 40 %'],
        ['Mette Hansen', '12 / 10', '120 %'],
        [TEAM_ROW_NAME, '16 / 20', '80 %'],
      ]);
      assert.deepEqual(openings?.at(-1), [TEAM_ROW_NAME, '3 / 4', '⚠ 75 %']);
      const kanvasCells = cardTableCells(card)[1] ?? [];
      assert.deepEqual(
        kanvasCells.map((row) => row.map((cell) => cell.weight ?? 'Default')),
        [
          ['Bolder', 'Bolder', 'Bolder'],
          ['Default', 'Default', 'Default'],
          ['Default', 'Default', 'Default'],
          ['Bolder', 'Bolder', 'Bolder'],
        ],
        'the header and the team are in bold',
      );
    });

    it('when the last weeks are drawn, then each indicator has grouped bars "Real" and "Mål" per week, from the first week with a goal, with the figures in its fallback', () => {
      const trends = chartsOfType(card, 'Chart.VerticalBar.Grouped');
      assert.equal(trends.length, summary.indicators.length);
      const [kanvas] = trends;
      const series = kanvas?.data as { legend: string; values: { x: string; y: number }[] }[];
      assert.deepEqual(
        series.map((each) => each.legend),
        ['Real', 'Mål'],
      );
      // 2025-W52 (no plan that year, nothing logged) is not a week of 0 against no goal: it is left out.
      assert.deepEqual(series[0]?.values, [
        { x: '1', y: 0 },
        { x: '2', y: 0 },
        { x: '3', y: 0 },
        { x: '4', y: 16 },
        { x: '5', y: 16 },
        { x: '6', y: 16 },
        { x: '7', y: 16 },
      ]);
      assert.deepEqual(
        series[1]?.values.map((point) => point.y),
        [20, 20, 20, 20, 20, 20, 20],
      );
      const fallback = kanvas?.fallback as { text: string };
      assert.match(fallback.text, /^Real og mål pr\. uge: uge 1: 0 af 20 · .* · uge 7: 16 af 20$/);
      assert.doesNotMatch(text, /\d\/–/, 'no "0/–" walls');
    });

    it('when the year to date is drawn, then a bar per indicator with an annual target shows Real in % of what is expected by now, with the figures as fallback text', () => {
      const [bars] = chartsOfType(card, 'Chart.HorizontalBar');
      assert.equal(bars?.title, 'Real i % af det forventede til nu');
      // Kanvas: 64 logged in weeks 1–7 against 1.060 × 7/53 = 140 expected: 46 %, behind.
      assert.deepEqual(bars?.data, [{ x: 'Kanvas', y: 46, color: 'attention' }]);
      assert.match(
        JSON.stringify(bars?.fallback),
        /Kanvas: 46 % af det forventede til nu \(64 af 140\) · årsmål 1\.060 · ⚠ bagud/,
      );
      assert.match(text, /År til dato mod årsmålet \(uge 7 af 53\)/);
      assert.match(
        text,
        /År til dato \(uge 1–7\): Real 64 · Mål 140 · 46 % · årsmål 1\.060 \(6 % nået, 46 % af det forventede til nu\) ⚠ bagud/,
      );
    });

    it('when the annual targets were set in December, then the year is measured from then and not flagged behind', () => {
      const [december] = cards.teamReport(decemberSummary());
      const shown = cardFullText(december);
      assert.doesNotMatch(shown, /⚠ bagud/, shown);
      const [bars] = chartsOfType(december, 'Chart.HorizontalBar');
      // 38 logged in weeks 49–50 against 1.060 × 2/53 = 40 expected.
      assert.deepEqual(bars?.data, [{ x: 'Kanvas', y: 95, color: 'warning' }]);
    });

    it('when there are no annual targets, then there is no year chart and the card says so', () => {
      const withoutTargets = weeklySummary({
        teamId: TEAM,
        week: WEEK_7,
        now: new Date(at('2026-02-16', '08:00')),
        catalog: defaultCatalog(),
        plans: [plan()],
        logs: [log('u-mette', WEEK_7, { kanvas: 5 })],
        screenings: [],
        openings: [],
        followUps: [],
        settings: { intensiveShareCap: 0.3, capacityWindowDays: 90 },
      });
      const [shown] = cards.teamReport(withoutTargets);
      assert.equal(chartsOfType(shown, 'Chart.HorizontalBar').length, 0);
      assert.match(cardFullText(shown), /Ingen af indikatorerne har et årsmål for 2026\./);
      assert.equal(chartsOfType(shown, 'Chart.HorizontalBar').length, 0, 'no screenings, no track bars');
      assert.equal(chartsOfType(shown, 'Chart.Gauge').length, 0, 'no eligible screenings, no gauge');
      assert.match(
        cardFullText(shown),
        /Intensiv andel \(90 dage\): ingen screeninger i målgrupper med intensiv strategi/,
      );
      assert.deepEqual(cardProblems(shown), []);
    });

    it("when the week had screenings, then bars show them by track's label and a gauge the intensive share against the cap", () => {
      const [trackChart] = chartsOfType(card, 'Chart.HorizontalBar').filter(
        (chart) => chart.title === 'Ugens screeninger pr. spor',
      );
      const slices = trackChart?.data as { x: string; y: number }[];
      assert.deepEqual(
        slices.map((slice) => [slice.x, slice.y]),
        summary.screenings.byTrack
          .filter((entry) => entry.count > 0)
          .map((entry) => [trackLabel(entry.track), entry.count]),
      );
      assert.match(JSON.stringify(trackChart?.fallback), /Spor: /);
      const [gauge] = chartsOfType(card, 'Chart.Gauge');
      assert.equal(gauge?.value, 50);
      assert.deepEqual(
        (gauge?.segments as { size: number; color: string }[]).map((segment) => [segment.size, segment.color]),
        [
          [30, 'good'],
          [70, 'attention'],
        ],
      );
      assert.match(JSON.stringify(gauge?.fallback), /50 % \(1 af 2\) · loft 30 % ⚠ over loftet/);
    });

    it("when the team has its own names for the tracks, then the report's bars, fallback and file use them", () => {
      const labels = {
        selektion: 'Virksomhedsrettet forløb',
        'catch-all': 'Hurtig start for alle',
        doedvaegt: 'Klarer sig selv',
      };
      const own = { ...summary, trackLabels: labels };
      const [trackChart] = chartsOfType(cards.teamReport(own)[0], 'Chart.HorizontalBar').filter(
        (chart) => chart.title === 'Ugens screeninger pr. spor',
      );
      const shown = (trackChart?.data as { x: string }[]).map((bar) => bar.x);
      assert.ok(shown.length > 0);
      for (const name of shown) assert.ok(Object.values(labels).includes(name), name);
      assert.match(JSON.stringify(trackChart?.fallback), new RegExp(shown[0] ?? 'none'));
      const context = { archetypeNames: ARCHETYPE_NAMES, groupLabels: new Map<string, string>() };
      const trackRows = csvObjects(weeklyReportCsv([own], context)).filter((row) => row.Gruppe === 'Spor');
      assert.deepEqual(
        trackRows.map((row) => row['Nøgletal']),
        own.screenings.byTrack.map((entry) => labels[entry.track as keyof typeof labels]),
      );
    });

    it('when the whole report is read without charts, then every chart has a text fallback and the card stays valid', () => {
      for (const chart of chartsIn(card)) {
        const fallback = chart.fallback as { type?: string };
        assert.ok(fallback.type === 'TextBlock' || fallback.type === 'Container', JSON.stringify(chart));
      }
    });
  });

  describe("a member's report", () => {
    const [card] = cards.report(reportFor({ userId: 'u-mette', isLeader: false }, teamSummary()));

    it('when a member reads their week, then their own table, their year to date and their trend are on it, nobody else', () => {
      assert.deepEqual(cardProblems(card), []);
      const [week, year] = cardTables(card);
      assert.deepEqual(week, [
        ['Indikator', ...HEADER],
        ['Kanvas', '12 / 10', '120 %'],
        ['Jobåbninger – ordinære job', '1 / 2', '⚠ 50 %'],
      ]);
      // Logged 12 and 1 in weeks 4–7; the goals held from week 1.
      assert.deepEqual(year, [
        ['Indikator', ...HEADER],
        ['Kanvas', '48 / 70', '⚠ 69 %'],
        ['Jobåbninger – ordinære job', '4 / 14', '⚠ 29 %'],
      ]);
      const trends = chartsOfType(card, 'Chart.VerticalBar.Grouped');
      assert.equal(trends.length, 2);
      const real = (trends[0]?.data as { legend: string; values: { y: number }[] }[])[0];
      assert.deepEqual(
        real?.values.map((point) => point.y),
        [0, 0, 0, 12, 12, 12, 12],
      );
      const text = cardFullText(card);
      assert.match(text, /Under 80 % af dit mål: Jobåbninger – ordinære job\./);
      assert.doesNotMatch(text, /Ali|Hele teamet|Screeninger|Opfølgning/);
    });
  });

  describe('a 25-member team with every indicator', () => {
    const catalog = defaultCatalog();
    // Every indicator has an annual target: the most the overview can hold.
    const summary = largeTeamSummary(catalog, 25, 500);
    const messages = cards.teamReport(summary);

    it('when it is reported, then it comes as several messages, each valid and within the size limits', () => {
      assert.ok(catalog.indicators.length >= 15, `${catalog.indicators.length} indicators in the catalogue`);
      assert.ok(messages.length >= 2);
      for (const [index, message] of messages.entries()) {
        assert.deepEqual(cardProblems(message), [], `message ${index + 1}`);
        assert.ok(bytes(message) <= MAX_REPORT_MESSAGE_BYTES, `message ${index + 1} is ${bytes(message)} bytes`);
        assert.ok(bytes(message) <= MAX_CARD_BYTES);
      }
      assert.ok(messages.length <= 1 + Math.ceil(summary.indicators.length / 2), `${messages.length} messages`);
    });

    it('when every indicator has an annual target, then the year is drawn in charts of at most four bars that together hold every indicator once', () => {
      const yearBars = chartsIn(messages[0])
        .filter((chart) => chart.type === 'Chart.HorizontalBar' && chart.title === 'Real i % af det forventede til nu')
        .map((chart) => chart.data as { x: string }[]);
      assert.ok(yearBars.length >= 2, `${yearBars.length} year charts`);
      for (const bars of yearBars) assert.ok(bars.length <= 4, `${bars.length} bars in one chart`);
      assert.deepEqual(
        yearBars.flat().map((bar) => bar.x),
        summary.indicators.map((indicator) => indicator.label),
      );
    });

    it("when the messages are read together, then the overview has the team's table and every member's figures come exactly once per indicator", () => {
      const [overview, ...parts] = messages;
      const [teamTable] = cardTables(overview);
      assert.equal(teamTable?.length, 1 + summary.indicators.length);
      assert.match(
        cardFullText(overview),
        /Hver indikators udvikling og medarbejdernes tal følger i de næste beskeder/,
      );
      const memberTables = parts.flatMap((part) => cardTables(part));
      assert.equal(memberTables.length, summary.indicators.length);
      summary.indicators.forEach((indicator, index) => {
        const rows = memberTables[index]?.slice(1) ?? [];
        assert.deepEqual(
          rows.map((row) => row[0]),
          [...indicator.members.map((each) => each.name), TEAM_ROW_NAME],
          indicator.label,
        );
      });
      assert.match(cardFullText(parts[0]), /Ugerapport uge 7 2026: pr\. indikator \(2\/\d+\)/);
    });
  });

  describe('the export and the report', () => {
    it("when the CSV export is read back, then every member's and the team's Real, Mål and % per indicator equal the cells of the report's tables", () => {
      const summary = teamSummary();
      const context = {
        archetypeNames: ARCHETYPE_NAMES,
        groupLabels: new Map(defaultCatalog().groups.map((group) => [group.id, group.label])),
      };
      const rows = csvObjects(weeklyReportCsv([summary], context)).filter(
        (row) => row.Afsnit === REPORT_FILE_SECTIONS.goals,
      );
      const [teamTable, ...memberTables] = cardTables(cards.teamReport(summary));
      const shown = new Map<string, string[]>();
      summary.indicators.forEach((indicator, index) => {
        for (const row of memberTables[index]?.slice(1) ?? []) shown.set(`${indicator.label}|${row[0]}`, row.slice(1));
      });
      for (const row of teamTable?.slice(1) ?? [])
        assert.deepEqual(shown.get(`${row[0]}|${TEAM_ROW_NAME}`), row.slice(1));
      assert.equal(rows.length, shown.size);
      for (const row of rows) {
        const cells = shown.get(`${row.Indikator}|${row.Medarbejder}`);
        assert.ok(cells, `${row.Indikator} / ${row.Medarbejder} is in the report`);
        const real = danishNumber(row.Real);
        const goalOf = danishNumber(row['Mål']);
        assert.equal(cells[0], `${real} / ${goalOf ?? '–'}`, `${row.Indikator} / ${row.Medarbejder}`);
        const percent = achievementPercent(
          danishNumber(row['Opfyldelse (%)']) === undefined
            ? undefined
            : (danishNumber(row['Opfyldelse (%)']) ?? 0) / 100,
        );
        assert.equal(
          cells[1]?.replace('⚠ ', ''),
          percent === undefined ? '–' : `${percent} %`,
          `${row.Indikator} / ${row.Medarbejder}`,
        );
        assert.equal(cells[1]?.startsWith('⚠'), row.Markering === 'under 80 %');
      }
      // The members add up to the team in both.
      const team = rows.filter((row) => row.Medarbejder === TEAM_ROW_NAME);
      for (const row of team) {
        const members = rows.filter((each) => each.Indikator === row.Indikator && each.Medarbejder !== TEAM_ROW_NAME);
        assert.equal(
          members.reduce((sum, each) => sum + (danishNumber(each.Real) ?? 0), 0),
          danishNumber(row.Real),
        );
      }
    });
  });
});
