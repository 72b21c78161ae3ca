import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TableName } from '../../bot/storage/sqlite/sqlite-schema';
import { StoredDocuments } from '../support/stored-documents';
import { CARD_VERBS } from '../../cards/shared/card-verbs';
import { COMMANDS, type CommandId } from '../../rules/commands/command.catalog';
import {
  cardSubmitActivity,
  invokeActivity,
  messageActivity,
  type ActivityOptions,
  type TeamsUser,
} from '../support/activities';
import { cardFullText } from '../support/bot-under-test';
import { actionData, cardInputs } from '../support/card-inputs';
import { startFakeConnector, type ConnectorPost, type FakeConnector } from '../support/fake-connector';
import { openingRegistration } from '../support/opening-registration';
import { stringsIn } from '../support/reply-checks';
import { startTestBot } from '../support/running-bot';
import { CARD_ANSWERS } from '../support/screening-answers';
import { joinTeam } from '../support/test-team';

/**
 * Isolation (domain spec §0; issue 13): nobody reads or changes another team's data, in any text
 * command, card action or scheduled message, and a question about something that is not yours gets the
 * same answer as one about something that does not exist.
 *
 * One bot over real HTTP and storage. Team X is seeded through real turns with one of everything; the
 * attackers are Y's owner and caseworker (another team in X's tenant), Z's owner (another tenant) and a
 * person of X's tenant in no team. They send every command of the catalog and every card verb, the
 * verbs with the data of X's own cards, in their personal chat (also with channel data naming X's team)
 * and in X's channel; then a property mixes it all; then the scheduled jobs run. Afterwards X's people
 * still see exactly what they saw before, and nothing sent outside X holds X's data.
 *
 * Complements hostile-input.http.test.ts (malformed and garbage traffic against a victim team): here
 * every request is well formed and aimed, and the catalog and CARD_VERBS are iterated, so a new command
 * or verb is attacked without a change here.
 */

type Card = Record<string, unknown>;
type Data = Record<string, unknown>;
type Person = { id: string; name: string };

interface TeamSpec {
  teamId: string;
  /** The channel the team's morning meeting is posted in. */
  channel: string;
  tenantId: string;
  owner: Person;
  caseworker: Person;
  consultant: Person;
}

const TENANT_1 = 'kommune-iso-1';
const TENANT_2 = 'kommune-iso-2';

/** The team whose data nobody else may see or change. */
const X: TeamSpec = {
  teamId: '19:x-team-iso@thread.tacv2',
  channel: '19:x-morgen-iso@thread.tacv2',
  tenantId: TENANT_1,
  owner: { id: 'x-owner', name: 'Xenia Xledersen' },
  caseworker: { id: 'x-cw', name: 'Xaver Xsagsen' },
  consultant: { id: 'x-vk', name: 'Xandra Xkonsulent' },
};
/** Another team of X's municipality. */
const Y: TeamSpec = {
  teamId: '19:y-team-iso@thread.tacv2',
  channel: '19:y-morgen-iso@thread.tacv2',
  tenantId: TENANT_1,
  owner: { id: 'y-owner', name: 'Yrsa Yledersen' },
  caseworker: { id: 'y-cw', name: 'Yngve Ysagsen' },
  consultant: { id: 'y-vk', name: 'Yasmin Ykonsulent' },
};
/** A team of another municipality (tenant). */
const Z: TeamSpec = {
  teamId: '19:z-team-iso@thread.tacv2',
  channel: '19:z-morgen-iso@thread.tacv2',
  tenantId: TENANT_2,
  owner: { id: 'z-owner', name: 'Zenia Zledersen' },
  caseworker: { id: 'z-cw', name: 'Zakarias Zsagsen' },
  consultant: { id: 'z-vk', name: 'Zelma Zkonsulent' },
};
/** Someone of X's tenant in no team with the bot. */
const NOBODY: Person = { id: 'nobody-iso', name: 'Nanna Ingenteam' };
/** A team nobody installed the bot in (Teams does not list it): "a thing that exists nowhere". */
const NOWHERE_TEAM = { teamId: '19:nowhere-team-iso@thread.tacv2', channel: '19:nowhere-morgen-iso@thread.tacv2' };

/** X's data as seeded: what must never reach anyone outside X. */
const X_DATA = {
  decidedReference: 'XREF-2026-417',
  pendingReference: 'XREF-2026-418',
  companyName: 'Xylofon Hemmelig A/S',
  jobFunction: 'Xylofonstemmer',
  note: 'Xnote hemmelig 5309',
  closedCompanyName: 'Xerox Lukket ApS',
  /** Settings: the intensive share (%), the capacity window and the retention (days). */
  intensiveSharePercent: '43',
  capacityWindowDays: '127',
  retentionDays: '173',
  /** Goals: the caseworker's weekly goal, the logged count, the annual target. */
  weeklyGoal: '837',
  loggedCount: '673',
  annualTarget: '4711',
  /** The team's own indicator (`mål indikatorer`). */
  ownIndicator: 'Xantippemøder',
};
/** A case reference no team has. */
const NOWHERE_REFERENCE = 'NOWHERE-2026-1';

const X_PEOPLE = [X.owner, X.caseworker, X.consultant];

