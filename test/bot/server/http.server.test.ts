import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import sinon from 'sinon';
import { createLogger } from '../../../bot/logging/logger';
import { createHttpServer } from '../../../bot/server/http.server';
import { StepwiseCloudAdapter } from '../../../bot/server/stepwise-cloud.adapter';
import { cardOf, cardText } from '../../support/bot-under-test';
import { channelAuthorization, failSigningKeyLookups, trustTestSigningKey } from '../../support/channel-tokens';
import { postActivity, startTestBot } from '../../support/running-bot';
import { activityEnvelope, messageActivity } from '../../support/activities';

const MB = 1024 * 1024;

/** `bytes` zeros, gzipped without ever holding them: a 200 MB bomb is about 200 KB. */
async function gzippedZeros(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, 'end');
  const zeros = Buffer.alloc(MB);
  for (let written = 0; written < bytes; written += zeros.length) {
    if (!gzip.write(zeros)) await once(gzip, 'drain');
  }
  gzip.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Runs `request` and resolves how far the process's RSS and heap (with buffers) rose above where they were. */
async function memoryGrowthDuring<T>(request: () => Promise<T>): Promise<{ result: T; rss: number; heap: number }> {
  const heapOf = (usage: NodeJS.MemoryUsage): number => usage.heapUsed + usage.external;
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = heapOf(before);
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, heapOf(usage));
  };
  const sampler = setInterval(sample, 2);
  try {
    const result = await request();
    sample();
    return { result, rss: peakRss - before.rss, heap: peakHeap - heapOf(before) };
  } finally {
    clearInterval(sampler);
  }
}

type Replies = {
  activities: { type: string; text?: string; attachments?: { contentType: string; content: unknown }[] }[];
};

