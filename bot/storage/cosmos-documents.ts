import type { Container, ItemDefinition } from '@azure/cosmos';
import type { Versioned } from '../../rules/shared/versioned';
import { cosmosStatus } from './cosmos-errors';
export { domainValue } from './stored-documents';

/**
 * The etag-guarded write the goal repositories share: create when `etag` is undefined ('conflict' if
 * the id exists), otherwise replace only if unchanged since that etag ('conflict' if not).
 */
export async function saveConditionally<T>(
  container: Container,
  document: ItemDefinition & { id: string },
  partitionKey: string,
  etag: string | undefined,
  toValue: (stored: ItemDefinition) => T,
): Promise<Versioned<T> | 'conflict'> {
  try {
    const response =
      etag === undefined
        ? await container.items.create(document)
        : await container
            .item(document.id, partitionKey)
            .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
    if (response.resource === undefined || response.etag === undefined) throw new Error('Cosmos returned no document');
    return { value: toValue(response.resource), etag: response.etag };
  } catch (error) {
    const status = cosmosStatus(error);
    if (status === 409 || status === 412 || (etag !== undefined && status === 404)) return 'conflict';
    throw error;
  }
}

/** Reads one document with its etag; undefined when it does not exist. */
export async function readVersioned<T>(
  container: Container,
  id: string,
  partitionKey: string,
  toValue: (stored: ItemDefinition) => T,
): Promise<Versioned<T> | undefined> {
  const { resource, etag } = await container.item(id, partitionKey).read();
  if (resource === undefined || etag === undefined) return undefined;
  return { value: toValue(resource), etag };
}
