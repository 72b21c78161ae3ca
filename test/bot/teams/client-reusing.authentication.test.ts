import assert from 'node:assert/strict';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import sinon from 'sinon';
import { ClientReusingAuthentication } from '../../../bot/teams/client-reusing.authentication';

function activity(serviceUrl: string): Activity {
  return {
    type: 'message',
    id: 'a-1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: 'user-1', name: '' },
    recipient: { id: 'bot-1', name: '' },
    conversation: { id: 'conv-1', isGroup: false, name: '', conversationType: 'personal' },
  } as Activity;
}

describe('ClientReusingAuthentication (local mode: no app id, authentication off)', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  it('when activities come from the same service URL, then one ConnectorClient serves them; another URL gets its own', async () => {
    const auth = new ClientReusingAuthentication({});
    const first = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const second = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const clientA = await first.connectorFactory?.create('https://smba.example/emea/', first.audience);
    const clientB = await second.connectorFactory?.create('https://smba.example/emea/', second.audience);
    assert.ok(clientA);
    assert.equal(clientB, clientA);
    const other = await second.connectorFactory?.create('https://smba.example/amer/', second.audience);
    assert.notEqual(other, clientA);
    // Proactive sends make their factory from the claims; for the same identity they share the client.
    const proactive = await auth.createConnectorFactory(first.claimsIdentity).create('https://smba.example/emea/');
    assert.equal(proactive, await first.connectorFactory?.create('https://smba.example/emea/'));
  });

  it('when a different audience is asked for, then it gets its own client', async () => {
    const auth = new ClientReusingAuthentication({});
    const { connectorFactory } = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const plain = await connectorFactory?.create('https://smba.example/emea/');
    const other = await connectorFactory?.create('https://smba.example/emea/', 'https://api.botframework.us');
    assert.notEqual(other, plain);
  });

  it('when user token clients are asked for the same identity, then one is made; a failed one is not kept', async () => {
    const auth = new ClientReusingAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(activity('https://smba.example/emea/'), '');
    const inner = sandbox.spy(ConfigurationBotFrameworkAuthentication.prototype, 'createUserTokenClient');
    const client = await auth.createUserTokenClient(claimsIdentity);
    assert.equal(await auth.createUserTokenClient(claimsIdentity), client);
    assert.equal(inner.callCount, 1);

    const failing = new ClientReusingAuthentication({});
    inner.restore();
    const stub = sandbox.stub(ConfigurationBotFrameworkAuthentication.prototype, 'createUserTokenClient');
    stub.onFirstCall().rejects(new Error('token endpoint down'));
    stub.onSecondCall().resolves(client);
    await assert.rejects(failing.createUserTokenClient(claimsIdentity), /token endpoint down/);
    assert.equal(await failing.createUserTokenClient(claimsIdentity), client);
    assert.equal(stub.callCount, 2);
  });
});
