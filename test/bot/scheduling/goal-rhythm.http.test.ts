import assert from 'node:assert/strict';
import type { RunningApp } from '../../../bot/app';
import { userActivity } from '../../support/activities';
import { cardFullText } from '../../support/bot-under-test';
import { actionData } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { completeScreening } from '../../support/screening-completion';
import { useSharedStoreFleet } from '../../support/shared-store-fleet';
import { joinTeam } from '../../support/test-team';

type Card = Record<string, unknown>;
type Person = { id: string; name: string };

const LEADER: Person = { id: 'lea', name: 'Lea Leder' };
const METTE: Person = { id: 'mette', name: 'Mette Hansen' };
const ALI: Person = { id: 'ali', name: 'Ali Yilmaz' };
const TENANT = 'tenant-rhythm';

describe('the Friday reminder, the Monday summary and the follow-up reminders, two bot instances on one standalone store', function () {
  this.timeout(60_000);
  let now = new Date('2026-02-11T09:00:00Z'); // Wednesday of week 7, 10:00 in Copenhagen
  const fleet = useSharedStoreFleet({ dirPrefix: 'jobcenter-rhythm-', now: () => now });
  const { apps } = fleet;

  // The leader installs the bot in the team (so owns it, and gets the Monday summary); Mette and Ali
  // are its members. Installing asks for the replies in the response: nothing lands on the connector.
  before(async () => {
    const [first] = apps;
    assert.ok(first !== undefined);
    await joinTeam(`http://127.0.0.1:${first.port}`, fleet.connector, LEADER, [METTE, ALI], { tenantId: TENANT });
  });

  /** Writes as `person` in their personal chat (which the bot stores for proactive messages); the first card. */
  async function send(
    app: RunningApp,
    person: Person,
    body: { text: string } | { value: Record<string, unknown> },
  ): Promise<Card> {
    const response = await fetch(app.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(userActivity(body, { user: person, tenantId: TENANT, serviceUrl: fleet.connector.url })),
    });
    const { activities } = (await response.json()) as { activities: { attachments?: { content: Card }[] }[] };
    const card = activities[0]?.attachments?.[0]?.content;
    assert.ok(card !== undefined, `no card in reply: ${JSON.stringify(activities)}`);
    return card;
  }

  /** The cards the bot sent proactively to a person's personal chat, from `since` on. */
  function sentTo(person: Person, since = 0): Card[] {
    return fleet.connector.posts
      .slice(since)
      .filter((post) => post.path.includes(`/v3/conversations/a%3A${person.id}/activities`))
      .flatMap((post) => (post.body.attachments as { content: Card }[] | undefined)?.map((a) => a.content) ?? []);
  }

  async function tickBoth(at: Date): Promise<void> {
    now = at;
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    await Promise.all([first.runScheduledJobs(), second.runScheduledJobs()]);
  }

  it('when a leader sets up goals, two members join, one logs the week and a screening is decided, then nothing is sent yet', async () => {
    const [first, second] = apps;
    assert.ok(first !== undefined && second !== undefined);
    // A member is refused; the owner (who installed the bot in the team) sets the goals up.
    assert.match(cardFullText(await send(second, METTE, { text: 'mål opsæt' })), /Kun for ledere/);
    const setup = await send(first, LEADER, { text: 'mål opsæt' });
    const saved = await send(second, LEADER, {
      value: { ...actionData(setup, 'goals.indicators'), indicators: 'kanvas' },
    });
    assert.match(cardFullText(saved), /Gemt: teamet måler sig på 1 indikator\b/);
    assert.match(cardFullText(await send(second, METTE, { text: 'mål tilmeld' })), /Du er med/);
    assert.match(cardFullText(await send(first, ALI, { text: 'mål tilmeld' })), /Du er med/);
    const withMembers = await send(first, LEADER, { text: 'mål opsæt' });
    const form = await send(first, LEADER, {
      value: { ...actionData(withMembers, 'goals.memberGoalsOpen'), goalMember: METTE.id },
    });
    await send(second, LEADER, { value: { ...actionData(form, 'goals.memberGoals'), fromWeek: '7', kanvas: '10' } });
    const logged = await send(second, ALI, { value: { verb: 'goals.log', weekKey: '2026-W07', kanvas: '3' } });
    assert.match(cardFullText(logged), /Ugens tal er gemt/);
    await completeScreening(async (body) => send(first, METTE, body), 'J-RHYTHM');
    await tickBoth(new Date('2026-02-11T09:01:00Z'));
    assert.equal(fleet.connector.posts.length, 0);
  });

  it('when both instances tick on Friday from 13:00, then only the member who has not logged is reminded, once', async () => {
    await tickBoth(new Date('2026-02-13T11:59:00Z'));
    assert.equal(fleet.connector.posts.length, 0, 'not before 13:00');
    await tickBoth(new Date('2026-02-13T12:00:00Z'));
    await tickBoth(new Date('2026-02-13T12:01:00Z'));
    await tickBoth(new Date('2026-02-13T12:30:00Z'));
    const reminders = sentTo(METTE);
    assert.equal(reminders.length, 1);
    assert.match(cardFullText(reminders[0]), /Påmindelse: du har ikke registreret dine tal for uge 7 2026 endnu/);
    assert.match(cardFullText(reminders[0]), /Dine tal for uge 7 2026/);
    assert.equal(actionData(reminders[0], 'goals.log')?.weekKey, '2026-W07', 'the card logs the week at once');
    assert.deepEqual(cardProblems(reminders[0]), []);
    assert.equal(sentTo(ALI).length, 0, 'Ali logged the week');
    assert.equal(sentTo(LEADER).length, 0);
  });

  it('when both instances tick on Monday from 08:00, then each leader gets the summary of the week before, once', async () => {
    const before = fleet.connector.posts.length;
    await tickBoth(new Date('2026-02-16T06:59:00Z'));
    assert.equal(fleet.connector.posts.length, before, 'not before 08:00');
    await tickBoth(new Date('2026-02-16T07:00:00Z'));
    await tickBoth(new Date('2026-02-16T07:01:00Z'));
    const summaries = sentTo(LEADER, before);
    assert.equal(summaries.length, 1);
    const text = cardFullText(summaries[0]);
    assert.match(text, /Ugerapport uge 7 2026/);
    assert.match(text, /Ugerapporten for uge 7 2026 – mandagens overblik/);
    assert.match(text, /1 af 2 medarbejdere har registreret ugens tal\. Mangler: Mette Hansen\./);
    assert.match(text, /Mette Hansen \(ikke registreret\)\n0 \/ 10\n⚠ 0 %/);
    assert.match(text, /Screeninger i ugen\n1/);
    assert.deepEqual(cardProblems(summaries[0]), []);
    assert.equal(sentTo(METTE, before).length + sentTo(ALI, before).length, 0, 'members get no summary');
  });

  it('when an instance restarts on Monday, then it does not send the summary again', async () => {
    const restarted = await fleet.startInstance();
    const before = fleet.connector.posts.length;
    now = new Date('2026-02-16T09:00:00Z');
    await restarted.runScheduledJobs();
    assert.equal(fleet.connector.posts.length, before);
  });

  it('when a follow-up falls due (13 weeks later), then the caseworker is reminded once and records the outcome from the card', async () => {
    const before = fleet.connector.posts.length;
    await tickBoth(new Date('2026-05-13T06:59:00Z')); // 08:59 in Copenhagen (summer time)
    assert.equal(fleet.connector.posts.length, before, 'not before 09:00');
    await tickBoth(new Date('2026-05-13T07:00:00Z'));
    await tickBoth(new Date('2026-05-13T07:01:00Z'));
    const reminders = sentTo(METTE, before);
    assert.equal(reminders.length, 1);
    assert.match(cardFullText(reminders[0]), /Opfølgning efter 13 uger: J-RHYTHM/);
    assert.deepEqual(cardProblems(reminders[0]), []);
    const [first] = apps;
    assert.ok(first !== undefined);
    const answer = await send(first, METTE, {
      value: { ...actionData(reminders[0], 'followup.outcome'), outcome: 'uddannelse' },
    });
    assert.match(cardFullText(answer), /Tak – udfaldet er gemt\nJ-RHYTHM, 13 uger efter screeningen: I uddannelse\./);
    await tickBoth(new Date('2026-05-14T07:00:00Z'));
    assert.equal(sentTo(METTE, before).length, 1, 'not reminded again the next day');
  });
});
