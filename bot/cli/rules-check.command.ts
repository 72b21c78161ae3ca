import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RuleFilesValidator, type RuleFilesReport } from '../../rules/validation/rule-files.validator';
import { RULE_FILE_SCHEMAS } from '../../rules/validation/rule-file.schemas';

/** Reads every `*.json` in the folder and validates it. */
export async function checkRuleFolder(folder: string): Promise<RuleFilesReport> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  const files = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(path.join(folder, name), 'utf8') })),
  );
  return new RuleFilesValidator(RULE_FILE_SCHEMAS).validate(files);
}

/** Thrown at start-up when a rule file is broken: names the file, the place inside it and what is wrong. */
export class RuleFilesInvalidError extends Error {
  readonly code = 'RULES_INVALID';
  constructor(report: RuleFilesReport) {
    super(
      `Rule files are invalid:\n${report.problems.map((p) => `  ${p.file} (${p.location}): ${p.message}`).join('\n')}`,
    );
    this.name = 'RuleFilesInvalidError';
  }
}

/** Validates the rule folder and throws {@link RuleFilesInvalidError} if anything is wrong. */
export async function assertRuleFolderValid(folder: string): Promise<void> {
  const report = await checkRuleFolder(folder);
  if (report.problems.length > 0) throw new RuleFilesInvalidError(report);
}
