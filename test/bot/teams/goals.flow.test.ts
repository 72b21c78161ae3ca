import assert from 'node:assert/strict';
import { userActivity, type ActivityOptions, type TeamsUser } from '../../support/activities';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { joinTeam, TEST_TEAM } from '../../support/test-team';
import { cardFullText } from '../../support/bot-under-test';
import { cardTables } from '../../support/card-tables';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { replyCardsOf, startTestBot } from '../../support/running-bot';
import { completeScreening } from '../../support/screening-completion';
import { openingRegistration } from '../../support/opening-registration';

type Card = Record<string, unknown>;

const LEADER = { id: 'lea-1', name: 'Lea Leder' };
const METTE = { id: 'mette-1', name: 'Mette Hansen' };
const ALI = { id: 'ali-1', name: 'Ali Yilmaz' };
/** On the team, but never joins the goals. */
const OUTSIDER = { id: 'ole-1', name: 'Ole Udenfor' };
/** A second team in the same tenant, with its own owner and member. */
const OTHER_TEAM = { id: '19:andet-team@thread.tacv2' };
const OTHER_LEADER = { id: 'otto-1', name: 'Otto Andenleder' };
const OTHER_MEMBER = { id: 'nina-1', name: 'Nina Andetteam' };
const TENANT = 'tenant-goals';

/** Wednesday 11 February 2026, 10:00 in Copenhagen: ISO week 7. */
const WEEK_7_WEDNESDAY = new Date('2026-02-11T09:00:00Z');

