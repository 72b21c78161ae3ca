import type { CommandDescription } from './command.catalog';
import { COMMAND_SPELLINGS } from './command.spellings';

export type ParsedCommand =
  { kind: 'command'; command: CommandDescription; args: string } | { kind: 'unknown' } | { kind: 'empty' };

/** Folds Unicode to NFC and collapses whitespace, keeping case. */
function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lower-cases, folds Unicode to NFC and collapses whitespace, so "  Ny   Stilling " is "ny stilling". */
export function normalizeText(text: string): string {
  return collapse(text).toLocaleLowerCase('da-DK');
}

/** Each spelling (keyword, alias, and their forms without æ, ø, å) to its command. */
const BY_SPELLING: ReadonlyMap<string, CommandDescription> = new Map(
  COMMAND_SPELLINGS.map(({ spelling, command }) => [spelling, command]),
);
/** The most words a spelling has ("overtag gamle data"): no longer start of a text can be a command. */
const MAX_WORDS = Math.max(...COMMAND_SPELLINGS.map(({ spelling }) => spelling.split(' ').length));

/**
 * Recognises a command at the start of the text, in any spelling of the catalogue (case-insensitive, with or
 * without the Danish letters: "Opfolgning", "maal opsaet"); what follows it is returned as `args` (e.g.
 * "ugerapport uge 7"). Longer keywords win, so "ny stilling" is not read as something shorter.
 */
export function parseCommand(text: string | undefined): ParsedCommand {
  const original = collapse(text ?? '');
  const normalized = original.toLocaleLowerCase('da-DK');
  if (normalized === '') return { kind: 'empty' };
  const words = normalized.split(' ');
  for (let count = Math.min(MAX_WORDS, words.length); count > 0; count -= 1) {
    const start = words.slice(0, count).join(' ');
    const command = BY_SPELLING.get(start);
    if (command === undefined) continue;
    // Arguments keep their case (a case reference is matched exactly), unless lower-casing changed lengths.
    const source = original.length === normalized.length ? original : normalized;
    return { kind: 'command', command, args: source.slice(start.length).trim() };
  }
  return { kind: 'unknown' };
}
