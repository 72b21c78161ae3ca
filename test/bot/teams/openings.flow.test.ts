import assert from 'node:assert/strict';
import { CardRenderer } from '../../../cards/rendering/card.renderer';
import { drawBoard } from '../../../cards/openings/board.cards';
import { MAX_CHARTED_SECTORS } from '../../../cards/openings/opening.view-models';
import { loadDefaultScreeningRuleset } from '../../../bot/screening-ruleset.loader';
import { buildOpeningBoard } from '../../../rules/openings/opening-board';
import type { Opening } from '../../../rules/openings/opening';
import { cardSubmitActivity, messageActivity, type ActivityOptions } from '../../support/activities';
import { cardText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems, MAX_CARD_BYTES } from '../../support/card-validator';
import { chartsIn } from '../../support/chart-schema';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { replyCardsOf, startTestBot } from '../../support/running-bot';
import { joinTeam } from '../../support/test-team';

type Card = Record<string, unknown>;

describe('openings over HTTP (real server, embedded SQLite)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  const seen: Card[] = [];
  const TENANT = 'tenant-open';
  const VERA_USER = { id: 'vk-1', name: 'Vera Konsulent' };
  const KARL_USER = { id: 'vk-2', name: 'Karl Konsulent' };
  const VERA: ActivityOptions = { user: VERA_USER, tenantId: TENANT };
  const KARL: ActivityOptions = { user: KARL_USER, tenantId: TENANT };
  const OWNER = { id: 'lone-1', name: 'Lone Leder' };

  async function send(activity: Record<string, unknown>): Promise<Card[]> {
    const cards = await replyCardsOf(bot.baseUrl, activity);
    seen.push(...cards);
    return cards;
  }
  /** The first card of the answer to what `as` (Vera unless given) writes or submits. */
  const say = async (text: string, as = VERA) => (await send(messageActivity(text, as)))[0] as Card;
  const click = async (value: Record<string, unknown>, as = VERA) =>
    (await send(cardSubmitActivity(value, as)))[0] as Card;

  before(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot();
    // The team's owner installs the bot; Vera and her colleague Karl are members of the team.
    await joinTeam(bot.baseUrl, connector, OWNER, [VERA_USER, KARL_USER], { tenantId: TENANT });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('when a consultant registers an opening with errors and then correctly, then errors name the fields, typed values stay, and it is stored', async () => {
    const form = await say('ny stilling');
    assert.deepEqual(
      cardInputs(form).map((input) => input.id),
      [
        'companyName',
        'cvr',
        'address',
        'phone',
        'email',
        'contactPerson',
        'sector',
        'result',
        'jobFunction',
        'seats',
        'filled',
        'note',
      ],
    );
    const typed = {
      companyName: 'Smedie A/S',
      cvr: '12345678',
      phone: '12 34',
      email: 'ikke-en-mail',
      sector: 'industri',
      result: 'ordinaer_aabning',
      jobFunction: 'Smed',
      seats: '2',
      filled: '0',
    };
    const wrong = await click({ ...actionData(form, 'opening.register'), ...typed });
    const text = cardText(wrong);
    assert.match(text, /CVR-nummer/);
    assert.match(text, /Telefon/);
    assert.match(text, /E-mail/);
    assert.equal(cardInputs(wrong).find((input) => input.id === 'companyName')?.node.value, 'Smedie A/S');
    assert.equal(cardInputs(wrong).find((input) => input.id === 'cvr')?.node.value, '12345678');

    const ok = await click({
      ...actionData(form, 'opening.register'),
      ...typed,
      cvr: '10150817',
      phone: '+45 12 34 56 78',
      email: 'job@smedie.dk',
    });
    assert.match(cardText(ok), /Registreret\nSmedie A\/S: Ordinær åbning, 2 pladser/);
  });

  it('when the board is asked for and Besat +1 is clicked, then the opening shows and its seats count down until it leaves the board', async () => {
    const [board] = await send(messageActivity('stillinger', VERA));
    assert.ok(board !== undefined);
    assert.match(cardText(board), /Smedie A\/S · Smed · Ordinær åbning/);
    assert.match(cardText(board), /2 af 2 pladser ledige/);
    const fill = actionData(board, 'opening.fill');
    assert.ok(fill !== undefined);
    const afterOne = await click(fill);
    assert.match(cardText(afterOne), /Besat \+1: Smedie A\/S har nu 1 af 2 besat/);
    const afterTwo = await click(fill);
    assert.match(cardText(afterTwo), /har nu 2 af 2 besat/);
    assert.doesNotMatch(cardText(afterTwo), /Smedie A\/S · Smed/, 'a filled opening leaves the board');
    const third = await click(fill);
    assert.match(cardText(third), /var allerede besat – intet er ændret/);
  });

  it('when a consultant opens mine stillinger, edits and closes a registration, then it is saved, a colleague is refused, and the board drops it', async () => {
    await click({
      verb: 'opening.register',
      companyName: 'Bageriet ApS',
      cvr: '10150817',
      sector: 'industri',
      result: 'praktikplads',
      jobFunction: 'Bager',
      seats: '1',
    });
    const list = await say('mine stillinger');
    assert.match(cardText(list), /Dine registreringer/);
    assert.match(cardText(list), /Bageriet ApS · Praktikplads\n1 af 1 plads ledig/);
    const edit = actionData(list, 'opening.edit');
    assert.ok(edit !== undefined);
    const form = await click(edit);
    assert.match(cardText(form), /Ret registrering: Bageriet ApS/);
    const values = Object.fromEntries(cardInputs(form).map((input) => [input.id, input.node.value]));
    assert.equal(values.companyName, 'Bageriet ApS');
    assert.equal(values.seats, '1');
    const save = actionData(form, 'opening.update');
    assert.ok(save !== undefined && typeof save.version === 'string');

    const colleague = await click({ ...save, ...values, seats: '5' }, KARL);
    assert.match(cardText(colleague), /Ikke din registrering\n.*registreret af Vera Konsulent/);

    const saved = await click({ ...save, ...values, seats: '3', note: 'Start 1. marts' });
    assert.match(cardText(saved), /Gemt: Bageriet ApS/);
    assert.match(cardText(saved), /3 af 3 pladser ledige/);
    const stale = await click({ ...save, ...values, seats: '4' });
    assert.match(cardText(stale), /ændret af en anden, mens du rettede/);
    assert.equal(cardInputs(stale).find((input) => input.id === 'seats')?.node.value, '4', 'the typed value stays');

    const close = actionData(saved, 'opening.close');
    assert.ok(close !== undefined);
    const closed = await click(close);
    assert.match(cardText(closed), /Registreringen for Bageriet ApS er lukket og er ikke længere på tavlen/);
    assert.ok(actionData(closed, 'opening.reopen') !== undefined);
    const [board] = await send(messageActivity('stillinger', VERA));
    assert.doesNotMatch(cardText(board), /Bageriet/);
  });

  it('when every card of the openings flow is validated, then none has a problem', () => {
    assert.ok(seen.length >= 7);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardText(card).slice(0, 60));
  });
});

