import { parseWeekArgument, type WeekArgument } from './week-argument.parser';

/**
 * The period after `ugerapport eksport`: a week as `ugerapport` reads it (nothing, "uge 7", "uge 7 2026"),
 * or a year to date: "år", "år 2025" (also "aar", "ar"). Only the wording is read here; which weeks that
 * is, and whether they may be used, is decided by `resolveExportPeriod` (rules/goals/report-export.ts).
 */
export type ExportPeriodArgument =
  | { kind: 'week'; argument: Exclude<WeekArgument, { kind: 'invalid' }> }
  | { kind: 'year'; year: number | undefined }
  | { kind: 'invalid'; message: string };

const YEAR_ARGUMENT = /^(?:år|aar|ar)(?:\s*[,/]?\s*(\d{4}))?$/u;

/** @param keyword the command as the user typed it, for the Danish examples in the message. */
export function parseExportPeriodArgument(args: string, keyword: string): ExportPeriodArgument {
  const text = args.normalize('NFC').trim().toLocaleLowerCase('da-DK').replace(/\s+/gu, ' ');
  const year = YEAR_ARGUMENT.exec(text);
  if (year !== null) return { kind: 'year', year: year[1] === undefined ? undefined : Number(year[1]) };
  const week = parseWeekArgument(text, keyword);
  if (week.kind !== 'invalid') return { kind: 'week', argument: week };
  return {
    kind: 'invalid',
    message: `Skriv fx "${keyword}", "${keyword} uge 7", "${keyword} uge 7 2026", "${keyword} år" eller "${keyword} år 2025" (uge 1–53).`,
  };
}
