import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cardSubmitActivity, invokeActivity, messageActivity, type ActivityOptions } from '../support/activities';
import { killIfRunning, spawnBot, type BotProcess } from '../support/bot-process';
import { cardText } from '../support/bot-under-test';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { startCosmosEmulatorProcess, type CosmosEmulatorProcess } from '../support/cosmos-emulator.process';
import { joinTeam } from '../support/test-team';
import { openingRegistration } from '../support/opening-registration';

/** What a turn must say while storage is away (the turn-error handler's storage text). */
const TRY_AGAIN = /Jeg kan ikke gemme eller hente data lige nu\. Prøv igen om lidt/;
/** Registrations the first case makes and sees confirmed before any outage. */
const REGISTERED_BEFORE_OUTAGE = 10;
/** "No hang beyond a few seconds", with room for a busy CI machine. */
const ANSWER_WITHIN_MS = 5000;

type Reply = {
  type?: string;
  text?: string;
  value?: { status: number; body: { type: string; value: unknown } };
  attachments?: { content: unknown }[];
};

/**
 * Faults (issue 6), with Cosmos as the storage (COSMOS_ENDPOINT): the bot is a real process on a
 * Cosmos-compatible server that is its own process (the emulator test double), which the test freezes
 * (SIGSTOP: connections hang) and kills (SIGKILL: connections are refused). The embedded SQLite
 * store's bad states (a full disk, a held lock, a kill during writes) are in test/bot/storage.
 */
describe('the bot while its storage server is away', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  let storage: CosmosEmulatorProcess | undefined;
  let bot: BotProcess | undefined;
  /** The stand-in Bot Connector the bot reads the team's roster from. */
  let connector: FakeConnector | undefined;

  const dir = (): string => {
    const created = mkdtempSync(path.join(tmpdir(), 'jobcenter-outage-'));
    dirs.push(created);
    return created;
  };

  before(async () => {
    storage = await startCosmosEmulatorProcess();
    bot = await spawnBot({ DATA_DIR: dir(), COSMOS_ENDPOINT: storage.endpoint, COSMOS_KEY: storage.key });
    // Vera installs the bot in her team, so she acts for it from her personal chat.
    connector = await startFakeConnector();
    const { user, tenantId } = VERA;
    assert.ok(user !== undefined);
    await joinTeam(bot.baseUrl, connector, user, [], { tenantId });
  });

  after(async () => {
    await killIfRunning(bot?.child);
    await storage?.stop('SIGKILL');
    await connector?.close();
    for (const created of dirs) rmSync(created, { recursive: true, force: true });
  });

  /** Vera, a consultant, in her personal chat. */
  const VERA: ActivityOptions = { user: { id: 'vk-1', name: 'Vera Konsulent' }, tenantId: 'tenant-outage' };

  /** Posts an activity with expectReplies; the replies and how long the answer took. */
  async function send(activity: Record<string, unknown>): Promise<{ status: number; replies: Reply[]; ms: number }> {
    assert.ok(bot !== undefined);
    const started = performance.now();
    const response = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await response.json()) as { activities: Reply[] };
    return { status: response.status, replies: json.activities, ms: performance.now() - started };
  }
  const say = (text: string) => send(messageActivity(text, VERA));
  const click = (value: Record<string, unknown>) => send(cardSubmitActivity(value, VERA));

  const textOf = (replies: Reply[]): string =>
    replies.map((reply) => reply.text ?? cardText(reply.attachments?.[0]?.content)).join('\n');

  const registration = (companyName: string) => openingRegistration(companyName, { jobFunction: 'Svejser' });

  async function health(): Promise<{ status: number; ms: number }> {
    assert.ok(bot !== undefined);
    const started = performance.now();
    const response = await fetch(`${bot.baseUrl}/healthz`, { signal: AbortSignal.timeout(30_000) });
    await response.text();
    return { status: response.status, ms: performance.now() - started };
  }

  /** While storage is away, a message, a card submit and an Action.Execute invoke: Danish, within seconds. */
  async function assertTurnsAskToTryAgain(): Promise<void> {
    const message = await say('stillinger');
    assert.equal(message.status, 200);
    assert.match(textOf(message.replies), TRY_AGAIN);
    assert.ok(message.ms < ANSWER_WITHIN_MS, `the message was answered after ${Math.round(message.ms)} ms`);

    const submit = await click(registration('Ikke Gemt Submit A/S'));
    assert.equal(submit.status, 200);
    assert.match(textOf(submit.replies), TRY_AGAIN);
    assert.ok(submit.ms < ANSWER_WITHIN_MS, `the card submit was answered after ${Math.round(submit.ms)} ms`);

    const invoke = await send(invokeActivity('opening.register', registration('Ikke Gemt Invoke A/S'), VERA));
    assert.equal(invoke.status, 200);
    const [invokeResponse] = invoke.replies;
    assert.equal(invokeResponse?.type, 'invokeResponse');
    assert.equal(invokeResponse?.value?.status, 200);
    assert.match(String(invokeResponse?.value?.body.value), TRY_AGAIN);
    assert.ok(invoke.ms < ANSWER_WITHIN_MS, `the invoke was answered after ${Math.round(invoke.ms)} ms`);

    const unhealthy = await health();
    assert.equal(unhealthy.status, 503);
    assert.ok(unhealthy.ms < ANSWER_WITHIN_MS, `/healthz answered after ${Math.round(unhealthy.ms)} ms`);
  }

  /** Once storage is back: healthy again (after the client notices), and turns work. */
  async function assertRecovered(): Promise<void> {
    const deadline = Date.now() + 20_000;
    while ((await health()).status !== 200) {
      assert.ok(Date.now() < deadline, '/healthz did not recover within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.match(textOf((await say('hjælp')).replies), /^Hjælp/);
  }

  it('when ten openings are registered, then each is confirmed', async () => {
    for (let index = 1; index <= REGISTERED_BEFORE_OUTAGE; index += 1) {
      const companyName = `Kvitteret ${index} A/S`;
      const { replies } = await click(registration(companyName));
      assert.match(textOf(replies), /Registreret/);
    }
    assert.equal((await health()).status, 200);
  });

  it('when the storage server hangs (SIGSTOP), then turns and invokes get the Danish try-again text within seconds and /healthz is unhealthy', async () => {
    assert.ok(storage !== undefined && bot !== undefined);
    storage.child.kill('SIGSTOP');
    try {
      await assertTurnsAskToTryAgain();
      assert.equal(bot.child.exitCode, null, 'the bot process is still running');
    } finally {
      storage.child.kill('SIGCONT');
    }
    await assertRecovered();
  });

  it('when the storage server is killed (SIGKILL), then turns get the Danish try-again text and the bot keeps running', async () => {
    assert.ok(storage !== undefined && bot !== undefined);
    await storage.stop('SIGKILL');
    await assertTurnsAskToTryAgain();
    assert.equal(bot.child.exitCode, null, 'the bot process is still running');
  });
});
