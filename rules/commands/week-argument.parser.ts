/**
 * The week after `ugerapport` and `mål` (architecture spec, text commands): nothing, "uge 7",
 * "uge 7 2026" (also "7", "uge 7, 2026", "uge 07/2026"). Only the wording is read here; whether the week
 * exists and may be used is decided by `resolveWeekSelection` (rules/goals/week-selection.ts).
 */
export type WeekArgument =
  { kind: 'none' } | { kind: 'week'; week: number; year: number | undefined } | { kind: 'invalid'; message: string };

const WEEK_ARGUMENT = /^(?:uge\s*)?(\d{1,2})(?:\s*[,/]?\s*(\d{4}))?$/u;

/** @param keyword the command as the user typed it, for the Danish example in the message. */
export function parseWeekArgument(args: string, keyword: string): WeekArgument {
  const text = args.normalize('NFC').trim().toLocaleLowerCase('da-DK').replace(/\s+/gu, ' ');
  if (text === '') return { kind: 'none' };
  const match = WEEK_ARGUMENT.exec(text);
  const week = Number(match?.[1]);
  if (match === null || week < 1 || week > 53) {
    return {
      kind: 'invalid',
      message: `Skriv fx "${keyword}", "${keyword} uge 7" eller "${keyword} uge 7 2026" (uge 1–53).`,
    };
  }
  return { kind: 'week', week, year: match[2] === undefined ? undefined : Number(match[2]) };
}