describe('HTTP server (real restify + CloudAdapter + embedded SQLite)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => {
    await bot?.stop();
  });

  it('when "hjælp" is posted with expectReplies, then the help card is in the response body', async () => {
    const { status, json } = await postActivity(bot.baseUrl, messageActivity('hjælp'));
    assert.equal(status, 200);
    const replies = (json as Replies).activities;
    assert.equal(replies.length, 1);
    assert.match(cardText(cardOf(replies[0] as never)), /^Hjælp/);
  });

  it('when gibberish is posted, then the help card comes back', async () => {
    const { status, json } = await postActivity(bot.baseUrl, messageActivity('xyzzy 42'));
    assert.equal(status, 200);
    assert.match(cardText(cardOf((json as Replies).activities[0] as never)), /Den kommando kender jeg ikke/);
  });

  it('when the same activity id is posted twice, then only the first gets replies', async () => {
    const activity = messageActivity('hjælp');
    const first = await postActivity(bot.baseUrl, activity);
    const second = await postActivity(bot.baseUrl, activity);
    assert.equal((first.json as Replies).activities.length, 1);
    assert.equal(second.status, 200);
    assert.deepEqual((second.json as Replies).activities, []);
  });

  const malformed: [string, unknown, boolean][] = [
    ['a malformed JSON body', '{"type": "message", ', true],
    ['a JSON array', [], false],
    ['a missing activity type', { text: 'hjælp', conversation: { id: 'x' } }, false],
    ['an empty activity type', { type: ' ', conversation: { id: 'x' } }, false],
    ['a missing conversation', { type: 'message', text: 'hjælp' }, false],
    ['a type of the wrong kind', { type: 42, conversation: { id: 'x' } }, false],
    ['a sender of the wrong kind', { ...messageActivity('hjælp'), from: 'nobody' }, false],
    ['a recipient of the wrong kind', { ...messageActivity('hjælp'), recipient: 7 }, false],
    ['a text of the wrong kind', { ...messageActivity('hjælp'), text: { evil: true } }, false],
    ['a missing sender', { ...messageActivity('hjælp'), from: undefined }, false],
    ['a mention without its account', { ...messageActivity('hjælp'), entities: [{ type: 'mention' }] }, false],
  ];
  for (const [what, body, raw] of malformed) {
    it(`when the body is ${what}, then the answer is 4xx and the server stays up`, async () => {
      const { status } = await postActivity(bot.baseUrl, body, raw);
      assert.ok(status >= 400 && status < 500, `status ${status}`);
      const health = await fetch(`${bot.baseUrl}/healthz`);
      assert.equal(health.status, 200);
    });
  }

  it('when an invoke the bot does not offer arrives (a message extension, without its value), then it is a 400, not a server error', async () => {
    const invoke = {
      ...activityEnvelope({ expectReplies: false }),
      type: 'invoke',
      name: 'composeExtension/submitAction',
    };
    const { status } = await postActivity(bot.baseUrl, invoke);
    assert.equal(status, 400);
    const { status: nameless } = await postActivity(bot.baseUrl, { ...invoke, id: 'nameless', name: undefined });
    assert.equal(nameless, 400);
  });

  it('when a gzip bomb (200 MB of zeros in ~200 KB) is posted, then it is refused with 415 and memory stays bounded', async () => {
    const bomb = await gzippedZeros(200 * MB);
    assert.ok(bomb.length < 256 * 1024, `the bomb is ${bomb.length} bytes, under the compressed limit`);
    const { result, rss, heap } = await memoryGrowthDuring(async () => {
      const response = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: bomb,
      });
      return { status: response.status, text: await response.text() };
    });
    assert.ok(rss < 50 * MB, `RSS grew by ${(rss / MB).toFixed(1)} MB`);
    assert.ok(heap < 50 * MB, `heap and buffers grew by ${(heap / MB).toFixed(1)} MB`);
    assert.equal(result.status, 415);
    assert.ok(result.text.length < 200, `a short answer, got ${result.text.length} characters`);
    const health = await fetch(`${bot.baseUrl}/healthz`);
    assert.equal(health.status, 200);
  });

  it('when a body says Content-Encoding: identity, then it is read as plain JSON', async () => {
    const response = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'identity' },
      body: JSON.stringify(messageActivity('hjælp')),
    });
    assert.equal(response.status, 200);
    assert.match(cardText(cardOf(((await response.json()) as Replies).activities[0] as never)), /^Hjælp/);
  });

  it('when a body over the size limit is posted, then it is refused with 413 and a short generic message', async () => {
    const { status, json } = await postActivity(bot.baseUrl, messageActivity('x'.repeat(300 * 1024)));
    assert.equal(status, 413);
    assert.ok(JSON.stringify(json).length < 200, `a short answer, got ${JSON.stringify(json)}`);
  });

  it('when /healthz is asked, then it answers ok after checking storage', async () => {
    const response = await fetch(`${bot.baseUrl}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  it('when a GET is sent to /api/messages, then it is refused without a crash', async () => {
    const response = await fetch(`${bot.baseUrl}/api/messages`);
    assert.ok(response.status >= 400 && response.status < 500);
  });
});

describe('HTTP server with an app id (auth on)', function () {
  this.timeout(60_000);
  const appId = '11111111-2222-3333-4444-555555555555';
  const tenant = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
  const otherTenant = '99999999-9999-9999-9999-999999999999';
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  before(async () => {
    trustTestSigningKey();
    bot = await startTestBot({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: 'not-used-offline',
      MICROSOFT_APP_TENANT_ID: tenant,
      AUDIT_REFERENCE_KEY: 'a-test-secret-of-at-least-32-characters',
    });
  });
  after(async () => {
    sinon.restore();
    await bot?.stop();
  });

  /** Posts a message from `tenantId`, with a valid channel token unless `token` is false. */
  function postFrom(tenantId: string, token: boolean) {
    const activity = messageActivity('hjælp', { conversationId: 'x', tenantId });
    const headers: Record<string, string> = token
      ? { authorization: channelAuthorization(appId, String(activity.serviceUrl)) }
      : {};
    return postActivity(bot.baseUrl, activity, false, headers);
  }

  it('when an authenticated activity comes from a tenant outside the allow-list, then it is refused with 403', async () => {
    const { status } = await postFrom(otherTenant, true);
    assert.equal(status, 403);
  });

  it('when an authenticated activity comes from the allowed tenant, then it is answered', async () => {
    const { status, json } = await postFrom(tenant, true);
    assert.equal(status, 200, JSON.stringify(json));
    assert.match(cardText(cardOf((json as Replies).activities[0] as never)), /^Hjælp/);
  });

  it('when activities without a token come from an allowed and a disallowed tenant, then both get the same 401', async () => {
    const allowed = await postFrom(tenant, false);
    const disallowed = await postFrom(otherTenant, false);
    assert.equal(allowed.status, 401);
    assert.deepEqual(disallowed, allowed);
  });

  it('when the token is not signed with the channel’s key, then it gets the same 401 as no token, without the error text', async () => {
    const activity = messageActivity('hjælp', { conversationId: 'x', tenantId: tenant });
    const forged = await postActivity(bot.baseUrl, activity, false, {
      authorization: channelAuthorization(appId, String(activity.serviceUrl), true),
    });
    const none = await postFrom(tenant, false);
    assert.equal(forged.status, 401);
    assert.deepEqual(forged, none);
  });

  it('when authentication fails inside (the signing keys cannot be fetched), then the 500 carries no error text or stack', async () => {
    const failure = new Error('request to https://secret-host/keys failed, reason: getaddrinfo ENOTFOUND secret-host');
    sinon.restore();
    failSigningKeyLookups(failure);
    try {
      const response = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: channelAuthorization(appId, 'http://127.0.0.1:9/never-called'),
        },
        body: JSON.stringify(messageActivity('hjælp', { conversationId: 'x', tenantId: tenant })),
      });
      const text = await response.text();
      assert.equal(response.status, 500);
      assert.doesNotMatch(text, /ENOTFOUND|secret-host|getaddrinfo/);
      assert.doesNotMatch(text, /\bat \S+ \(|\.js:\d+/, 'no stack');
      assert.ok(text.length < 200, `a short answer, got ${text}`);
    } finally {
      sinon.restore();
      trustTestSigningKey();
    }
  });

  it('when an activity from the allowed tenant has no token, then the adapter refuses it with 401', async () => {
    const { status } = await postActivity(bot.baseUrl, messageActivity('hjælp', { tenantId: tenant }));
    assert.equal(status, 401);
  });
});

describe('HTTP server errors outside the adapter', () => {
  let http: ReturnType<typeof createHttpServer>;
  let baseUrl: string;
  before(async () => {
    http = createHttpServer({
      adapter: new StepwiseCloudAdapter(),
      logic: async () => {},
      healthChecks: [
        {
          name: 'storage',
          // A check that throws at once instead of rejecting: the handler itself fails.
          check: () => {
            throw new Error('getaddrinfo ENOTFOUND secret-host');
          },
        },
      ],
      allowedTenantIds: [],
      logger: createLogger('silent'),
    });
    baseUrl = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  });
  after(async () => {
    await http?.close(1000);
  });

  it('when a handler throws, then restify’s 500 carries a fixed text, not the error’s message', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    const text = await response.text();
    assert.equal(response.status, 500);
    assert.doesNotMatch(text, /ENOTFOUND|secret-host|getaddrinfo/);
    assert.ok(text.length < 200, `a short answer, got ${text}`);
  });
});
