/**
 * Freezes a plain JSON-like value and everything in it, so that one copy can be handed to several
 * readers: a reader that tries to change it gets a TypeError (modules run in strict mode) instead of
 * silently changing what the others see.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
