import { readFile } from 'node:fs/promises';

/** A CLI input problem: the command exits 2 with this Danish reason on stderr. */
export class CliInputError extends Error {
  readonly code = 'CLI_INVALID_INPUT';
}

/** Reads and parses a JSON file named on the command line. */
export async function readJsonArgument(file: string | undefined, what: string): Promise<unknown> {
  if (file === undefined) throw new CliInputError(`Angiv ${what} (en JSON-fil).`);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch {
    throw new CliInputError(`Filen findes ikke eller kan ikke læses: ${file}`);
  }
  try {
    return JSON.parse(content);
  } catch {
    throw new CliInputError(`Ugyldig JSON i ${file}`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
