import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LogLevel } from '../../bot/config/app-config';
import { createLogger } from '../../bot/logging/logger';
import { StoredDocuments } from '../support/stored-documents';
import {
  cardSubmitActivity,
  invokeActivity,
  messageActivity,
  userActivity,
  type ActivityOptions,
  type TeamsUser,
} from '../support/activities';
import { cardText } from '../support/bot-under-test';
import { actionData, cardInputs } from '../support/card-inputs';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import {
  hostileCardSubmit,
  hostileMessage,
  hostileOtherActivity,
  hostileRawBody,
  type HostileContext,
} from '../support/hostile-activities';
import { assertSensibleAnswer, stringsIn, userFacingTexts, type BotHttpResponse } from '../support/reply-checks';
import { startTestBot } from '../support/running-bot';
import { CARD_ANSWERS } from '../support/screening-answers';
import { joinTeam } from '../support/test-team';

/** Longest a single answer may take before it counts as a hang (a busy 2-core CI machine, 1 MB bodies). */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Replay a failure: fast-check prints the seed and path of the counterexample; run this file with
 * HOSTILE_SEED=<seed> HOSTILE_PATH=<path> and `--grep` for the property's name.
 */
function runOptions(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env['HOSTILE_SEED'];
  const replayPath = process.env['HOSTILE_PATH'];
  return {
    numRuns,
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(replayPath === undefined ? {} : { path: replayPath }),
  };
}

type Card = Record<string, unknown>;

/** One municipality (tenant) with two job-centre teams: the victim team and the attacker's team. */
const VICTIM_TENANT = 'victim-7c0d2f';
const VICTIM_TEAM = '19:victim-team-7c0d2f@thread.tacv2';
const VICTIM = {
  leader: { id: 'victim-leader', name: 'Lone Offerleder' },
  consultant: { id: 'victim-vk', name: 'Vibeke Offer' },
  caseworker: { id: 'victim-cw', name: 'Carsten Offer' },
  channel: '19:victim-channel@thread.tacv2',
  companyName: 'Offer Hemmelig A/S',
  jobFunction: 'Hemmelig Funktion',
  note: 'Hemmelig note 4711',
  caseReference: 'OFFER-2026-1',
};
const VICTIM_PEOPLE = [VICTIM.leader, VICTIM.consultant, VICTIM.caseworker];
const VICTIM_USER_IDS = VICTIM_PEOPLE.map((person) => person.id);
/** The other team of the victim's tenant: the attacker owns it (installed the bot there); a colleague is a member. */
const ATTACKER_TEAM = '19:attacker-team-7c0d2f@thread.tacv2';
const ATTACKER = {
  owner: { id: 'attacker-1', name: 'Anders Angriber' },
  member: { id: 'attacker-2', name: 'Agnete Angriber' },
};
/** Someone of the victim's tenant in no team with the bot. */
const STRANGER = { id: 'stranger-1', name: 'Sune Udenfor' };
/** A tenant of attackers who use the victim team's user ids there. */
const OTHER_TENANT = 'attacker-b';
/** The containers of a team's records (not its conversations and turn claims). */
const RECORD_CONTAINERS = ['openings', 'screenings', 'auditEvents', 'teamSettings', 'teamRosters', 'morningMeetings'];

/** What only the victim team may ever see. */
const SECRETS = [
  VICTIM.companyName,
  VICTIM.jobFunction,
  VICTIM.note,
  VICTIM.consultant.name,
  VICTIM.caseworker.name,
  VICTIM.caseReference,
];

/**
 * Hostile input (issue 6): thousands of malformed activities and card submits through the real HTTP
 * path (restify, CloudAdapter, the bot, storage). Each gets a 2xx/4xx with a sensible Danish answer,
 * the process keeps serving, a seeded victim team's stored data never changes, and its data is never
 * shown to anyone outside it: neither to the members of another team in its tenant, nor to other tenants.
 */
