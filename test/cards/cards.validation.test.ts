import assert from 'node:assert/strict';
import { CardRenderer } from '../../cards/card.renderer';
import { CARD_TEMPLATES } from '../../cards/card-templates';
import { renderStaticCards, noticeCard } from '../../bot/teams/card-replies';
import { cardProblems } from '../support/card-validator';

describe('cards', () => {
  const renderer = new CardRenderer();
  const cards = renderStaticCards(renderer);
  const everyCard: Record<string, unknown> = {
    help: cards.help,
    helpForUnknown: cards.helpForUnknown,
    welcome: cards.welcome,
    noticeInfo: noticeCard(renderer, 'info', 'Titel', 'Tekst med **fed**'),
    noticeWarning: noticeCard(renderer, 'warning', 'Titel', 'Tekst'),
    noticeError: noticeCard(renderer, 'error', 'Titel', 'Tekst'),
  };

  for (const [name, card] of Object.entries(everyCard)) {
    it(`when the ${name} card is rendered, then the adaptivecards validator finds nothing wrong`, () => {
      assert.deepEqual(cardProblems(card), []);
    });
  }

  it('when a card has an unknown element, a duplicate input id, version 1.6 and "${", then each is reported', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'Bogus' },
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
        { type: 'TextBlock', text: '${missing}' },
      ],
    }).join('\n');
    assert.match(problems, /Bogus/);
    assert.match(problems, /Duplicate Id/);
    assert.match(problems, /version 1\.6/);
    assert.match(problems, /\$\{/);
  });

  it('when a card is larger than the limit, then its size is reported', () => {
    const big = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(30_000) }] };
    assert.match(cardProblems(big).join('\n'), /bytes, over/);
  });

  it('when the templates are listed, then each is schema 1.5 and each is rendered above', () => {
    for (const template of Object.values(CARD_TEMPLATES)) assert.equal(template.version, '1.5');
    const covered = new Set(Object.keys(everyCard).map((name) => name.replace(/(ForUnknown|Info|Warning|Error)$/, '')));
    assert.deepEqual([...covered].sort(), Object.keys(CARD_TEMPLATES).sort());
  });

  it('when the help card is rendered, then it lists every command of the spec', () => {
    const json = JSON.stringify(cards.help);
    for (const keyword of [
      'hjælp',
      'screening',
      'ny stilling',
      'stillinger',
      'mål',
      'ugerapport',
      'ressourceberegner',
      'indstillinger',
    ]) {
      assert.ok(json.includes(`"${keyword}"`), `help card lacks ${keyword}`);
    }
  });
});
