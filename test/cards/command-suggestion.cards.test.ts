import assert from 'node:assert/strict';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { commandSuggestionCard } from '../../cards/shared/bot-notices.cards';
import { isCardVerb } from '../../cards/shared/card-verbs';
import { suggestCommands } from '../../rules/commands/command.suggester';
import { cardText } from '../support/bot-under-test';
import { cardProblems } from '../support/card-validator';
import { CPR_VARIANTS, leakedCpr } from '../support/cpr-variants';

type Json = Record<string, unknown>;

describe('the "Mente du …?" card', () => {
  const renderer = new CardRenderer();

  it('when one command is near, then the card asks about it in bold and has one button that runs it', () => {
    const card = commandSuggestionCard(renderer, suggestCommands('stilling'));
    assert.ok(card !== undefined);
    assert.equal(cardText(card).split('\n')[0], 'Mente du **stillinger**?');
    assert.deepEqual(cardProblems(card), []);
    const actions = card.actions as Json[];
    assert.equal(actions.length, 1);
    const [action] = actions;
    // Action.Execute, as every button of the bot, with the Action.Submit fallback; both run the keyword.
    assert.equal(action?.type, 'Action.Execute');
    assert.equal(action?.title, 'stillinger');
    assert.equal(action?.verb, 'command.run');
    assert.deepEqual(action?.data, { verb: 'command.run', command: 'stillinger' });
    const fallback = action?.fallback as Json;
    assert.equal(fallback.type, 'Action.Submit');
    assert.deepEqual(fallback.data, { verb: 'command.run', command: 'stillinger' });
    assert.ok(isCardVerb('command.run'), 'the verb is one the bot routes');
  });

  it('when two commands are near, then both are named, joined by "eller", each with its button', () => {
    const card = commandSuggestionCard(renderer, suggestCommands('ny stillinger'));
    assert.ok(card !== undefined);
    assert.equal(cardText(card).split('\n')[0], 'Mente du **ny stilling** eller **mine stillinger**?');
    assert.deepEqual(
      (card.actions as Json[]).map((action) => (action.data as Json).command),
      ['ny stilling', 'mine stillinger'],
    );
    assert.deepEqual(cardProblems(card), []);
  });

  it('when nothing is near, then there is no card (the help card answers alone)', () => {
    assert.equal(commandSuggestionCard(renderer, suggestCommands('hej')), undefined);
    assert.equal(commandSuggestionCard(renderer, []), undefined);
  });

  it('when the near miss holds a CPR number, then the card does not show it', () => {
    for (const cpr of CPR_VARIANTS) {
      const card = commandSuggestionCard(renderer, suggestCommands(`vis screning ${cpr}`));
      assert.ok(card !== undefined, cpr);
      assert.equal(leakedCpr(JSON.stringify(card), [cpr]), undefined);
    }
  });
});
