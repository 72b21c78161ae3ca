/**
 * The goals grid of `mål opsæt` over HTTP (real server, embedded SQLite): a leader opens "Sæt mål for alle",
 * saves every member's goals at once, a stale card is refused with its typed values kept, and a member who
 * does not lead the team cannot save a grid.
 */
import assert from 'node:assert/strict';
import { userActivity, type TeamsUser } from '../../support/activities';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { joinTeam } from '../../support/test-team';
import { cardFullText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { replyCardsOf, startTestBot } from '../../support/running-bot';

type Card = Record<string, unknown>;

const LEADER = { id: 'lea-1', name: 'Lea Leder' };
const METTE = { id: 'mette-1', name: 'Mette Hansen' };
const ALI = { id: 'ali-1', name: 'Ali Yilmaz' };
const TENANT = 'tenant-goals-grid';
/** Wednesday 11 February 2026, 10:00 in Copenhagen: ISO week 7. */
const NOW = new Date('2026-02-11T09:00:00Z');

describe('the goals grid over HTTP (real server, embedded SQLite, expectReplies)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  const seen: Card[] = [];

  async function send(person: TeamsUser, body: { text: string } | { value: Record<string, unknown> }) {
    const cards = await replyCardsOf(bot.baseUrl, userActivity(body, { user: person, tenantId: TENANT }));
    assert.ok(cards.length > 0, 'no card in the reply');
    seen.push(...cards);
    return cards[0] as Card;
  }
  const say = (person: TeamsUser, text: string) => send(person, { text });
  const click = (person: TeamsUser, value: Record<string, unknown>) => send(person, { value });
  /** The grid's boxes by "member id|indicator id", read through the ids its save button carries. */
  function boxes(card: Card): Record<string, unknown> {
    const save = actionData(card, 'goals.teamGoals') ?? {};
    const members = String(save.members).split(',');
    const indicators = String(save.indicators).split(',');
    return Object.fromEntries(
      cardInputs(card)
        .filter((input) => /^g\d+_\d+$/.test(input.id))
        .map((input) => {
          const [m, i] = input.id.slice(1).split('_').map(Number);
          return [`${members[m ?? -1]}|${indicators[i ?? -1]}`, input.node.value];
        }),
    );
  }
  /** What a client sends for the grid: the save button's data and each box by its id. */
  function submit(card: Card, values: Record<string, string>, fromWeek = '7'): Record<string, unknown> {
    const save = actionData(card, 'goals.teamGoals') ?? {};
    const members = String(save.members).split(',');
    const indicators = String(save.indicators).split(',');
    const typed: Record<string, string> = {};
    members.forEach((member, m) =>
      indicators.forEach((indicator, i) => {
        typed[`g${m}_${i}`] = values[`${member}|${indicator}`] ?? '';
      }),
    );
    return { ...save, fromWeek, ...typed };
  }

  before(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot({}, { clock: { now: () => NOW } });
    await joinTeam(bot.baseUrl, connector, LEADER, [METTE, ALI], { tenantId: TENANT });
    const setup = await say(LEADER, 'mål opsæt');
    await click(LEADER, { ...actionData(setup, 'goals.indicators'), indicators: 'kanvas,aabninger_ordinaere' });
    await say(METTE, 'mål tilmeld');
    await say(ALI, 'mål tilmeld');
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  let grid: Card;

  it('when the leader clicks "Sæt mål for alle", then one card holds a box per member and indicator, empty before any goal', async () => {
    const setup = await say(LEADER, 'mål opsæt');
    grid = await click(LEADER, actionData(setup, 'goals.teamGoalsOpen') ?? {});
    assert.match(cardFullText(grid), /Ugentlige mål 2026/);
    assert.deepEqual(boxes(grid), {
      'ali-1|kanvas': '',
      'ali-1|aabninger_ordinaere': '',
      'mette-1|kanvas': '',
      'mette-1|aabninger_ordinaere': '',
    });
  });

  it('when a box is wrong, then the grid comes back naming member and indicator, with every box as typed, and nothing is saved', async () => {
    const typed = { 'ali-1|kanvas': '8', 'mette-1|kanvas': 'ti', 'mette-1|aabninger_ordinaere': '2' };
    const refused = await click(LEADER, submit(grid, typed));
    assert.match(cardFullText(refused), /Mette Hansen, Kanvas: skriv et helt tal fra 0 til 999\./);
    assert.deepEqual(boxes(refused), { ...typed, 'ali-1|aabninger_ordinaere': '' });
    const setup = await say(LEADER, 'mål opsæt');
    assert.match(cardFullText(setup), /Ali Yilmaz\ningen mål endnu/);
  });

  it('when the grid is saved, then every member has their goals from the week, and the grid shows them', async () => {
    const goals = { 'ali-1|kanvas': '8', 'ali-1|aabninger_ordinaere': '1', 'mette-1|kanvas': '10' };
    const saved = await click(LEADER, submit(grid, goals));
    assert.match(cardFullText(saved), /Gemt: ugentlige mål fra uge 7 for Ali Yilmaz, Mette Hansen\./);
    assert.deepEqual(boxes(saved), { ...goals, 'mette-1|aabninger_ordinaere': '' });
    const setup = await say(LEADER, 'mål opsæt');
    assert.match(cardFullText(setup), /Ali Yilmaz\nmål for 2 af 2 indikatorer/);
    assert.match(cardFullText(setup), /Mette Hansen\nmål for 1 af 2 indikatorer/);
    assert.match(cardFullText(await say(METTE, 'mål')), /Kanvas \(mål 10\)/);
  });

  it('when the old grid card is saved again after the plan changed, then nothing is saved and the typed values come back on a fresh card', async () => {
    const stale = await click(LEADER, submit(grid, { 'ali-1|kanvas': '20' }));
    assert.match(cardFullText(stale), /ændret af en anden, siden kortet blev vist\. Intet er gemt/);
    assert.equal(boxes(stale)['ali-1|kanvas'], '20');
    assert.notEqual(actionData(stale, 'goals.teamGoals')?.etag, actionData(grid, 'goals.teamGoals')?.etag);
  });

  it('when a member who does not lead the team sends a grid, then it is refused and nothing is saved', async () => {
    const setup = await say(LEADER, 'mål opsæt');
    const fresh = await click(LEADER, actionData(setup, 'goals.teamGoalsOpen') ?? {});
    const refused = await click(METTE, submit(fresh, { 'mette-1|kanvas': '1' }));
    assert.match(cardFullText(refused), /Kun teamets ledere kan sætte målstyringen op\. Intet er gemt\./);
    assert.match(cardFullText(await say(METTE, 'mål')), /Kanvas \(mål 10\)/);
  });

  it('when every card of the flow is validated, then none has a problem', () => {
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardFullText(card).slice(0, 80));
  });
});