describe('weekly goals over HTTP (real server, embedded SQLite, expectReplies)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  let now = WEEK_7_WEDNESDAY;
  const seen: Card[] = [];

  /** Sends a text or a card submit as `person`, in their personal chat unless `where` says otherwise; the reply's cards. */
  async function send(
    person: TeamsUser,
    body: { text: string } | { value: Record<string, unknown> },
    where: ActivityOptions = {},
  ): Promise<Card[]> {
    const cards = await replyCardsOf(bot.baseUrl, userActivity(body, { user: person, tenantId: TENANT, ...where }));
    assert.ok(cards.length > 0, 'no card in the reply');
    seen.push(...cards);
    return cards;
  }
  const say = async (person: { id: string; name: string }, text: string) => (await send(person, { text }))[0] as Card;
  const click = async (person: { id: string; name: string }, value: Record<string, unknown>) =>
    (await send(person, { value }))[0] as Card;
  const inputValue = (card: Card, id: string) => cardInputs(card).find((input) => input.id === id)?.node.value;

  before(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot({}, { clock: { now: () => now } });
    // The bot is installed in the team by its owner (locally: the leader); the others are its members.
    await joinTeam(bot.baseUrl, connector, LEADER, [METTE, ALI, OUTSIDER], { tenantId: TENANT });
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  let setup: Card;

  it('when a member who does not own the team opens "mål opsæt" first, then it is refused; the owner opens it, chooses indicators, and the plan is saved', async () => {
    const first = await say(METTE, 'mål opsæt');
    assert.match(cardFullText(first), /Kun for ledere/, 'being first does not make anyone leader');
    assert.doesNotMatch(cardFullText(first), /Målstyring 2026/);

    setup = await say(LEADER, 'mål opsæt');
    assert.doesNotMatch(cardFullText(setup), /registreret som leder/);
    assert.match(cardFullText(setup), /Målstyring 2026/);
    const indicators = cardInputs(setup).find((input) => input.id === 'indicators');
    assert.equal(indicators?.type, 'Input.ChoiceSet');
    assert.equal(indicators?.node.isMultiSelect, true);
    assert.match(
      JSON.stringify(indicators?.node),
      /"title":"Jobåbninger – ordinære job"/,
      'the group is not said twice',
    );
    assert.match(JSON.stringify(indicators?.node), /"title":"Salg · Kanvas"/, 'a label without its group gets it');

    const unknown = await click(LEADER, {
      ...actionData(setup, 'goals.indicators'),
      indicators: 'kanvas,ukendt_indikator',
    });
    assert.match(cardFullText(unknown), /Indikatorer: ukendt indikator \(ukendt_indikator\)/);
    assert.equal(inputValue(unknown, 'indicators'), 'kanvas,ukendt_indikator', 'what was chosen stays');

    setup = await click(LEADER, { ...actionData(setup, 'goals.indicators'), indicators: 'kanvas,aabninger_ordinaere' });
    assert.match(cardFullText(setup), /Gemt: teamet måler sig på 2 indikatorer/);
    assert.equal(inputValue(setup, 'indicators'), 'kanvas,aabninger_ordinaere');
    assert.match(cardFullText(setup), /mål tilmeld/, 'the card says how members join');
  });

  it('when someone else tries to change the plan, then it is refused and nothing changes', async () => {
    const refused = await click(METTE, { ...actionData(setup, 'goals.indicators'), indicators: 'kanvas' });
    assert.match(cardFullText(refused), /Kun for ledere/);
    assert.match(cardFullText(await say(METTE, 'mål opsæt')), /Kun for ledere/);
  });

  it('when a set-up card arrives with a choice list no card sends, then it is refused as unreadable and the plan is kept', async () => {
    const malformed = await click(LEADER, { ...actionData(setup, 'goals.indicators'), indicators: { kanvas: 1 } });
    assert.match(
      cardFullText(malformed),
      /Kortet kunne ikke læses\nKortets valg af indikatorer har et forkert format\. Intet er gemt/,
    );
    const members = await click(LEADER, {
      ...actionData(setup, 'goals.indicators'),
      verb: 'goals.members',
      members: 42,
      membersFromWeek: '7',
    });
    assert.match(cardFullText(members), /Kortets liste over medarbejdere har et forkert format\. Intet er gemt/);
    assert.match(cardFullText(await say(LEADER, 'mål opsæt')), /Kanvas/, 'the indicators are still chosen');
  });

  it('when a member writes "mål" before joining, then they are told how to join, and "mål tilmeld" makes them a member', async () => {
    const outside = await say(METTE, 'mål');
    assert.match(cardFullText(outside), /Du er ikke med i målstyringen i uge 7 2026/);
    assert.ok(actionData(outside, 'goals.join') !== undefined, 'a "Tilmeld mig" button');
    const leaderOutside = await say(LEADER, 'mål');
    assert.match(cardFullText(leaderOutside), /mål opsæt/);
    assert.ok(actionData(leaderOutside, 'goals.setup') !== undefined);

    assert.match(cardFullText(await say(METTE, 'mål tilmeld')), /Du er med i målstyringen\nFra uge 7 2026/);
    assert.match(cardFullText(await click(ALI, { verb: 'goals.join' })), /Du er med i målstyringen/);
    assert.match(cardFullText(await say(ALI, 'maal tilmeld')), /allerede med/);
  });

  it('when the leader sets weekly goals per member and annual targets, then errors name the field, an old card is refused, and the plan shows them', async () => {
    setup = await say(LEADER, 'mål opsæt');
    assert.equal(inputValue(setup, 'members'), `${ALI.id},${METTE.id}`);
    assert.match(cardFullText(setup), /Ali Yilmaz\ningen mål endnu/);

    const form = await click(LEADER, { ...actionData(setup, 'goals.memberGoalsOpen'), goalMember: METTE.id });
    assert.match(cardFullText(form), /Ugentlige mål: Mette Hansen \(2026\)/);
    assert.deepEqual(
      cardInputs(form).map((input) => input.id),
      ['fromWeek', 'kanvas', 'aabninger_ordinaere'],
    );
    assert.equal(inputValue(form, 'fromWeek'), 7);
    const save = actionData(form, 'goals.memberGoals');
    const wrong = await click(LEADER, { ...save, fromWeek: '7', kanvas: '-3', aabninger_ordinaere: '2' });
    assert.match(cardFullText(wrong), /Kanvas: skriv et helt tal fra 0 til 999/);
    assert.equal(inputValue(wrong, 'kanvas'), -3, 'what was typed stays');
    assert.equal(inputValue(wrong, 'aabninger_ordinaere'), 2);

    setup = await click(LEADER, { ...save, fromWeek: '1', kanvas: '10', aabninger_ordinaere: '2' });
    assert.match(cardFullText(setup), /Gemt: ugentlige mål for Mette Hansen fra uge 1/);
    assert.match(cardFullText(setup), /Mette Hansen\nmål for 2 af 2 indikatorer/);

    const stale = await click(LEADER, { ...save, fromWeek: '1', kanvas: '11', aabninger_ordinaere: '2' });
    assert.match(cardFullText(stale), /ændret af en anden, siden kortet blev vist\. Intet er gemt/);
    assert.equal(inputValue(stale, 'kanvas'), 11, 'the edits come back to check');
    assert.notEqual(actionData(stale, 'goals.memberGoals')?.etag, save?.etag, 'the fresh card carries the new etag');

    const aliForm = await click(LEADER, { ...actionData(setup, 'goals.memberGoalsOpen'), goalMember: ALI.id });
    setup = await click(LEADER, {
      ...actionData(aliForm, 'goals.memberGoals'),
      fromWeek: '1',
      kanvas: '10',
      aabninger_ordinaere: '2',
    });
    assert.match(cardFullText(setup), /Gemt: ugentlige mål for Ali Yilmaz/);

    const targets = await click(LEADER, actionData(setup, 'goals.targetsOpen') ?? {});
    assert.match(cardFullText(targets), /Årsmål 2026/);
    setup = await click(LEADER, { ...actionData(targets, 'goals.targets'), kanvas: '1000', aabninger_ordinaere: '' });
    assert.match(cardFullText(setup), /Gemt: teamets årsmål for 2026/);
    assert.match(cardFullText(setup), /Kanvas\n1\.000/);
  });

  it('when a member logs the week, then an opening they registered is prefilled, a wrong count is named, and submitting again replaces the log', async () => {
    const registered = await click(METTE, openingRegistration('Smedie A/S'));
    assert.match(cardFullText(registered), /Registreret/);

    const form = await say(METTE, 'mål');
    assert.match(cardFullText(form), /Dine tal for uge 7 2026/);
    assert.match(cardFullText(form), /Man\. 9\. feb\. – søn\. 15\. feb\. 2026/);
    assert.deepEqual(
      cardInputs(form).map((input) => input.id),
      ['kanvas', 'aabninger_ordinaere'],
    );
    assert.equal(inputValue(form, 'aabninger_ordinaere'), 1, 'the registered opening is prefilled');
    assert.match(cardFullText(form), /Jobåbninger – ordinære job \(mål 2 · botten har talt 1\)/);
    assert.equal(inputValue(form, 'kanvas'), undefined, 'nothing the bot counts is left empty');

    const submit = actionData(form, 'goals.log');
    assert.equal(submit?.weekKey, '2026-W07');
    const wrong = await click(METTE, { ...submit, kanvas: '12,5', aabninger_ordinaere: '1' });
    assert.match(cardFullText(wrong), /Kanvas: skriv et helt tal fra 0 til 999/);
    assert.equal(inputValue(wrong, 'kanvas'), 12.5, 'what was typed stays');

    const saved = await click(METTE, { ...submit, kanvas: '12', aabninger_ordinaere: '1' });
    assert.match(cardFullText(saved), /Ugens tal er gemt\nDine tal for uge 7 2026 er gemt\. Tak!/);
    const again = await click(METTE, { ...submit, kanvas: '7', aabninger_ordinaere: '1' });
    assert.match(cardFullText(again), /erstattede din tidligere registrering/);
    assert.match(cardFullText(again), /Kanvas\n7 \(mål 10\)/);

    const reopened = await click(METTE, actionData(again, 'goals.logOpen') ?? {});
    assert.equal(inputValue(reopened, 'kanvas'), 7, 'the stored log is shown, not the prefill');
    assert.match(cardFullText(reopened), /gemmer du igen, erstatter det registreringen/);

    assert.match(cardFullText(await say(ALI, 'mål uge 7')), /Dine tal for uge 7 2026/);
    await click(ALI, { verb: 'goals.log', weekKey: '2026-W07', kanvas: '5', aabninger_ordinaere: '0' });
    assert.match(cardFullText(await say(ALI, 'mål uge 9 2026')), /Uge 9 2026 er ikke begyndt endnu/);
    assert.match(cardFullText(await say(ALI, 'mål uge tre')), /Skriv fx "mål", "mål uge 7"/);
    assert.match(cardFullText(await click(ALI, { verb: 'goals.log', weekKey: 'uge 7' })), /Kortet mangler ugen/);
  });

  it('when the leader asks for "ugerapport uge 7", then Real vs Mål shows per indicator and member with % and flags, counted once', async () => {
    const cards = await send(LEADER, { text: 'ugerapport uge 7' });
    assert.equal(cards.length, 1);
    const text = cardFullText(cards[0]);
    assert.match(text, /Ugerapport uge 7 2026/);
    assert.match(text, /2 af 2 medarbejdere har registreret ugens tal/);
    assert.match(text, /Under 80 % af målet: Kanvas, Jobåbninger – ordinære job/);
    // Mette 7 (her second log replaced the first 12) + Ali 5 = 12 of 20: the team's table, then per indicator.
    const [team, kanvas, openings] = cardTables(cards[0]);
    assert.deepEqual(team?.slice(1), [
      ['Kanvas', '12 / 20', '⚠ 60 %'],
      ['Jobåbninger – ordinære job', '1 / 4', '⚠ 25 %'],
    ]);
    assert.deepEqual(kanvas?.slice(1), [
      ['Ali Yilmaz', '5 / 10', '⚠ 50 %'],
      ['Mette Hansen', '7 / 10', '⚠ 70 %'],
      ['Hele teamet', '12 / 20', '⚠ 60 %'],
    ]);
    assert.deepEqual(openings?.at(-1), ['Hele teamet', '1 / 4', '⚠ 25 %']);
    // They joined in week 7: the weeks before it have no goal and are no bars, and the annual target is
    // expected from week 7 on (1.000 / 53 ≈ 19), not from week 1: 12 of 19 is still behind.
    assert.doesNotMatch(text, /uge 4|0\/–/);
    assert.match(text, /Real og mål pr\. uge: uge 7: 12 af 20/);
    assert.match(
      text,
      /År til dato \(uge 1–7\): Real 12 · Mål 20 · 60 % · årsmål 1\.000 \(1 % nået, 64 % af det forventede til nu\) ⚠ bagud/,
    );
    assert.match(text, /Screeninger i ugen\n0/);
    assert.match(text, /Nye i ugen\n1 åbning af 1 kontakt · Ordinær åbning 1/);
    assert.match(text, /Ingen opfølgninger 39 uger efter screeningen i perioden/);
    assert.equal(actionData(cards[0], 'goals.setup')?.year, 2026, 'the leader goes from the report to the plan');
  });

  it('when a member asks for the report, then they see only their own numbers; someone outside the goals is told how to join', async () => {
    const [own] = await send(ALI, { text: 'ugerapport uge 7' });
    const text = cardFullText(own);
    assert.match(text, /Dine tal uge 7 2026/);
    assert.deepEqual(cardTables(own)[0]?.[1], ['Kanvas', '5 / 10', '⚠ 50 %']);
    assert.doesNotMatch(text, /Mette|12 \/ 20|Screeninger|Jobåbninger\n|hele teamet|Hele teamet/);
    const outsider = await say(OUTSIDER, 'ugerapport');
    assert.match(cardFullText(outsider), /Du er ikke med i målstyringen i uge 6 2026/);
  });

  it('when the leader unticks a member from a week, then they are out from that week and cannot join again by themselves', async () => {
    setup = await say(LEADER, 'mål opsæt');
    const removed = await click(LEADER, {
      ...actionData(setup, 'goals.members'),
      members: METTE.id,
      membersFromWeek: '8',
    });
    assert.match(cardFullText(removed), /Gemt fra uge 8: 0 taget med, 1 taget ud/);
    assert.match(cardFullText(removed), /Ali Yilmaz \(registrerede uge 7–7\)/);
    now = new Date('2026-02-18T09:00:00Z'); // week 8
    assert.match(cardFullText(await say(ALI, 'mål')), /Du er ikke med i målstyringen i uge 8 2026/);
    assert.match(cardFullText(await say(ALI, 'mål tilmeld')), /Din leder har taget dig ud af målstyringen/);
    const weekEarlier = await say(ALI, 'mål uge 7');
    assert.match(cardFullText(weekEarlier), /Dine tal for uge 7 2026/, 'the weeks they were in stay theirs');
    now = WEEK_7_WEDNESDAY;
  });

  it('when a screening is decided, then its follow-ups are scheduled; the caseworker records an outcome when due, and erasure takes them', async () => {
    now = new Date('2026-02-03T09:00:00Z'); // Tuesday
    const decided = await completeScreening((body) => send(METTE, body).then((cards) => cards[0] as Card), 'J-2026-FU');
    assert.match(cardFullText(decided), /Screening gemt/);
    assert.match(
      cardFullText(decided),
      /Opfølgning\nefter 13 uger \(5\. maj 2026\), efter 26 uger \(4\. aug\. 2026\), efter 39 uger \(3\. nov\. 2026\): du får en påmindelse/,
    );
    assert.match(cardFullText(await say(METTE, 'opfølgning')), /ingen opfølgninger, der venter/);

    now = new Date('2026-05-05T08:00:00Z'); // 13 weeks later
    const list = await say(METTE, 'opfølgning');
    assert.match(
      cardFullText(list),
      /J-2026-FU · 13 uger efter screeningen\nScreenet 3\. feb\. 2026 · Tidlig, intensiv indsats · opfølgning fra 5\. maj 2026/,
    );
    assert.doesNotMatch(cardFullText(list), /26 uger/);
    const job = actionData(list, 'followup.outcome');
    assert.equal(job?.outcome, 'job');
    const foreign = await click(ALI, { ...job });
    assert.match(cardFullText(foreign), /Ikke din opfølgning/);
    const recorded = await click(METTE, { ...job });
    assert.match(cardFullText(recorded), /Gemt: J-2026-FU, 13 uger efter screeningen: I job\./);
    assert.match(cardFullText(recorded), /ingen opfølgninger, der venter/);
    const corrected = await click(METTE, { ...job, outcome: 'stadig_ledig', view: 'reminder' });
    assert.match(cardFullText(corrected), /J-2026-FU, 13 uger efter screeningen: Stadig ledig \(rettet fra I job\)/);
    const notDue = await click(METTE, { ...job, followUpId: String(job?.followUpId).replace(/:13$/, ':26') });
    assert.match(cardFullText(notDue), /først fra 4\. aug\. 2026/);
    const bad = await click(METTE, { ...job, outcome: 'maaske' });
    assert.match(cardFullText(bad), /Vælg hvordan det går borgeren/);

    const confirmation = await say(LEADER, 'slet screening J-2026-FU');
    const erased = await click(LEADER, { ...actionData(confirmation, 'screening.erase') });
    assert.match(cardFullText(erased), /Screeningen er slettet/);
    now = new Date('2026-11-05T08:00:00Z'); // after week 39
    assert.match(cardFullText(await say(METTE, 'opfølgning')), /ingen opfølgninger, der venter/);
    assert.match(cardFullText(await click(METTE, { ...job })), /Opfølgningen findes ikke længere/);
    now = WEEK_7_WEDNESDAY;
  });

  it('when the goals commands are written in a channel, then the bot points to the personal chat', async () => {
    const [card] = await send(
      METTE,
      { text: 'ugerapport' },
      { conversationType: 'channel', conversationId: '19:kanal@thread.tacv2', teamId: TEST_TEAM.id },
    );
    assert.match(
      cardFullText(card),
      /Skriv det i din personlige chat med botten\n\*\*ugerapport\*\* viser medarbejdernes tal/,
    );
  });

  it('when a second team of the same tenant installs the bot, then its people see nothing of the first team: its goals, reports and cards answer as for an empty team', async () => {
    await joinTeam(bot.baseUrl, connector, OTHER_LEADER, [OTHER_MEMBER], { teamId: OTHER_TEAM.id, tenantId: TENANT });
    const firstTeam = /Mette|Ali|Lea|Kanvas|Real \d|Smedie|J-2026-FU/;

    const memberReport = cardFullText(await say(OTHER_MEMBER, 'ugerapport uge 7'));
    assert.match(memberReport, /Du er ikke med i målstyringen i uge 7 2026/);
    assert.doesNotMatch(memberReport, firstTeam);
    assert.match(cardFullText(await say(OTHER_MEMBER, 'mål uge 7')), /Du er ikke med i målstyringen i uge 7 2026/);

    const leaderReport = cardFullText(await say(OTHER_LEADER, 'ugerapport uge 7'));
    assert.match(leaderReport, /Ugerapport uge 7 2026/);
    assert.match(leaderReport, /Ingen medarbejdere skulle registrere i ugen/);
    assert.match(leaderReport, /Teamet har ingen indikatorer for 2026/);
    assert.match(leaderReport, /Nye i ugen\n0 åbninger af 0 kontakter/);
    assert.doesNotMatch(leaderReport, firstTeam);

    const plan = cardFullText(await say(OTHER_LEADER, 'mål opsæt'));
    assert.match(plan, /Målstyring 2026\nIkke sat op endnu/);
    assert.match(plan, /Ingen er med endnu/);
    assert.doesNotMatch(plan, /Mette|Ali|Gemt/);
    // A card of the first team's plan, submitted in the second team, saves nothing anywhere.
    const foreignCard = await click(OTHER_LEADER, {
      ...actionData(setup, 'goals.members'),
      members: `${METTE.id},${OTHER_MEMBER.id}`,
      membersFromWeek: '7',
    });
    assert.match(cardFullText(foreignCard), /Intet er gemt/);
    assert.match(cardFullText(foreignCard), /Ingen er med endnu/);
    assert.match(cardFullText(await say(OTHER_MEMBER, 'opfølgning')), /ingen opfølgninger, der venter/);

    // The first team's indicators are not the second team's: joining waits for its own plan.
    assert.match(cardFullText(await say(OTHER_MEMBER, 'mål tilmeld')), /Målstyringen er ikke sat op endnu/);
    // The first team's report is as before, with nobody of the second team in it.
    const firstReport = cardFullText(await say(LEADER, 'ugerapport uge 7'));
    assert.match(firstReport, /2 af 2 medarbejdere har registreret ugens tal/);
    assert.doesNotMatch(firstReport, /Nina/);
  });

  it('when every card of the goals flow is validated, then none has a problem', () => {
    assert.ok(seen.length > 30);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardFullText(card).slice(0, 80));
  });
});
