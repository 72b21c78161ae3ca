/** Status code of an @azure/cosmos error, or undefined for anything else (network errors, bugs). */
export function cosmosStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

/** Thrown when storage cannot be reached; the user is asked to try again shortly. */
export class StorageUnavailableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(cause: unknown) {
    super('Storage is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}
