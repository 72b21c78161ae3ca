import { COMMANDS, type CommandDescription } from './command.catalog';

/**
 * How each Danish letter is typed on a keyboard or phone without it, the letter itself first. "ø" and
 * "å" are also written with the bare vowel ("opfolgning", "mal"); "æ" is always "ae".
 */
const KEYBOARD_FORMS: Readonly<Record<string, readonly string[]>> = {
  æ: ['æ', 'ae'],
  ø: ['ø', 'oe', 'o'],
  å: ['å', 'aa', 'a'],
};

/**
 * Every way of typing `word` (lower case) with or without the Danish letters, each letter on its own:
 * "mål opsæt" gives "mål opsæt", "mål opsaet", "maal opsæt", "maal opsaet", "mal opsæt" and "mal opsaet".
 * The word itself comes first.
 */
export function keyboardSpellings(word: string): string[] {
  let spellings = [''];
  for (const letter of word) {
    const forms = KEYBOARD_FORMS[letter] ?? [letter];
    spellings = spellings.flatMap((start) => forms.map((form) => start + form));
  }
  return [...new Set(spellings)];
}

/** One way of typing a command: its keyword or an alias, as written or without the Danish letters. */
export interface CommandSpelling {
  spelling: string;
  command: CommandDescription;
}

/**
 * Every spelling of every command in the catalogue, derived from its keyword and aliases, so a command
 * added to the catalogue forgives "æ", "ø" and "å" without listing its ASCII forms by hand.
 */
export function commandSpellings(commands: readonly CommandDescription[] = COMMANDS): CommandSpelling[] {
  const seen = new Set<string>();
  const spellings: CommandSpelling[] = [];
  for (const command of commands) {
    for (const word of [command.keyword, ...command.aliases]) {
      for (const spelling of keyboardSpellings(word.toLocaleLowerCase('da-DK'))) {
        if (seen.has(spelling)) continue;
        seen.add(spelling);
        spellings.push({ spelling, command });
      }
    }
  }
  return spellings;
}

/** The catalogue's spellings, derived once: the parser and the suggestions read them on every message. */
export const COMMAND_SPELLINGS: readonly CommandSpelling[] = Object.freeze(commandSpellings());
