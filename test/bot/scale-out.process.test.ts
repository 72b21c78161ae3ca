import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documentIdFor } from '../../bot/storage/document-id';
import { SqliteDocumentStore } from '../../bot/storage/sqlite/sqlite-document.store';
import { SQLITE_FILE } from '../../bot/storage/storage';
import { cardSubmitActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { exited, killIfRunning } from '../support/bot-process';
import { cardText } from '../support/bot-under-test';
import { actionData } from '../support/card-inputs';
import { spawnClockControlledBot, type ClockControlledBot } from '../support/clock-controlled-bot';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { postActivity } from '../support/running-bot';
import { openingRegistration } from '../support/opening-registration';
import { joinTeam } from '../support/test-team';

const TENANT = 'tenant-scale';
const CHANNEL = '19:scale-morning@thread.tacv2';
/** The Teams team the bots are installed in; its data (and job runs) are keyed by its id. */
const TEAM = '19:scale-team@thread.tacv2';
const LEADER = { id: 'leader-1', name: 'Lise Leder' };
/** Copenhagen is UTC+1 in February: 07:30Z is the team's 08:30. */
const at = (isoUtc: string) => new Date(isoUtc);

type Replies = { activities: { text?: string; attachments?: { content: unknown }[] }[] };

/** Polls until `condition` holds (or fails the test after `ms`). */
async function eventually(condition: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Scale-out (issues 6 and 14): two real bot processes on one machine share one SQLite file in one
 * data folder, as a municipality's server runs them; the Bot Framework connector is a stand-in that records what is posted. The bots run
 * the production app through a test-only entry point whose clock and minute ticks the test drives
 * over IPC. The Monday summary is one more minute job behind the same kind of job-run lease: it gets
 * its own "sent once across both, taken over after a kill" case, with a replacement process started
 * next to the survivor as a platform restarts a crashed instance.
 */
describe('two bot processes sharing one SQLite file (scale-out)', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  let connector: FakeConnector;
  let reader: SqliteDocumentStore | undefined;
  let env: Record<string, string>;
  const bots: ClockControlledBot[] = [];
  let killed: ClockControlledBot | undefined;
  let survivor: ClockControlledBot | undefined;

  const dir = (): string => {
    const created = mkdtempSync(path.join(tmpdir(), 'jobcenter-scale-'));
    dirs.push(created);
    return created;
  };

  before(async () => {
    connector = await startFakeConnector();
    const shared = dir();
    env = { DATA_DIR: shared };
    // Started together: both open (and the first to take the lock creates) the one file.
    bots.push(...(await Promise.all([0, 1].map(() => spawnClockControlledBot(env, at('2026-02-03T07:20:00Z'))))));
    reader = new SqliteDocumentStore(path.join(shared, SQLITE_FILE), { checkpointDelayMs: 0 });
    // The leader installs the bot in the team (and so owns it there); the consultant and the caseworker
    // are its members. The install goes to one process; the other reads the team from the shared store.
    const [first] = bots;
    assert.ok(first !== undefined);
    await joinTeam(
      first.baseUrl,
      connector,
      LEADER,
      [
        { id: 'vk-1', name: 'Konsulent vk-1' },
        { id: 'cw-1', name: 'Konsulent cw-1' },
      ],
      {
        teamId: TEAM,
        tenantId: TENANT,
      },
    );
  });

  after(async () => {
    for (const bot of bots) await killIfRunning(bot.child);
    reader?.close();
    await connector?.close();
    for (const created of dirs) rmSync(created, { recursive: true, force: true });
  });

  /** In the morning channel, as the leader. */
  const inChannel = (): ActivityOptions => ({
    user: LEADER,
    conversationType: 'channel',
    conversationId: CHANNEL,
    tenantId: TENANT,
    teamId: TEAM,
    serviceUrl: connector.url,
  });
  /** In `userId`'s personal chat (the channel data still names the team). */
  const personal = (userId: string, name = `Konsulent ${userId}`): ActivityOptions => ({
    ...inChannel(),
    user: { id: userId, name },
    conversationType: 'personal',
    conversationId: `a:${userId}`,
  });

  /** Posts an activity; the replies. */
  async function send(bot: ClockControlledBot, activity: Record<string, unknown>): Promise<Replies> {
    const { status, json } = await postActivity(bot.baseUrl, activity);
    assert.equal(status, 200);
    return json as Replies;
  }

  /** The same, answering with the text of the replies. */
  async function say(bot: ClockControlledBot, activity: Record<string, unknown>): Promise<string> {
    return (await send(bot, activity)).activities
      .map((activity) => activity.text ?? cardText(activity.attachments?.[0]?.content))
      .join('\n');
  }

  const register = (bot: ClockControlledBot, companyName: string) =>
    say(
      bot,
      cardSubmitActivity(
        openingRegistration(companyName, { sector: 'handel', jobFunction: 'Sælger', seats: '2' }),
        personal('vk-1'),
      ),
    );

  /** The board messages posted to the morning channel (answered by the connector). */
  const channelPosts = () => connector.posts.filter((entry) => entry.path.includes(encodeURIComponent(CHANNEL)));

  /** The job-run record of `key` in `partition`: who holds it, until when, and whether it is done. */
  async function jobRun(
    partition: string,
    key: string,
  ): Promise<{ key: string; holder: string; leaseUntil: string; doneAt?: string } | undefined> {
    assert.ok(reader !== undefined);
    return reader.get<{ key: string; holder: string; leaseUntil: string; doneAt?: string }>(
      'jobRuns',
      partition,
      documentIdFor(key),
    )?.value;
  }

  const both = (): [ClockControlledBot, ClockControlledBot] => {
    const [first, second] = bots;
    assert.ok(first !== undefined && second !== undefined);
    return [first, second];
  };

  it('when each process gets turns, then both answer, and what one stores the other shows', async () => {
    const [first, second] = both();
    assert.match(await say(first, messageActivity('hjælp', inChannel())), /^Hjælp/);
    assert.match(await say(second, messageActivity('hjælp', inChannel())), /^Hjælp/);
    assert.match(await register(first, 'Skala Først A/S'), /Registreret/);
    assert.match(await register(second, 'Skala Anden A/S'), /Registreret/);
    const boardOnSecond = await say(second, messageActivity('stillinger', personal('cw-1')));
    const boardOnFirst = await say(first, messageActivity('stillinger', personal('cw-1')));
    for (const board of [boardOnFirst, boardOnSecond]) {
      assert.match(board, /Skala Først A\/S/);
      assert.match(board, /Skala Anden A\/S/);
    }
    assert.match(
      await say(second, messageActivity('morgenmøde her kl. 8.30', { ...inChannel(), mentionBot: true })),
      /Morgenmødet er sat op her/,
    );
  });

  it('when both processes tick before, at and after the post time, then the board is posted once', async () => {
    const [first, second] = both();
    await Promise.all([first.tick(at('2026-02-03T07:20:00Z')), second.tick(at('2026-02-03T07:20:00Z'))]);
    assert.equal(channelPosts().length, 0, 'not before 08:30');
    await Promise.all([first.tick(at('2026-02-03T07:30:00Z')), second.tick(at('2026-02-03T07:30:00Z'))]);
    await Promise.all([second.tick(at('2026-02-03T07:31:00Z')), first.tick(at('2026-02-03T07:31:00Z'))]);
    assert.equal(channelPosts().length, 1, 'one post across both processes');
    const board = cardText((channelPosts()[0]?.body.attachments as { content: unknown }[])[0]?.content);
    assert.match(board, /^Tavlen/);
    assert.match(board, /Skala Først A\/S/);
  });

  it('when the process holding the lease is killed in the middle of the post, then the other keeps serving and posts once the lease has run out', async () => {
    const [first, second] = both();
    const before = channelPosts().length;
    // Wednesday 08:30: the first board message sent is held unanswered, so its sender is caught mid-post.
    connector.holdNext = 1;
    const ticks = [first, second].map((bot) =>
      bot.tick(at('2026-02-04T07:30:00Z')).then(
        () => 'done',
        (error: unknown) => String(error),
      ),
    );
    await eventually(() => connector.held.length === 1, 'one instance is posting');

    // The lease record names the holder (host:pid:random); that is the process to kill.
    const lease = await jobRun(TEAM, `morning-post:${TEAM}:2026-02-04`);
    assert.ok(lease !== undefined, 'the run was claimed');
    assert.equal(lease.doneAt ?? undefined, undefined, 'the run is not done while the post hangs');
    assert.equal(lease.leaseUntil, '2026-02-04T07:35:00.000Z');
    killed = bots.find((bot) => lease.holder.includes(`:${String(bot.child.pid)}:`));
    survivor = bots.find((bot) => bot !== killed);
    assert.ok(killed !== undefined && survivor !== undefined, `a bot process holds the lease (${lease.holder})`);
    const survivorTick = ticks[bots.indexOf(survivor)];
    assert.equal(await survivorTick, 'done', 'the other instance saw the lease and left the post alone');

    killed.child.kill('SIGKILL');
    assert.equal(await exited(killed.child), 'SIGKILL');
    await eventually(() => connector.held[0]?.closed === true, 'the held post is abandoned');
    assert.match(String(await ticks[bots.indexOf(killed)]), /exited/);

    // The survivor serves on.
    assert.match(await say(survivor, messageActivity('hjælp', inChannel())), /^Hjælp/);
    assert.match(await register(survivor, 'Efter Drabet A/S'), /Registreret/);
    assert.match(await say(survivor, messageActivity('stillinger', personal('cw-1'))), /Efter Drabet A\/S/);

    // It leaves the post to the dead holder while the lease runs, then takes it over.
    await survivor.tick(at('2026-02-04T07:31:00Z'));
    await survivor.tick(at('2026-02-04T07:34:00Z'));
    assert.equal(channelPosts().length, before, 'no post while the dead holder’s lease runs');
    await survivor.tick(at('2026-02-04T07:36:00Z'));
    assert.equal(channelPosts().length, before + 1, 'the survivor posted after the lease ran out');
    const board = cardText((channelPosts().at(-1)?.body.attachments as { content: unknown }[])[0]?.content);
    assert.match(board, /^Tavlen/);
    assert.match(board, /Efter Drabet A\/S/);
    await survivor.tick(at('2026-02-04T07:37:00Z'));
    await survivor.tick(at('2026-02-04T09:00:00Z'));
    assert.equal(channelPosts().length, before + 1, 'and only once');
  });

  it('when the killed process stays down, then the survivor alone keeps the schedule the next working day', async () => {
    assert.ok(survivor !== undefined && killed !== undefined, 'the previous case ran');
    const before = channelPosts().length;
    await survivor.tick(at('2026-02-05T07:29:00Z'));
    assert.equal(channelPosts().length, before);
    await survivor.tick(at('2026-02-05T07:30:00Z'));
    await survivor.tick(at('2026-02-05T07:31:00Z'));
    assert.equal(channelPosts().length, before + 1);
    assert.match(await say(survivor, messageActivity('hjælp', inChannel())), /^Hjælp/);
  });

  it('when a replacement process joins and both tick on Monday from 08:00, then the leader gets the summary once, even when its sender is killed mid-send', async () => {
    assert.ok(survivor !== undefined, 'the previous cases ran');
    const replacement = await spawnClockControlledBot(env, at('2026-02-06T09:00:00Z'));
    bots.push(replacement);
    await survivor.setClock(at('2026-02-06T09:00:00Z'));
    const pair = [survivor, replacement];

    // The leader (who installed the bot in the team, so owns it) chooses an indicator in the personal chat,
    // on the new process.
    const leaderChat = personal('leader-1', 'Lise Leder');
    const setup = await send(replacement, messageActivity('mål opsæt', leaderChat));
    const setupCard = setup.activities[0]?.attachments?.[0]?.content;
    const choose = actionData(setupCard, 'goals.indicators');
    assert.ok(choose !== undefined, `no indicator choice on the card: ${cardText(setupCard)}`);
    assert.match(
      await say(survivor, cardSubmitActivity({ ...choose, indicators: 'kanvas' }, leaderChat)),
      /Gemt: teamet måler sig på 1 indikator\b/,
    );

    const toLeader = () =>
      connector.posts.filter((entry) => entry.path.includes(encodeURIComponent('a:leader-1'))).length;
    await Promise.all(pair.map((bot) => bot.tick(at('2026-02-09T06:59:00Z'))));
    assert.equal(toLeader(), 0, 'not before 08:00 on Monday');

    // 08:00: the first message sent is held unanswered, so its sender is caught mid-send and killed.
    connector.holdNext = 1;
    const ticks = pair.map((bot) =>
      bot.tick(at('2026-02-09T07:00:00Z')).then(
        () => 'done',
        (error: unknown) => String(error),
      ),
    );
    await eventually(() => connector.held.length === 2, 'one instance is sending the summary');
    const lease = await jobRun('_scheduler', 'weekly-summary:2026-W06');
    assert.ok(lease !== undefined && lease.doneAt === undefined, 'the summary run is claimed and not done');
    const holder = pair.find((bot) => lease.holder.includes(`:${String(bot.child.pid)}:`));
    const other = pair.find((bot) => bot !== holder);
    assert.ok(holder !== undefined && other !== undefined, `a bot process holds the run (${lease.holder})`);
    assert.equal(await ticks[pair.indexOf(other)], 'done', 'the other instance left the run alone');
    holder.child.kill('SIGKILL');
    await exited(holder.child);
    await eventually(() => connector.held[1]?.closed === true, 'the held summary is abandoned');
    assert.equal(toLeader(), 0);

    // The other serves on, and sends the summary once the dead holder's lease (10 minutes) has run out.
    assert.match(await say(other, messageActivity('hjælp', inChannel())), /^Hjælp/);
    await other.tick(at('2026-02-09T07:05:00Z'));
    assert.equal(toLeader(), 0, 'no summary while the dead holder’s lease runs');
    await other.tick(at('2026-02-09T07:11:00Z'));
    assert.equal(toLeader(), 1, 'the summary was sent after the lease ran out');
    const summary = connector.posts.filter((entry) => entry.path.includes(encodeURIComponent('a:leader-1')))[0];
    assert.match(cardText((summary?.body.attachments as { content: unknown }[])[0]?.content), /Ugerapport uge 6 2026/);
    await other.tick(at('2026-02-09T07:12:00Z'));
    await other.tick(at('2026-02-09T10:00:00Z'));
    assert.equal(toLeader(), 1, 'and only once');
  });
});
