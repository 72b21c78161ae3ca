import assert from 'node:assert/strict';
import { COMMANDS } from '../../../rules/commands/command.catalog';
import { parseCommand } from '../../../rules/commands/command.parser';
import { keyboardSpellings } from '../../../rules/commands/command.spellings';

/**
 * The ASCII spellings a person types without Danish letters, written out here rather than taken from the
 * parser's own derivation: the long forms (æ→ae, ø→oe, å→aa) and the short ones (ø→o, å→a).
 */
function asciiForms(word: string): string[] {
  const long = word.replace(/æ/gu, 'ae').replace(/ø/gu, 'oe').replace(/å/gu, 'aa');
  const short = word.replace(/æ/gu, 'ae').replace(/ø/gu, 'o').replace(/å/gu, 'a');
  return [...new Set([long, short])];
}

/** The text as typed in lower case, upper case, and with a capital first letter. */
function casings(text: string): string[] {
  const upper = text.toLocaleUpperCase('da-DK');
  const capitalised = text.charAt(0).toLocaleUpperCase('da-DK') + text.slice(1);
  return [...new Set([text, upper, capitalised])];
}

describe('parseCommand', () => {
  const cases: [string | undefined, string | undefined, string][] = [
    ['hjælp', 'hjaelp', ''],
    ['HJÆLP', 'hjaelp', ''],
    ['  Hjælp  ', 'hjaelp', ''],
    ['hjaelp', 'hjaelp', ''],
    ['help', 'hjaelp', ''],
    ['hja\u0308lp', undefined, ''], // a decomposed "æ" does not exist; stays unknown rather than guessing
    ['Ny   Stilling', 'ny_stilling', ''],
    ['ugerapport', 'ugerapport', ''],
    ['ugerapport uge 7', 'ugerapport', 'uge 7'],
    ['ugerapport uge 7 2026', 'ugerapport', 'uge 7 2026'],
    ['Ugerapport  UGE 53   2026', 'ugerapport', 'UGE 53 2026'],
    ['mål uge 7', 'maal', 'uge 7'],
    ['maal uge 7 2026', 'maal', 'uge 7 2026'],
    ['Mål Uge 7', 'maal', 'Uge 7'], // arguments keep their case; the week parser folds it
    ['ugerapporten', undefined, ''],
    ['målet', undefined, ''],
    ['Slet screening J-2026-17', 'slet_screening', 'J-2026-17'],
    ['Revisionsspor J-2026-17', 'revisionsspor', 'J-2026-17'],
    ['audit trail J-2026-17', 'revisionsspor', 'J-2026-17'],
    ['audit J-2026-17', 'revisionsspor', 'J-2026-17'],
    ['mål', 'maal', ''],
    ['ma\u030al', 'maal', ''], // "å" typed as a + combining ring folds to "å" by NFC
    ['stillingerne', undefined, ''],
    ['asdfghjkl', undefined, ''],
  ];
  for (const [text, expected, args] of cases) {
    it(`when the text is ${JSON.stringify(text)}, then the command is ${expected ?? 'unknown'}`, () => {
      const parsed = parseCommand(text);
      if (expected === undefined) {
        assert.equal(parsed.kind, 'unknown');
      } else {
        assert.equal(parsed.kind, 'command');
        assert.ok(parsed.kind === 'command');
        assert.equal(parsed.command.id, expected);
        assert.equal(parsed.args, args);
      }
    });
  }

  it('when the goals and follow-up commands are parsed, then they are available and only in the personal chat', () => {
    for (const [text, id] of [
      ['mål', 'maal'],
      ['ugerapport', 'ugerapport'],
      ['mål tilmeld', 'maal_tilmeld'],
      ['Mål Opsæt', 'maal_opsaet'],
      ['maal opsaet', 'maal_opsaet'],
      ['opfølgning', 'opfoelgning'],
      ['opfoelgninger', 'opfoelgning'],
    ] as const) {
      const parsed = parseCommand(text);
      assert.ok(parsed.kind === 'command', text);
      assert.equal(parsed.command.id, id);
      assert.equal(parsed.command.available, true);
      assert.equal(parsed.command.personalOnly, true);
      assert.equal(parsed.args, '');
    }
  });

  describe('every keyword and alias of the catalogue in its ASCII spelling, any case', () => {
    for (const command of COMMANDS) {
      for (const word of [command.keyword, ...command.aliases]) {
        for (const ascii of asciiForms(word)) {
          it(`when "${ascii}" (for "${word}") is written in lower, upper or capitalised case, then it is ${command.id}`, () => {
            for (const text of casings(ascii)) {
              const parsed = parseCommand(text);
              assert.equal(parsed.kind, 'command', text);
              assert.ok(parsed.kind === 'command');
              assert.equal(parsed.command.id, command.id, text);
              assert.equal(parsed.args, '', text);
              const withArgs = parseCommand(`${text} J-2026-17`);
              assert.ok(withArgs.kind === 'command', `${text} J-2026-17`);
              assert.equal(withArgs.command.id, command.id, `${text} J-2026-17`);
              assert.equal(withArgs.args, 'J-2026-17', `${text} J-2026-17`);
            }
          });
        }
      }
    }
  });

  it("when the issue's ASCII spellings are written, then each is its command", () => {
    for (const [text, id] of [
      ['hjaelp', 'hjaelp'],
      ['HJAELP', 'hjaelp'],
      ['maal', 'maal'],
      ['Mal uge 7', 'maal'],
      ['opfolgning', 'opfoelgning'],
      ['Opfoelgning', 'opfoelgning'],
      ['opfolgninger', 'opfoelgning'],
      ['maal opsaet', 'maal_opsaet'],
      ['mal opsæt', 'maal_opsaet'],
      ['MÅL OPSAET', 'maal_opsaet'],
      ['maal tilmeld', 'maal_tilmeld'],
      ['morgenmode nu', 'morgenmoede'],
      ['Morgenmoede her kl. 8.15', 'morgenmoede'],
    ] as const) {
      const parsed = parseCommand(text);
      assert.ok(parsed.kind === 'command', text);
      assert.equal(parsed.command.id, id, text);
    }
  });

  it('when a command is written with the @mention already stripped and odd spacing, then the ASCII spelling still parses', () => {
    const parsed = parseCommand('  Maal   Opsaet  ');
    assert.ok(parsed.kind === 'command');
    assert.equal(parsed.command.id, 'maal_opsaet');
  });

  it('when the keyboard spellings of a word are derived, then each Danish letter varies on its own', () => {
    assert.deepEqual(keyboardSpellings('mål opsæt').sort(), [
      'maal opsaet',
      'maal opsæt',
      'mal opsaet',
      'mal opsæt',
      'mål opsaet',
      'mål opsæt',
    ]);
    assert.deepEqual(keyboardSpellings('screening'), ['screening']);
  });

  it('when the text is empty or only spaces, then it is empty, not unknown', () => {
    assert.equal(parseCommand('   ').kind, 'empty');
    assert.equal(parseCommand(undefined).kind, 'empty');
  });
});
