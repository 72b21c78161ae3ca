import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  QUESTIONNAIRE_FILE,
  SCREENING_RULES_FILE,
  SECTORS_FILE,
  ScreeningRulesetError,
  loadScreeningRuleset,
  type ScreeningRuleFiles,
} from '../rules/screening/engine/screening-ruleset.parser';
import type { ScreeningRuleset } from '../rules/screening/screening.types';
import { rulesDataDir } from './project-paths';

async function readJson(folder: string, name: string): Promise<unknown> {
  const content = await readFile(path.join(folder, name), 'utf8').catch((error: unknown) => {
    throw new ScreeningRulesetError([
      {
        file: name,
        location: '/',
        message: `kan ikke læses (${(error as NodeJS.ErrnoException).code ?? 'ukendt fejl'})`,
      },
    ]);
  });
  try {
    return JSON.parse(content);
  } catch {
    throw new ScreeningRulesetError([{ file: name, location: '/', message: 'ugyldig JSON' }]);
  }
}

/** Reads the three screening files from a rules folder (parsed, not yet validated). */
export async function readScreeningRuleFiles(folder: string = rulesDataDir()): Promise<ScreeningRuleFiles> {
  const [questionnaire, rules, sectors] = await Promise.all([
    readJson(folder, QUESTIONNAIRE_FILE),
    readJson(folder, SCREENING_RULES_FILE),
    readJson(folder, SECTORS_FILE),
  ]);
  return { questionnaire, rules, sectors };
}

/**
 * Loads and validates the screening ruleset from `rules/data` (or another folder).
 * @throws ScreeningRulesetError naming the file, the place inside it and what is wrong.
 */
export async function loadDefaultScreeningRuleset(folder: string = rulesDataDir()): Promise<ScreeningRuleset> {
  return loadScreeningRuleset(await readScreeningRuleFiles(folder));
}
