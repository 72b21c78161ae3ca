/**
 * "Jeg har en kandidat" and the consultant's answer, over HTTP against the real bot: the caseworker offers a
 * candidate from the board, the consultant gets a notice card in their personal chat with a field to answer,
 * and "Send svar" sends the caseworker a card in theirs while the notice is updated in place. Every refusal
 * (empty, a CPR number, too long, not one's opening, someone outside the team, no personal chat) names what
 * is wrong, sends nothing and keeps what may be kept of the typed answer.
 */
import assert from 'node:assert/strict';
import { cardSubmitActivity, invokeActivity, messageActivity, type ActivityOptions } from '../../support/activities';
import { cardFullText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { startFakeConnector, type ConnectorPost, type FakeConnector } from '../../support/fake-connector';
import { openingRegistration } from '../../support/opening-registration';
import { postActivity, replyCardsOf, startTestBot } from '../../support/running-bot';
import { joinTeam, TEST_TEAM } from '../../support/test-team';

type Card = Record<string, unknown>;

describe('a consultant answers the caseworker who offered a candidate (real server, embedded SQLite)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  const TENANT = 'tenant-answer';
  const OWNER = { id: 'lone-1', name: 'Lone Leder' };
  const VERA = { id: 'vk-1', name: 'Vera Konsulent' };
  const KARL = { id: 'vk-2', name: 'Karl Konsulent' };
  const SARA = { id: 'cw-1', name: 'Sara Sagsbehandler' };
  const KIM = { id: 'cw-2', name: 'Kim Sagsbehandler' };
  const seen: Card[] = [];

  const personal = (user: { id: string; name: string }): ActivityOptions => ({
    user,
    tenantId: TENANT,
    serviceUrl: connector.url,
  });
  const inChannel = (user: { id: string; name: string }): ActivityOptions => ({
    user,
    tenantId: TENANT,
    conversationType: 'channel',
    conversationId: TEST_TEAM.id,
    teamId: TEST_TEAM.id,
    serviceUrl: connector.url,
  });

  async function cards(activity: Record<string, unknown>): Promise<Card[]> {
    const answer = await replyCardsOf(bot.baseUrl, activity);
    seen.push(...answer);
    return answer;
  }
  /** An Action.Execute click: the card the invoke answers with (it replaces the clicked card). */
  async function execute(verb: string, data: Record<string, unknown>, as: ActivityOptions): Promise<Card> {
    const { status, json } = await postActivity(bot.baseUrl, invokeActivity(verb, data, as));
    assert.equal(status, 200);
    const body = (
      json as { activities: { type: string; value?: { body?: { type: string; value: unknown } } }[] }
    ).activities.find((activity) => activity.type === 'invokeResponse')?.value?.body;
    assert.equal(body?.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(body));
    const card = body?.value as Card;
    seen.push(card);
    return card;
  }
  /** What the bot sent through the connector (proactively) while `act` ran, with each message's card. */
  async function sentDuring(act: () => Promise<unknown>): Promise<{ path: string; text: unknown; card: Card }[]> {
    const before = connector.posts.length;
    await act();
    return connector.posts.slice(before).map((post: ConnectorPost) => {
      const card = (post.body.attachments as { content: Card }[] | undefined)?.[0]?.content ?? {};
      seen.push(card);
      return { path: decodeURIComponent(post.path), text: post.body.text, card };
    });
  }

  let notice: Card | undefined;
  /** The notice's "Send svar" data with an answer typed. */
  const answering = (answer: string, card = notice) => ({ ...actionData(card, 'opening.candidateAnswer'), answer });

  before(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot();
    await joinTeam(bot.baseUrl, connector, OWNER, [VERA, KARL, SARA, KIM], { tenantId: TENANT });
    // Vera registers an opening from her personal chat (so the bot can write to her there); Sara and Karl
    // have written to the bot in theirs; Kim never has.
    await cards(cardSubmitActivity(openingRegistration('Svar A/S', { jobFunction: 'Smed' }), personal(VERA)));
    await cards(messageActivity('hjælp', personal(SARA)));
    await cards(messageActivity('hjælp', personal(KARL)));
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('when a caseworker clicks "Jeg har en kandidat", then the consultant gets a notice card with a field to answer her', async () => {
    const [board] = await cards(messageActivity('stillinger', personal(SARA)));
    const offer = actionData(board, 'opening.candidate');
    assert.ok(offer !== undefined);
    const { verb, ...data } = offer;
    const sent = await sentDuring(() => postActivity(bot.baseUrl, invokeActivity(String(verb), data, personal(SARA))));
    assert.equal(sent.length, 1);
    assert.match(sent[0]?.path ?? '', /a:vk-1/);
    notice = sent[0]?.card;
    const text = cardFullText(notice);
    assert.match(text, /^Kandidat til din stilling\nSara Sagsbehandler har en kandidat til Svar A\/S \(Smed\)\./);
    assert.match(text, /Svar Sara Sagsbehandler her: svaret sendes til Sara Sagsbehandler i en personlig chat/);
    assert.deepEqual(
      cardInputs(notice).map((input) => [input.id, input.node.label]),
      [['answer', 'Svar til Sara Sagsbehandler']],
    );
    assert.deepEqual(Object.keys(actionData(notice, 'opening.candidateAnswer') ?? {}).sort(), [
      'caseworkerId',
      'openingId',
      'verb',
    ]);
  });

  it('when the answer is empty, then the notice comes back naming the field, and nothing is sent (Action.Submit too)', async () => {
    const sent = await sentDuring(async () => {
      const card = await execute('opening.candidateAnswer', answering('   '), personal(VERA));
      assert.match(cardFullText(card), /Svar til Sara Sagsbehandler: skriv dit svar, før du sender\./);
      assert.ok(actionData(card, 'opening.candidateAnswer') !== undefined, 'the field and button are still there');
      const [submitted] = await cards(cardSubmitActivity(answering(''), personal(VERA)));
      assert.match(cardFullText(submitted), /Svar til Sara Sagsbehandler: skriv dit svar, før du sender\./);
    });
    assert.deepEqual(sent, []);
  });

  it('when the answer holds a CPR number, then it is refused by the field and the field comes back blank, nothing sent', async () => {
    const sent = await sentDuring(async () => {
      const card = await execute(
        'opening.candidateAnswer',
        answering('Borgeren har cpr 010190-1234, ring til mig'),
        personal(VERA),
      );
      const text = cardFullText(card);
      assert.match(text, /Svar til Sara Sagsbehandler: teksten ligner et CPR-nummer/);
      assert.doesNotMatch(JSON.stringify(card), /010190/);
      assert.equal(cardInputs(card)[0]?.node.value, undefined);
    });
    assert.deepEqual(sent, []);
  });

  it('when the answer is too long, then it is refused with its length and kept in the field, nothing sent', async () => {
    const long = 'Ring til mig. '.repeat(80).trim();
    const sent = await sentDuring(async () => {
      const card = await execute('opening.candidateAnswer', answering(long), personal(VERA));
      assert.match(cardFullText(card), /Svar til Sara Sagsbehandler: højst 1\.000 tegn – dit svar har 1\.119\./);
      assert.equal(cardInputs(card)[0]?.node.value, long);
    });
    assert.deepEqual(sent, []);
  });

  it('when someone else than the consultant, or an answer to someone outside the team, is sent, then it is refused and nothing is sent', async () => {
    const sent = await sentDuring(async () => {
      const karl = await execute('opening.candidateAnswer', answering('Jeg tager den'), personal(KARL));
      assert.match(cardFullText(karl), /^Ikke din stilling\nKun den konsulent, der registrerede stillingen/);
      const stranger = await execute(
        'opening.candidateAnswer',
        { ...answering('Hej'), caseworkerId: 'outsider-9' },
        personal(VERA),
      );
      assert.match(
        cardFullText(stranger),
        /^Svaret er ikke sendt\nDen kollega, der tilbød kandidaten, er ikke længere/,
      );
      const gone = await execute(
        'opening.candidateAnswer',
        { ...answering('Hej'), openingId: 'no-such-opening' },
        personal(VERA),
      );
      assert.match(cardFullText(gone), /^Stillingen findes ikke længere/);
    });
    assert.deepEqual(sent, []);
  });

  it('when Teams does not take the answer now, then the consultant is told to try again and keeps the answer', async () => {
    // A status neither the connector client nor the bot retries.
    connector.upcoming.push(400);
    const card = await execute('opening.candidateAnswer', answering('Ring til mig'), personal(VERA));
    assert.match(cardFullText(card), /Svaret kunne ikke sendes lige nu\. Dit svar står herunder – prøv igen om lidt\./);
    assert.equal(cardInputs(card)[0]?.node.value, 'Ring til mig');
    assert.ok(actionData(card, 'opening.candidateAnswer') !== undefined);
  });

  it('when the consultant sends an answer, then the caseworker gets it in her personal chat and the notice shows it was sent', async () => {
    const answer = 'Tak! Ring til mig i morgen kl. 10,\nså aftaler vi en samtale med virksomheden.';
    let updated: Card | undefined;
    const sent = await sentDuring(async () => {
      updated = await execute('opening.candidateAnswer', answering(`  ${answer}  `), personal(VERA));
    });
    assert.equal(sent.length, 1);
    assert.match(sent[0]?.path ?? '', /a:cw-1/);
    const received = cardFullText(sent[0]?.card);
    assert.match(received, /^Svar om din kandidat\nVera Konsulent har svaret om din kandidat til Svar A\/S \(Smed\):/);
    assert.ok(received.includes(answer), received);
    assert.match(received, /Virksomhed\nSvar A\/S/);
    assert.match(received, /Skriv til Vera Konsulent i en chat i Teams/);
    // The notice is updated in place: the answer shown as sent, no field or button left to send it twice.
    const text = cardFullText(updated);
    assert.match(text, /^Kandidat til din stilling\nSara Sagsbehandler har en kandidat til Svar A\/S/);
    assert.ok(text.includes(`Svar sendt til Sara Sagsbehandler:\n${answer}`), text);
    assert.deepEqual(cardInputs(updated), []);
    assert.equal(actionData(updated, 'opening.candidateAnswer'), undefined);
  });

  it('when the caseworker has no personal chat with the bot, then nothing is sent and the consultant keeps the answer with a hint', async () => {
    // Kim offers from the team's channel, having never written to the bot in a personal chat.
    const [board] = await cards(messageActivity('stillinger', { ...inChannel(KIM) }));
    const offer = actionData(board, 'opening.candidate');
    assert.ok(offer !== undefined);
    const { verb, ...data } = offer;
    const [kimsNotice] = (
      await sentDuring(() => postActivity(bot.baseUrl, invokeActivity(String(verb), data, inChannel(KIM))))
    ).map((post) => post.card);
    assert.match(cardFullText(kimsNotice), /Kim Sagsbehandler har en kandidat til Svar A\/S/);
    const sent = await sentDuring(async () => {
      const card = await execute('opening.candidateAnswer', answering('Ring til mig', kimsNotice), personal(VERA));
      assert.match(
        cardFullText(card),
        /Svaret er ikke sendt: Kim Sagsbehandler har ingen personlig chat med botten\. Skriv til Kim Sagsbehandler i en chat i Teams/,
      );
      assert.equal(cardInputs(card)[0]?.node.value, 'Ring til mig');
    });
    assert.deepEqual(sent, []);
  });

  it('when every card of the exchange is validated, then none has a problem', () => {
    assert.ok(seen.length >= 10);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardFullText(card).slice(0, 60));
  });
});