describe('the board with 500 open openings', () => {
  it('when it is split into messages, then every message is a valid card under the size limit, none is lost, and the sector chart is drawn once', async () => {
    const { sectors } = await loadDefaultScreeningRuleset();
    const openings: Opening[] = Array.from({ length: 500 }, (_, index) => ({
      id: `o-${index}`,
      teamId: 't',
      date: new Date(Date.UTC(2026, 0, 1 + (index % 30), 9)).toISOString(),
      companyName: `Virksomhed nummer ${index} med et ret langt navn ApS`,
      cvr: '10150817',
      sector: sectors[index % sectors.length]?.id ?? 'industri',
      result: 'ordinaer_aabning',
      jobFunction: 'Lager- og logistikmedarbejder',
      seats: 3,
      filled: 1,
      registeredBy: { userId: 'vk', name: 'Vera Konsulent' },
    }));
    const now = new Date('2026-02-03T08:30:00Z');
    const board = buildOpeningBoard(openings, now, undefined, { sectors });
    const cards = drawBoard(new CardRenderer(), board, sectors, now, { text: 'Besat +1: …', style: 'good', part: 2 });
    assert.ok(cards.length > 2, 'the board is split');
    let shown = 0;
    for (const [index, card] of cards.entries()) {
      assert.deepEqual(cardProblems(card), [], `message ${index + 1}`);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < MAX_CARD_BYTES);
      shown += (JSON.stringify(card).match(/"verb":"opening.fill","openingId"/g) ?? []).length / 2;
      // Each button names its message, so that Besat +1 answers with the same message redrawn.
      const parts = new Set([...JSON.stringify(card).matchAll(/"part":(\d+)/g)].map((match) => match[1]));
      assert.deepEqual([...parts], [String(index)]);
      assert.equal(/Besat \+1: …/.test(cardText(card)), index === 2, 'the notice is on the clicked message only');
    }
    assert.equal(shown, 500);
    // Every opening has 2 open seats: the first message counts them all, once: the four largest sectors in the
    // chart (Teams draws at most four bars) and the others in the line below it.
    const charts = cards.map((card) => chartsIn(card));
    assert.deepEqual(
      charts.map((list) => list.length),
      cards.map((_, index) => (index === 0 ? 1 : 0)),
    );
    const points = charts[0]?.[0]?.data as { x: string; y: number }[];
    assert.equal(points.length, MAX_CHARTED_SECTORS);
    const others = /Øvrige brancher: ([^"]*)/.exec(JSON.stringify(cards[0]))?.[1] ?? '';
    const otherSeats = [...others.matchAll(/ (\d+)(?: ·|$)/g)].map((match) => Number(match[1]));
    assert.equal(points.length + otherSeats.length, sectors.length);
    assert.ok(Math.min(...points.map((point) => point.y)) >= Math.max(...otherSeats), 'the chart holds the largest');
    assert.equal(
      [...points.map((point) => point.y), ...otherSeats].reduce((sum, seats) => sum + seats, 0),
      1000,
    );
  });
});
