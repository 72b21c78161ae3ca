import type { Container, FeedOptions, SqlQuerySpec } from '@azure/cosmos';

/**
 * Every result of a query, all pages read (the SDK follows the continuation tokens), as `T`. The query
 * and its options go to the SDK unchanged: a query that names no partition key runs across partitions.
 */
export async function queryAll<T>(
  container: Container,
  query: string | SqlQuerySpec,
  options?: FeedOptions,
): Promise<T[]> {
  const { resources } = await container.items.query<T>(query, options).fetchAll();
  return resources;
}
