import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import sinon from 'sinon';
import {
  BOT,
  cardSubmitActivity,
  conversationUpdateActivity,
  forTestAdapter,
  installActivity,
  invokeActivity,
  messageActivity,
  type ActivityOptions,
  type MessageOptions,
} from '../../support/activities';
import { botUnderTest, cardOf, cardText } from '../../support/bot-under-test';

const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

/** The personal chat the tests write in. */
const PERSONAL: ActivityOptions = { tenantId: TENANT, conversationId: 'a:personal-1' };

function teamsMessage(text: string, options: MessageOptions = {}): Partial<Activity> {
  return forTestAdapter(messageActivity(text, { ...PERSONAL, ...options }));
}

const cardSubmit = (value: unknown) => forTestAdapter(cardSubmitActivity(value, PERSONAL));
const installEvent = (action: 'add' | 'remove') => forTestAdapter(installActivity(action, PERSONAL));

describe('JobcenterBot (TestAdapter flows)', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  it('when the user writes "hjælp", then the help card comes back listing the commands', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter.send(teamsMessage('hjælp')).assertReply((reply) => {
      const text = cardText(cardOf(reply));
      assert.match(text, /^Hjælp/);
      assert.match(text, /screening/);
      assert.match(text, /ressourceberegner/);
    });
  });

  it('when the bot is @mentioned in a channel, then the mention is stripped before the command is read', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    const message = teamsMessage('hjælp', {
      conversationType: 'channel',
      conversationId: '19:channel@thread.tacv2',
      mentionBot: true,
    });
    await adapter.send(message).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /^Hjælp\nSkriv en af kommandoerne/);
    });
  });

  it('when screening is asked for in a channel or group chat, then it is refused with a pointer to the personal chat', async () => {
    for (const conversationType of ['channel', 'groupChat'] as const) {
      const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
      const message = teamsMessage('screening', { conversationType, conversationId: `19:${conversationType}` });
      await adapter.send(message).assertReply((reply) => {
        assert.match(cardText(cardOf(reply)), /^Skriv det i din personlige chat med botten\n\*\*screening\*\* viser/);
      });
    }
  });

  it('when the text is gibberish, then the help card comes back saying the command is unknown', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter.send(teamsMessage('qwerty blah')).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /Den kommando kender jeg ikke/);
    });
  });

  it('when a command not built yet is written, then a Danish notice says it is coming, not silence', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter.send(teamsMessage('Ny stilling')).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /Ny stilling kommer snart/);
    });
  });

  it('when the bot is installed, then it stores the reference with the tenant and welcomes once however often the event repeats', async () => {
    const { adapter, installations } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter.send(installEvent('add')).assertReply((reply) => assert.match(cardText(cardOf(reply)), /Velkommen/));
    await adapter.send(installEvent('add')).assertNoReply('no reply', 200);
    await adapter
      .send(forTestAdapter(conversationUpdateActivity({ membersAdded: [{ ...BOT }] }, PERSONAL)))
      .assertNoReply('no reply', 200);
    const stored = await installations.get(TENANT, 'a:personal-1');
    assert.equal(stored?.tenantId, TENANT);
    assert.equal(stored?.scope, 'personal');
    assert.equal((stored?.reference.conversation as { id: string }).id, 'a:personal-1');
  });

  it('when the bot is uninstalled, then the reference is deleted, and a new install welcomes again', async () => {
    const { adapter, installations } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter.send(installEvent('add')).assertReply(() => undefined);
    await adapter.send(installEvent('remove')).assertNoReply('no reply', 200);
    assert.equal(await installations.get(TENANT, 'a:personal-1'), undefined);
    await adapter.send(installEvent('add')).assertReply((reply) => assert.match(cardText(cardOf(reply)), /Velkommen/));
  });

  it('when a message arrives in a conversation, then its reference is stored (refreshed on every turn)', async () => {
    const { adapter, installations } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter.send(teamsMessage('hjælp')).assertReply(() => undefined);
    const stored = await installations.get(TENANT, 'a:personal-1');
    assert.equal(stored?.reference.serviceUrl, 'https://test.com');
  });

  it('when the same activity is delivered twice, then it is answered once', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter
      .send(teamsMessage('hjælp', { id: 'dup-1' }))
      .assertReply(() => undefined)
      .send(teamsMessage('hjælp', { id: 'dup-1' }))
      .assertNoReply('no reply', 200);
  });

  it('when a card submit carries the help.show verb, then the help card comes back', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter.send(cardSubmit({ verb: 'help.show' })).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /^Hjælp/);
    });
  });

  it('when a card submit has an unknown verb or none, then a Danish error card says which', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    await adapter
      .send(cardSubmit({ verb: 'nothing.here' }))
      .assertReply((reply) => assert.match(cardText(cardOf(reply)), /Ukendt handling/))
      .send(cardSubmit({ foo: 1 }))
      .assertReply((reply) =>
        assert.match(
          cardText(cardOf(reply)),
          /Kortet kunne ikke læses\nSvaret fra kortet sagde ikke, hvad der skulle ske/,
        ),
      )
      .send(cardSubmit('not an object'))
      .assertReply((reply) => assert.match(cardText(cardOf(reply)), /Kortet kunne ikke læses/));
  });

  it('when an Action.Execute invoke asks for help.show, then the invoke response carries the help card', async () => {
    const { adapter } = botUnderTest(sandbox, { tenantId: TENANT });
    const invoke = forTestAdapter(invokeActivity('help.show', {}, PERSONAL));
    await adapter.send(invoke).assertReply((reply) => {
      assert.equal(reply.type, 'invokeResponse');
      const body = (reply.value as { body: { type: string; value: unknown } }).body;
      assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(cardText(body.value), /^Hjælp/);
    });
  });

  it('when storage fails during a turn, then the user gets a Danish answer and the log has no message text', async () => {
    const { adapter, installations, logLines } = botUnderTest(sandbox, { tenantId: TENANT });
    sandbox
      .stub(installations, 'refresh')
      .rejects(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await adapter.send(teamsMessage('hemmelig sagsreference 1234')).assertReply((reply) => {
      assert.match(String(reply.text), /Prøv igen om lidt/);
    });
    const log = logLines.join('');
    assert.match(log, /turn failed/);
    assert.match(log, /ECONNREFUSED/);
    assert.doesNotMatch(log, /hemmelig|sagsreference/);
  });
});
