/** A stored record with the storage's concurrency token, needed to change it. */
export interface Versioned<T> {
  value: T;
  etag: string;
}
