import { createHmac, createSecretKey } from 'node:crypto';
import { ResourceType, type TokenProvider } from '@azure/cosmos';

/**
 * Signs Cosmos requests with the account key exactly as the SDK's own master-key authentication does
 * (https://learn.microsoft.com/rest/api/cosmos-db/access-control-on-cosmosdb-resources), with the key
 * imported once. The SDK decodes the key on every request, and Node then checks what kind of key it
 * was given by throwing and catching errors, which under the bot's deep async stacks costs more than
 * the signature itself. The SDK adds the x-ms-date header before asking for the token and
 * URL-encodes the token.
 */
export function masterKeyTokenProvider(masterKey: string): TokenProvider {
  const key = createSecretKey(Buffer.from(masterKey, 'base64'));
  return ({ verb, resourceId, resourceType, headers }) => {
    const date = headers['x-ms-date'];
    if (typeof date !== 'string') return Promise.reject(new Error('Cosmos request without x-ms-date header'));
    const id = resourceType === ResourceType.offer ? resourceId.toLowerCase() : resourceId;
    const text = `${verb.toLowerCase()}\n${resourceType.toLowerCase()}\n${id}\n${date.toLowerCase()}\n\n`;
    const signature = createHmac('sha256', key).update(text).digest('base64');
    return Promise.resolve(`type=master&ver=1.0&sig=${signature}`);
  };
}

/** Whether a key is a master key this signer handles (SAS tokens are passed on as they are). */
export function isMasterKey(key: string): boolean {
  return !key.startsWith('type=sas&');
}
