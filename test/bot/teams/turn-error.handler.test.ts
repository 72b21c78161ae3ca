import assert from 'node:assert/strict';
import { ErrorResponse, TimeoutError } from '@azure/cosmos';
import type { TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { createLogger } from '../../../bot/logging/logger';
import { StorageUnavailableError } from '../../../bot/storage/cosmos-errors';
import { createTurnErrorHandler } from '../../../bot/teams/turn-error.handler';

const STORAGE_DOWN = /^Jeg kan ikke gemme eller hente data lige nu\. Prøv igen om lidt/;
const GENERIC = /^Beklager, der gik noget galt hos mig\. Prøv igen om lidt\./;

/** An error as @azure/cosmos passes on a Node network error (a core-rest-pipeline RestError). */
function restError(code: string): Error {
  return Object.assign(new Error(`request failed: ${code}`), { name: 'RestError', code });
}

function cosmosStatusError(status: number): ErrorResponse {
  return Object.assign(new ErrorResponse(`status ${status}`), { code: status });
}

const cases: [string, Error, RegExp][] = [
  ['a refused connection (the server is down)', restError('ECONNREFUSED'), STORAGE_DOWN],
  ['a reset connection (the server died mid-request)', restError('ECONNRESET'), STORAGE_DOWN],
  ['a send error without a cause', restError('REQUEST_SEND_ERROR'), STORAGE_DOWN],
  ['a name that does not resolve', restError('ENOTFOUND'), STORAGE_DOWN],
  ['a connection timeout', restError('ETIMEDOUT'), STORAGE_DOWN],
  ['a broken pipe', restError('EPIPE'), STORAGE_DOWN],
  [
    "the SDK's request timeout (a hung server)",
    new TimeoutError('Timeout Error! Request took more than 3000 ms'),
    STORAGE_DOWN,
  ],
  ['status 503 (unavailable)', cosmosStatusError(503), STORAGE_DOWN],
  ['status 408 (timed out on the server)', cosmosStatusError(408), STORAGE_DOWN],
  ['status 429 (still throttled after the retries)', cosmosStatusError(429), STORAGE_DOWN],
  ['the storage-unavailable error', new StorageUnavailableError(new Error('down')), STORAGE_DOWN],
  [
    'an error wrapping a refused connection',
    new Error('load failed', { cause: restError('ECONNREFUSED') }),
    STORAGE_DOWN,
  ],
  ['a bug (TypeError)', new TypeError("Cannot read properties of undefined (reading 'id')"), GENERIC],
  ['a conflict the code did not expect (409)', cosmosStatusError(409), GENERIC],
  ['a bad request to storage (400)', cosmosStatusError(400), GENERIC],
];

describe('the turn-error handler', () => {
  let sandbox: sinon.SinonSandbox;
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  function contextFor(activity: Record<string, unknown>) {
    const sendActivity = sandbox.stub().resolves({ id: 'sent' });
    const context = {
      activity: { id: 'a-1', conversation: { id: 'c-1', conversationType: 'personal' }, ...activity },
      sendActivity,
    } as unknown as TurnContext;
    return { context, sendActivity };
  }

  for (const [what, error, expected] of cases) {
    it(`when a message turn fails with ${what}, then the user is answered ${expected === STORAGE_DOWN ? 'that storage is away' : 'with the general apology'}`, async () => {
      const { context, sendActivity } = contextFor({ type: 'message', text: 'stillinger' });
      await createTurnErrorHandler(createLogger('silent'))(context, error);
      sinon.assert.calledOnce(sendActivity);
      assert.match(String(sendActivity.firstCall.args[0]), expected);
    });
  }

  it('when a card invoke fails because storage is away, then the invoke response carries the Danish text', async () => {
    const { context, sendActivity } = contextFor({ type: 'invoke', name: 'adaptiveCard/action' });
    await createTurnErrorHandler(createLogger('silent'))(context, restError('ECONNREFUSED'));
    sinon.assert.calledOnce(sendActivity);
    const response = sendActivity.firstCall.args[0] as {
      type: string;
      value: { status: number; body: { value: string } };
    };
    assert.equal(response.type, 'invokeResponse');
    assert.equal(response.value.status, 200);
    assert.match(response.value.body.value, STORAGE_DOWN);
  });
});
