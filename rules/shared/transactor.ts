/**
 * Makes several stored changes one: all are kept or none (e.g. a screening and its audit event). The
 * embedded SQLite store runs `work` in one transaction; Cosmos cannot span containers, so there the
 * changes are made one after the other, in the order the use case chose.
 */
export interface Transactor {
  atomically<T>(work: () => Promise<T>): Promise<T>;
}

/** No transaction: the changes are made one after the other (Cosmos, and the in-memory doubles). */
export const ONE_AFTER_THE_OTHER: Transactor = { atomically: (work) => work() };
