/**
 * A multi-select choice set's value ("a,b,c"; Teams sends a string, and nothing at all when none is
 * ticked) as a list; undefined when it is something no card sends, which must not be read as "none".
 */
export function choicesOf(raw: unknown): string[] | undefined {
  const values =
    raw === undefined
      ? []
      : typeof raw === 'string'
        ? raw.split(',')
        : Array.isArray(raw) && raw.every((value) => typeof value === 'string')
          ? raw
          : undefined;
  return values?.map((value) => value.trim()).filter((value) => value !== '');
}
