import { createHash } from 'node:crypto';

/**
 * A Cosmos document id for an external id. Teams ids may contain characters Cosmos forbids in ids
 * ("/", "#", "?") and may be long, so they are hashed; the original is kept in the document.
 */
export function documentIdFor(externalId: string): string {
  return createHash('sha256').update(externalId).digest('hex');
}
