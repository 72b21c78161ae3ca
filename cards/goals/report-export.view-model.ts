/**
 * The card that answers `ugerapport eksport`: what the file holds, until when its link works, and "Hent
 * fil" (Action.OpenUrl: Teams opens the link in the browser, which downloads the file).
 */
import { formatWeekWithYear, formatPeriod } from './goal-formatting';
import { EXPORT_LINK_MINUTES, type ExportPeriod } from '../../rules/goals/report-export';
import { FINAL_FOLLOW_UP_WEEK } from '../../rules/follow-ups/follow-up';
import { calendarDate, wallTime } from '../../rules/shared/copenhagen-calendar';
import { formatDate } from '../shared/formatting';
import { periodDates, reportFileName } from './weekly-report.csv';

export interface ReportExportLinkInput {
  period: ExportPeriod;
  /** The signed link to the file. */
  url: string;
  expiresAt: Date;
  now: Date;
}

/** "kl. 10.20", or "12. feb. 2026 kl. 00.05" when the link outlives the day (Copenhagen time). */
function untilText(expiresAt: Date, now: Date): string {
  const time = `kl. ${wallTime(expiresAt).replace(':', '.')}`;
  return calendarDate(expiresAt) === calendarDate(now) ? time : `${formatDate(expiresAt.toISOString())} ${time}`;
}

export function buildReportExportViewModel({ period, url, expiresAt, now }: ReportExportLinkInput) {
  const byWeek = period.kind === 'year';
  const lastWeek = formatWeekWithYear(period.to);
  return {
    heading: byWeek
      ? `Ugerapport ${period.to.year} som fil: uge ${period.from.week}–${period.to.week}`
      : `Ugerapport ${formatWeekWithYear(period.from)} som fil`,
    subtitle: `${formatPeriod(periodDates(period))} · hele teamet${byWeek ? ', uge for uge' : ''}`,
    contentsIntro: `Filen ${reportFileName(period)} åbner direkte i Excel (semikolon og decimalkomma). Den har én række pr. tal, med uge (fx ${period.to.year}-W${String(period.to.week).padStart(2, '0')}), år og ugenummer, og samme tal som ugerapporten:`,
    contents: [
      `• Mål og resultater pr. medarbejder og indikator og for hele teamet: Real, Mål og opfyldelse i %${byWeek ? ' for hver uge' : ''}`,
      '• Hvem der har registreret ugens tal',
      '• Screeninger: antal, spor, fravigelser og de hyppigste årsager, den intensive andel mod loftet',
      '• Stillinger: kontakter, åbninger, pladser og de åbne stillinger efter alder',
      `• År til dato mod årsmålet og opfølgningerne ${FINAL_FOLLOW_UP_WEEK} uger efter screeningen, opgjort for ${lastWeek}`,
    ],
    linkText: `Linket virker til ${untilText(expiresAt, now)} (${EXPORT_LINK_MINUTES} minutter).`,
    linkNote:
      'Filen laves af de aktuelle tal, når du henter den, og botten gemmer den ikke. Linket virker kun, så længe du er leder af teamet. Del det ikke: den, der har linket, kan hente filen, indtil det udløber.',
    url,
  };
}
