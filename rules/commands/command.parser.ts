import { COMMANDS, type CommandDescription } from './command.catalog';

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

/**
 * Recognises a command at the start of the text; what follows it is returned as `args`
 * (e.g. "ugerapport uge 7"). Longer keywords win, so "ny stilling" is not read as something shorter.
 */
export function parseCommand(text: string | undefined): ParsedCommand {
  const original = collapse(text ?? '');
  const normalized = original.toLocaleLowerCase('da-DK');
  if (normalized === '') return { kind: 'empty' };
  let best: { command: CommandDescription; length: number } | undefined;
  for (const command of COMMANDS) {
    for (const word of [command.keyword, ...command.aliases]) {
      const matches = normalized === word || normalized.startsWith(`${word} `);
      if (matches && (best === undefined || word.length > best.length)) best = { command, length: word.length };
    }
  }
  if (best === undefined) return { kind: 'unknown' };
  // Arguments keep their case (a case reference is matched exactly), unless lower-casing changed lengths.
  const source = original.length === normalized.length ? original : normalized;
  return { kind: 'command', command: best.command, args: source.slice(best.length).trim() };
}
