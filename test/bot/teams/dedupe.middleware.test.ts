import assert from 'node:assert/strict';
import { TestAdapter } from 'botbuilder';
import sinon from 'sinon';
import { createLogger } from '../../../bot/logging/logger';
import { DedupeMiddleware } from '../../../bot/teams/dedupe.middleware';
import {
  cardSubmitActivity,
  conversationUpdateActivity,
  forTestAdapter,
  invokeActivity,
  messageActivity,
  type ActivityOptions,
} from '../../support/activities';
import { InMemoryProcessedActivityRepository } from '../../support/in-memory.repositories';

/** Two bot instances sharing one store, as behind a load balancer; counts the turns each one runs. */
function twoInstances(processed: InMemoryProcessedActivityRepository) {
  const clock = { now: () => new Date('2026-02-03T08:30:00Z') };
  const handled: string[] = [];
  const make = (name: string) => {
    const adapter = new TestAdapter(async (context) => {
      handled.push(name);
      await context.sendActivity('ok');
    });
    adapter.use(new DedupeMiddleware(processed, clock, createLogger('silent')));
    return adapter;
  };
  return { a: make('a'), b: make('b'), handled };
}

/** Activity `id` in conversation conv-1. */
const delivery = (id: string): ActivityOptions => ({ id, conversationId: 'conv-1' });

describe('DedupeMiddleware', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  it('when a card submit is re-delivered to another instance, then only the first instance acts', async () => {
    const processed = new InMemoryProcessedActivityRepository();
    const { a, b, handled } = twoInstances(processed);
    const submit = forTestAdapter(cardSubmitActivity({ verb: 'x.y' }, delivery('submit-1')));
    await a.processActivity({ ...submit });
    await b.processActivity({ ...submit });
    assert.deepEqual(handled, ['a']);
    assert.equal(processed.claims.size, 1);
  });

  it('when an invoke is re-delivered, then the second delivery is acknowledged without acting', async () => {
    const processed = new InMemoryProcessedActivityRepository();
    const { a, b, handled } = twoInstances(processed);
    const invoke = forTestAdapter(invokeActivity('x.y', {}, delivery('inv-1')));
    await a.processActivity({ ...invoke });
    await b.send({ ...invoke }).assertReply((reply) => {
      assert.equal(reply.type, 'invokeResponse');
    });
    assert.deepEqual(handled, ['a']);
  });

  it('when a read-only command is re-delivered to the same instance, then it is answered once and nothing is stored', async () => {
    const processed = new InMemoryProcessedActivityRepository();
    const claim = sandbox.spy(processed, 'claim');
    const { a, handled } = twoInstances(processed);
    const message = forTestAdapter(messageActivity('hjælp', delivery('m-1')));
    await a.processActivity({ ...message });
    await a.processActivity({ ...message });
    assert.deepEqual(handled, ['a']);
    assert.equal(claim.callCount, 0);
  });

  it('when storing the claim fails, then the turn fails and a later retry is handled, not dropped', async () => {
    const processed = new InMemoryProcessedActivityRepository();
    const claim = sandbox.stub(processed, 'claim');
    claim.onFirstCall().rejects(new Error('storage down'));
    claim.onSecondCall().resolves(true);
    const { a, handled } = twoInstances(processed);
    const submit = forTestAdapter(cardSubmitActivity({ verb: 'x.y' }, delivery('submit-2')));
    await assert.rejects(a.processActivity({ ...submit }), /storage down/);
    await a.processActivity({ ...submit });
    assert.deepEqual(handled, ['a']);
  });

  it('when activities are not user input (typing, conversation updates), then they pass through every time', async () => {
    const processed = new InMemoryProcessedActivityRepository();
    const { a, handled } = twoInstances(processed);
    const update = forTestAdapter(conversationUpdateActivity({}, delivery('cu-1')));
    await a.processActivity({ ...update });
    await a.processActivity({ ...update });
    assert.deepEqual(handled, ['a', 'a']);
  });
});
