import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TokenCredential } from '@azure/identity';
import sinon from 'sinon';
import { CosmosSchemaMissingError, openCosmosStore } from '../../../bot/storage/cosmos.store';
import { startCosmosEmulator, type CosmosEmulator } from '../../support/cosmos-emulator';

/**
 * Keyless Cosmos (managed identity in Azure): with an endpoint and no key the client authenticates
 * with a Microsoft Entra token and does not try to create the schema (the data-plane role cannot).
 * The Cosmos-compatible server here does not check tokens, so this proves the client side: the token
 * is asked for the account's scope and sent, and a missing container is named. Bearer tokens go only
 * over TLS, so the emulator is reached through a loopback TLS front with the self-signed
 * certificate @vercel/cosmosdb-server ships.
 */

/** A TLS front for the emulator's plain HTTP, on loopback. */
async function tlsFront(target: string): Promise<{ endpoint: string; server: Server; authorizations: string[] }> {
  const certDir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
  const upstream = new URL(target);
  const authorizations: string[] = [];
  const server = createHttpsServer(
    { cert: readFileSync(path.join(certDir, 'cert.pem')), key: readFileSync(path.join(certDir, 'key.pem')) },
    (req, res) => {
      authorizations.push(String(req.headers.authorization ?? ''));
      const forwarded = httpRequest(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forwarded.on('error', () => res.destroy());
      req.pipe(forwarded);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, authorizations };
}
describe('Cosmos without a key (Microsoft Entra ID)', function () {
  this.timeout(30_000);
  let dataDir: string;
  let server: CosmosEmulator;
  let front: Awaited<ReturnType<typeof tlsFront>>;
  let sandbox: sinon.SinonSandbox;
  const previousTlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-keyless-'));
    server = await startCosmosEmulator();
    // The template creates the schema in Azure; here a keyed open stands in for it.
    const keyed = await openCosmosStore({
      cosmos: { endpoint: server.endpoint, key: server.key, database: 'jobcenter' },
    });
    await keyed.close();
    front = await tlsFront(server.endpoint);
    // The test certificate is self-signed; only this file's loopback TLS front is affected.
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  });
  after(async () => {
    if (previousTlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTlsSetting;
    front?.server.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    sandbox = sinon.createSandbox();
  });
  afterEach(() => sandbox.restore());

  function fakeCredential(): TokenCredential & { getToken: sinon.SinonStub } {
    return {
      getToken: sandbox.stub().resolves({ token: 'entra-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
    };
  }

  it('when no key is configured, then requests carry an Entra token for the account and the stores work', async () => {
    const credential = fakeCredential();
    const store = await openCosmosStore({
      cosmos: { endpoint: front.endpoint, key: undefined, database: 'jobcenter' },
      credential: () => credential,
    });
    try {
      await store.containers.openings.items.create({ id: 'o-1', teamId: 'team-1' });
      const { resource } = await store.containers.openings.item('o-1', 'team-1').read<{ id: string }>();
      assert.equal(resource?.id, 'o-1');
      assert.ok(credential.getToken.called, 'a token was asked for');
      const scopes = [credential.getToken.firstCall.args[0]].flat() as string[];
      assert.ok(
        scopes.some((scope) => scope.endsWith('/.default')),
        `scope: ${scopes.join(', ')}`,
      );
    } finally {
      await store.close();
    }
  });

  it('when the database was not deployed, then opening fails naming it and pointing to the template', async () => {
    await assert.rejects(
      openCosmosStore({
        cosmos: { endpoint: front.endpoint, key: undefined, database: 'not-deployed' },
        credential: () => fakeCredential(),
      }),
      (error: unknown) =>
        error instanceof CosmosSchemaMissingError &&
        /"not-deployed"/.test(error.message) &&
        /azuredeploy\.json/.test(error.message),
    );
  });
});
