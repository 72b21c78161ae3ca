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