describe('isolation between teams: every command, card verb and scheduled message (real HTTP and storage)', function () {
  this.timeout(120_000);
  /** Wednesday 11 February 2026, 10:00 in Copenhagen (week 7): the screenings. */
  let now = new Date('2026-02-11T09:00:00Z');
  /** Thursday 14 May 2026, 10:00 in Copenhagen (week 20): the rest, and every attack. */
  const ATTACK_TIME = new Date('2026-05-14T08:00:00Z');
  let store: StoredDocuments | undefined;
  let connector: FakeConnector;
  let bot: Awaited<ReturnType<typeof startTestBot>> | undefined;

  // ---- talking to the bot ----

  /**
   * Where a turn happens: the person's personal chat (whose channel data may name a team, as a forged
   * activity could), or a team's channel (the bot @mentioned).
   */
  type Where = { kind: 'chat'; teamId?: string } | { kind: 'channel'; teamId: string; channel: string };
  const CHAT: Where = { kind: 'chat' };
  const channelOf = (team: { teamId: string; channel: string }): Where => ({ kind: 'channel', ...team });

  /** What is sent: a typed text, or a click on a card (an Action.Execute invoke or an Action.Submit message). */
  type Act = { text: string } | { verb: string; data: Data; as: 'invoke' | 'submit' };

  interface Answer {
    activity: Record<string, unknown>;
    body: unknown;
    cards: Card[];
  }

  function activityFor(person: Person, tenantId: string, where: Where, act: Act): Record<string, unknown> {
    const options: ActivityOptions = {
      user: person as TeamsUser,
      tenantId,
      serviceUrl: connector.url,
      ...(where.kind === 'channel'
        ? { conversationType: 'channel', conversationId: where.channel, teamId: where.teamId }
        : where.teamId === undefined
          ? {}
          : { teamId: where.teamId }),
    };
    if ('text' in act) return messageActivity(act.text, { ...options, mentionBot: where.kind === 'channel' });
    return act.as === 'invoke'
      ? invokeActivity(act.verb, act.data, options)
      : cardSubmitActivity({ ...act.data, verb: act.verb }, options);
  }

  /** The cards of a reply: message attachments and invoke responses' cards (or texts), in order. */
  function cardsOf(body: unknown): Card[] {
    const cards: Card[] = [];
    for (const reply of (body as { activities?: Record<string, unknown>[] }).activities ?? []) {
      for (const attachment of (reply.attachments as { content: Card }[] | undefined) ?? []) {
        cards.push(attachment.content);
      }
      const invoked = (reply.value as { body?: { value?: unknown } } | undefined)?.body?.value;
      if (typeof invoked === 'object' && invoked !== null) cards.push(invoked as Card);
      // An invoke answered with a short message (the clicked card, e.g. the board, stays): its text, as a card.
      if (typeof invoked === 'string')
        cards.push({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: invoked }] });
    }
    return cards;
  }

  async function send(person: Person, tenantId: string, where: Where, act: Act): Promise<Answer> {
    assert.ok(bot !== undefined);
    const activity = activityFor(person, tenantId, where, act);
    const response = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    assert.equal(response.status, 200, `HTTP ${response.status}: ${text.slice(0, 300)}`);
    const body: unknown = JSON.parse(text);
    const cards = cardsOf(body);
    assert.ok(cards.length > 0, `no card in the answer to ${JSON.stringify(act).slice(0, 200)}`);
    return { activity, body, cards };
  }

  /** A member of `team` in their personal chat (or the team's channel): typing, and clicking a card's button. */
  const member = (team: TeamSpec, person: Person, where: Where = CHAT) => ({
    say: async (text: string) => (await send(person, team.tenantId, where, { text })).cards,
    click: async (data: Data | undefined) => {
      assert.ok(data !== undefined && typeof data.verb === 'string', 'the card has that button');
      const { verb, ...rest } = data;
      return (await send(person, team.tenantId, where, { verb: String(verb), data: rest, as: 'submit' })).cards;
    },
  });
  const first = (cards: Card[]): Card => {
    assert.ok(cards[0] !== undefined);
    return cards[0];
  };

  /** The data of the `verb` button next to `text` (e.g. one opening of a list). */
  function dataNear(card: Card, verb: string, text: string): Data | undefined {
    let found: Data | undefined;
    const visit = (node: unknown): void => {
      if (found !== undefined || typeof node !== 'object' || node === null) return;
      if (Array.isArray(node)) return node.forEach(visit);
      const items = (node as { items?: unknown }).items;
      if (Array.isArray(items) && JSON.stringify(items).includes(text)) found = actionData(items, verb);
      else Object.values(node).forEach(visit);
    };
    visit(card);
    return found;
  }

  // ---- seeding: X through real turns, with one of everything; Y and Z with a little of their own ----

  /** The data of X's own cards' buttons, as X's people got them, per verb. */
  const xCardData = new Map<string, Data>();
  const keep = (verb: string, card: Card | undefined): Data => {
    const data = actionData(card, verb);
    assert.ok(data !== undefined, `X's card has a ${verb} button`);
    xCardData.set(verb, data);
    return data;
  };
  /** X's ids as its cards carry them (screenings, openings, follow-ups, plan etags, versions). */
  const xIds = new Set<string>();

  async function seedX(): Promise<void> {
    const owner = member(X, X.owner);
    const caseworker = member(X, X.caseworker);
    const consultant = member(X, X.consultant);

    // Settings (version 2), and the consultant named co-leader.
    const settings = first(await owner.say('indstillinger'));
    const saved = first(
      await owner.click({
        ...actionData(settings, 'settings.save'),
        intensiveSharePercent: X_DATA.intensiveSharePercent,
        capacityWindowDays: X_DATA.capacityWindowDays,
        retentionDays: X_DATA.retentionDays,
      }),
    );
    assert.match(cardFullText(saved), /Version 2/);
    const coLeaders = first(await owner.click({ ...actionData(saved, 'team.coLeaders'), coLeaders: X.consultant.id }));
    assert.match(cardFullText(coLeaders), /Medledere\nXandra Xkonsulent/);

    // A decided screening (its follow-ups fall due 13, 26 and 39 weeks later), and one whose result
    // waits for the caseworker's decision.
    const screen = async (reference: string, decide: boolean): Promise<string> => {
      let card = first(await caseworker.say('screening'));
      if (actionData(card, 'screening.start') === undefined)
        card = first(await caseworker.click(keep('screening.new', card)));
      card = first(await caseworker.click({ ...keep('screening.start', card), caseReference: reference }));
      for (let section = 1; section <= 5; section += 1) {
        const values: Data = { ...keep('screening.section', card) };
        for (const input of cardInputs(card)) values[input.id] = CARD_ANSWERS[input.id];
        card = first(await caseworker.click(values));
      }
      const accept = keep('screening.accept', card);
      keep('screening.override', card);
      if (decide) assert.match(cardFullText(first(await caseworker.click(accept))), /Screening gemt/);
      return String(accept.screeningId);
    };
    xIds.add(await screen(X_DATA.decidedReference, true));
    xIds.add(await screen(X_DATA.pendingReference, false));
    const resume = first(await caseworker.say('screening'));
    assert.match(cardFullText(resume), /påbegyndt screening/);
    keep('screening.resume', resume);
    keep('screening.new', resume);

    now = ATTACK_TIME;
    // Openings: one on the board, one closed.
    for (const [companyName, jobFunction, note] of [
      [X_DATA.companyName, X_DATA.jobFunction, X_DATA.note],
      [X_DATA.closedCompanyName, 'Xeroxkopist', ''],
    ] as const) {
      keep('opening.register', first(await consultant.say('ny stilling')));
      const registered = first(
        await consultant.click(
          openingRegistration(companyName, { jobFunction, note, seats: '3', filled: '1', sector: 'handel' }),
        ),
      );
      assert.match(cardFullText(registered), /^Registreret/);
    }
    let own = first(await consultant.say('mine stillinger'));
    own = first(await consultant.click(dataNear(own, 'opening.close', X_DATA.closedCompanyName)));
    assert.match(cardFullText(own), /Registreringen for Xerox Lukket ApS er lukket/);
    keep('opening.reopen', own);
    keep('opening.close', own);
    keep('opening.update', first(await consultant.click(keep('opening.edit', own))));
    const board = first(await caseworker.say('stillinger'));
    keep('opening.candidate', board);
    keep('opening.fill', board);
    // The caseworker offers a candidate: the consultant's notice in their personal chat has the answer button.
    const postsBeforeOffer = connector.posts.length;
    await caseworker.click(dataNear(board, 'opening.candidate', X_DATA.companyName));
    const notice = connector.posts
      .slice(postsBeforeOffer)
      .map((post) => (post.body.attachments as { content: Card }[] | undefined)?.[0]?.content)
      .find((card) => actionData(card, 'opening.candidateAnswer') !== undefined);
    keep('opening.candidateAnswer', notice);

    // The morning meeting in X's channel.
    assert.match(
      cardFullText(first(await member(X, X.owner, channelOf(X)).say('morgenmøde her kl. 8.15'))),
      /Morgenmødet er sat op her/,
    );

    // Goals: two indicators, the caseworker a member with a weekly goal who logged the week, an annual target.
    let setup = first(await owner.say('mål opsæt'));
    await owner.click({ ...actionData(setup, 'goals.indicators'), indicators: 'kanvas,aabninger_ordinaere' });
    assert.match(cardFullText(first(await caseworker.say('mål tilmeld'))), /Du er med i målstyringen/);
    setup = first(await owner.say('mål opsæt'));
    const memberForm = first(
      await owner.click({ ...actionData(setup, 'goals.memberGoalsOpen'), goalMember: X.caseworker.id }),
    );
    setup = first(
      await owner.click({ ...actionData(memberForm, 'goals.memberGoals'), fromWeek: '20', kanvas: X_DATA.weeklyGoal }),
    );
    const targets = first(await owner.click(actionData(setup, 'goals.targetsOpen')));
    setup = first(await owner.click({ ...actionData(targets, 'goals.targets'), kanvas: X_DATA.annualTarget }));
    assert.match(cardFullText(setup), /mål for 1 af 2 indikatorer[\s\S]*Kanvas\n4\.711/);
    // The goals grid shows the weekly goal in the caseworker's box.
    const grid = first(await owner.click(actionData(setup, 'goals.teamGoalsOpen')));
    assert.ok(
      cardInputs(grid).some((input) => input.node.value === X_DATA.weeklyGoal),
      cardFullText(grid),
    );
    const logged = first(
      await caseworker.click({ ...keep('goals.log', first(await caseworker.say('mål'))), kanvas: X_DATA.loggedCount }),
    );
    assert.match(cardFullText(logged), /Kanvas\n673 \(mål 837\)/);
    keep('goals.logOpen', logged);
    keep('goals.join', first(await consultant.say('mål')));
    keep('goals.setup', first(await owner.say('mål')));
    // An indicator of X's own (not chosen in the plan: only its list and the catalogue offered in the set-up show it).
    const ownList = first(
      await owner.click({
        ...actionData(first(await owner.say('mål indikatorer')), 'goals.indicatorAdd'),
        label: X_DATA.ownIndicator,
        group: 'salg',
      }),
    );
    assert.match(cardFullText(ownList), /Gemt: "Xantippemøder" er tilføjet/);

    // The follow-up 13 weeks after the decided screening is due.
    const followUps = first(await caseworker.say('opfølgning'));
    assert.match(cardFullText(followUps), /XREF-2026-417 · 13 uger efter screeningen/);
    keep('followup.outcome', followUps);

    // The erasure's confirmation card (its "Slet" button is only clicked by attackers, never by X).
    keep('screening.erase', first(await owner.say(`slet screening ${X_DATA.decidedReference}`)));

    // The current versions and etags, as X's people's cards carry them now (X's own reads change nothing).
    const current = first(await owner.say('indstillinger'));
    keep('settings.save', current);
    keep('team.coLeaders', current);
    setup = first(await owner.say('mål opsæt'));
    for (const verb of ['goals.indicators', 'goals.members', 'goals.memberGoalsOpen', 'goals.targetsOpen']) {
      keep(verb, setup);
    }
    keep('goals.teamGoals', first(await owner.click(keep('goals.teamGoalsOpen', setup))));
    keep(
      'goals.memberGoals',
      first(await owner.click({ ...keep('goals.memberGoalsOpen', setup), goalMember: X.caseworker.id })),
    );
    keep('goals.targets', first(await owner.click(keep('goals.targetsOpen', setup))));
    const indicatorList = first(await owner.say('mål indikatorer'));
    for (const verb of ['goals.indicatorAdd', 'goals.indicatorRename', 'goals.indicatorRetire'])
      keep(verb, indicatorList);

    for (const data of xCardData.values()) {
      for (const key of ['screeningId', 'openingId', 'followUpId', 'etag', 'version']) {
        if (typeof data[key] === 'string') xIds.add(data[key]);
      }
    }
    for (const screeningId of [...xIds]) {
      for (const weeks of [13, 26, 39]) xIds.add(`${screeningId}:${weeks}`);
    }
    xIds.add(X.teamId);
  }

  /** Y and Z: goals with two members, a morning channel and an opening of their own (so they get scheduled messages). */
  async function seedOther(team: TeamSpec): Promise<void> {
    const owner = member(team, team.owner);
    const setup = first(await owner.say('mål opsæt'));
    assert.match(
      cardFullText(first(await owner.click({ ...actionData(setup, 'goals.indicators'), indicators: 'kanvas' }))),
      /Gemt/,
    );
    for (const person of [team.caseworker, team.consultant]) {
      assert.match(cardFullText(first(await member(team, person).say('mål tilmeld'))), /Du er med/);
    }
    assert.match(
      cardFullText(first(await member(team, team.owner, channelOf(team)).say('morgenmøde her'))),
      /Morgenmødet er sat op her/,
    );
    await member(team, team.consultant).click(openingRegistration(`${team.owner.name.slice(0, 4)} Egen A/S`));
  }

  // ---- what X's is, and what X sees ----

  /** X's words and ids: none may reach anyone outside X, unless they sent it themselves in that request. */
  const xStrings = (): string[] => [
    X_DATA.decidedReference,
    X_DATA.pendingReference,
    X_DATA.companyName,
    X_DATA.jobFunction,
    X_DATA.note,
    X_DATA.closedCompanyName,
    X_DATA.ownIndicator,
    ...X_PEOPLE.flatMap((person) => [person.name, person.id]),
    ...xIds,
  ];
  /** X's numbers as its cards show them: its settings, the weekly goal, the logged count, the annual target. */
  const X_NUMBERS: readonly RegExp[] = [
    new RegExp(`\\b${X_DATA.intensiveSharePercent} %`),
    new RegExp(`\\b${X_DATA.capacityWindowDays} dage`),
    new RegExp(`\\b${X_DATA.retentionDays} dage`),
    new RegExp(`\\b${X_DATA.weeklyGoal}\\b`),
    new RegExp(`\\b${X_DATA.loggedCount}\\b`),
    /\b4\.?711\b/,
  ];
  const X_INPUT_VALUES = new Set([
    X_DATA.intensiveSharePercent,
    X_DATA.capacityWindowDays,
    X_DATA.retentionDays,
    X_DATA.weeklyGoal,
    X_DATA.loggedCount,
    X_DATA.annualTarget,
  ]);

  /** What a reader sees on cards: texts, titles, labels, facts and the inputs' values. */
  function visibleText(cards: readonly unknown[]): string {
    return cards
      .map((card) =>
        [cardFullText(card), ...cardInputs(card).map((input) => String(input.node.value ?? ''))].join('\n'),
      )
      .join('\n');
  }

  /** What of X's a reply (its whole JSON, and what cards show) holds that the request did not send. */
  function xDataIn(request: unknown, reply: unknown): string[] {
    const sent = stringsIn(request);
    const sentByRequest = (text: string) => sent.some((value) => value.includes(text));
    const strings = stringsIn(reply);
    const found = xStrings().filter(
      (secret) => !sentByRequest(secret) && strings.some((text) => text.includes(secret)),
    );
    const cards = cardsOf(reply);
    const shown = visibleText(cards);
    found.push(...X_NUMBERS.filter((pattern) => pattern.test(shown)).map(String));
    for (const card of cards) {
      for (const input of cardInputs(card)) {
        if (X_INPUT_VALUES.has(String(input.node.value)) && !sentByRequest(String(input.node.value))) {
          found.push(`input ${input.id} = ${String(input.node.value)}`);
        }
      }
    }
    return found;
  }

  /** The links to a weekly report's file (`ugerapport eksport`) in the cards of an answer. */
  let filesChecked = 0;
  const exportLinksIn = (cards: readonly Card[]): string[] =>
    stringsIn(cards).filter((text) => /^http:\/\/127\.0\.0\.1:\d+\/exports\//.test(text));

  async function assertNoXData(answer: Answer, what: string): Promise<void> {
    assert.deepEqual(xDataIn(answer.activity, answer.body), [], `${what}: X's data in the answer`);
    // A file an attacker's link gives (their own team's report) holds nothing of X's either.
    for (const link of exportLinksIn(answer.cards)) {
      const file = await (await fetch(link, { signal: AbortSignal.timeout(15_000) })).text();
      filesChecked += 1;
      const leaks = [
        ...xStrings().filter((secret) => file.includes(secret)),
        ...[X_DATA.weeklyGoal, X_DATA.loggedCount, X_DATA.annualTarget].filter((number) =>
          file.includes(`;${number};`),
        ),
      ];
      assert.deepEqual(leaks, [], `${what}: X's data in the file of ${link.slice(0, 60)}`);
    }
  }

  /** What X's people see of X's data, through their own commands (cards, in full). */
  const X_VIEWS: readonly [Person, string][] = [
    [X.owner, 'stillinger'],
    [X.owner, 'indstillinger'],
    [X.owner, 'mål opsæt'],
    [X.owner, 'ugerapport uge 20'],
    [X.owner, 'ugerapport uge 7'],
    [X.owner, 'mål indikatorer'],
    [X.owner, 'mål år'],
    [X.owner, `vis screening ${X_DATA.decidedReference}`],
    [X.owner, `vis screening ${X_DATA.pendingReference}`],
    [X.caseworker, 'screening'],
    [X.caseworker, 'mål'],
    [X.caseworker, 'opfølgning'],
    [X.consultant, 'mine stillinger'],
    [X.consultant, 'mål'],
  ];
  async function xView(): Promise<Record<string, Card[]>> {
    const view: Record<string, Card[]> = {};
    for (const [person, text] of X_VIEWS)
      view[`${person.id}: ${text}`] = (await send(person, X.tenantId, CHAT, { text })).cards;
    return view;
  }

  /** The containers of X's records, stored by team (not conversations, turn claims, job runs or the audit trail). */
  const RECORDS: readonly TableName[] = [
    'screenings',
    'teamSettings',
    'teamRosters',
    'openings',
    'morningMeetings',
    'goalPlans',
    'weeklyLogs',
    'followUps',
  ];
  /** X's records as stored (without the server's fields, and the time its roster was last read), and who is in its audit trail. */
  async function xStored(): Promise<{ records: string; auditActors: string[] }> {
    assert.ok(store !== undefined);
    const records: Record<string, unknown[]> = {};
    for (const name of RECORDS) {
      records[name] = store
        .all(name)
        .filter((document) => document.teamId === X.teamId)
        .map((document) =>
          Object.fromEntries(
            Object.entries(document).filter(
              ([key]) => !key.startsWith('_') && !(name === 'teamRosters' && key === 'refreshedAt'),
            ),
          ),
        )
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    const audit = store.all('auditEvents').filter((event) => event.teamId === X.teamId);
    return {
      records: JSON.stringify(records),
      auditActors: [...new Set(audit.map((event) => String(event.actorId)))].sort(),
    };
  }

  let xViewAfterSeeding: Record<string, Card[]>;
  let xStoredAfterSeeding: string;

  /** X's people see what they saw after seeding; X's records are as stored then; only X's people are in its audit trail. */
  async function assertXUnchanged(): Promise<void> {
    assert.deepEqual(await xView(), xViewAfterSeeding, 'what X’s people see of X changed');
    const stored = await xStored();
    assert.equal(stored.records, xStoredAfterSeeding, 'X’s stored records changed');
    const xPeople = new Set(X_PEOPLE.map((person) => person.id));
    assert.deepEqual(
      stored.auditActors.filter((actor) => !xPeople.has(actor)),
      [],
      'someone outside X in X’s audit trail',
    );
  }

  // ---- the connector: what the bot sent, and to whom ----

  /** The conversations of X's people and X's channel. */
  const X_CONVERSATIONS = new Set([...X_PEOPLE.map((person) => `a:${person.id}`), X.channel]);
  /** The conversation a send goes to (or the members of a conversation it creates). */
  function addressOf(post: ConnectorPost): string {
    const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(post.path);
    if (match?.[1] !== undefined) return decodeURIComponent(match[1]);
    return JSON.stringify((post.body as { members?: unknown }).members ?? post.path);
  }
  const toX = (post: ConnectorPost): boolean =>
    X_CONVERSATIONS.has(addressOf(post)) || X_PEOPLE.some((person) => addressOf(post).includes(`"${person.id}"`));

  /** Nothing the bot sent outside X holds X's data. */
  function assertNoXDataSentElsewhere(posts: readonly ConnectorPost[]): void {
    for (const post of posts.filter((sent) => !toX(sent))) {
      assert.deepEqual(xDataIn({}, { activities: [post.body] }), [], `sent to ${addressOf(post)}: X's data`);
    }
  }

  // ---- the attackers, and what they send ----

  interface Attacker {
    label: string;
    person: Person;
    tenantId: string;
  }
  const ATTACKERS: readonly Attacker[] = [
    { label: 'Y’s owner', person: Y.owner, tenantId: Y.tenantId },
    { label: 'Y’s caseworker', person: Y.caseworker, tenantId: Y.tenantId },
    { label: 'Z’s owner (another tenant)', person: Z.owner, tenantId: Z.tenantId },
    { label: 'a person of X’s tenant in no team', person: NOBODY, tenantId: TENANT_1 },
  ];
  /** In their own personal chat, the same naming X's team in its channel data, and in X's channel (which they are not members of). */
  const PLACES = ['chat', 'chat naming X’s team', 'X’s channel'] as const;
  type Place = (typeof PLACES)[number];
  /** The place, at X or at a team that exists nowhere. */
  function placeOf(place: Place, team: { teamId: string; channel: string } = X): Where {
    switch (place) {
      case 'chat':
        return CHAT;
      case 'chat naming X’s team':
        return { kind: 'chat', teamId: team.teamId };
      case 'X’s channel':
        return channelOf(team);
    }
  }

  /** A command's typical arguments; every other command of the catalog is sent without any. */
  const COMMAND_ARGUMENTS: Partial<Record<CommandId, readonly string[]>> = {
    maal: ['', 'uge 20', 'uge 7 2026'],
    ugerapport: ['', 'uge 20', 'uge 7 2026'],
    ugerapport_eksport: ['', 'uge 20', 'år', 'uge 7 2026'],
    maal_aar: ['', '2026'],
    morgenmoede: ['nu', 'her kl. 8.15'],
    vis_screening: [X_DATA.decidedReference, X_DATA.pendingReference],
    slet_screening: [X_DATA.decidedReference, X_DATA.pendingReference],
  };
  const commandTexts = (): string[] =>
    COMMANDS.flatMap((command) =>
      (COMMAND_ARGUMENTS[command.id] ?? ['']).map((args) => `${command.keyword} ${args}`.trim()),
    );

  /**
   * What an attacker types into X's card data (the card's inputs are the clicker's own): values that a
   * successful write would show in X's state. The ids, versions and etags stay X's.
   */
  const ATTACKER_INPUTS: Partial<Record<string, Data>> = {
    'settings.save': { intensiveSharePercent: '12', capacityWindowDays: '60', retentionDays: '60' },
    'team.coLeaders': { coLeaders: `${X.caseworker.id},${Y.caseworker.id}` },
    'goals.indicatorAdd': { label: 'Angrebsmøder', group: 'salg' },
    'goals.indicatorRename': { indicatorId: 'egen_xantippemoeder', newLabel: 'Angrebsnavn' },
    'goals.indicatorRetire': { indicatorId: 'egen_xantippemoeder' },
    'capacity.calculate': {
      citizens: '330',
      talkDaysPerWeek: '3',
      weeksPerFullTimeYear: '44',
      talksPerDay: '4',
      intensiveSharePercent: '30',
      scenario: 'intensive-24',
    },
    // A "Mente du …?" button runs a command as if typed: naming X's screening must be refused as typing it is.
    'command.run': { command: `vis screening ${X_DATA.decidedReference}` },
    'screening.start': { caseReference: 'ANGREB-2026-1' },
    'screening.section': Object.fromEntries(
      ['caseworkerAssessment', 'motivation', 'danishProficiency'].map((id) => [id, CARD_ANSWERS[id]]),
    ),
    'screening.override': { finalTrack: 'doedvaegt', reasonCode: 'andet', reasonText: 'Angreb' },
    'opening.register': openingRegistration('Angreb A/S'),
    'opening.candidateAnswer': { answer: 'Angreb: ring til mig' },
    'opening.update': {
      companyName: 'Overtaget A/S',
      cvr: '10150817',
      sector: 'handel',
      result: 'ordinaer_aabning',
      jobFunction: 'Angriber',
      seats: '9',
      filled: '9',
    },
    'goals.log': { kanvas: '999', aabninger_ordinaere: '9' },
    'goals.indicators': { indicators: 'jobsamtaler' },
    'goals.members': { members: '', membersFromWeek: '20' },
    'goals.memberGoalsOpen': { goalMember: X.caseworker.id },
    'goals.memberGoals': { fromWeek: '20', kanvas: '1', aabninger_ordinaere: '1' },
    'goals.targets': { kanvas: '1', aabninger_ordinaere: '1' },
    'goals.teamGoals': { fromWeek: '20', g0_0: '1', g0_1: '1' },
    'followup.outcome': { outcome: 'uddannelse' },
    'team.choose': { teamId: X.teamId },
  };

  /** The data an attacker clicks with: X's card's data (or, for a verb X's cards lack, all of X's ids) and their own inputs. */
  function attackData(verb: string): Data {
    const xData: Data = {
      ...(xCardData.get(verb) ?? {
        screeningId: xCardData.get('screening.accept')?.screeningId,
        openingId: xCardData.get('opening.fill')?.openingId,
        followUpId: xCardData.get('followup.outcome')?.followUpId,
        teamId: X.teamId,
        year: 2026,
        etag: xCardData.get('goals.members')?.etag,
      }),
    };
    delete xData.verb;
    return { ...xData, ...ATTACKER_INPUTS[verb] };
  }

  // ---- the same question about a thing that exists nowhere ----

  /** Each of X's ids (and case references, team, channel, people) against one of the same shape that nothing has. */
  function nowhereNames(): [string, string][] {
    const names: [string, string][] = [
      [X_DATA.decidedReference, NOWHERE_REFERENCE],
      [X_DATA.pendingReference, 'NOWHERE-2026-2'],
      [X.teamId, NOWHERE_TEAM.teamId],
      [X.channel, NOWHERE_TEAM.channel],
      ...X_PEOPLE.map((person, index): [string, string] => [person.id, `nowhere-person-${index}`]),
    ];
    let counter = 0;
    for (const id of xIds) {
      // Follow-up ids are "<screening id>:<weeks>": the screening id's stand-in makes theirs.
      if (/:\d+$/.test(id)) continue;
      counter += 1;
      names.push([
        id,
        /^[0-9a-f-]{36}$/.test(id)
          ? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`
          : `nowhere-${counter}`,
      ]);
    }
    return names;
  }
  /** Every string in `value` with each name replaced (X's by nowhere's, or back). */
  function renamed(value: unknown, names: readonly [string, string][]): unknown {
    if (typeof value === 'string') return names.reduce((text, [from, to]) => text.split(from).join(to), value);
    if (Array.isArray(value)) return value.map((item) => renamed(item, names));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renamed(item, names)]));
    }
    return value;
  }
  /** Whether a request names something of X's. */
  const namesX = (value: unknown): boolean => {
    const names = nowhereNames().map(([x]) => x);
    return stringsIn(value).some((text) => names.some((name) => text.includes(name)));
  };
  /** A version number of X's (a settings version) as one no team has. */
  const withNowhereVersion = (data: Data): Data =>
    typeof data.version === 'number' ? { ...data, version: 9999 } : data;

  /**
   * Sends `act` as `attacker` at `place`, checks that the answer holds nothing of X's, and when the
   * request names X's thing (an id of X's, or X's channel), that the answer is the one about a thing
   * that exists nowhere: the same request with nowhere's ids, in a channel of a team nobody has.
   */
  async function attack(attacker: Attacker, place: Place, act: Act): Promise<void> {
    const what = `${attacker.label} in ${place}: ${JSON.stringify(act).slice(0, 300)}`;
    const answer = await send(attacker.person, attacker.tenantId, placeOf(place), act);
    // ISOLATION_DUMP=1 prints what each attacker was answered.
    if (process.env['ISOLATION_DUMP'] !== undefined)
      console.log(`---- ${what}\n${answer.cards.map((card) => cardFullText(card).slice(0, 300)).join('\n')}`);
    await assertNoXData(answer, what);
    const versioned = 'verb' in act && typeof act.data.version === 'number';
    if (place === 'chat' && !namesX(act) && !versioned) return;
    const names = nowhereNames();
    const nowhereAct = renamed('verb' in act ? { ...act, data: withNowhereVersion(act.data) } : act, names) as Act;
    const nowhere = await send(attacker.person, attacker.tenantId, placeOf(place, NOWHERE_TEAM), nowhereAct);
    await assertNoXData(nowhere, `${what} (about nothing)`);
    const back = names.map(([x, other]): [string, string] => [other, x]);
    // What the cards show (their data may carry the new ids of what the attacker's own team just stored).
    assert.equal(
      visibleText(answer.cards),
      visibleText(renamed(nowhere.cards, back) as Card[]),
      `${what}: not the answer about a thing that exists nowhere`,
    );
  }

  // ---- the suite ----

  before(async () => {
    bot = await startTestBot({}, { clock: { now: () => now } });
    store = new StoredDocuments(bot.dataDir);
    connector = await startFakeConnector();
    for (const team of [X, Y, Z]) {
      await joinTeam(bot.baseUrl, connector, team.owner, [team.caseworker, team.consultant], {
        teamId: team.teamId,
        tenantId: team.tenantId,
      });
    }
    await seedX();
    await seedOther(Y);
    await seedOther(Z);
    xViewAfterSeeding = await xView();
    xStoredAfterSeeding = (await xStored()).records;
  });

  after(async () => {
    store?.close();
    await bot?.stop();
    await connector?.close();
  });

  it('when X is seeded through real turns, then X’s people see X’s data, and the checks would catch it anywhere else', async () => {
    const shown = JSON.stringify(xViewAfterSeeding);
    for (const text of [X_DATA.companyName, X_DATA.decidedReference, X_DATA.pendingReference, X.caseworker.name]) {
      assert.ok(shown.includes(text), text);
    }
    assert.deepEqual(await xView(), xViewAfterSeeding, 'X’s own reads change nothing X sees');
    for (const verb of CARD_VERBS.filter(
      (verb) => !['help.show', 'command.run', 'capacity.calculate', 'team.choose'].includes(verb),
    )) {
      assert.ok(xCardData.has(verb), `${verb}: seed X (seedX) so that one of its cards carries this verb's data`);
    }
    // The leak check finds each kind of X's data in X's own answers …
    const found = new Set<string>();
    for (const [person, text] of X_VIEWS) {
      const answer = await send(person, X.tenantId, CHAT, { text });
      for (const leak of xDataIn({}, answer.body)) found.add(leak);
    }
    for (const expected of [
      X_DATA.companyName,
      X_DATA.decidedReference,
      X_DATA.ownIndicator,
      X.consultant.name,
      ...X_NUMBERS.map(String),
    ]) {
      assert.ok(found.has(expected), `the check finds ${expected} in X's own answers`);
    }
    // … and in X's own report file, which the file check would see.
    const exported = await send(X.owner, X.tenantId, CHAT, { text: 'ugerapport eksport uge 20' });
    const [xLink] = exportLinksIn(exported.cards);
    assert.ok(xLink !== undefined, 'X’s owner gets a link to the file');
    await assert.rejects(assertNoXData(exported, 'X’s own file'), /X's data in the file/);
    // … and tells X's answer about X's screening from the answer about a screening that exists nowhere.
    await assert.rejects(async () => {
      const names = nowhereNames();
      const real = await send(X.owner, X.tenantId, CHAT, { text: `vis screening ${X_DATA.decidedReference}` });
      const nowhere = await send(X.owner, X.tenantId, CHAT, { text: `vis screening ${NOWHERE_REFERENCE}` });
      assert.deepEqual(
        real.cards,
        renamed(
          nowhere.cards,
          names.map(([x, other]) => [other, x]),
        ),
      );
    }, assert.AssertionError);
  });

  it('when Y’s owner and caseworker, Z’s owner and a person of no team send every command, in their chat (also naming X’s team) and in X’s channel, then no answer holds X’s data, and a question naming X’s thing is answered as one about nothing', async () => {
    const postsBefore = connector.posts.length;
    const texts = commandTexts();
    for (const text of texts) {
      for (const attacker of ATTACKERS) for (const place of PLACES) await attack(attacker, place, { text });
    }
    assert.ok(texts.length >= COMMANDS.length);
    assert.ok(filesChecked > 0, 'an attacker who leads a team got a link to a file, and the file was checked');
    const sent = connector.posts.slice(postsBefore);
    assert.deepEqual(sent.filter(toX).map(addressOf), [], 'the commands made the bot send to X');
    assertNoXDataSentElsewhere(sent);
    await assertXUnchanged();
  });

  it('when they click every card verb with the data of X’s own cards (Action.Execute and Action.Submit, in their chat, also naming X’s team, and in X’s channel), then X is unchanged, nothing is sent to X, and the answers are those about nothing', async () => {
    const postsBefore = connector.posts.length;
    for (const verb of CARD_VERBS) {
      for (const attacker of ATTACKERS) {
        for (const place of PLACES) {
          for (const kind of ['invoke', 'submit'] as const)
            await attack(attacker, place, { verb, data: attackData(verb), as: kind });
        }
      }
    }
    const sent = connector.posts.slice(postsBefore);
    assert.deepEqual(sent.filter(toX).map(addressOf), [], 'the attacks made the bot send to X');
    assertNoXDataSentElsewhere(sent);
    await assertXUnchanged();
  });

  it('when attackers, places, commands, card verbs and X’s ids are mixed at random (fast-check), then no answer holds X’s data and X is unchanged', async () => {
    const postsBefore = connector.posts.length;
    /** X's ids and references, and the fields of card data that carry ids. */
    const xId = fc.constantFrom(...nowhereNames().map(([x]) => x), ...[...xIds].filter((id) => /:\d+$/.test(id)));
    const ID_FIELDS = [
      'screeningId',
      'openingId',
      'followUpId',
      'teamId',
      'etag',
      'version',
      'userId',
      'goalMember',
      'coLeaders',
      'members',
    ];
    const command: fc.Arbitrary<Act> = fc
      .tuple(
        fc.constantFrom(...COMMANDS),
        fc.oneof(fc.constant(''), fc.constantFrom(...Object.values(COMMAND_ARGUMENTS).flat()), xId),
      )
      .map(([chosen, args]) => ({ text: `${chosen.keyword} ${args}`.trim() }));
    const click: fc.Arbitrary<Act> = fc
      .record({
        verb: fc.constantFrom(...CARD_VERBS),
        as: fc.constantFrom('invoke' as const, 'submit' as const),
        // Another verb's data, or X's ids in other fields: a card's data pieced together from X's cards.
        borrowed: fc.option(fc.constantFrom(...CARD_VERBS), { nil: undefined }),
        swapped: fc.array(fc.tuple(fc.constantFrom(...ID_FIELDS), xId), { maxLength: 3 }),
        year: fc.option(fc.constantFrom(2025, 2026, 2027), { nil: undefined }),
      })
      .map(({ verb, as, borrowed, swapped, year }) => ({
        verb,
        as,
        data: {
          ...attackData(verb),
          ...(borrowed === undefined ? {} : attackData(borrowed)),
          ...Object.fromEntries(swapped),
          ...(year === undefined ? {} : { year }),
        },
      }));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ATTACKERS),
        fc.constantFrom(...PLACES),
        fc.oneof(command, click),
        async (attacker, place, act) => {
          const answer = await send(attacker.person, attacker.tenantId, placeOf(place), act);
          await assertNoXData(answer, `${attacker.label} in ${place}: ${JSON.stringify(act)}`);
        },
      ),
      // A failure prints its seed and path: replay with ISOLATION_SEED=<seed> ISOLATION_PATH=<path>.
      {
        numRuns: 1500,
        ...(process.env['ISOLATION_SEED'] === undefined ? {} : { seed: Number(process.env['ISOLATION_SEED']) }),
        ...(process.env['ISOLATION_PATH'] === undefined ? {} : { path: process.env['ISOLATION_PATH'] }),
      },
    );
    const sent = connector.posts.slice(postsBefore);
    assert.deepEqual(sent.filter(toX).map(addressOf), [], 'the attacks made the bot send to X');
    assertNoXDataSentElsewhere(sent);
    await assertXUnchanged();
  });

  it('when the scheduled jobs run (the morning post, follow-up reminders, Friday 13:00, Monday 08:00), then nothing sent to Y’s or Z’s people or channels, or anyone outside X, holds X’s data', async () => {
    const postsBefore = connector.posts.length;
    const tick = async (at: string) => {
      now = new Date(at);
      await bot?.runScheduledJobs();
    };
    await tick('2026-05-15T06:15:00Z'); // Friday 08:15 in Copenhagen: the morning boards
    await tick('2026-05-15T06:30:00Z');
    await tick('2026-05-15T07:00:00Z'); // 09:00: follow-up reminders
    await tick('2026-05-15T11:00:00Z'); // 13:00: the reminders to log the week
    await tick('2026-05-18T06:00:00Z'); // Monday 08:00: the weekly summaries to leaders
    await tick('2026-05-18T06:30:00Z'); // 08:30: the morning boards
    const sent = connector.posts.slice(postsBefore);
    const to = (conversation: string) => sent.filter((post) => addressOf(post) === conversation);
    const texts = (conversation: string) =>
      visibleText(to(conversation).flatMap((post) => cardsOf({ activities: [post.body] })));
    // Not vacuous: Y and Z got their own scheduled messages, and X's carry X's data (which the check would see).
    for (const team of [Y, Z]) {
      assert.match(texts(team.channel), /^Tavlen/, `${team.teamId}: the morning board`);
      assert.match(texts(`a:${team.owner.id}`), /Ugerapport uge 20 2026/, `${team.teamId}: the Monday summary`);
      assert.match(
        texts(`a:${team.consultant.id}`),
        /Påmindelse: du har ikke registreret dine tal for uge 20/,
        `${team.teamId}: the Friday reminder`,
      );
    }
    assert.match(texts(X.channel), new RegExp(X_DATA.companyName), 'X’s board in X’s channel');
    assert.match(texts(`a:${X.owner.id}`), /Ugerapport uge 20 2026[\s\S]*Xaver Xsagsen/, 'X’s summary to X’s owner');
    assert.match(texts(`a:${X.caseworker.id}`), /XREF-2026-417/, 'the follow-up reminder to X’s caseworker');
    assert.ok(
      xDataIn({}, { activities: to(`a:${X.owner.id}`).map((post) => post.body) }).length > 0,
      'the check sees X’s data in X’s summary',
    );

    assert.ok(sent.filter((post) => !toX(post)).length >= 6);
    assertNoXDataSentElsewhere(connector.posts);
  });
});
