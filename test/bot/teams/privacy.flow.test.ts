import assert from 'node:assert/strict';
import { cardSubmitActivity, invokeActivity, messageActivity, type ActivityOptions } from '../../support/activities';
import { cardFullText, cardText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { postActivity, startTestBot } from '../../support/running-bot';
import { joinTeams } from '../../support/test-team';
import { completeScreening } from '../../support/screening-completion';
import { CARD_ANSWERS } from '../../support/screening-answers';

type Card = Record<string, unknown>;

const TENANT = 'tenant-privacy';
/** Team X: its owner installed the bot, so leads it; the caseworkers are its members. */
const TEAM_X = {
  id: '19:privacy-x@thread.tacv2',
  leader: 'leader-x',
  members: ['cw-x1', 'cw-x2', 'cw-x3'],
} as const;
/** Team Y, another team of the same municipality. */
const TEAM_Y = { id: '19:privacy-y@thread.tacv2', leader: 'leader-y', members: ['cw-y'] } as const;

describe('data protection over HTTP (real server, embedded SQLite, expectReplies)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  let now = new Date('2026-02-03T09:00:00Z');
  const seen: Card[] = [];

  const as = (userId: string): ActivityOptions => ({ user: { id: userId }, tenantId: TENANT });

  /** Posts an activity and answers with the first card of the reply. */
  async function send(activity: Record<string, unknown>): Promise<Card> {
    const { status, json } = await postActivity(bot.baseUrl, activity);
    assert.equal(status, 200);
    const { activities } = json as { activities: { attachments?: { content: Card }[] }[] };
    const card = activities[0]?.attachments?.[0]?.content;
    assert.ok(card !== undefined, `no card in reply: ${JSON.stringify(activities)}`);
    seen.push(card);
    return card;
  }
  const text = (value: string, userId: string) => send(messageActivity(value, as(userId)));
  const submit = (value: Record<string, unknown>, userId: string) => send(cardSubmitActivity(value, as(userId)));
  /** `userId` clicks through a whole screening and accepts the recommendation. */
  const screen = (reference: string, userId: string) =>
    completeScreening((body) => ('text' in body ? text(body.text, userId) : submit(body.value, userId)), reference);
  /** An Action.Execute click: the card comes back in the invoke response, to replace the clicked one. */
  async function execute(data: Record<string, unknown> | undefined, userId: string): Promise<Card> {
    assert.ok(data !== undefined && typeof data.verb === 'string', 'the card has the button');
    const { status, json } = await postActivity(bot.baseUrl, invokeActivity(data.verb, data, as(userId)));
    assert.equal(status, 200);
    const { activities } = json as { activities: { type: string; value?: { body: { value: Card } } }[] };
    const card = activities.find((activity) => activity.type === 'invokeResponse')?.value?.body.value;
    assert.ok(card !== undefined, `no card in the invoke response: ${JSON.stringify(activities)}`);
    seen.push(card);
    return card;
  }
  /** The data of the confirmation card's buttons. */
  const buttons = (card: Card) => {
    const actions = (card.actions ?? []) as { title: string; data: Record<string, unknown> }[];
    return Object.fromEntries(actions.map((action) => [action.title, action.data]));
  };
  /** Every card of the reply, as the text a person reads. */
  async function allText(value: string, userId: string): Promise<string> {
    const { json } = await postActivity(bot.baseUrl, messageActivity(value, as(userId)));
    const { activities } = json as { activities: { attachments?: { content: Card }[] }[] };
    const cards = activities.flatMap((activity) => activity.attachments?.map((attachment) => attachment.content) ?? []);
    seen.push(...cards);
    return cards.map(cardFullText).join('\n');
  }
  /** `userId` screens a citizen and overrides the recommendation with a reason in free text. */
  async function screenAndOverride(reference: string, userId: string, reasonText: string): Promise<void> {
    let card = await text('screening', userId);
    card = await submit({ ...actionData(card, 'screening.start'), caseReference: reference }, userId);
    for (let section = 1; section <= 5; section += 1) {
      const values: Record<string, unknown> = { ...actionData(card, 'screening.section') };
      for (const input of cardInputs(card)) values[input.id] = CARD_ANSWERS[input.id];
      card = await submit(values, userId);
    }
    const override = { ...actionData(card, 'screening.override'), finalTrack: 'catch-all', reasonCode: 'andet' };
    assert.match(cardText(await submit({ ...override, reasonText }, userId)), /Screening gemt/);
  }
  /** The table rows of the audit trail card: "time | who | what". */
  const trailRows = (card: Card) =>
    cardText(card)
      .split('\n')
      .slice(cardText(card).split('\n').indexOf('Hvad') + 1, -1)
      .reduce<string[][]>((rows, cell, index) => {
        if (index % 3 === 0) rows.push([]);
        rows.at(-1)?.push(cell);
        return rows;
      }, [])
      .map((row) => row.join(' | '));

  before(async () => {
    bot = await startTestBot({}, { clock: { now: () => now } });
    connector = await startFakeConnector();
    await joinTeams(bot.baseUrl, connector, TENANT, [TEAM_X, TEAM_Y]);
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });
  beforeEach(() => {
    now = new Date('2026-02-03T09:00:00Z');
  });

  it('when a leader saves a retention of 366 or 6 days, then it is refused in Danish and nothing is saved; 365 is saved', async () => {
    const form = await text('indstillinger', TEAM_X.leader);
    const field = cardInputs(form).find((input) => input.id === 'retentionDays')?.node;
    assert.deepEqual([field?.min, field?.max], [7, 365]);
    for (const retentionDays of ['366', '6']) {
      const refused = await submit({ ...actionData(form, 'settings.save'), retentionDays }, TEAM_X.leader);
      assert.match(cardText(refused), /Opbevaring af svar \(dage\) skal være et helt tal mellem 7 og 365\./);
      assert.match(cardFullText(refused), /Opbevaring af svar\n90 dage/, 'the stored retention is unchanged');
    }
    const saved = await submit({ ...actionData(form, 'settings.save'), retentionDays: '365' }, TEAM_X.leader);
    assert.match(cardText(saved), /Gemt som version 2/);
    assert.match(cardFullText(saved), /Opbevaring af svar\n365 dage/);
    const back = await submit({ ...actionData(saved, 'settings.save'), retentionDays: '90' }, TEAM_X.leader);
    assert.match(cardText(back), /Gemt som version 3/);
  });

  it('when a leader writes revisionsspor, then the trail shows who created, changed and read the screening, when (Copenhagen) and what, in Danish', async () => {
    await screen('J-AUDIT-1', 'cw-x1');
    now = new Date('2026-07-01T12:30:00Z'); // summer time: 14.30 in Copenhagen
    assert.match(cardText(await text('vis screening J-AUDIT-1', TEAM_X.leader)), /Screening J-AUDIT-1\n/);
    const trail = await text('revisionsspor j-audit-1', TEAM_X.leader);
    assert.match(cardText(trail), /^Sagsreference j-audit-1 · 8 hændelser\nRevisionsspor\n/);
    assert.deepEqual(trailRows(trail), [
      '3. feb. 2026 kl. 10.00 | cw-x1 | Screeningen er oprettet',
      ...Array.from({ length: 4 }, () => '3. feb. 2026 kl. 10.00 | cw-x1 | Et afsnit er besvaret'),
      '3. feb. 2026 kl. 10.00 | cw-x1 | Sidste afsnit er besvaret, og anbefalingen er beregnet',
      '3. feb. 2026 kl. 10.00 | cw-x1 | Anbefalingen er accepteret',
      '1. jul. 2026 kl. 14.30 | leader-x | Vist for en leder (vis screening)',
    ]);
  });

  it("when a caseworker, another team's leader or a channel asks for the trail, then nothing of it is shown", async () => {
    await screen('J-AUDIT-2', 'cw-x2');
    assert.match(
      cardText(await text('revisionsspor J-AUDIT-2', 'cw-x2')),
      /^Kun for ledere\nKun teamets ledere kan læse revisionssporet\.$/,
    );
    const foreign = await text('revisionsspor J-AUDIT-2', TEAM_Y.leader);
    const nowhere = await text('revisionsspor J-NOWHERE-9', TEAM_Y.leader);
    assert.deepEqual(foreign, nowhere, "team X's reference reads exactly as one nobody used");
    assert.match(
      cardText(foreign),
      /^Ingen hændelser\nRevisionssporet har ingen hændelser med den sagsreference i teamet\.$/,
    );
    const inChannel = await send(
      messageActivity('revisionsspor J-AUDIT-2', {
        ...as(TEAM_X.leader),
        conversationType: 'channel',
        conversationId: TEAM_X.id,
        teamId: TEAM_X.id,
        mentionBot: true,
      }),
    );
    assert.match(cardText(inChannel), /\*\*revisionsspor\*\* viser oplysninger om en borger/);
    assert.doesNotMatch(JSON.stringify(inChannel), /J-AUDIT-2|cw-x2/);
  });

  it('when the retention period has passed, then only the statistics remain: no reference to find, follow-ups by date, the same weekly report, the trail kept', async () => {
    await screenAndOverride('J-RET-1', 'cw-x3', 'Borgeren flytter til Aarhus');
    const reportBefore = await allText('ugerapport uge 6 2026', TEAM_X.leader);
    assert.match(
      reportBefore,
      // The facts, then the tracks (a donut; its fallback's text) and the intensive share (a gauge; its fallback's text).
      /Screeninger i ugen\n3\nFravigelser\n33 % \(1 af 3\)\nHyppigste årsager\nAndet \(1\)\n(?:Ugens screeninger pr\. spor\n)+Spor: Tidlig indsats for hele målgruppen 1 · Tidlig, intensiv indsats 2\nIntensiv andel mod loftet\nIntensiv andel \(90 dage\): 67 % \(2 af 3\)/,
    );
    now = new Date('2026-05-14T08:00:00Z'); // 100 days later; the team keeps answers 90 days
    assert.ok((await bot.runRetention()) >= 1);

    const shown = await text('vis screening J-RET-1', TEAM_X.leader);
    assert.match(cardText(shown), /Teamet har ingen screening med den sagsreference/);
    const followUps = await allText('opfølgning', 'cw-x3');
    assert.match(
      followUps,
      /Screeningen 3\. feb\. 2026 · 13 uger efter screeningen\nScreenet 3\. feb\. 2026 · Tidlig indsats for hele målgruppen/,
    );
    assert.doesNotMatch(followUps, /J-RET-1/);
    // Only the date the open openings are counted at moves with the clock.
    const statistics = (report: string) => report.replace(/Åbne pr\. [^\n]+/u, '');
    assert.equal(
      statistics(await allText('ugerapport uge 6 2026', TEAM_X.leader)),
      statistics(reportBefore),
      'the statistics are as before',
    );

    const trail = await text('revisionsspor J-RET-1', TEAM_X.leader);
    assert.match(
      trailRows(trail).at(-1) ?? '',
      /^14\. maj 2026 kl\. 10\.00 \| Botten \(automatisk\) \| Opbevaringsperioden er udløbet: svar, begrundelser, fritekst og sagsreference er slettet/,
    );
    assert.doesNotMatch(JSON.stringify(trail), /Aarhus/);
  });

  it('when a leader writes slet screening, then a card names the screening, "Fortryd" keeps it and "Slet" erases it once', async () => {
    await screen('J-DEL-1', 'cw-x2');
    const confirmation = await text('slet screening J-DEL-1', TEAM_X.leader);
    assert.match(
      cardFullText(confirmation),
      /^Slet screeningen\?\n.*\nSagsreference\nJ-DEL-1\nStartet\nden 3\. feb\. 2026\nStatus\nAfgjort 3\. feb\. 2026: Tidlig, intensiv indsats\n/,
    );
    assert.deepEqual(Object.keys(buttons(confirmation)), ['Slet', 'Fortryd']);
    assert.match(
      cardText(await text('vis screening J-DEL-1', TEAM_X.leader)),
      /Screening J-DEL-1\n/,
      'asking erased nothing',
    );

    const cancelled = await execute(buttons(confirmation).Fortryd, TEAM_X.leader);
    assert.match(cardText(cancelled), /^Intet slettet\nSletningen er fortrudt\. Screeningen er uændret\.$/);
    assert.match(cardText(await text('vis screening J-DEL-1', TEAM_X.leader)), /Screening J-DEL-1\n/);

    const erased = await execute(buttons(confirmation).Slet, TEAM_X.leader);
    assert.match(
      cardText(erased),
      /^Screening slettet\nScreeningen er slettet permanent, sammen med dens opfølgninger/,
    );
    assert.match(
      cardText(await text('vis screening J-DEL-1', TEAM_X.leader)),
      /Teamet har ingen screening med den sagsreference/,
    );
    const again = await execute(buttons(confirmation).Slet, TEAM_X.leader);
    assert.match(cardText(again), /^Allerede slettet\nScreeningen er allerede slettet, så intet er slettet igen/);

    const trail = trailRows(await text('revisionsspor J-DEL-1', TEAM_X.leader));
    assert.deepEqual(
      trail.slice(-4).map((row) => row.split(' | ').slice(1).join(' | ')),
      [
        'leader-x | Vist for en leder før sletning (slet screening)',
        'leader-x | Vist for en leder (vis screening)',
        'leader-x | Vist for en leder (vis screening)',
        'leader-x | Slettet på anmodning',
      ],
      'asking and cancelling changed nothing; the erasure is kept, once',
    );
    assert.equal(trail.filter((row) => row.endsWith('| Slettet på anmodning')).length, 1, 'erased once');
    assert.match(trail.at(-1) ?? '', /^3\. feb\. 2026 kl\. 10\.00 \| leader-x \| Slettet på anmodning$/);
  });

  it('when the screening changes after the confirmation was shown, then "Slet" erases nothing and shows it as it is now', async () => {
    let card = await text('screening', 'cw-x1');
    card = await submit({ ...actionData(card, 'screening.start'), caseReference: 'J-DEL-2' }, 'cw-x1');
    const confirmation = await text('slet screening J-DEL-2', TEAM_X.leader);
    assert.match(cardFullText(confirmation), /Status\nI gang – ikke alle afsnit er besvaret/);
    const values: Record<string, unknown> = { ...actionData(card, 'screening.section') };
    for (const input of cardInputs(card)) values[input.id] = CARD_ANSWERS[input.id];
    assert.match(cardText(await submit(values, 'cw-x1')), /Afsnit 2 af 5/);

    const stale = await execute(buttons(confirmation).Slet, TEAM_X.leader);
    assert.match(
      cardText(stale),
      /^Slet screeningen\?\nScreeningen er ændret, siden kortet blev vist, så intet er slettet/,
    );
    assert.match(cardText(await text('screening', 'cw-x1')), /Sagsreference J-DEL-2, .*afsnit 2 af 5/, 'still there');
    assert.match(cardText(await execute(buttons(stale).Slet, TEAM_X.leader)), /^Screening slettet/);
  });

  it('when a caseworker or another team\'s leader asks to erase or clicks "Slet", then they get today\'s answers and nothing is erased', async () => {
    await screen('J-DEL-3', 'cw-x2');
    const confirmation = await text('slet screening J-DEL-3', TEAM_X.leader);
    const slet = buttons(confirmation).Slet;
    for (const attempt of [await text('slet screening J-DEL-3', 'cw-x2'), await execute(slet, 'cw-x2')]) {
      assert.match(cardText(attempt), /^Kun for ledere\nKun teamets ledere kan slette en screening\.$/);
    }
    const foreign = await text('slet screening J-DEL-3', TEAM_Y.leader);
    const nowhere = await text('slet screening J-NOWHERE-3', TEAM_Y.leader);
    assert.deepEqual(foreign, nowhere);
    assert.match(cardText(foreign), /^Intet slettet\nTeamet har ingen screening med den sagsreference\.$/);
    assert.match(
      cardText(await execute(slet, TEAM_Y.leader)),
      /^Intet slettet\nTeamet har ingen screening, som kortet hører til/,
    );
    assert.match(cardText(await text('vis screening J-DEL-3', TEAM_X.leader)), /Screening J-DEL-3\n/, 'still there');
  });

  it('when every card of the flow is validated, then none has a problem', () => {
    assert.ok(seen.length > 0);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardText(card).slice(0, 80));
  });
});
