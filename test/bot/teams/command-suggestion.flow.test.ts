import assert from 'node:assert/strict';
import {
  cardSubmitActivity,
  invokeActivity,
  messageActivity,
  type ActivityOptions,
  type MessageOptions,
} from '../../support/activities';
import { cardText } from '../../support/bot-under-test';
import { actionData } from '../../support/card-inputs';
import { CPR_VARIANTS, leakedCpr } from '../../support/cpr-variants';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { postActivity, startTestBot } from '../../support/running-bot';
import { joinTeam, TEST_TEAM } from '../../support/test-team';

type Card = Record<string, unknown>;
type Reply = { type: string; attachments?: { content: Card }[]; value?: { status: number; body?: { value?: Card } } };

const TENANT = 'tenant-suggest';
const LEADER = { id: 'suggest-leader', name: 'Lea Leder' };
const CASEWORKER = { id: 'suggest-caseworker', name: 'Carl Sagsbehandler' };

const UNKNOWN_HELP = /^Hjælp\nDen kommando kender jeg ikke\./;

describe('a mistyped command over HTTP (real server, embedded SQLite, expectReplies): "Mente du …?" before the help card', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;

  const personal = (user = CASEWORKER): ActivityOptions => ({ user, tenantId: TENANT });
  /** The team's channel, where a click comes from the bot's card. */
  const channel = (user = CASEWORKER): ActivityOptions => ({
    user,
    tenantId: TENANT,
    conversationType: 'channel',
    conversationId: TEST_TEAM.id,
    teamId: TEST_TEAM.id,
  });
  /** The team's channel, where text reaches the bot only with an @mention. */
  const inChannel = (user = CASEWORKER): MessageOptions => ({ ...channel(user), mentionBot: true });

  async function replies(activity: Record<string, unknown>): Promise<Reply[]> {
    const { status, json } = await postActivity(bot.baseUrl, activity);
    assert.equal(status, 200, JSON.stringify(json));
    return (json as { activities: Reply[] }).activities;
  }
  /** The cards of the reply messages, in the order they were sent. */
  async function cards(activity: Record<string, unknown>): Promise<Card[]> {
    return (await replies(activity)).flatMap(
      (reply) => reply.attachments?.map((attachment) => attachment.content) ?? [],
    );
  }
  const say = (text: string, options: MessageOptions = personal()) => cards(messageActivity(text, options));
  const texts = (answer: Card[]) => answer.map(cardText).join('\n---\n');

  before(async () => {
    bot = await startTestBot();
    connector = await startFakeConnector();
    await joinTeam(bot.baseUrl, connector, LEADER, [CASEWORKER], { tenantId: TENANT });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  for (const [typed, keyword] of [
    ['stilling', 'stillinger'],
    ['stillnger', 'stillinger'],
    ['screnning', 'screening'],
    ['ugerapprt', 'ugerapport'],
    ['indstilinger', 'indstillinger'],
  ] as const) {
    it(`when "${typed}" is written, then "Mente du **${keyword}**?" comes first and then the help card, nothing else`, async () => {
      const answer = await say(typed);
      assert.equal(answer.length, 2, texts(answer));
      assert.equal(cardText(answer[0]).split('\n')[0], `Mente du **${keyword}**?`);
      assert.match(cardText(answer[1]), UNKNOWN_HELP);
    });
  }

  it('when "stilling" is written to the bot in a channel with an @mention, then the mention is stripped and the same two cards come, in order', async () => {
    const answer = await say('stilling', inChannel());
    assert.equal(answer.length, 2);
    assert.match(cardText(answer[0]), /^Mente du \*\*stillinger\*\*\?/);
    assert.match(cardText(answer[1]), UNKNOWN_HELP);
  });

  for (const typed of ['hej', 'tak', 'Hej botten, hvordan går det?']) {
    it(`when "${typed}" is written, then only the help card comes, without a suggestion`, async () => {
      const answer = await say(typed);
      assert.equal(answer.length, 1);
      assert.match(cardText(answer[0]), UNKNOWN_HELP);
    });
  }

  it('when a command is written in ASCII, in capitals, in a channel with an @mention, then it is that command', async () => {
    const [refusal] = await say('OPFOLGNING', inChannel());
    assert.match(cardText(refusal), /^Skriv det i din personlige chat med botten\n\*\*opfølgning\*\*/);
    const [help] = await say('Hjaelp', inChannel());
    assert.match(cardText(help), /^Hjælp\nSkriv en af kommandoerne/);
  });

  it('when the suggestion is clicked (Action.Execute or the Action.Submit fallback), then the answer is the one typing the command gives', async () => {
    const [suggestion] = await say('stilling');
    const data = actionData(suggestion, 'command.run');
    assert.deepEqual(data, { verb: 'command.run', command: 'stillinger' });
    const typed = await say('stillinger');
    assert.match(cardText(typed[0]), /stillinger/i);

    const submitted = await cards(cardSubmitActivity(data, personal()));
    assert.deepEqual(submitted, typed, 'Action.Submit: the same cards as typing "stillinger"');

    const executed = await replies(invokeActivity('command.run', { command: 'stillinger' }, personal()));
    const response = executed.find((reply) => reply.type === 'invokeResponse')?.value;
    assert.equal(response?.status, 200);
    assert.deepEqual(response?.body?.value, typed[0], 'Action.Execute: the first card replaces the suggestion');
  });

  it('when a leader-only command is suggested to a caseworker and clicked, then the usual refusal comes, as when typed', async () => {
    const [suggestion, help] = await say('overtag gamle dat');
    assert.match(cardText(suggestion), /^Mente du \*\*overtag gamle data\*\*\?/);
    assert.match(cardText(help), UNKNOWN_HELP);
    const typed = await say('overtag gamle data');
    assert.match(cardText(typed[0]), /^Kun for ledere/);
    const clicked = await cards(cardSubmitActivity(actionData(suggestion, 'command.run'), personal()));
    assert.deepEqual(clicked, typed);
    const executed = await replies(invokeActivity('command.run', { command: 'overtag gamle data' }, personal()));
    assert.match(
      cardText(executed.find((reply) => reply.type === 'invokeResponse')?.value?.body?.value),
      /^Kun for ledere/,
    );
  });

  it('when a personal-only command is suggested in a channel and clicked there, then it is refused there as when typed', async () => {
    const [suggestion] = await say('screnning', inChannel());
    const clicked = await cards(cardSubmitActivity(actionData(suggestion, 'command.run'), channel()));
    assert.match(cardText(clicked[0]), /^Skriv det i din personlige chat med botten\n\*\*screening\*\*/);
  });

  it('when a command.run click carries no text, or one no card of the bot would, then a Danish error card answers', async () => {
    for (const data of [
      { verb: 'command.run' },
      { verb: 'command.run', command: 42 },
      { verb: 'command.run', command: 'x'.repeat(500) },
    ]) {
      const [card] = await cards(cardSubmitActivity(data, personal()));
      assert.match(cardText(card), /^Kortet kunne ikke læses/, JSON.stringify(data).slice(0, 60));
    }
  });

  it('when a near miss carries a CPR number, then neither the suggestion nor the help card shows it', async () => {
    for (const cpr of CPR_VARIANTS) {
      const answer = await say(`vis screning ${cpr}`);
      assert.equal(answer.length, 2, cpr);
      assert.match(cardText(answer[0]), /^Mente du \*\*vis screening\*\*\?/);
      assert.equal(leakedCpr(JSON.stringify(answer), [cpr]), undefined, cpr);
    }
  });
});
