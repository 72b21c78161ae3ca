import assert from 'node:assert/strict';
import { achievementPercent } from '../../rules/goals/achievement';
import type { IndicatorCatalog } from '../../rules/goals/indicator';
import type { IsoWeek } from '../../rules/goals/iso-week';
import { weeklySummary, type TeamWeeklySummary } from '../../rules/goals/weekly-summary';
import { excelCsv } from '../../cards/shared/excel-csv';
import {
  REPORT_FILE_COLUMNS,
  REPORT_FILE_SECTIONS,
  TEAM_ROW_NAME,
  reportFileName,
  weeklyReportCsv,
} from '../../cards/goals/weekly-report.csv';
import { trackLabel } from '../../cards/screening/track-labels';
import { csvObjects, danishNumber, readExcelCsv } from '../support/excel-csv.reader';
import { TEAM, at, defaultCatalog, goal, log, member, plan } from '../rules/goals/goal-fixtures';
import { ARCHETYPE_NAMES, WEEK_7, teamSummary } from './goal-card-fixtures';

const CONTEXT = {
  archetypeNames: ARCHETYPE_NAMES,
  groupLabels: new Map(defaultCatalog().groups.map((group) => [group.id, group.label])),
};

type Row = Record<string, string>;

/** The rows of a section (and optionally one indicator or key figure). */
function rowsOf(rows: readonly Row[], section: string, filter: Partial<Row> = {}): Row[] {
  return rows.filter(
    (row) => row.Afsnit === section && Object.entries(filter).every(([key, value]) => row[key] === value),
  );
}

function only(rows: readonly Row[], section: string, filter: Partial<Row>): Row {
  const found = rowsOf(rows, section, filter);
  assert.equal(found.length, 1, `one row in ${section} with ${JSON.stringify(filter)}, found ${found.length}`);
  return found[0] as Row;
}

/** A one-week summary of the fixtures' team, with the plans of the years it reads. */
function summaryOf(week: IsoWeek, logs: Parameters<typeof weeklySummary>[0]['logs'], catalog?: IndicatorCatalog) {
  return weeklySummary({
    teamId: TEAM,
    week,
    now: new Date(at('2027-02-01', '08:00')),
    catalog: catalog ?? defaultCatalog(),
    plans: [plan({ year: 2025 }), plan({ year: 2026 }), plan({ year: 2027 })],
    logs,
    screenings: [],
    openings: [],
    followUps: [],
    settings: { intensiveShareCap: 0.3, capacityWindowDays: 90 },
  });
}

