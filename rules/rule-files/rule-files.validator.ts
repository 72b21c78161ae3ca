import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

/** A rule or data file as read from disk. */
export interface RuleFileSource {
  /** File name relative to the rules folder, e.g. "questionnaire.json". */
  name: string;
  content: string;
}

/** One thing wrong in one file: which file, where inside it (a JSON pointer or line:column), and what. */
export interface RuleFileProblem {
  file: string;
  location: string;
  message: string;
}

export interface RuleFilesReport {
  checked: string[];
  problems: RuleFileProblem[];
}

/**
 * Checks rule and data files: each must be valid JSON and match the schema registered for its name.
 * A file with no registered schema is reported too, so a misspelt file name is not silently ignored.
 */
export class RuleFilesValidator {
  private readonly validators: ReadonlyMap<string, ValidateFunction>;

  /** @param schemas JSON Schemas by file name. */
  constructor(schemas: Readonly<Record<string, object>>) {
    const ajv = new Ajv({ allErrors: true, strict: true });
    this.validators = new Map(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]));
  }

  validate(files: readonly RuleFileSource[]): RuleFilesReport {
    const problems: RuleFileProblem[] = [];
    for (const file of files) problems.push(...this.validateOne(file));
    return { checked: files.map((file) => file.name), problems };
  }

  private validateOne(file: RuleFileSource): RuleFileProblem[] {
    let data: unknown;
    try {
      data = JSON.parse(file.content);
    } catch (error) {
      return [{ file: file.name, location: jsonErrorLocation(file.content, error), message: 'ugyldig JSON' }];
    }
    const validate = this.validators.get(file.name);
    if (validate === undefined) {
      const known = [...this.validators.keys()];
      const hint = known.length === 0 ? 'der er endnu ingen kendte regelfiler' : `kendte filer: ${known.join(', ')}`;
      return [{ file: file.name, location: '/', message: `ukendt regelfil (${hint})` }];
    }
    if (validate(data)) return [];
    return (validate.errors ?? []).map((error) => ({
      file: file.name,
      location: error.instancePath === '' ? '/' : error.instancePath,
      message: describeSchemaError(error),
    }));
  }
}

function describeSchemaError(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `mangler feltet "${String(error.params.missingProperty)}"`;
    case 'additionalProperties':
      return `ukendt felt "${String(error.params.additionalProperty)}"`;
    case 'type':
      return `skal være af typen ${String(error.params.type)}`;
    case 'enum':
      return `skal være en af: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
    default:
      return error.message ?? 'ugyldig værdi';
  }
}

/** "linje L, kolonne C" for a JSON syntax error, from the position the parser reports. */
function jsonErrorLocation(content: string, error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  const position = match?.[1] === undefined ? content.length : Number(match[1]);
  const before = content.slice(0, position).split('\n');
  return `linje ${before.length}, kolonne ${(before.at(-1)?.length ?? 0) + 1}`;
}
