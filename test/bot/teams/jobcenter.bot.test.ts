import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import sinon from 'sinon';
import { botUnderTest, cardOf, cardText } from '../../support/bot-under-test';

const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function teamsMessage(text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    text,
    channelId: 'msteams',
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
    ...extra,
  };
}

function installEvent(action: 'add' | 'remove', conversationId = 'a:personal-1'): Partial<Activity> {
  return {
    type: 'installationUpdate',
    action,
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
  };
}

describe('JobcenterBot (TestAdapter flows)', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  it('when the user writes "hjælp", then the help card comes back listing the commands', async () => {
    const { adapter } = botUnderTest(sandbox);
    await adapter.send(teamsMessage('hjælp')).assertReply((reply) => {
      const text = cardText(cardOf(reply));
      assert.match(text, /^Hjælp/);
      assert.match(text, /screening/);
      assert.match(text, /ressourceberegner/);
    });
  });

  it('when the bot is @mentioned in a channel, then the mention is stripped before the command is read', async () => {
    const { adapter } = botUnderTest(sandbox);
    const message = teamsMessage('<at>Jobcenterbot</at> hjælp', {
      conversation: {
        id: '19:channel@thread.tacv2',
        conversationType: 'channel',
        tenantId: TENANT,
        isGroup: true,
        name: '',
      },
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Jobcenterbot' }, text: '<at>Jobcenterbot</at>' }],
    });
    await adapter.send(message).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /^Hjælp\nSkriv en af kommandoerne/);
    });
  });

  it('when screening is asked for in a channel or group chat, then it is refused with a pointer to the personal chat', async () => {
    for (const conversationType of ['channel', 'groupChat']) {
      const { adapter } = botUnderTest(sandbox);
      const message = teamsMessage('screening', {
        conversation: { id: `19:${conversationType}`, conversationType, tenantId: TENANT, isGroup: true, name: '' },
      });
      await adapter.send(message).assertReply((reply) => {
        assert.match(cardText(cardOf(reply)), /^Skriv det i din personlige chat med botten\n\*\*screening\*\* viser/);
      });
    }
  });

  it('when the text is gibberish, then the help card comes back saying the command is unknown', async () => {
    const { adapter } = botUnderTest(sandbox);
    await adapter.send(teamsMessage('qwerty blah')).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /Den kommando kender jeg ikke/);
    });
  });

  it('when a command not built yet is written, then a Danish notice says it is coming, not silence', async () => {
    const { adapter } = botUnderTest(sandbox);
    await adapter.send(teamsMessage('Ny stilling')).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /Ny stilling kommer snart/);
    });
  });

  it('when the bot is installed, then it stores the reference with the tenant and welcomes once however often the event repeats', async () => {
    const { adapter, installations } = botUnderTest(sandbox);
    await adapter.send(installEvent('add')).assertReply((reply) => assert.match(cardText(cardOf(reply)), /Velkommen/));
    await adapter.send(installEvent('add')).assertNoReply('no reply', 200);
    await adapter
      .send({
        ...installEvent('add'),
        type: 'conversationUpdate',
        action: undefined,
        membersAdded: [{ id: 'bot', name: 'Bot' }],
      })
      .assertNoReply('no reply', 200);
    const stored = await installations.get(TENANT, 'a:personal-1');
    assert.equal(stored?.tenantId, TENANT);
    assert.equal(stored?.scope, 'personal');
    assert.equal((stored?.reference.conversation as { id: string }).id, 'a:personal-1');
  });

  it('when the bot is uninstalled, then the reference is deleted, and a new install welcomes again', async () => {
    const { adapter, installations } = botUnderTest(sandbox);
    await adapter.send(installEvent('add')).assertReply(() => undefined);
    await adapter.send(installEvent('remove')).assertNoReply('no reply', 200);
    assert.equal(await installations.get(TENANT, 'a:personal-1'), undefined);
    await adapter.send(installEvent('add')).assertReply((reply) => assert.match(cardText(cardOf(reply)), /Velkommen/));
  });

  it('when a message arrives in a conversation, then its reference is stored (refreshed on every turn)', async () => {
    const { adapter, installations } = botUnderTest(sandbox);
    await adapter.send(teamsMessage('hjælp')).assertReply(() => undefined);
    const stored = await installations.get(TENANT, 'a:personal-1');
    assert.equal(stored?.reference.serviceUrl, 'https://test.com');
  });

  it('when the same activity is delivered twice, then it is answered once', async () => {
    const { adapter } = botUnderTest(sandbox);
    await adapter
      .send(teamsMessage('hjælp', { id: 'dup-1' }))
      .assertReply(() => undefined)
      .send(teamsMessage('hjælp', { id: 'dup-1' }))
      .assertNoReply('no reply', 200);
  });

  it('when a card submit carries the help.show verb, then the help card comes back', async () => {
    const { adapter } = botUnderTest(sandbox);
    await adapter.send(teamsMessage('', { text: undefined, value: { verb: 'help.show' } })).assertReply((reply) => {
      assert.match(cardText(cardOf(reply)), /^Hjælp/);
    });
  });

  it('when a card submit has an unknown verb or none, then a Danish error card says which', async () => {
    const { adapter } = botUnderTest(sandbox);
    await adapter
      .send(teamsMessage('', { text: undefined, value: { verb: 'nothing.here' } }))
      .assertReply((reply) => assert.match(cardText(cardOf(reply)), /Ukendt handling/))
      .send(teamsMessage('', { text: undefined, value: { foo: 1 } }))
      .assertReply((reply) =>
        assert.match(
          cardText(cardOf(reply)),
          /Kortet kunne ikke læses\nSvaret fra kortet sagde ikke, hvad der skulle ske/,
        ),
      )
      .send(teamsMessage('', { text: undefined, value: 'not an object' }))
      .assertReply((reply) => assert.match(cardText(cardOf(reply)), /Kortet kunne ikke læses/));
  });

  it('when an Action.Execute invoke asks for help.show, then the invoke response carries the help card', async () => {
    const { adapter } = botUnderTest(sandbox);
    const invoke = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: TENANT, isGroup: false, name: '' },
      value: { action: { type: 'Action.Execute', verb: 'help.show', data: {} } },
    } as Partial<Activity>;
    await adapter.send(invoke).assertReply((reply) => {
      assert.equal(reply.type, 'invokeResponse');
      const body = (reply.value as { body: { type: string; value: unknown } }).body;
      assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(cardText(body.value), /^Hjælp/);
    });
  });

  it('when storage fails during a turn, then the user gets a Danish answer and the log has no message text', async () => {
    const { adapter, installations, logLines } = botUnderTest(sandbox);
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
