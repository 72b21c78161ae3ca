import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { RuleFilesValidator, type RuleFilesReport } from '../../rules/rule-files/rule-files.validator';
import { RULE_FILE_SCHEMAS } from '../../rules/rule-files/rule-file.schemas';
import {
  QUESTIONNAIRE_FILE,
  SCREENING_RULES_FILE,
  SECTORS_FILE,
  checkScreeningRuleset,
} from '../../rules/screening/engine/screening-ruleset.parser';
import { INDICATORS_FILE, checkIndicatorCatalog } from '../../rules/goals/indicator-catalog';

/**
 * Reads every `*.json` in the folder and validates it. When the screening files are all there and match their
 * schemas, their cross-references are checked too (facts, criteria, sections, ranges); the indicator
 * file is checked beyond its schema (unique ids and labels, known groups, prefill sources used once).
 */
export async function checkRuleFolder(folder: string): Promise<RuleFilesReport> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  const files = await Promise.all(
    names.map(async (name) => ({ name, content: await readFile(path.join(folder, name), 'utf8') })),
  );
  const report = new RuleFilesValidator(RULE_FILE_SCHEMAS).validate(files);
  const screening = [QUESTIONNAIRE_FILE, SCREENING_RULES_FILE, SECTORS_FILE];
  const content = (name: string): unknown => JSON.parse(files.find((file) => file.name === name)?.content ?? '');
  if (report.problems.length > 0) return report;
  const problems = [];
  if (screening.every((name) => names.includes(name))) {
    problems.push(
      ...checkScreeningRuleset({
        questionnaire: content(QUESTIONNAIRE_FILE),
        rules: content(SCREENING_RULES_FILE),
        sectors: content(SECTORS_FILE),
      }).problems,
    );
  }
  if (names.includes(INDICATORS_FILE)) problems.push(...checkIndicatorCatalog(content(INDICATORS_FILE)).problems);
  return { checked: report.checked, problems };
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
