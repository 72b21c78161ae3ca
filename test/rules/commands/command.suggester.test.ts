import assert from 'node:assert/strict';
import { COMMANDS } from '../../../rules/commands/command.catalog';
import { parseCommand } from '../../../rules/commands/command.parser';
import { allowedEdits, MAX_SUGGESTIONS, suggestCommands } from '../../../rules/commands/command.suggester';
import { CPR_VARIANTS } from '../../support/cpr-variants';

const keywordsFor = (text: string): string[] => suggestCommands(text).map((command) => command.keyword);

describe('suggestCommands ("Mente du …?")', () => {
  const nearMisses: [string, string[]][] = [
    ['stilling', ['stillinger']],
    ['stillnger', ['stillinger']],
    ['Stillingerne', ['stillinger']],
    ['screnning', ['screening']],
    ['SCREEENING', ['screening']],
    ['ugerapprt', ['ugerapport']],
    ['ugerapprt uge 7', ['ugerapport']],
    ['indstilinger', ['indstillinger']],
    ['indstillingr', ['indstillinger']],
    ['hjlp', ['hjælp']],
    ['hjælpe', ['hjælp']],
    ['ny stiling', ['ny stilling']],
    ['mine stilinger', ['mine stillinger']],
    ['opfolging', ['opfølgning']],
    ['ressourceberegnr', ['ressourceberegner']],
    ['vis screning J-2026-17', ['vis screening']],
    ['revisionspor J-2026-17', ['revisionsspor']],
    ['morgenmøder', ['morgenmøde']],
    ['overtag gamle dat', ['overtag gamle data']],
  ];
  for (const [text, expected] of nearMisses) {
    it(`when "${text}" is written, then ${expected.join(' or ')} is suggested`, () => {
      assert.equal(parseCommand(text).kind, 'unknown', `"${text}" must not be a command already`);
      assert.deepEqual(keywordsFor(text), expected);
    });
  }

  const farMisses = ['hej', 'tak', 'Hej botten', 'tak for hjælpen', 'ok', 'ja', 'nej', 'x', '??', 'asdfghjkl', 'målet'];
  for (const text of farMisses) {
    it(`when "${text}" is written, then nothing is suggested (just help)`, () => {
      assert.deepEqual(keywordsFor(text), []);
    });
  }

  it('when the text is empty or only spaces, then nothing is suggested', () => {
    assert.deepEqual(keywordsFor(''), []);
    assert.deepEqual(keywordsFor('   '), []);
    assert.deepEqual(suggestCommands(undefined), []);
  });

  it('when two commands are about as close, then both are named, the closest first, and never more than two', () => {
    // 2 edits from "ny stilling", 3 from "mine stillinger": both within reach, the closer first.
    assert.deepEqual(keywordsFor('ny stillinger'), ['ny stilling', 'mine stillinger']);
    // 1 edit from "stillinger"; "ny stilling" and "mine stillinger" are out of reach.
    assert.deepEqual(keywordsFor('stillinge'), ['stillinger']);
    for (const text of ['stiling', 'scrreening', 'ma tilmeld', 'vis screenig', 'skift tem', 'ny stillinger']) {
      assert.ok(suggestCommands(text).length <= MAX_SUGGESTIONS, text);
    }
  });

  it('when every command keyword is misspelt by one letter, then that command is the first suggestion', () => {
    for (const command of COMMANDS) {
      const word = command.keyword;
      if (allowedEdits(word) < 1) continue;
      // One letter left out in the middle of the last word, as a hurried typist does.
      const at = word.length - 2;
      const typo = word.slice(0, at) + word.slice(at + 1);
      if (parseCommand(typo).kind === 'command') continue;
      assert.equal(suggestCommands(typo)[0]?.id, command.id, `"${typo}" for "${word}"`);
    }
  });

  it('when the allowance is read, then it grows with the length of the spelling (a quarter, rounded down)', () => {
    assert.equal(allowedEdits('mål'), 0);
    assert.equal(allowedEdits('help'), 1);
    assert.equal(allowedEdits('stillinger'), 2);
    assert.equal(allowedEdits('indstillinger'), 3);
  });

  it('when a near miss carries a CPR number, then the suggestion names only the command, never the number', () => {
    for (const cpr of CPR_VARIANTS) {
      for (const text of [`vis screning ${cpr}`, `stilling ${cpr}`, cpr]) {
        const suggested = suggestCommands(text);
        const shown = JSON.stringify(suggested.map((command) => command.keyword));
        assert.ok(!/\d/u.test(shown), `${text}: ${shown}`);
        for (const command of suggested) assert.ok(COMMANDS.includes(command));
      }
    }
  });
});
