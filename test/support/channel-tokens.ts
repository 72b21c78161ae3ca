import { generateKeyPairSync, sign } from 'node:crypto';
// Not exported from the package's index: the class botbuilder's JWT validation asks for a signing key.
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';
import sinon from 'sinon';

/** The key id test tokens name; the Bot Framework's own keys never have it. */
const TEST_KEY_ID = 'jobcenter-test-signing-key';
/** Who issues the tokens the Bot Framework channels send to a bot (botbuilder's public-cloud default). */
const CHANNEL_ISSUER = 'https://api.botframework.com';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
/** Signs tokens that name the test key id but were not signed with its key. */
const { privateKey: forgerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/**
 * Makes botbuilder's own token validation (issuer, audience, expiry, service URL claim, signature and
 * endorsements all still checked) trust a test signing key as if the Bot Framework's OpenID metadata
 * had published it for the msteams channel. Any other key id is unknown. Undo with `sinon.restore()`.
 */
export function trustTestSigningKey(): void {
  const getKey = sinon.stub(OpenIdMetadata.prototype, 'getKey');
  getKey.resolves(null);
  getKey.withArgs(TEST_KEY_ID).resolves({
    key: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    endorsements: ['msteams'],
  });
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * An `Authorization` header as a Bot Framework channel sends it to the bot `appId`, for `serviceUrl`;
 * `forged` signs it with another key.
 */
export function channelAuthorization(appId: string, serviceUrl: string, forged = false): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'RS256', typ: 'JWT', kid: TEST_KEY_ID });
  const payload = base64url({ iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600 });
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), forged ? forgerKey : privateKey).toString(
    'base64url',
  );
  return `Bearer ${header}.${payload}.${signature}`;
}

/** Makes every signing key lookup fail with `error`, as when the metadata host cannot be reached. */
export function failSigningKeyLookups(error: Error): void {
  sinon.stub(OpenIdMetadata.prototype, 'getKey').rejects(error);
}
