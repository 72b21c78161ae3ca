import assert from 'node:assert/strict';
import type { CloudAdapter } from 'botbuilder';
import sinon from 'sinon';
import { createLogger } from '../../../bot/logging/logger';
import { ProactiveSender } from '../../../bot/teams/proactive.sender';
import { SendPacer } from '../../../bot/teams/send.pacer';

describe('SendPacer', () => {
  it('when 7 sends went out within a second, then the 8th waits until the first leaves the window', () => {
    const pacer = new SendPacer();
    for (let i = 0; i < 7; i += 1) pacer.record('c', 1000 + i * 10);
    assert.equal(pacer.delayFor('c', 1070), 1000 + 1000 - 1070 + 1);
    assert.equal(pacer.delayFor('other', 1070), 0, 'limits are per conversation');
  });

  it('when 60 sends went out within 30 seconds, then the next waits for the 30-second window', () => {
    const pacer = new SendPacer();
    for (let i = 0; i < 60; i += 1) pacer.record('c', i * 200); // 5 per second: under the 7/s limit
    const now = 60 * 200;
    assert.equal(pacer.delayFor('c', now), 0 + 30_000 - now + 1);
  });

  it('when a long-paced stream of sends is simulated, then no window ever holds more than its limit', () => {
    const pacer = new SendPacer();
    const sentAt: number[] = [];
    let now = 0;
    for (let i = 0; i < 200; i += 1) {
      now += pacer.delayFor('c', now);
      pacer.record('c', now);
      sentAt.push(now);
    }
    for (const at of sentAt) {
      assert.ok(sentAt.filter((t) => t >= at && t < at + 1000).length <= 7);
      assert.ok(sentAt.filter((t) => t >= at && t < at + 30_000).length <= 60);
    }
  });
});

describe('ProactiveSender', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  function sender(continueConversationAsync: sinon.SinonStub) {
    const sleeps: number[] = [];
    let now = 0;
    const instance = new ProactiveSender({
      adapter: { continueConversationAsync } as unknown as CloudAdapter,
      appId: '',
      logger: createLogger('silent'),
      nowMs: () => now,
      sleep: (ms) => {
        sleeps.push(ms);
        now += ms;
        return Promise.resolve();
      },
      random: () => 0.5,
    });
    return { instance, sleeps };
  }

  const reference = { conversation: { id: 'c', isGroup: true, conversationType: 'channel', name: '' } };

  it('when Teams answers 429 twice, then the send is retried with growing backoff and succeeds', async () => {
    const call = sandbox.stub();
    call.onCall(0).rejects(Object.assign(new Error('throttled'), { statusCode: 429 }));
    call.onCall(1).rejects(Object.assign(new Error('throttled'), { statusCode: 429 }));
    call.onCall(2).resolves();
    const { instance, sleeps } = sender(call);
    assert.equal((await instance.send(reference, [{ type: 'message', text: 'x' }])).outcome, 'sent');
    assert.equal(call.callCount, 3);
    assert.deepEqual(sleeps, [500, 1000]);
  });

  it('when Teams answers 403, then the outcome is gone and nothing more is sent', async () => {
    const call = sandbox.stub().rejects(Object.assign(new Error('forbidden'), { statusCode: 403 }));
    const { instance } = sender(call);
    assert.equal((await instance.send(reference, [{ type: 'message' }, { type: 'message' }])).outcome, 'gone');
    assert.equal(call.callCount, 1);
  });

  it('when the error is not retryable or retries run out, then it is thrown', async () => {
    const bad = sender(sandbox.stub().rejects(Object.assign(new Error('bad request'), { statusCode: 400 })));
    await assert.rejects(bad.instance.send(reference, [{ type: 'message' }]), /bad request/);
    const busy = sandbox.stub().rejects(Object.assign(new Error('gateway'), { statusCode: 502 }));
    await assert.rejects(sender(busy).instance.send(reference, [{ type: 'message' }]), /gateway/);
    assert.equal(busy.callCount, 5);
  });

  it('when 20 messages go to one conversation, then they are paced under 7 per second', async () => {
    const call = sandbox.stub().resolves();
    const { instance, sleeps } = sender(call);
    await instance.send(
      reference,
      Array.from({ length: 20 }, () => ({ type: 'message' })),
    );
    assert.equal(call.callCount, 20);
    assert.ok(sleeps.reduce((sum, ms) => sum + ms, 0) >= 2000, 'at least two extra seconds for 20 messages');
  });
});
