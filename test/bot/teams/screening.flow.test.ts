import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../../bot/app';
import { loadConfig } from '../../../bot/config/app-config';
import { createLogger } from '../../../bot/logging/logger';
import { cardSubmitActivity, invokeActivity, messageActivity, type ActivityOptions } from '../../support/activities';
import { cardFullText, cardText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { postActivity, startTestBot } from '../../support/running-bot';
import { CARD_ANSWERS } from '../../support/screening-answers';
import { joinTeam, joinTeams, TEST_TEAM } from '../../support/test-team';

type Card = Record<string, unknown>;

const ANSWERS = CARD_ANSWERS;

/** The tenant of the flow: one municipality with two job-centre teams. */
const TENANT = 'tenant-flow';
/** Team X (the test team): its owner installed the bot, so leads it; the caseworkers are its members. */
const TEAM_X = {
  id: TEST_TEAM.id,
  leader: 'leader-view',
  members: ['cw-1', 'cw-other', 'cw-comma', 'cw-2', 'cw-3', 'cw-4', 'cw-5', 'cw-labels', 'cw-record', 'cw-dup'],
} as const;
/** Team Y, another team of the same tenant, with its own owner and caseworker. */
const TEAM_Y = { id: '19:team-y-flow@thread.tacv2', leader: 'leader-y', members: ['cw-y'] } as const;

describe('screening flow over HTTP (real server, embedded SQLite, expectReplies)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  const seen: Card[] = [];

  /** Caseworker `userId` in their personal chat. */
  const as = (userId: string): ActivityOptions => ({ user: { id: userId }, tenantId: TENANT });

  /** Posts an activity and answers with the first card of the reply. */
  async function send(activity: Record<string, unknown>): Promise<Card> {
    const { status, json } = await postActivity(bot.baseUrl, activity);
    assert.equal(status, 200);
    const { activities } = json as { activities: { attachments?: { content: Card }[]; text?: string }[] };
    const card = activities[0]?.attachments?.[0]?.content;
    assert.ok(card !== undefined, `no card in reply: ${JSON.stringify(activities)}`);
    seen.push(card);
    return card;
  }

  const text = (value: string, userId = 'cw-1') => send(messageActivity(value, as(userId)));
  const submit = (value: Record<string, unknown>, userId = 'cw-1') => send(cardSubmitActivity(value, as(userId)));
  /** An Action.Execute click: the card comes back in the invoke response, to replace the clicked one. */
  async function execute(verb: string, data: Record<string, unknown>, userId = 'cw-1'): Promise<Card> {
    const { status, json } = await postActivity(bot.baseUrl, invokeActivity(verb, data, as(userId)));
    assert.equal(status, 200);
    const { activities } = json as {
      activities: { type: string; value?: { status: number; body: { type: string; value: Card } } }[];
    };
    const invokeResponse = activities.find((activity) => activity.type === 'invokeResponse')?.value;
    assert.equal(invokeResponse?.status, 200);
    assert.equal(invokeResponse?.body.type, 'application/vnd.microsoft.card.adaptive');
    const card = invokeResponse?.body.value;
    assert.ok(card !== undefined, `no card in the invoke response: ${JSON.stringify(activities)}`);
    seen.push(card);
    return card;
  }

  /** Fills a section card the way the client would: its action data plus the answers for its inputs. */
  function filled(card: Card, overrides: Record<string, string> = {}): Record<string, unknown> {
    const data = actionData(card, 'screening.section');
    assert.ok(data !== undefined, 'section card has a screening.section action');
    const values: Record<string, unknown> = { ...data };
    for (const input of cardInputs(card)) {
      const answer = overrides[input.id] ?? ANSWERS[input.id];
      assert.ok(answer !== undefined, `no test answer for question ${input.id}`);
      values[input.id] = answer;
    }
    return values;
  }

  before(async () => {
    bot = await startTestBot();
    connector = await startFakeConnector();
    await joinTeams(bot.baseUrl, connector, TENANT, [TEAM_X, TEAM_Y]);
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('when a caseworker completes a screening, then every step behaves as specified and the result explains itself', async () => {
    const start = await text('screening');
    assert.match(cardText(start), /Ny screening/);

    const refused = await submit({ ...actionData(start, 'screening.start'), caseReference: '010190-1234' });
    assert.match(cardText(refused), /ligner et CPR-nummer/);
    assert.ok(
      !JSON.stringify(refused).includes('1234'),
      'the CPR-shaped reference is neither echoed nor kept in the form',
    );

    let card = await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-2026-1' });
    assert.match(cardText(card), /Afsnit 1 af 5/);

    const wrong = await submit(filled(card, { age: 'abc' }));
    assert.match(cardText(wrong), /Alder skal være et helt tal mellem 16 og 80/);
    const benefit = cardInputs(wrong).find((input) => input.id === 'benefit');
    assert.equal(benefit?.node.value, 'dagpenge', 'what was typed is kept');

    const sectionCards: Card[] = [];
    for (let section = 1; section <= 5; section += 1) {
      assert.match(cardText(card), new RegExp(`Afsnit ${section} af 5`));
      sectionCards.push(card);
      card = await submit(filled(card));
    }
    const result = card;
    const resultText = cardText(result);
    assert.match(resultText, /Anbefalet indsats\nTidlig, intensiv indsats\n/);
    assert.match(resultText, /Begrundelse\n- Risikoen for langtidsledighed er høj, med en risikoscore på 5\.\n/);
    assert.match(resultText, /Afgør alderen anbefalingen\?\n(Ja|Nej)\. /);
    assert.match(resultText, /Intensiv andel de seneste 90 dage: 100 % \(1 af 1\)/);
    assert.match(resultText, /Regelsæt \S+ · teamindstillinger version 1/);
    assert.match(resultText, /alder/i);

    const again = await submit(filled(sectionCards[4] as Card));
    assert.match(cardText(again), /Allerede gemt\n.*intet blev ændret/s);
    const stale = await submit(filled(sectionCards[0] as Card));
    assert.match(cardText(stale), /Allerede gemt/);

    const noReason = await submit({
      ...actionData(result, 'screening.override'),
      finalTrack: 'doedvaegt',
      reasonCode: '',
      reasonText: '',
    });
    assert.match(cardText(noReason), /Årsag: vælg en årsag/);
    assert.match(cardText(noReason), /Begrundelse: skriv en kort begrundelse/);
    const sameTrack = await submit({
      ...actionData(result, 'screening.override'),
      finalTrack: 'selektion',
      reasonCode: 'andet',
      reasonText: 'fordi',
    });
    assert.match(cardText(sameTrack), /vælg et andet spor end det anbefalede/);

    const decided = await submit({
      ...actionData(result, 'screening.override'),
      finalTrack: 'doedvaegt',
      reasonCode: 'faglig_vurdering',
      reasonText: 'Har selv aftale om job fra næste måned',
    });
    const decidedText = cardText(decided);
    assert.match(decidedText, /Screening gemt/);
    assert.match(JSON.stringify(decided), /Anbefalingen er fraveget/);
    assert.match(JSON.stringify(decided), /Faglig vurdering/);
    assert.match(decidedText, /Intensiv andel de seneste 90 dage: 0 % \(0 af 1\)/);

    const decideAgain = await submit({ ...actionData(result, 'screening.accept') });
    assert.match(cardText(decideAgain), /allerede afgjort/);

    const own = await text('vis screening J-2026-1');
    assert.match(cardText(own), /Screening J-2026-1\n/);
    const other = await text('vis screening J-2026-1', 'cw-other');
    assert.match(cardText(other), /en anden sagsbehandlers/);
    // Nobody becomes leader by opening the settings: a caseworker may only read them; the team's owner leads.
    const notLeader = await text('indstillinger', 'cw-other');
    assert.match(cardText(notLeader), /Kun teamets ledere kan ændre indstillingerne/);
    assert.equal(actionData(notLeader, 'settings.save'), undefined, 'a caseworker gets no form to save');
    assert.doesNotMatch(cardText(notLeader), /registreret som leder/);
    const stillNoLeader = await text('vis screening J-2026-1', 'cw-other');
    assert.match(cardText(stillNoLeader), /en anden sagsbehandlers/, 'opening the settings made no leader');
    const owner = await text('indstillinger', 'leader-view');
    assert.match(cardText(owner), /Ret indstillingerne/);
    assert.doesNotMatch(cardText(owner), /Kun teamets ledere/);
    const asLeader = await text('vis screening J-2026-1', 'leader-view');
    assert.match(cardText(asLeader), /Screening J-2026-1\n/);
  });

  it("when a caseworker of another team asks for this team's screening, then the answer is the one for a reference that exists nowhere", async () => {
    const start = await text('screening', 'cw-1');
    let card = await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-TEAM-X' }, 'cw-1');
    for (let section = 1; section <= 5; section += 1) card = await submit(filled(card), 'cw-1');
    assert.match(cardText(await submit({ ...actionData(card, 'screening.accept') }, 'cw-1')), /Screening gemt/);
    assert.match(cardText(await text('vis screening J-TEAM-X', 'cw-1')), /Screening J-TEAM-X\n/);

    for (const userId of ['cw-y', 'leader-y']) {
      const foreign = await text('vis screening J-TEAM-X', userId);
      const nowhere = await text('vis screening J-NOWHERE-1', userId);
      assert.equal(cardText(foreign), cardText(nowhere), `${userId}: team X's reference is answered as unknown`);
      assert.deepEqual(foreign, nowhere, `${userId}: the very same card`);
      assert.match(cardText(foreign), /Teamet har ingen screening med den sagsreference/);
      assert.doesNotMatch(JSON.stringify(foreign), /J-TEAM-X|anden sagsbehandlers/);
    }
  });

  it("when another team's owner erases this team's screening by its reference, then it is answered as not found and the screening stays", async () => {
    const start = await text('screening', 'cw-1');
    await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-KEEP-X' }, 'cw-1');
    const foreign = await text('slet screening J-KEEP-X', 'leader-y');
    const nowhere = await text('slet screening J-NOWHERE-2', 'leader-y');
    assert.equal(cardText(foreign), cardText(nowhere), "team X's reference is answered as unknown");
    assert.deepEqual(foreign, nowhere, 'the very same card');
    assert.match(cardText(foreign), /Intet slettet\nTeamet har ingen screening med den sagsreference/);
    assert.match(cardText(await text('vis screening J-KEEP-X', 'leader-view')), /Screening J-KEEP-X er i gang/);
    const resumed = await text('screening', 'cw-1');
    assert.match(cardText(resumed), /Du har en påbegyndt screening\nSagsreference J-KEEP-X/, 'still there to resume');
  });

  it('when a section comes back with errors, then a decimal comma is kept and a CPR number typed into a field is not shown again', async () => {
    const start = await text('screening', 'cw-comma');
    const first = await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-COMMA' }, 'cw-comma');
    const second = await submit(filled(first), 'cw-comma');
    assert.match(cardText(second), /Afsnit 2 af 5/);
    const wrong = await submit(filled(second, { yearsExperience: '1,5', lastSector: '010190 - 1234' }), 'cw-comma');
    assert.match(cardText(wrong), /Seneste branche: teksten ligner et CPR-nummer/);
    const years = cardInputs(wrong).find((input) => input.id === 'yearsExperience');
    assert.equal(years?.node.value, '1,5', '"1,5" is shown as it was typed, with its decimal comma');
    assert.ok(!JSON.stringify(wrong).includes('1234'), 'the CPR-shaped text is not in the form');

    // A number that cannot be read is refused naming the field; what was typed stays in the form.
    const twoCommas = await submit(filled(second, { yearsExperience: '1,5,5' }), 'cw-comma');
    assert.match(cardText(twoCommas), /Ret venligst:\nÅrs erhvervserfaring skal være et tal mellem 0 og 60, fx 1,5\./);
    const shown = new Map(cardInputs(twoCommas).map((input) => [input.id, input.node.value]));
    assert.equal(shown.get('yearsExperience'), '1,5,5');
    for (const [id, answer] of Object.entries(filled(second))) {
      if (shown.has(id) && id !== 'yearsExperience') assert.equal(shown.get(id), answer, `${id} is kept`);
    }

    const { sectionIndex, ...withoutSection } = filled(second);
    assert.equal(sectionIndex, 1);
    const unreadable = await submit(withoutSection, 'cw-comma');
    assert.match(cardText(unreadable), /Kortet kunne ikke læses\nKortet sagde ikke, hvilket afsnit/);
    assert.match(cardText(await submit(filled(second), 'cw-comma')), /Afsnit 3 af 5/, 'the same card still works');
  });

  it("when another caseworker submits someone else's card, then it is refused and nothing changes", async () => {
    const start = await text('screening', 'cw-2');
    const card = await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-2026-2' }, 'cw-2');
    const foreign = await submit(filled(card), 'cw-3');
    assert.match(cardText(foreign), /Ikke din screening/);
    const own = await submit(filled(card), 'cw-2');
    assert.match(cardText(own), /Afsnit 2 af 5/);
  });

  it('when the caseworker uses Action.Execute, then the invoke response carries the next card', async () => {
    const start = await text('screening', 'cw-4');
    const card = await execute(
      'screening.start',
      { ...actionData(start, 'screening.start'), caseReference: 'J-2026-4' },
      'cw-4',
    );
    assert.match(cardText(card), /Afsnit 1 af 5/);
  });

  it('when a leader erases a screening by its reference, then it is gone; a non-leader cannot', async () => {
    const start = await text('screening', 'cw-5');
    await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-ERASE' }, 'cw-5');
    // The owner of the team (who installed the bot) leads it; the caseworker does not.
    const settings = await text('indstillinger', 'leader-view');
    assert.match(cardText(settings), /Ret indstillingerne/);
    const denied = await text('slet screening J-ERASE', 'cw-5');
    assert.match(cardText(denied), /Kun for ledere/);
    const confirmation = await text('slet screening J-ERASE', 'leader-view');
    assert.match(cardText(confirmation), /Slet screeningen\?/);
    const erased = await submit({ ...actionData(confirmation, 'screening.erase') }, 'leader-view');
    assert.match(cardText(erased), /Screeningen er slettet/);
    const resumed = await text('screening', 'cw-5');
    assert.match(cardText(resumed), /Ny screening/, 'nothing left to resume');
  });

  it('when a leader saves settings from an outdated card or with a bad value, then nothing is saved and what they typed stays in the form', async () => {
    const stale = await text('indstillinger', 'leader-view');
    const newer = await submit({ ...actionData(stale, 'settings.save'), intensiveSharePercent: '40' }, 'leader-view');
    assert.match(cardText(newer), /Gemt som version/);

    const conflict = await submit(
      { ...actionData(stale, 'settings.save'), intensiveSharePercent: '35,5', retentionDays: '120' },
      'leader-view',
    );
    assert.match(cardText(conflict), /ændret af en anden.*Intet er gemt/s);
    assert.match(cardFullText(conflict), /Loft for intensiv andel\n40 %/, 'the overview shows what is stored');
    const inputs = new Map(cardInputs(conflict).map((input) => [input.id, input.node.value]));
    assert.equal(inputs.get('intensiveSharePercent'), 35.5, 'the typed cap, with its decimal comma, is kept');
    assert.equal(inputs.get('retentionDays'), 120);
    assert.notEqual(actionData(conflict, 'settings.save')?.version, actionData(stale, 'settings.save')?.version);

    const invalid = await submit(
      { ...actionData(conflict, 'settings.save'), intensiveSharePercent: '35,5', retentionDays: 'mange' },
      'leader-view',
    );
    assert.match(cardText(invalid), /Opbevaring af svar \(dage\) skal være et tal/);
    assert.equal(cardInputs(invalid).find((input) => input.id === 'intensiveSharePercent')?.node.value, 35.5);

    const saved = await submit(
      { ...actionData(conflict, 'settings.save'), intensiveSharePercent: '35,5' },
      'leader-view',
    );
    assert.match(cardText(saved), /Gemt som version/);
    assert.match(cardFullText(saved), /Loft for intensiv andel\n36 %/);
  });

  it('when a leader opens indstillinger with no sectors marked, then the card asks for them; the team names the efforts, and a screening then reads the team’s names', async () => {
    const first = await text('indstillinger', 'leader-view');
    assert.match(
      cardText(first),
      /Konjunkturramte brancher\nVælg først de brancher, der lige nu er ramt af konjunkturerne/,
    );
    const member = await text('indstillinger', 'cw-other');
    assert.doesNotMatch(
      cardText(member),
      /Vælg først de brancher/,
      'only a leader can choose, so only a leader is asked',
    );

    const judging = await submit(
      { ...actionData(first, 'settings.save'), trackLabel_doedvaegt: 'Dødvægt' },
      'leader-view',
    );
    assert.match(cardText(judging), /Navnet på indsatsen må ikke kalde borgeren "dødvægt"/);
    assert.match(
      cardFullText(judging),
      /Navne på indsatserne\nTidlig indsats for hele målgruppen · Tidlig, intensiv indsats · Ordinær/,
      'nothing was saved',
    );
    const named = await submit(
      {
        ...actionData(judging, 'settings.save'),
        affectedSectors: 'industri',
        trackLabel_doedvaegt: 'Almindelig indsats',
        trackLabel_selektion: '  Tidlig indsats nu  ',
      },
      'leader-view',
    );
    assert.match(cardText(named), /Gemt som version/);
    assert.doesNotMatch(cardText(named), /Vælg først de brancher/, 'asked only until the team has chosen');
    assert.match(
      cardFullText(named),
      /Navne på indsatserne\nTidlig indsats for hele målgruppen · Tidlig indsats nu · Almindelig indsats/,
    );

    const start = await text('screening', 'cw-labels');
    let card = await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-LABELS' }, 'cw-labels');
    for (let section = 1; section <= 5; section += 1) card = await submit(filled(card), 'cw-labels');
    const resultText = cardText(card);
    assert.match(resultText, /Anbefalet indsats\nTidlig indsats nu\n/);
    assert.match(
      resultText,
      /Borgeren kommer fra branchen industri, som teamet har markeret som ramt af konjunkturerne\./,
    );
    assert.doesNotMatch(resultText, /ikke markeret nogen brancher/);
  });

  it('when a caseworker decides, then the card holds a plain journal note; vis screening (any case) shows answers, reasons and decision; mine screeninger lists their own', async () => {
    const start = await text('screening', 'cw-record');
    let card = await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-2026-102' }, 'cw-record');
    for (let section = 1; section <= 5; section += 1) card = await submit(filled(card), 'cw-record');
    const decided = await submit({ ...actionData(card, 'screening.accept') }, 'cw-record');
    const note = cardInputs(decided).find((input) => input.id === 'journalNote')?.node.value;
    assert.equal(typeof note, 'string', 'the decided card has the journal note');
    assert.match(
      String(note),
      /^Screening ved første samtale \d+\. \p{L}+\.? \d{4}, sagsreference J-2026-102\.\nAnbefalet indsats: [^\n]+\.\nBegrundelse: Risikoen for langtidsledighed er høj/u,
    );
    assert.match(String(note), /\nBeslutning: Anbefalingen er fulgt\.\n/);
    assert.doesNotMatch(String(note), /\*\*|<|\(risikoniveau/, 'plain text, no markup or field labels');

    const shown = await text('vis screening j-2026-102', 'cw-record');
    const shownText = cardFullText(shown);
    assert.match(shownText, /^Screening · J-2026-102\nScreening J-2026-102\n/, 'titled for viewing');
    assert.match(shownText, /\nBegrundelse\n- Risikoen for langtidsledighed er høj/);
    assert.match(shownText, /\nSvar\nAlder\n52\n/);
    assert.match(shownText, /Vil\/kan pendle efter job\nI begrænset omfang/);
    assert.equal(cardInputs(shown).find((input) => input.id === 'journalNote')?.node.value, note);

    await submit(
      { ...actionData(await text('screening', 'cw-record'), 'screening.start'), caseReference: 'J-REC-2' },
      'cw-record',
    );
    const mine = cardFullText(await text('mine screeninger', 'cw-record'));
    assert.match(mine, /^Mine screeninger\n/);
    assert.match(mine, /J-REC-2 · startet [^\n]+\nI gang – du er nået til afsnit 1 af 5\nFortsæt\n/);
    assert.match(mine, /J-2026-102 · startet [^\n]+\nAfgjort [^\n]+: Tidlig indsats nu\n/);
    assert.doesNotMatch(
      cardFullText(await text('mine screeninger', 'cw-other')),
      /J-2026-102|J-REC-2/,
      'only one’s own',
    );
  });

  it('when a case reference is used already in the team, then a new screening is not started before the caseworker chooses: continue, start anyway, or another reference', async () => {
    const start = await text('screening', 'cw-dup');
    await submit({ ...actionData(start, 'screening.start'), caseReference: 'J-DUP-1' }, 'cw-dup');
    const again = await submit({ ...actionData(start, 'screening.start'), caseReference: 'j-dup-1' }, 'cw-dup');
    assert.match(
      cardText(again),
      /^Sagsreferencen er brugt før\nTeamet har en screening med sagsreferencen j-dup-1:\n- Din, startet [^:\n]+: i gang\n/,
    );
    const resumed = await submit({ ...actionData(again, 'screening.resume') }, 'cw-dup');
    assert.match(cardText(resumed), /Afsnit 1 af 5/);
    const colleague = await submit(
      { ...actionData(await text('screening', 'cw-other'), 'screening.start'), caseReference: 'J-DUP-1' },
      'cw-other',
    );
    assert.match(cardText(colleague), /- En kollegas, startet [^:\n]+: i gang/);
    assert.equal(actionData(colleague, 'screening.resume'), undefined, 'nothing of a colleague’s to continue');
    const anyway = await submit({ ...actionData(colleague, 'screening.start') }, 'cw-other');
    assert.match(cardText(anyway), /Afsnit 1 af 5/, 'started deliberately');
    const mine = cardFullText(await text('mine screeninger', 'cw-other'));
    assert.match(mine, /J-DUP-1 · startet/);
  });

  it('when every card of the flow is validated, then none has a problem', () => {
    assert.ok(seen.length > 15);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardText(card).slice(0, 80));
  });
});

describe('screening resumption after a restart', function () {
  this.timeout(60_000);

  it('when the bot restarts mid-screening, then "screening" offers to resume and continues at the next section', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-resume-'));
    const connector = await startFakeConnector();
    const start = () => startApp(loadConfig({ PORT: '0', DATA_DIR: dataDir }), { logger: createLogger('silent') });
    const resumer: ActivityOptions = { user: { id: 'cw-r' }, conversationId: 'a:r', tenantId: 't-r' };
    const post = async (url: string, activity: Record<string, unknown>): Promise<Card> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const json = (await response.json()) as { activities: { attachments: { content: Card }[] }[] };
      return json.activities[0]?.attachments[0]?.content as Card;
    };
    try {
      const first = await start();
      // The caseworker's team has the bot; what the bot keeps of the team survives the restart too.
      await joinTeam(`http://127.0.0.1:${first.port}`, connector, { id: 'leader-r' }, [{ id: 'cw-r' }], {
        teamId: '19:resume-team@thread.tacv2',
        tenantId: 't-r',
      });
      const begin = await post(first.messagesUrl, messageActivity('screening', resumer));
      const section1 = await post(
        first.messagesUrl,
        cardSubmitActivity({ ...actionData(begin, 'screening.start'), caseReference: 'J-R' }, resumer),
      );
      const values: Record<string, unknown> = { ...actionData(section1, 'screening.section') };
      for (const input of cardInputs(section1)) values[input.id] = ANSWERS[input.id];
      await post(first.messagesUrl, cardSubmitActivity(values, resumer));
      await first.stop();

      const second = await start();
      try {
        const offer = await post(second.messagesUrl, messageActivity('screening', resumer));
        assert.match(
          cardText(offer),
          /Du har en påbegyndt screening\nSagsreference J-R, .*Du er nået til afsnit 2 af 5/,
        );
        const resumed = await post(
          second.messagesUrl,
          cardSubmitActivity(actionData(offer, 'screening.resume'), resumer),
        );
        assert.match(cardText(resumed), /Afsnit 2 af 5/);
        const age = cardInputs(resumed).find((input) => input.id === 'yearsExperience');
        assert.ok(age !== undefined, 'the second section asks its own questions');
      } finally {
        await second.stop();
      }
    } finally {
      await connector.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
