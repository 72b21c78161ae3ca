import assert from 'node:assert/strict';
import type { RunningApp } from '../../../bot/app';
import {
  cardSubmitActivity,
  invokeActivity,
  messageActivity,
  type ActivityOptions,
  type TeamsUser,
} from '../../support/activities';
import { cardFullText, cardText } from '../../support/bot-under-test';
import { actionData } from '../../support/card-inputs';
import { useSharedStoreFleet } from '../../support/shared-store-fleet';
import { openingRegistration } from '../../support/opening-registration';
import { joinTeam } from '../../support/test-team';

const LEADER: TeamsUser = { id: 'leader-1', name: 'Lene Leder' };
const SARA: TeamsUser = { id: 'cw-1', name: 'Sara Sagsbehandler' };
const VIBE: TeamsUser = { id: 'vk-9', name: 'Vibe Konsulent' };
const VERA: TeamsUser = { id: 'vk-1', name: 'Vera Konsulent' };
const VIGGO: TeamsUser = { id: 'vk-2', name: 'Viggo Konsulent' };
const MADS: TeamsUser = { id: 'member-1', name: 'Mads Medarbejder' };
const TEAM_ID = '19:team@thread.tacv2';
const TENANT = 'tenant-sched';

describe('the morning post, two bot instances sharing one standalone Cosmos-compatible server', function () {
  this.timeout(60_000);
  let now = new Date('2026-02-03T07:20:00Z'); // Tuesday 08:20 in Copenhagen
  const fleet = useSharedStoreFleet({ dirPrefix: 'jobcenter-sched-', now: () => now });
  const { apps } = fleet;

  // The leader installs the bot in the team (so owns it there); the others are its members. Installing
  // asks for the replies in the response, so nothing lands on the connector the cases count.
  before(async () => {
    const [first] = apps;
    assert.ok(first !== undefined);
    await joinTeam(`http://127.0.0.1:${first.port}`, fleet.connector, LEADER, [SARA, VIBE, VERA, VIGGO, MADS], {
      teamId: TEAM_ID,
      tenantId: TENANT,
    });
  });

  /** In the team's morning channel, as `user` (the leader unless given). */
  const inChannel = (user: TeamsUser = LEADER): ActivityOptions => ({
    user,
    conversationType: 'channel',
    conversationId: '19:morning@thread.tacv2',
    tenantId: TENANT,
    teamId: TEAM_ID,
    serviceUrl: fleet.connector.url,
  });

  /** Posts an activity; the raw reply JSON. */
  async function postRaw(app: RunningApp, activity: Record<string, unknown>): Promise<string> {
    const response = await fetch(app.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return response.text();
  }

  /** The same, answering with the text of each reply card. */
  async function postCards(app: RunningApp, activity: Record<string, unknown>): Promise<string[]> {
    const json = JSON.parse(await postRaw(app, activity)) as { activities: { attachments?: { content: unknown }[] }[] };
    return json.activities.map((activity) => cardText(activity.attachments?.[0]?.content));
  }

  /** The same, answering with the text of the reply cards. */
  async function post(app: RunningApp, activity: Record<string, unknown>): Promise<string> {
    return (await postCards(app, activity)).join('\n');
  }

  it('when a leader sets up the channel, then it is confirmed; in a personal chat it is refused with a Danish hint', async () => {
    const [first] = apps;
    assert.ok(first !== undefined);
    // Only a leader (here the owner: who installed the bot in the team) chooses the channel.
    assert.match(
      await post(first, messageActivity('morgenmøde her kl. 8.30', { ...inChannel(SARA), mentionBot: true })),
      /Kun for ledere/,
    );
    assert.match(
      await post(first, messageActivity('morgenmøde her kl. 8.30', { ...inChannel(), mentionBot: true })),
      /Morgenmødet er sat op her/,
    );
    assert.match(
      await post(
        first,
        messageActivity('morgenmøde her', {
          ...inChannel(),
          conversationType: 'personal',
          conversationId: 'a:personal',
        }),
      ),
      /Skriv det i teamets kanal/,
    );
    assert.match(await post(first, messageActivity('morgenmøde nu', inChannel())), /Tavlen/);
  });

  it('when both instances tick before, at and after the time, then the board is posted exactly once, to the channel', async () => {
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, 0, 'not before 08:30');
    now = new Date('2026-02-03T07:30:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    now = new Date('2026-02-03T07:31:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, 1);
    assert.match(fleet.connector.posts[0]?.path ?? '', /\/v3\/conversations\/19%3Amorning%40thread\.tacv2\/activities/);
    assert.match(
      cardText((fleet.connector.posts[0]?.body.attachments as { content: unknown }[])[0]?.content),
      /^Tavlen/,
    );
  });

  it('when a place is filled after the post, then the posted board message is updated in place for everyone', async () => {
    const [first] = apps;
    assert.ok(first !== undefined);
    // The stand-in connector answers each post with the id "posted-<n>".
    const postedIndex = fleet.connector.posts.findIndex((entry) =>
      /19%3Amorning%40thread\.tacv2\/activities/.test(entry.path),
    );
    assert.ok(postedIndex >= 0, 'the morning board was posted to the channel');
    const postedId = `posted-${postedIndex + 1}`;
    await post(
      first,
      cardSubmitActivity(
        openingRegistration('Opdater A/S', { sector: 'handel', jobFunction: 'Sælger' }),
        inChannel(VIBE),
      ),
    );
    const board = await postRaw(first, messageActivity('stillinger', inChannel(SARA)));
    const openingId = /"verb":"opening.fill","openingId":"([^"]+)"/.exec(board)?.[1];
    const before = fleet.connector.posts.length;
    assert.match(
      await post(first, cardSubmitActivity({ verb: 'opening.fill', openingId }, inChannel())),
      /Besat \+1: Opdater A\/S har nu 1 af 1 besat/,
    );
    const updates = fleet.connector.posts
      .slice(before)
      .filter((entry) => entry.path.endsWith(`/activities/${postedId}`));
    assert.equal(updates.length, 1, 'the posted board message was replaced');
    assert.match(cardText((updates[0]?.body.attachments as { content: unknown }[])[0]?.content), /^Tavlen/);
  });

  it('when a caseworker says "Jeg har en kandidat", then the consultant is told in their personal chat, or mentioned where the board is', async () => {
    const [first] = apps;
    assert.ok(first !== undefined);
    const personal: ActivityOptions = { conversationType: 'personal', conversationId: 'a:vk-personal' };
    const register = (companyName: string, user: TeamsUser, where: ActivityOptions = {}) =>
      post(
        first,
        cardSubmitActivity(openingRegistration(companyName, { result: 'praktikplads' }), {
          ...inChannel(user),
          ...where,
        }),
      );
    assert.match(await register('Med Chat A/S', VERA, personal), /Registreret/);
    assert.match(await register('Uden Chat A/S', VIGGO), /Registreret/);

    const board = await postRaw(first, messageActivity('stillinger', inChannel(SARA)));
    // The entry whose heading names the company (the "new since last post" list names it too).
    const boardCard = (JSON.parse(board) as { activities: { attachments: { content: { body: unknown[] } }[] }[] })
      .activities[0]?.attachments[0]?.content;
    const idOf = (company: string): unknown => {
      const entry = boardCard?.body.find((element) => {
        const items = (element as { items?: { text?: string }[] }).items;
        return items?.[0]?.text?.startsWith(`${company} · `) === true;
      });
      return actionData(entry, 'opening.candidate')?.openingId;
    };
    const before = fleet.connector.posts.length;
    const told = await post(
      first,
      cardSubmitActivity({ verb: 'opening.candidate', openingId: idOf('Med Chat A/S') }, inChannel(SARA)),
    );
    assert.match(told, /Vera Konsulent har fået besked i en personlig chat/);
    const sent = fleet.connector.posts.slice(before);
    assert.equal(sent.length, 1);
    assert.match(sent[0]?.path ?? '', /a%3Avk-personal/);
    assert.equal(sent[0]?.body.text, 'Sara Sagsbehandler har en kandidat til Med Chat A/S (Smed).');
    // The consultant's notice is a card with the opening and a field to answer the caseworker.
    const notice = cardFullText((sent[0]?.body.attachments as { content: unknown }[] | undefined)?.[0]?.content);
    assert.match(
      notice,
      /^Kandidat til din stilling\nSara Sagsbehandler har en kandidat til Med Chat A\/S \(Smed\)\.\nVirksomhed\nMed Chat A\/S\nStilling\nSmed\nPladser\n1 \(0 besat\)\nRegistreret\nden /,
    );
    assert.match(notice, /Svar Sara Sagsbehandler her: svaret sendes til Sara Sagsbehandler i en personlig chat/);
    assert.match(notice, /Svar til Sara Sagsbehandler\nSend svar/);

    // Clicked on the board (Action.Execute): the board stays, and Teams shows Sara a short answer.
    const clicked = JSON.parse(
      await postRaw(first, invokeActivity('opening.candidate', { openingId: idOf('Med Chat A/S') }, inChannel(SARA))),
    ) as { activities: { type: string; value?: { body: { type: string; value: unknown } } }[] };
    const invokeAnswer = clicked.activities.find((activity) => activity.type === 'invokeResponse')?.value?.body;
    assert.equal(
      invokeAnswer?.type,
      'application/vnd.microsoft.activity.message',
      'not a card: the board is not replaced',
    );
    assert.equal(invokeAnswer?.value, 'Vera Konsulent har fået besked om din kandidat i en personlig chat.');

    // On one's own opening nobody is told anything.
    const beforeOwn = fleet.connector.posts.length;
    const own = await post(
      first,
      cardSubmitActivity({ verb: 'opening.candidate', openingId: idOf('Med Chat A/S') }, inChannel(VERA)),
    );
    assert.match(own, /Det er din egen stilling, så der er ingen at give besked/);
    assert.equal(fleet.connector.posts.length, beforeOwn, 'no message to oneself');

    const candidate = await postRaw(
      first,
      cardSubmitActivity({ verb: 'opening.candidate', openingId: idOf('Uden Chat A/S') }, inChannel(SARA)),
    );
    const { activities } = JSON.parse(candidate) as {
      activities: { text?: string; entities?: { mentioned?: { id: string } }[] }[];
    };
    assert.equal(
      activities[0]?.text,
      '<at>Viggo Konsulent</at> Sara Sagsbehandler har en kandidat til Uden Chat A/S (Smed).',
    );
    assert.equal(activities[0]?.entities?.[0]?.mentioned?.id, 'vk-2');

    // The personal chat is known but Teams refuses the send (a status neither the connector client nor
    // the bot retries): the consultant is mentioned here instead.
    fleet.connector.upcoming.push(400);
    const fallback = await postRaw(
      first,
      cardSubmitActivity({ verb: 'opening.candidate', openingId: idOf('Med Chat A/S') }, inChannel(SARA)),
    );
    const replies = (
      JSON.parse(fallback) as { activities: { text?: string; entities?: { mentioned?: { id: string } }[] }[] }
    ).activities;
    assert.equal(
      replies[0]?.text,
      '<at>Vera Konsulent</at> Sara Sagsbehandler har en kandidat til Med Chat A/S (Smed).',
    );
    assert.match(JSON.stringify(replies[1]), /Vera Konsulent er nævnt i samtalen/);
  });

  it('when an instance restarts after the post, then it does not post again that day', async () => {
    const restarted = await fleet.startInstance();
    now = new Date('2026-02-03T08:00:00Z');
    const before = fleet.connector.posts.length;
    await restarted.runScheduledJobs();
    assert.equal(fleet.connector.posts.length, before);
  });

  it('when the bot was removed from the channel (403), then the channel is forgotten and the next leader who writes is told once', async () => {
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    fleet.connector.status = 403;
    now = new Date('2026-02-04T07:30:00Z'); // Wednesday 08:30 in Copenhagen
    const before = fleet.connector.posts.length;
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before + 1, 'one attempt, no retries of a 403');
    fleet.connector.status = 200;
    // The loss was recorded by whichever instance held the lease; the other learns of it at its next tick.
    now = new Date('2026-02-04T07:31:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before + 1, 'the forgotten channel is not posted to again');

    // Someone who writes for the team is told: a command that acts for the team (`hjælp` needs no team,
    // so it carries no team notices).
    const member = await postCards(second, messageActivity('stillinger', inChannel(MADS)));
    assert.equal(member.length, 1, 'a member who is not a leader is not told');
    assert.match(member[0] ?? '', /^Tavlen/);
    const told = await postCards(second, messageActivity('stillinger', inChannel()));
    assert.equal(told.length, 2, `the notice and the answer: ${told.join('\n---\n')}`);
    assert.match(told[0] ?? '', /Tavlen kan ikke længere postes i kanalen/);
    assert.match(told[0] ?? '', /kl\. 8\.30/);
    assert.match(told[1] ?? '', /^Tavlen/, 'the answer to what the leader wrote still comes');
    assert.doesNotMatch(told[1] ?? '', /kan ikke længere postes/);
    assert.doesNotMatch(
      (await postCards(first, messageActivity('stillinger', inChannel()))).join('\n'),
      /kan ikke længere postes/,
      'told once',
    );

    now = new Date('2026-02-05T07:30:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before + 1, 'no post until a leader chooses a channel again');
    assert.match(
      await post(first, messageActivity('morgenmøde her kl. 8.30', inChannel())),
      /Morgenmødet er sat op her/,
    );
    now = new Date('2026-02-06T07:30:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before + 2);
  });

  it('when Teams throttles the post (429), then it is retried and the board is posted once', async () => {
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    fleet.connector.upcoming.push(429);
    now = new Date('2026-02-09T07:30:00Z'); // Monday 08:30
    const before = fleet.connector.posts.length;
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before + 2, 'the throttled attempt and the retry');
    assert.match(
      cardText((fleet.connector.posts.at(-1)?.body.attachments as { content: unknown }[])[0]?.content),
      /^Tavlen/,
    );
    assert.ok(
      fleet.connector.posts.slice(before).every((request) => request.body.text === undefined),
      'no error message is posted to the channel',
    );
  });

  it('when the next morning comes, then "Nye siden sidst" lists only what was registered after the previous post', async () => {
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    const newLines = (text: string) => /Nye siden sidst\n((?:- .*\n?)*)/.exec(text)?.[1] ?? '';
    now = new Date('2026-02-09T09:00:00Z'); // Monday 10:00, after that morning's post
    await post(
      first,
      cardSubmitActivity(
        openingRegistration('Mandagsnyt ApS', { sector: 'handel', jobFunction: 'Sælger', seats: '2' }),
        inChannel(VIBE),
      ),
    );
    const asked = newLines(await post(first, messageActivity('stillinger', inChannel(SARA))));
    assert.match(asked, /Mandagsnyt ApS/);
    assert.doesNotMatch(asked, /Med Chat A\/S/, 'registered before the last post');

    now = new Date('2026-02-10T07:30:00Z'); // Tuesday 08:30
    const before = fleet.connector.posts.length;
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before + 1);
    const posted = cardText((fleet.connector.posts.at(-1)?.body.attachments as { content: unknown }[])[0]?.content);
    assert.match(posted, /Med Chat A\/S/, 'the older opening is still on the board');
    assert.match(newLines(posted), /^- Mandagsnyt ApS \(Handel\)\n?$/, 'and only the new one is new');
  });

  it('when a leader closes a day (morgenmøde lukket), then no board is posted that day, morgenmøde lists it, and a member may not close one', async () => {
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    now = new Date('2026-02-11T06:00:00Z'); // Wednesday 07:00 in Copenhagen
    assert.match(
      await post(first, messageActivity('morgenmøde lukket 11.2 24.12', inChannel(SARA))),
      /Kun teamets ledere kan vælge kanalen og de lukkede dage/,
    );
    assert.match(
      await post(first, messageActivity('morgenmøde lukket juleaften', inChannel())),
      /"juleaften" er ikke en dag.*Intet er gemt/s,
    );
    assert.match(
      await post(first, messageActivity('morgenmøde lukket 11.2 24.12', inChannel())),
      /Lukkede dage gemt\nIngen tavle de lukkede dage: 11\. feb\. 2026, 24\. dec\. 2026\./,
    );
    assert.match(
      await post(second, messageActivity('morgenmøde', inChannel(SARA))),
      /Ingen tavle de lukkede dage: 11\. feb\. 2026, 24\. dec\. 2026/,
    );

    const before = fleet.connector.posts.length;
    now = new Date('2026-02-11T07:30:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    now = new Date('2026-02-11T07:31:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before, 'no board on a closed day');

    assert.match(
      await post(first, messageActivity('morgenmøde åben 11.2', inChannel())),
      /Ingen tavle de lukkede dage: 24\. dec\. 2026\./,
    );
    now = new Date('2026-02-11T07:40:00Z');
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
    assert.equal(fleet.connector.posts.length, before + 1, 'opened again: the board comes, once');
  });
});
