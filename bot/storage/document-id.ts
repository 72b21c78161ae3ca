import { createHash } from 'node:crypto';

/**
 * A Cosmos document id for an external id. Teams ids may contain characters Cosmos forbids in ids
 * ("/", "#", "?") and may be long, so they are hashed; the original is kept in the document.
 */
export function documentIdFor(externalId: string): string {
  return createHash('sha256').update(externalId).digest('hex');
}

/**
 * Whether an id that came from outside (a card's data) can name one of the bot's documents. The SDK
 * puts the id into the request path as it is: "." then reads the container's whole feed, ".." the
 * container itself, "a?b" reads "a", and "/", "\", "#" make it throw. The bot's own ids are UUIDs,
 * hashes and fixed names, so an id must start with a letter or digit and hold only letters, digits,
 * "-", "_", "." and ":" (at most 255 characters, Cosmos' limit); anything else names no document.
 */
export function isDocumentId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,254}$/.test(id);
}