describe('hostile input on POST /api/messages (property-based, real HTTP and storage)', function () {
  this.timeout(300_000);
  let store: StoredDocuments | undefined;
  let connector: FakeConnector;
  let bot: Awaited<ReturnType<typeof startTestBot>> | undefined;
  let context: HostileContext;
  let victimSnapshot: string;
  const victimIds: { openingId: string; screeningId: string } = { openingId: '', screeningId: '' };

  /** Posts a body as JSON (or raw); a hang fails the test. */
  async function post(body: unknown, options: { raw?: string; contentType?: string } = {}): Promise<BotHttpResponse> {
    assert.ok(bot !== undefined);
    let response: Response;
    try {
      response = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': options.contentType ?? 'application/json' },
        body: options.raw ?? JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      assert.fail(`no answer within ${REQUEST_TIMEOUT_MS} ms (${String(error)})`);
    }
    const text = await response.text();
    let parsed: unknown = text === '' ? undefined : text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: kept as text.
    }
    return { status: response.status, body: parsed };
  }

  /** A member of the victim team (seeding is done through valid actions only), in their personal chat or the team's channel. */
  const victim = (person: TeamsUser, channel = false): ActivityOptions => ({
    user: person,
    tenantId: VICTIM_TENANT,
    serviceUrl: connector.url,
    ...(channel ? { conversationType: 'channel', conversationId: VICTIM.channel, teamId: VICTIM_TEAM } : {}),
  });

  /** The first card of a reply (message attachment or invoke response). */
  function firstCard(response: BotHttpResponse): Card {
    const activities = (response.body as { activities: Record<string, unknown>[] }).activities;
    for (const activity of activities) {
      const attachment = (activity.attachments as { content: Card }[] | undefined)?.[0];
      if (attachment !== undefined) return attachment.content;
      const invoked = (activity.value as { body?: { value?: unknown } } | undefined)?.body?.value;
      if (typeof invoked === 'object' && invoked !== null) return invoked as Card;
    }
    assert.fail(`no card in ${JSON.stringify(response.body).slice(0, 500)}`);
  }

  async function seedVictim(): Promise<void> {
    const leader = VICTIM.leader;
    // The leader installs the bot in the victim team (so owns it there); the others are its members.
    await joinTeam(bot?.baseUrl ?? '', connector, leader, [VICTIM.consultant, VICTIM.caseworker], {
      teamId: VICTIM_TEAM,
      tenantId: VICTIM_TENANT,
    });
    const member = firstCard(await post(messageActivity('indstillinger', victim(VICTIM.consultant))));
    assert.match(cardText(member), /Kun teamets ledere kan ændre indstillingerne/, 'a member does not lead');
    assert.equal(actionData(member, 'settings.save'), undefined);
    const settings = firstCard(await post(messageActivity('indstillinger', victim(leader))));
    assert.match(cardText(settings), /Ret indstillingerne/);
    const saved = firstCard(
      await post(
        cardSubmitActivity(
          { ...actionData(settings, 'settings.save'), intensiveSharePercent: '25', retentionDays: '120' },
          victim(leader),
        ),
      ),
    );
    assert.match(cardText(saved), /Gemt som version 2/);
    assert.match(
      cardText(firstCard(await post(messageActivity('morgenmøde her kl. 8.15', victim(leader, true))))),
      /Morgenmødet er sat op her/,
    );

    const registered = firstCard(
      await post(
        cardSubmitActivity(
          {
            verb: 'opening.register',
            companyName: VICTIM.companyName,
            cvr: '10150817',
            sector: 'handel',
            result: 'ordinaer_aabning',
            jobFunction: VICTIM.jobFunction,
            seats: '3',
            filled: '1',
            note: VICTIM.note,
          },
          victim(VICTIM.consultant),
        ),
      ),
    );
    assert.match(cardText(registered), /Registreret/);
    const mine = firstCard(await post(messageActivity('mine stillinger', victim(VICTIM.consultant))));
    const openingId = actionData(mine, 'opening.close')?.openingId;
    assert.ok(typeof openingId === 'string');
    victimIds.openingId = openingId;

    const caseworker = VICTIM.caseworker;
    const invoke = (verb: string, data: Record<string, unknown>) =>
      post(invokeActivity(verb, data, victim(caseworker))).then(firstCard);
    const start = firstCard(await post(messageActivity('screening', victim(caseworker))));
    let card = await invoke('screening.start', {
      ...actionData(start, 'screening.start'),
      caseReference: VICTIM.caseReference,
    });
    for (let section = 1; section <= 5; section += 1) {
      const data: Record<string, unknown> = { ...actionData(card, 'screening.section') };
      for (const input of cardInputs(card)) data[input.id] = CARD_ANSWERS[input.id];
      card = await invoke('screening.section', data);
    }
    const accept = actionData(card, 'screening.accept');
    assert.ok(typeof accept?.screeningId === 'string', 'the screening reached its result');
    victimIds.screeningId = accept.screeningId;
    assert.match(cardText(await invoke('screening.accept', accept)), /Screening gemt/);

    // What the victim's own members see (a read is audited, so this belongs to the seeding).
    const board = userFacingTexts((await post(messageActivity('stillinger', victim(VICTIM.leader)))).body).join('\n');
    assert.match(board, new RegExp(VICTIM.companyName));
    const viewed = await post(messageActivity(`vis screening ${VICTIM.caseReference}`, victim(caseworker)));
    assert.match(userFacingTexts(viewed.body).join('\n'), new RegExp(VICTIM.caseReference));
  }

  /** A conversation of the victim team: a member's personal chat, or one of the team's channels. */
  const victimConversation = (document: Record<string, unknown>): boolean =>
    stringsIn(document.conversationId).some(
      (id) => id.startsWith('a:victim-') || id === VICTIM.channel || id === VICTIM_TEAM,
    );

  /**
   * Whether a stored document is the victim team's: its records (by team id), and in its tenant its
   * conversations and its members' choices; the turn claims of its conversations. Another tenant's
   * conversation that happens to carry the same id is not the victim's, nor is a conversation of an
   * attacker that names the victim team's id (the bot never looks conversations up by team).
   */
  function isVictims(container: string, document: Record<string, unknown>): boolean {
    switch (container) {
      case 'installations':
        return (
          document.tenantId === VICTIM_TENANT &&
          (victimConversation(document) || VICTIM_USER_IDS.includes(String(document.userId)))
        );
      case 'processedActivities':
        return victimConversation(document);
      default:
        return document.teamId === VICTIM_TEAM;
    }
  }

  /**
   * Everything stored for the victim team (in `only` these containers, if given), without the server's
   * own fields, in a stable order. Its roster is compared without the time it was last read from Teams:
   * a stranger writing in its channel has it read again (at most once a minute), which changes nothing
   * of it.
   */
  async function snapshotVictim(only?: readonly string[], without: readonly string[] = []): Promise<string> {
    assert.ok(store !== undefined);
    const snapshot: Record<string, unknown[]> = {};
    for (const name of store.collections) {
      if (only !== undefined && !only.includes(name)) continue;
      snapshot[name] = store
        .all(name)
        .filter((document) => isVictims(name, document))
        .map((document) =>
          Object.fromEntries(
            Object.entries(document).filter(
              ([key]) =>
                !key.startsWith('_') &&
                !without.includes(key) &&
                !(name === 'teamRosters' && document.id === 'members' && key === 'refreshedAt'),
            ),
          ),
        )
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    return JSON.stringify(snapshot);
  }

  async function assertStillServing(): Promise<void> {
    assert.ok(bot !== undefined);
    const health = await fetch(`${bot.baseUrl}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    assert.equal(health.status, 200);
    const help = await post(
      messageActivity('hjælp', {
        user: { id: 'probe', name: 'Probe' },
        tenantId: 'probe-tenant',
        serviceUrl: connector.url,
      }),
    );
    assert.match(userFacingTexts(help.body).join('\n'), /^Hjælp/);
  }

  let fresh = 0;
  /** Every text sent so far by the generated activities. */
  const sentEarlier = new Set<string>();
  /** Registrations the bot confirmed ("Registreret"), and the openings stored before the generated traffic. */
  let confirmedRegistrations = 0;
  let openingsAfterSeeding = 0;

  /** Sends one generated activity and checks the answer. */
  async function sendAndCheck(generated: Record<string, unknown>): Promise<void> {
    // A shrunk counterexample reuses its ids; a repeated id is a repeated delivery, answered once.
    fresh += 1;
    const activity = typeof generated.id === 'string' ? { ...generated, id: `${generated.id}-${fresh}` } : generated;
    const postedBefore = connector.posts.length;
    const response = await post(activity);
    assertSensibleAnswer(activity, response, SECRETS, sentEarlier);
    // Replies of a normal delivery (and any proactive message) went through the connector instead.
    const posted = connector.posts.slice(postedBefore).map((entry) => entry.body);
    assertSensibleAnswer(activity, { status: 200, body: { activities: posted } }, SECRETS, sentEarlier);
    // Short texts only: what a later answer may show from storage (huge ones are refused or cut).
    for (const text of stringsIn(activity)) if (text.length <= 1000) sentEarlier.add(text);
    const answered =
      response.status === 200 &&
      activity.deliveryMode === 'expectReplies' &&
      typeof activity.id === 'string' &&
      (activity.type === 'message' || (activity.type === 'invoke' && activity.name === 'adaptiveCard/action'));
    if (answered) {
      assert.ok(userFacingTexts(response.body).length > 0, 'a message or card action got no answer');
    }
    const confirmations = [...userFacingTexts(response.body), ...userFacingTexts({ activities: posted })];
    confirmedRegistrations += confirmations.filter((text) => text.startsWith('Registreret\n')).length;
  }

  /** Openings stored by anyone, in any team. */
  async function openingCount(): Promise<number> {
    assert.ok(store !== undefined);
    return store.all('openings').length;
  }

  /** Nothing is stored except through valid actions: every stored opening is one whose registration was confirmed. */
  async function assertOpeningsOnlyFromConfirmedRegistrations(): Promise<void> {
    assert.equal(await openingCount(), openingsAfterSeeding + confirmedRegistrations);
  }

  before(async () => {
    // HOSTILE_LOG=warn shows the bot's log while replaying a failure.
    bot = await startTestBot({}, { logger: createLogger((process.env['HOSTILE_LOG'] as LogLevel) ?? 'silent') });
    store = new StoredDocuments(bot.dataDir);
    connector = await startFakeConnector();
    await seedVictim();
    // The attacker installs the bot in their own team of the same tenant (so owns it there).
    await joinTeam(bot.baseUrl, connector, ATTACKER.owner, [ATTACKER.member], {
      teamId: ATTACKER_TEAM,
      tenantId: VICTIM_TENANT,
    });
    victimSnapshot = await snapshotVictim();
    openingsAfterSeeding = await openingCount();
    context = {
      serviceUrl: connector.url,
      victimTenant: VICTIM_TENANT,
      victimTeamId: VICTIM_TEAM,
      victimIds: [victimIds.openingId, victimIds.screeningId, VICTIM.caseReference, VICTIM_TEAM],
      victimUserIds: VICTIM_USER_IDS,
      insider: { teamId: ATTACKER_TEAM, userIds: [ATTACKER.owner.id, ATTACKER.member.id, STRANGER.id] },
    };
  });

  after(async () => {
    store?.close();
    await bot?.stop();
    await connector?.close();
  });

  it('when the victim team is seeded through valid actions, then its settings, opening and screening are stored', () => {
    const stored = JSON.parse(victimSnapshot) as Record<string, unknown[]>;
    assert.equal(stored.openings?.length, 1);
    assert.equal(stored.screenings?.length, 1);
    assert.ok((stored.teamSettings?.length ?? 0) >= 1);
    assert.ok(victimSnapshot.includes(VICTIM.note) && victimSnapshot.includes(victimIds.screeningId));
  });

  it('when a member of another team in the tenant, or someone of another tenant with the victims’ user ids, uses the victim team’s ids in every card action and command, then they read and change nothing of it', async () => {
    interface Attacker {
      label: string;
      user: TeamsUser;
      tenantId: string;
      /** Writing in the victim team's channel instead of their personal chat. */
      inVictimChannel?: boolean;
      /** The team they act for (none: the bot knows no team of theirs there), and whether they lead it. */
      team?: 'owner' | 'member';
    }
    /** What the attacker writes or submits. */
    const answer = async (
      body: { text: string } | { value: Record<string, unknown> },
      attacker: Attacker,
    ): Promise<{ text: string; cards: Card[] }> => {
      const activity = userActivity(body, {
        user: attacker.user,
        tenantId: attacker.tenantId,
        serviceUrl: connector.url,
        ...(attacker.inVictimChannel === true
          ? { conversationType: 'channel', conversationId: VICTIM.channel, teamId: VICTIM_TEAM }
          : { conversationId: `a:${attacker.tenantId === VICTIM_TENANT ? '' : 'outsider-'}${attacker.user.id}` }),
      });
      const response = await post(activity);
      assertSensibleAnswer(activity, response, SECRETS);
      return { text: userFacingTexts(response.body).join('\n'), cards: [firstCard(response)] };
    };
    const owner: Attacker = {
      label: 'the other team’s owner',
      user: ATTACKER.owner,
      tenantId: VICTIM_TENANT,
      team: 'owner',
    };
    const colleague: Attacker = {
      label: 'the other team’s member',
      user: ATTACKER.member,
      tenantId: VICTIM_TENANT,
      team: 'member',
    };
    /** In their personal chats. */
    const elsewhere: Attacker[] = [
      owner,
      colleague,
      { label: 'a person of the tenant in no team', user: STRANGER, tenantId: VICTIM_TENANT },
      ...VICTIM_PEOPLE.map((user) => ({ label: `${user.id} of another tenant`, user, tenantId: OTHER_TENANT })),
    ];
    /** Writing in the victim team's channel, which they are not members of. */
    const inVictimChannel: Attacker[] = [
      { ...owner, label: 'the other team’s owner in the victim’s channel', team: undefined, inVictimChannel: true },
      ...VICTIM_PEOPLE.map((user) => ({
        label: `${user.id} of another tenant in the victim’s channel`,
        user,
        tenantId: OTHER_TENANT,
        inVictimChannel: true,
      })),
    ];
    // The attacker leads their own team (they installed the bot in it); their colleague does not.
    assert.match((await answer({ text: 'indstillinger' }, owner)).text, /Ret indstillingerne/);
    assert.match((await answer({ text: 'indstillinger' }, colleague)).text, /Kun teamets ledere kan ændre/);

    const noTeam = /^Botten kender ikke dit team endnu/;
    /** A citizen's screening is never shown or erased in a channel, whoever asks. */
    const personalOnly = /^Skriv det i din personlige chat med botten/;
    const { openingId, screeningId } = victimIds;
    const submits: [string, Record<string, unknown>, RegExp][] = [
      ['opening.fill', { openingId }, /Stillingen findes ikke længere/],
      ['opening.candidate', { openingId }, /Stillingen findes ikke længere/],
      [
        'opening.candidateAnswer',
        { openingId, caseworkerId: 'anyone', answer: 'Ring til mig' },
        /Stillingen findes ikke længere/,
      ],
      ['opening.edit', { openingId }, /Registreringen findes ikke længere/],
      ['opening.update', { openingId, companyName: 'Overtaget A/S', cvr: '10150817' }, /findes ikke længere/],
      ['opening.close', { openingId }, /Registreringen findes ikke længere/],
      ['opening.reopen', { openingId }, /Registreringen findes ikke længere/],
      ['screening.resume', { screeningId }, /findes ikke/],
      ['screening.section', { screeningId, sectionIndex: 0, age: '30' }, /findes ikke/],
      ['screening.accept', { screeningId }, /findes ikke/],
      [
        'screening.override',
        { screeningId, finalTrack: 'doedvaegt', reasonCode: 'andet', reasonText: 'x' },
        /findes ikke/,
      ],
      // A leader of another team is answered as for a screening their team does not have; a member as today.
      [
        'screening.erase',
        { screeningId, etag: '"0"', answer: 'slet' },
        /^Intet slettet\nTeamet har ingen screening|^Kun for ledere/,
      ],
    ];
    const tryEverything = async (attacker: Attacker): Promise<void> => {
      const as = (what: string) => `${what} by ${attacker.label}`;
      for (const [verb, data, expected] of submits) {
        const { text } = await answer({ value: { verb, ...data } }, attacker);
        assert.match(text, attacker.team === undefined ? noTeam : expected, as(verb));
      }
      // Choosing the victim team in the personal chat is answered as for a team that does not exist.
      const chosen = await answer({ value: { verb: 'team.choose', teamId: VICTIM_TEAM } }, attacker);
      const chosenNowhere = await answer(
        { value: { verb: 'team.choose', teamId: '19:nowhere@thread.tacv2' } },
        attacker,
      );
      assert.match(chosen.text, /^Teamet kan ikke vælges/, as('team.choose'));
      assert.deepEqual(chosen.cards, chosenNowhere.cards, as('team.choose'));

      const shown = await answer({ text: `vis screening ${VICTIM.caseReference}` }, attacker);
      const shownNowhere = await answer({ text: 'vis screening OFFER-NOWHERE-1' }, attacker);
      assert.deepEqual(shown.cards, shownNowhere.cards, as('vis screening: the answer for a reference of nothing'));
      assert.match(
        shown.text,
        attacker.inVictimChannel === true
          ? personalOnly
          : attacker.team === undefined
            ? noTeam
            : /^Ingen screening at vise\nTeamet har ingen screening med den sagsreference/,
        as('vis screening'),
      );
      const erased = await answer({ text: `slet screening ${VICTIM.caseReference}` }, attacker);
      const erasedNowhere = await answer({ text: 'slet screening OFFER-NOWHERE-1' }, attacker);
      assert.deepEqual(erased.cards, erasedNowhere.cards, as('slet screening: the answer for a reference of nothing'));
      assert.match(
        erased.text,
        attacker.inVictimChannel === true
          ? personalOnly
          : attacker.team === 'owner'
            ? /^Intet slettet/
            : attacker.team === 'member'
              ? /^Kun for ledere/
              : noTeam,
        as('slet screening'),
      );
      assert.doesNotMatch((await answer({ text: 'stillinger' }, attacker)).text, new RegExp(VICTIM.companyName));
      assert.doesNotMatch((await answer({ text: 'mine stillinger' }, attacker)).text, new RegExp(VICTIM.companyName));
    };
    for (const attacker of elsewhere) await tryEverything(attacker);
    assert.equal(await snapshotVictim(), victimSnapshot, 'the victim team’s stored data changed');

    // In the victim's channel each turn is recorded (its claim, when the conversation was last seen);
    // the team's records, and how the bot reaches its conversations, are as before.
    const recordsBefore = await snapshotVictim([...RECORD_CONTAINERS, 'installations'], ['updatedAt']);
    for (const attacker of inVictimChannel) await tryEverything(attacker);
    assert.equal(
      await snapshotVictim([...RECORD_CONTAINERS, 'installations'], ['updatedAt']),
      recordsBefore,
      'the victim team’s records changed',
    );
    victimSnapshot = await snapshotVictim();
  });
  it('when card ids are path tricks (".", "..", "a?b", "a#b"), then they name nothing: no other document is read or changed', async () => {
    const recordsBefore = await snapshotVictim(RECORD_CONTAINERS);
    const tricks = ['.', '..', `${victimIds.openingId}?x`, `${victimIds.screeningId}?x`, 'a#b', 'a/b'];
    for (const id of tricks) {
      for (const [verb, data] of [
        ['opening.edit', { openingId: id }],
        ['opening.close', { openingId: id }],
        ['opening.fill', { openingId: id }],
        ['screening.resume', { screeningId: id }],
        ['screening.accept', { screeningId: id }],
      ] as const) {
        // As the victim team's own leader: even inside the team, such an id must not reach storage.
        const activity = cardSubmitActivity({ verb, ...data }, victim(VICTIM.leader));
        const response = await post(activity);
        assertSensibleAnswer(activity, response, []);
        assert.match(userFacingTexts(response.body).join('\n'), /findes ikke/, `${verb} ${id}`);
      }
    }
    // Inside the team each turn is recorded (its claim, the conversation); the team's records are as before.
    assert.equal(await snapshotVictim(RECORD_CONTAINERS), recordsBefore, 'the victim team’s records changed');
    victimSnapshot = await snapshotVictim();
  });

  it('when thousands of malformed messages arrive, then each gets a 2xx/4xx with a Danish answer and the victim team is untouched', async () => {
    await fc.assert(fc.asyncProperty(hostileMessage(context), sendAndCheck), runOptions(700));
    await assertStillServing();
    await assertOpeningsOnlyFromConfirmedRegistrations();
    assert.equal(await snapshotVictim(), victimSnapshot, 'the victim team’s stored data changed');
  });

  it('when other activity types arrive with wrong or missing fields, then each gets a 2xx/4xx and nothing breaks', async () => {
    await fc.assert(fc.asyncProperty(hostileOtherActivity(context), sendAndCheck), runOptions(400));
    await assertStillServing();
    await assertOpeningsOnlyFromConfirmedRegistrations();
    assert.equal(await snapshotVictim(), victimSnapshot, 'the victim team’s stored data changed');
  });

  it('when card submits carry real and unknown verbs with garbage data and the victim’s ids, then each gets a Danish answer and the victim team is untouched', async () => {
    await fc.assert(fc.asyncProperty(hostileCardSubmit(context), sendAndCheck), runOptions(1200));
    await assertStillServing();
    await assertOpeningsOnlyFromConfirmedRegistrations();
    assert.equal(await snapshotVictim(), victimSnapshot, 'the victim team’s stored data changed');
  });

  it('when bodies are not activities at all, then each is refused with a 4xx and the server stays up', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRawBody, async ({ body, contentType }) => {
        const response = await post(undefined, { raw: body, contentType });
        assert.ok(response.status >= 400 && response.status < 500, `HTTP status ${response.status}`);
      }),
      runOptions(300),
    );
    await assertStillServing();
  });
});
