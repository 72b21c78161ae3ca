import assert from 'node:assert/strict';
import { userActivity, type TeamsUser } from '../../support/activities';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { joinTeam } from '../../support/test-team';
import { cardFullText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { chartsIn } from '../../support/chart-schema';
import { replyCardsOf, startTestBot } from '../../support/running-bot';

type Card = Record<string, unknown>;

const LEADER = { id: 'lea-1', name: 'Lea Leder' };
const METTE = { id: 'mette-1', name: 'Mette Hansen' };
const ALI = { id: 'ali-1', name: 'Ali Yilmaz' };
const OUTSIDER = { id: 'ole-1', name: 'Ole Udenfor' };
const OTHER_TEAM = { id: '19:andet-team@thread.tacv2' };
const OTHER_LEADER = { id: 'otto-1', name: 'Otto Andenleder' };
const TENANT = 'tenant-own-indicators';

/** Wednesdays in Copenhagen (10:00): ISO weeks 7, 9 and 10 of 2026. */
const WEEK_7 = new Date('2026-02-11T09:00:00Z');
const WEEK_9 = new Date('2026-02-25T09:00:00Z');
const WEEK_10 = new Date('2026-03-04T09:00:00Z');

describe("a team's own indicators and the year overview over HTTP (real server, embedded SQLite)", function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  let now = WEEK_7;
  const seen: Card[] = [];

  async function send(person: TeamsUser, body: { text: string } | { value: Record<string, unknown> }): Promise<Card> {
    const cards = await replyCardsOf(bot.baseUrl, userActivity(body, { user: person, tenantId: TENANT }));
    assert.ok(cards.length > 0, 'no card in the reply');
    seen.push(...cards);
    return cards[0] as Card;
  }
  const say = (person: TeamsUser, text: string) => send(person, { text });
  const click = (person: TeamsUser, value: Record<string, unknown> | undefined) => {
    assert.ok(value !== undefined, 'the card has no such button');
    return send(person, { value });
  };
  const inputValue = (card: Card, id: string) => cardInputs(card).find((input) => input.id === id)?.node.value;
  const inputIds = (card: Card) => cardInputs(card).map((input) => input.id);

  before(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot({}, { clock: { now: () => now } });
    await joinTeam(bot.baseUrl, connector, LEADER, [METTE, ALI, OUTSIDER], { tenantId: TENANT });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  let list: Card;

  it('when a member writes "mål indikatorer", then only leaders may; the leader sees the list with a form to add one', async () => {
    assert.match(cardFullText(await say(METTE, 'mål indikatorer')), /Kun for ledere/);
    list = await say(LEADER, 'mål indikatorer');
    assert.match(cardFullText(list), /Teamets egne indikatorer/);
    assert.match(cardFullText(list), /ingen egne indikatorer endnu/);
    assert.deepEqual(inputIds(list), ['label', 'group', 'newGroup']);
  });

  it('when the leader adds an indicator with bad input, then each problem is named in Danish, nothing is saved, and what was typed stays', async () => {
    const add = actionData(list, 'goals.indicatorAdd');
    const empty = await click(LEADER, { ...add, label: '  ', group: 'afholdt', newGroup: 'Netværk' });
    assert.match(cardFullText(empty), /Intet er gemt[^\n]*\nNavn: skriv indikatorens navn/);
    assert.equal(inputValue(empty, 'newGroup'), 'Netværk', 'the new group typed stays');

    const long = await click(LEADER, { ...add, label: 'x'.repeat(51), group: 'afholdt' });
    assert.match(cardFullText(long), /Navn: højst 50 tegn \(du skrev 51\)/);
    assert.equal(inputValue(long, 'label'), 'x'.repeat(51));

    const duplicate = await click(LEADER, { ...add, label: 'kanvas', group: 'salg' });
    assert.match(cardFullText(duplicate), /Navn: "Kanvas" findes allerede som indikator/);

    const cpr = await click(LEADER, { ...add, label: 'Møder 010190-1234', group: 'salg' });
    assert.match(cardFullText(cpr), /Navn: teksten ligner et CPR-nummer/);
    assert.equal(inputValue(cpr, 'label'), '', 'a CPR-shaped value is never shown back');
    assert.doesNotMatch(JSON.stringify(cpr), /010190/);

    const noGroup = await click(LEADER, { ...add, label: 'Netværksmøder', group: 'ukendt' });
    assert.match(cardFullText(noGroup), /Gruppe: vælg en gruppe på listen, eller skriv navnet på en ny/);
    assert.match(cardFullText(await say(LEADER, 'mål indikatorer')), /ingen egne indikatorer endnu/, 'nothing saved');
  });

  it('when the leader adds "Netværksmøder" in a new group, then it is saved with a stable id and offered in the set-up beside the catalogue', async () => {
    list = await click(LEADER, {
      ...actionData(list, 'goals.indicatorAdd'),
      label: '  Netværksmøder ',
      group: 'afholdt',
      newGroup: 'Netværk',
    });
    assert.match(cardFullText(list), /Gemt: "Netværksmøder" er tilføjet/);
    assert.match(cardFullText(list), /Gruppe: Netværk · tilføjet uge 7 2026/);
    assert.equal(inputValue(list, 'indicatorId'), 'egen_netvaerksmoeder');

    // A card shown before the change is stale: nothing is saved twice.
    const stale = await click(LEADER, { verb: 'goals.indicatorAdd', label: 'Frokostmøder', group: 'salg' });
    assert.match(cardFullText(stale), /ændret af en anden[^\n]*Intet er gemt/);
    assert.equal(inputValue(stale, 'label'), 'Frokostmøder', 'what was typed comes back');

    const setup = await say(LEADER, 'mål opsæt');
    const choices = JSON.stringify(cardInputs(setup).find((input) => input.id === 'indicators')?.node);
    assert.match(choices, /"title":"Netværksmøder","value":"egen_netvaerksmoeder"/);
    assert.match(choices, /"value":"kanvas"/, 'the catalogue is still there');

    const chosen = await click(LEADER, {
      ...actionData(setup, 'goals.indicators'),
      indicators: 'kanvas,egen_netvaerksmoeder',
    });
    assert.match(cardFullText(chosen), /Gemt: teamet måler sig på 2 indikatorer/);
    assert.match(cardFullText(await say(METTE, 'mål tilmeld')), /Du er med i målstyringen/);
    const withMember = await say(LEADER, 'mål opsæt');
    const targets = await click(LEADER, actionData(withMember, 'goals.targetsOpen'));
    assert.deepEqual(inputIds(targets), ['kanvas', 'egen_netvaerksmoeder']);
    assert.match(
      cardFullText(
        await click(LEADER, { ...actionData(targets, 'goals.targets'), kanvas: '520', egen_netvaerksmoeder: '52' }),
      ),
      /Gemt: teamets årsmål for 2026/,
    );
  });

  it("when a member logs the week, then the own indicator is on the card and in the leader's weekly report", async () => {
    const form = await say(METTE, 'mål');
    assert.deepEqual(inputIds(form), ['kanvas', 'egen_netvaerksmoeder']);
    assert.match(cardFullText(form), /Netværksmøder/);
    const saved = await click(METTE, { ...actionData(form, 'goals.log'), kanvas: '10', egen_netvaerksmoeder: '3' });
    assert.match(cardFullText(saved), /Ugens tal er gemt/);
    assert.match(cardFullText(await say(LEADER, 'ugerapport uge 7')), /Netværksmøder/);
  });

  it('when the leader renames it in week 9, then week 9 shows the new name and week 7 keeps the name it had', async () => {
    now = WEEK_9;
    list = await say(LEADER, 'mål indikatorer');
    const rename = actionData(list, 'goals.indicatorRename');
    const clash = await click(LEADER, { ...rename, indicatorId: 'egen_netvaerksmoeder', newLabel: 'Jobsamtaler' });
    assert.match(cardFullText(clash), /Navn: "Jobsamtaler" findes allerede/);
    assert.equal(inputValue(clash, 'newLabel'), 'Jobsamtaler');

    list = await click(LEADER, {
      ...rename,
      indicatorId: 'egen_netvaerksmoeder',
      newLabel: 'Netværksmøder med virksomheder',
    });
    assert.match(cardFullText(list), /Gemt: indikatoren hedder nu "Netværksmøder med virksomheder" fra uge 9 2026/);
    assert.match(cardFullText(list), /tidligere: Netværksmøder/);
    assert.equal(inputValue(list, 'indicatorId'), 'egen_netvaerksmoeder', 'the id stays');

    const week7 = cardFullText(await say(LEADER, 'ugerapport uge 7'));
    assert.match(week7, /Netværksmøder/);
    assert.doesNotMatch(week7, /Netværksmøder med virksomheder/, 'a past week keeps its label');
    // The file of week 7 names it as week 7 did, in the team's own group.
    const exported = await say(LEADER, 'ugerapport eksport uge 7');
    const link = ((exported.actions ?? []) as { type: string; url?: string }[]).find(
      (action) => action.type === 'Action.OpenUrl',
    )?.url;
    assert.ok(link !== undefined, cardFullText(exported));
    const file = await (await fetch(link)).text();
    const rows = file.split('\r\n').filter((row) => row.includes('Netværksmøder'));
    assert.ok(rows.length > 0, file.slice(0, 300));
    for (const row of rows) {
      assert.match(row, /;Netværk;Netværksmøder;/, row);
      assert.doesNotMatch(row, /med virksomheder/, row);
    }
    assert.match(cardFullText(await say(METTE, 'mål')), /Netværksmøder med virksomheder/);
  });

  it('when the leader opens "mål år", then each indicator has its year sum against the annual target and the pro-rated expectation, with a chart', async () => {
    const year = await say(LEADER, 'mål år');
    const text = cardFullText(year);
    assert.match(text, /Året 2026 – teamet/);
    assert.match(text, /Uge 1–9 \(uge 9 er i gang\): 9 af årets 53 uger/);
    // 52 a year, measured from week 7 (its first goal and log), so 3 of 53 weeks count: 2.9 expected; 3 real is 6 % of
    // the target and on pace. Counted from week 1 it would be 8.8 expected and 'behind', as the report no longer says.
    assert.match(text, /Netværksmøder med virksomheder\n✓\u00a0i\u00a0takt · 6 % af årsmålet\n3\n3\n52/);
    // Kanvas: 520 a year, also measured from week 7: 29 expected, 10 real is 34 % of that (behind).
    assert.match(text, /Kanvas\n⚠\u00a0bagud · 2 % af årsmålet\n10\n29\n520/);
    const [chart] = chartsIn(year);
    assert.equal(chart?.type, 'Chart.Line');
    const series = chart?.data as { legend: string; values: { x: string; y: number }[] }[];
    assert.deepEqual(
      series.map((each) => each.legend),
      ['Kanvas', 'Netværksmøder med virksomheder', 'Forventet'],
    );
    // Each line is the cumulative Real in % of what was expected by that week, from week 7: in week 7, 3 of 0.98 is
    // 306 %; by week 9, 3 of 2.94 is 102 %.
    assert.deepEqual(series[1]?.values[0], { x: 7, y: 306 });
    assert.deepEqual(series[1]?.values.at(-1), { x: 9, y: 102 });
    assert.deepEqual(series[2]?.values.at(-1), { x: 9, y: 100 });
  });

  it('when a member opens "mål år", then they see their own numbers; someone outside, a year without a plan or not begun get a message', async () => {
    const own = cardFullText(await say(METTE, 'mål år'));
    assert.match(own, /Året 2026 – dine tal/);
    assert.match(own, /Netværksmøder med virksomheder\ningen mål sat\n3\n–/);
    assert.doesNotMatch(own, /Årsmål|Ali|Lea/);
    assert.match(cardFullText(await say(OUTSIDER, 'mål år')), /Du er ikke med i målstyringen/);
    assert.match(cardFullText(await say(LEADER, 'mål år 2025')), /Ingen målstyring for 2025\n[^\n]*mål opsæt/);
    assert.match(cardFullText(await say(LEADER, 'mål år 2031')), /2031 er ikke begyndt/);
    assert.match(cardFullText(await say(LEADER, 'mål år sidste')), /Skriv "mål år" for i år eller fx "mål år 2025"/);
  });

  it('when the leader retires it, then it is gone from the set-up and from the weeks after, while the weeks before keep it', async () => {
    list = await say(LEADER, 'mål indikatorer');
    list = await click(LEADER, {
      ...actionData(list, 'goals.indicatorRetire'),
      indicatorId: inputValue(list, 'indicatorId'),
    });
    assert.match(cardFullText(list), /Gemt: "Netværksmøder med virksomheder" udgår fra uge 10 2026/);
    assert.match(cardFullText(list), /Udgået: Netværksmøder med virksomheder \(fra uge 10 2026\)/);
    assert.equal(actionData(list, 'goals.indicatorRename'), undefined, 'nothing left to rename');

    const setup = await say(LEADER, 'mål opsæt');
    assert.doesNotMatch(
      JSON.stringify(cardInputs(setup).find((input) => input.id === 'indicators')?.node.choices),
      /egen_netvaerksmoeder/,
      'not offered as a choice',
    );
    // Saving the choice again keeps the retired one in the plan for its past weeks.
    await click(LEADER, { ...actionData(setup, 'goals.indicators'), indicators: 'kanvas,egen_netvaerksmoeder' });
    assert.deepEqual(inputIds(await say(METTE, 'mål')), ['kanvas', 'egen_netvaerksmoeder'], 'week 9 still has it');

    now = WEEK_10;
    assert.deepEqual(inputIds(await say(METTE, 'mål')), ['kanvas'], 'not offered from week 10');
    assert.match(cardFullText(await say(LEADER, 'ugerapport uge 7')), /Netværksmøder(?! med)/);
    assert.match(cardFullText(await say(LEADER, 'mål år')), /Netværksmøder med virksomheder/, 'the year keeps it');
    const again = await click(LEADER, {
      ...actionData(list, 'goals.indicatorAdd'),
      label: 'Netværksmøder',
      group: 'afholdt',
    });
    assert.match(cardFullText(again), /"Netværksmøder" findes allerede/, 'a retired label is not given to another');
  });

  it("when a second team's leader opens its indicators and set-up, then nothing of the first team's own indicators is there", async () => {
    await joinTeam(bot.baseUrl, connector, OTHER_LEADER, [], { teamId: OTHER_TEAM.id, tenantId: TENANT });
    const other = cardFullText(await say(OTHER_LEADER, 'mål indikatorer'));
    assert.match(other, /ingen egne indikatorer endnu/);
    assert.doesNotMatch(other, /Netværk/);
    const setup = await say(OTHER_LEADER, 'mål opsæt');
    assert.doesNotMatch(JSON.stringify(setup), /egen_netvaerksmoeder|Netværk/);
    // The first team's card, sent by the second team's leader, changes nothing of either team.
    const foreign = await click(OTHER_LEADER, {
      ...actionData(list, 'goals.indicatorAdd'),
      label: 'Frokost',
      group: 'salg',
    });
    assert.match(cardFullText(foreign), /Intet er gemt/);
    assert.doesNotMatch(cardFullText(await say(LEADER, 'mål indikatorer')), /Frokost/);
  });

  it('when every card of the flow is validated, then none has a problem', () => {
    assert.ok(seen.length > 25);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardFullText(card).slice(0, 80));
  });
});