describe('the weekly report as a CSV file for Excel', () => {
  describe('excelCsv: the file format', () => {
    const file = excelCsv(
      ['Navn', 'Tal', 'Andel (%)'],
      [
        ['Ole Hansen', 1000, 66.7],
        ['a;b', 0.25, undefined],
        ['siger "hej"', 1234.5, 0],
        ['to\nlinjer', 3, 12.5],
        ['Ole-Hansen', 7, 100],
      ],
    );

    it('when a file is written, then it starts with the UTF-8 byte order mark and every line ends with CRLF', () => {
      assert.ok(file.startsWith('\uFEFFNavn;Tal;Andel (%)\r\n'));
      assert.ok(file.endsWith('Ole-Hansen;7;100\r\n'));
      // Every LF belongs to a CRLF, except the one inside the quoted field.
      assert.equal(file.split('\r\n').length - 1, 6);
      assert.equal(file.replace(/\r\n/g, '').split('\n').length - 1, 1);
      assert.equal(Buffer.from(file, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf');
    });

    it('when numbers are written, then they have a decimal comma and no thousands separator, and fields are separated by ";"', () => {
      const lines = file.slice(1).split('\r\n');
      assert.equal(lines[1], 'Ole Hansen;1000;66,7');
      assert.equal(lines[3], '"siger ""hej""";1234,5;0');
    });

    it('when a field holds ";", a quote or a line break, then it is quoted and reads back as it was', () => {
      assert.match(file, /\r\n"a;b";0,25;\r\n/);
      assert.match(file, /\r\n"to\nlinjer";3;12,5\r\n/);
      assert.deepEqual(readExcelCsv(file), [
        ['Navn', 'Tal', 'Andel (%)'],
        ['Ole Hansen', '1000', '66,7'],
        ['a;b', '0,25', ''],
        ['siger "hej"', '1234,5', '0'],
        ['to\nlinjer', '3', '12,5'],
        ['Ole-Hansen', '7', '100'],
      ]);
    });

    const injections: [string, string][] = [
      ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
      ['+45 12 34 56 78', "'+45 12 34 56 78"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=1+1', "'\t=1+1"],
      ['\r=1+1', "'\r=1+1"],
      ['  =1+1', "'  =1+1"],
      ['=HYPERLINK("http://x";"klik")', `'=HYPERLINK("http://x";"klik")`],
      ['Ole = leder', 'Ole = leder'],
      ['Mette-Marie', 'Mette-Marie'],
    ];
    for (const [typed, shown] of injections) {
      it(`when text is ${JSON.stringify(typed)}, then Excel reads ${JSON.stringify(shown)}`, () => {
        const [, row] = readExcelCsv(excelCsv(['Navn'], [[typed]]));
        assert.deepEqual(row, [shown]);
      });
    }

    it('when a number is negative or not finite, then a negative keeps an ASCII minus and NaN is refused', () => {
      assert.equal(readExcelCsv(excelCsv(['Tal'], [[-1.5]]))[1]?.[0], '-1,5');
      assert.throws(() => excelCsv(['Tal'], [[Number.NaN]]), RangeError);
    });
  });

  describe('weeklyReportCsv: the report’s figures', () => {
    const summary = teamSummary();
    const text = weeklyReportCsv([summary], CONTEXT);
    const rows = csvObjects(text);

    it('when the file is read back, then the header is the Danish columns and every row has the week as 2026-W07, year and week number', () => {
      assert.deepEqual(readExcelCsv(text)[0], [...REPORT_FILE_COLUMNS]);
      assert.ok(rows.length > 20);
      for (const row of rows) {
        assert.equal(row.Uge, '2026-W07');
        assert.equal(row['År'], '2026');
        assert.equal(row['Ugenr.'], '7');
      }
      assert.equal(
        only(rows, REPORT_FILE_SECTIONS.goals, { Indikator: 'Kanvas', Medarbejder: TEAM_ROW_NAME }).Fra,
        '2026-02-09',
      );
    });

    it('when Real, Mål and opfyldelse are read back per member and indicator, then they equal the report’s figures, and the members add up to the team', () => {
      for (const indicator of summary.indicators) {
        const group = CONTEXT.groupLabels.get(indicator.group);
        for (const member of indicator.members) {
          const row = only(rows, REPORT_FILE_SECTIONS.goals, { Indikator: indicator.label, Medarbejder: member.name });
          assert.equal(row.Gruppe, group);
          assert.equal(danishNumber(row.Real), member.real);
          assert.equal(danishNumber(row['Mål']), member.goal);
          assert.equal(Math.round(danishNumber(row['Opfyldelse (%)']) ?? NaN), achievementPercent(member.achievement));
          assert.equal(row.Registreret, member.logged ? 'ja' : 'nej');
          assert.equal(row.Markering, member.flagged ? 'under 80 %' : '');
        }
        const team = only(rows, REPORT_FILE_SECTIONS.goals, { Indikator: indicator.label, Medarbejder: TEAM_ROW_NAME });
        assert.equal(danishNumber(team.Real), indicator.team.real);
        assert.equal(danishNumber(team['Mål']), indicator.team.goal);
        assert.equal(danishNumber(team['Opfyldelse (%)']), Math.round((indicator.team.achievement ?? NaN) * 1000) / 10);
        assert.equal(team.Markering, indicator.team.flagged ? 'under 80 %' : '');
        const members = rowsOf(rows, REPORT_FILE_SECTIONS.goals, { Indikator: indicator.label }).filter(
          (row) => row.Medarbejder !== TEAM_ROW_NAME,
        );
        assert.equal(
          members.reduce((sum, row) => sum + (danishNumber(row.Real) ?? 0), 0),
          indicator.team.real,
        );
      }
      // The fixture's figures, written out: 12 + 4 of 20 is 80 % (not flagged); 1 + 2 of 4 is 75 % (flagged).
      const kanvas = only(rows, REPORT_FILE_SECTIONS.goals, { Indikator: 'Kanvas', Medarbejder: TEAM_ROW_NAME });
      assert.deepEqual(
        [kanvas.Real, kanvas['Mål'], kanvas['Opfyldelse (%)'], kanvas.Markering],
        ['16', '20', '80', ''],
      );
      const openings = only(rows, REPORT_FILE_SECTIONS.goals, {
        Indikator: 'Jobåbninger – ordinære job',
        Medarbejder: TEAM_ROW_NAME,
      });
      assert.deepEqual(
        [openings.Real, openings['Mål'], openings['Opfyldelse (%)'], openings.Markering],
        ['3', '4', '75', 'under 80 %'],
      );
    });

    it('when the screenings and openings are read back, then they equal the report’s statistics of the week', () => {
      const { screenings, openings } = summary;
      assert.equal(danishNumber(only(rows, 'Screeninger', { Nøgletal: 'Screeninger i ugen' }).Antal), screenings.count);
      for (const entry of screenings.byTrack) {
        const row = only(rows, 'Screeninger', { Gruppe: 'Spor', Nøgletal: trackLabel(entry.track) });
        assert.equal(danishNumber(row.Antal), entry.count);
      }
      const overridden = only(rows, 'Screeninger', { Nøgletal: 'Fraveget anbefalingen' });
      assert.deepEqual([overridden.Antal, overridden['Andel (%)']], ['1', '50']);
      assert.equal(
        danishNumber(
          only(rows, 'Screeninger', { Nøgletal: 'Kapacitet', Gruppe: 'Hyppigste årsager til at fravige' }).Antal,
        ),
        1,
      );
      const share = only(rows, 'Screeninger', { Nøgletal: 'Intensiv andel' });
      assert.equal(danishNumber(share['Andel (%)']), Math.round((screenings.intensiveShare.share ?? NaN) * 1000) / 10);
      assert.equal(share.Fra, screenings.window.from);
      assert.equal(share.Til, screenings.window.to);
      assert.equal(only(rows, 'Screeninger', { Nøgletal: 'Loft for intensiv andel' })['Andel (%)'], '30');

      assert.equal(danishNumber(only(rows, 'Stillinger', { Nøgletal: 'Åbninger i ugen' }).Antal), openings.openings);
      assert.equal(danishNumber(only(rows, 'Stillinger', { Nøgletal: 'Kontakter i ugen' }).Antal), openings.contacts);
      assert.equal(
        danishNumber(only(rows, 'Stillinger', { Nøgletal: 'Pladser oprettet' }).Antal),
        openings.seatsOpened,
      );
      const open = rowsOf(rows, 'Stillinger', { Gruppe: 'Åbne stillinger efter alder' }).filter(
        (row) => !(row['Nøgletal'] ?? '').endsWith('ledige pladser'),
      );
      assert.equal(
        open.reduce((sum, row) => sum + (danishNumber(row.Antal) ?? 0), 0),
        Object.values(openings.openByAgeing).reduce((sum, bucket) => sum + bucket.openings, 0),
      );
    });

    it('when the running figures are read back, then the year to date, the annual target and the week-39 follow-ups are the report’s', () => {
      const kanvas = summary.indicators.find((indicator) => indicator.indicatorId === 'kanvas');
      assert.ok(kanvas);
      const team = only(rows, REPORT_FILE_SECTIONS.yearToDate, {
        Indikator: 'Kanvas',
        Medarbejder: TEAM_ROW_NAME,
        Nøgletal: '',
      });
      assert.equal(team.Fra, '2025-12-29', 'from the Monday of week 1');
      assert.equal(danishNumber(team.Real), kanvas.yearToDate.real);
      assert.equal(danishNumber(team['Mål']), kanvas.yearToDate.goal);
      assert.equal(danishNumber(only(rows, REPORT_FILE_SECTIONS.yearToDate, { Nøgletal: 'Årsmål' }).Antal), 1060);
      const expected = only(rows, REPORT_FILE_SECTIONS.yearToDate, {
        Nøgletal: 'Forventet til nu (årsmålet fordelt på årets uger, fra den første målte uge)',
      });
      assert.equal(danishNumber(expected.Antal), Math.round((kanvas.yearToDate.expectedByNow ?? NaN) * 10) / 10);
      assert.equal(expected.Markering, kanvas.yearToDate.behindAnnualTarget ? 'bagud' : '');

      const { followUps } = summary;
      const answered = only(rows, REPORT_FILE_SECTIONS.followUps, {
        Gruppe: '39 uger efter screeningen',
        Nøgletal: 'I alt: besvarede',
      });
      assert.equal(danishNumber(answered.Antal), followUps.all.answered);
      assert.equal(answered.Fra, followUps.from);
      const still = only(rows, REPORT_FILE_SECTIONS.followUps, {
        Gruppe: '39 uger efter screeningen',
        Nøgletal: 'I alt: stadig ledige',
      });
      assert.equal(danishNumber(still.Antal), followUps.all.stillUnemployed);
      assert.ok(
        rowsOf(rows, REPORT_FILE_SECTIONS.followUps, { Gruppe: `Arketype: ${ARCHETYPE_NAMES.get('sprogbarriere')}` })
          .length > 0,
      );
    });

    it('when a member’s name or an indicator’s label starts like a formula, then the file shows it as text', () => {
      const catalog = defaultCatalog();
      const hostile: IndicatorCatalog = {
        ...catalog,
        indicators: catalog.indicators.map((indicator) =>
          indicator.id === 'kanvas' ? { ...indicator, label: '+Kanvas=1' } : indicator,
        ),
      };
      const week = WEEK_7;
      const named = weeklySummary({
        teamId: TEAM,
        week,
        now: new Date(at('2026-02-16', '08:00')),
        catalog: hostile,
        plans: [
          plan({
            members: [member('u-evil', '=HYPERLINK("http://x";"klik")'), member('u-at', '@Ole')],
            goals: [goal('u-evil', 'kanvas', 5), goal('u-at', 'kanvas', 5)],
          }),
        ],
        logs: [log('u-evil', week, { kanvas: 3 })],
        screenings: [],
        openings: [],
        followUps: [],
        settings: { intensiveShareCap: 0.3, capacityWindowDays: 90 },
      });
      const file = weeklyReportCsv([named], CONTEXT);
      const read = csvObjects(file);
      const members = new Set(rowsOf(read, REPORT_FILE_SECTIONS.goals).map((row) => row.Medarbejder));
      assert.ok(members.has(`'=HYPERLINK("http://x";"klik")`), [...members].join(' | '));
      assert.ok(members.has("'@Ole"));
      assert.ok(rowsOf(read, REPORT_FILE_SECTIONS.goals, { Indikator: "'+Kanvas=1" }).length > 0);
      for (const row of read) {
        for (const value of Object.values(row)) assert.doesNotMatch(value, /^\s*[=+@\t\r]/, value);
      }
    });
  });

  describe('ISO weeks across a year boundary', () => {
    const summaries: TeamWeeklySummary[] = [
      summaryOf({ year: 2026, week: 53 }, [log('u-mette', { year: 2026, week: 53 }, { kanvas: 5 })]),
      summaryOf({ year: 2027, week: 1 }, [log('u-mette', { year: 2027, week: 1 }, { kanvas: 6 })]),
    ];
    const rows = csvObjects(weeklyReportCsv(summaries, CONTEXT));
    const teamRow = (weekKey: string) =>
      only(rows, REPORT_FILE_SECTIONS.goals, { Uge: weekKey, Indikator: 'Kanvas', Medarbejder: TEAM_ROW_NAME });

    it('when week 53 of 2026 is written, then it is 2026-W53 of the ISO year 2026, Monday 28 December to Sunday 3 January 2027', () => {
      const row = teamRow('2026-W53');
      assert.deepEqual(
        [row['År'], row['Ugenr.'], row.Fra, row.Til, row.Real],
        ['2026', '53', '2026-12-28', '2027-01-03', '5'],
      );
    });

    it('when week 1 of 2027 follows it, then it is 2027-W01, Monday 4 January to Sunday 10 January, with its own figures', () => {
      const row = teamRow('2027-W01');
      assert.deepEqual(
        [row['År'], row['Ugenr.'], row.Fra, row.Til, row.Real],
        ['2027', '1', '2027-01-04', '2027-01-10', '6'],
      );
    });

    it('when week 1 of 2025 is written, then it starts in December 2024 and still belongs to 2025', () => {
      const row = only(
        csvObjects(weeklyReportCsv([summaryOf({ year: 2025, week: 1 }, [])], CONTEXT)),
        REPORT_FILE_SECTIONS.goals,
        { Indikator: 'Kanvas', Medarbejder: TEAM_ROW_NAME },
      );
      assert.deepEqual([row.Uge, row['År'], row['Ugenr.'], row.Fra], ['2025-W01', '2025', '1', '2024-12-30']);
    });

    it('when a period spans weeks, then the running figures come once, for its last week', () => {
      const yearToDate = rowsOf(rows, REPORT_FILE_SECTIONS.yearToDate);
      assert.ok(yearToDate.length > 0);
      assert.deepEqual([...new Set(yearToDate.map((row) => row.Uge))], ['2027-W01']);
      assert.equal(
        only(rows, REPORT_FILE_SECTIONS.yearToDate, { Indikator: 'Kanvas', Medarbejder: TEAM_ROW_NAME }).Fra,
        '2027-01-04',
      );
      assert.deepEqual(
        [...new Set(rowsOf(rows, REPORT_FILE_SECTIONS.goals).map((row) => row.Uge))],
        ['2026-W53', '2027-W01'],
      );
    });

    it('when the file is named, then it carries the ISO week, or the first and last week of a year', () => {
      assert.equal(
        reportFileName({ kind: 'week', from: { year: 2026, week: 53 }, to: { year: 2026, week: 53 } }),
        'ugerapport-2026-W53.csv',
      );
      assert.equal(
        reportFileName({ kind: 'year', from: { year: 2026, week: 1 }, to: { year: 2026, week: 53 } }),
        'ugerapport-2026-W01-W53.csv',
      );
    });
  });
});
