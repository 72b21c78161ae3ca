import assert from 'node:assert/strict';
import { parseCommand } from '../../../rules/commands/command.parser';

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

  it('when the text is empty or only spaces, then it is empty, not unknown', () => {
    assert.equal(parseCommand('   ').kind, 'empty');
    assert.equal(parseCommand(undefined).kind, 'empty');
  });
});
