import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IndicatorCatalog } from '../rules/goals/indicator';
import { INDICATORS_FILE, IndicatorCatalogError, loadIndicatorCatalog } from '../rules/goals/indicator-catalog';
import { rulesDataDir } from './project-paths';

/**
 * Loads and validates the weekly goals' indicators (`rules/data/indicators.json`, or another folder).
 * @throws IndicatorCatalogError naming the place inside the file and what is wrong.
 */
export async function loadIndicatorCatalogFile(folder: string = rulesDataDir()): Promise<IndicatorCatalog> {
  const problem = (message: string) => new IndicatorCatalogError([{ file: INDICATORS_FILE, location: '/', message }]);
  const content = await readFile(path.join(folder, INDICATORS_FILE), 'utf8').catch((error: unknown) => {
    throw problem(`kan ikke læses (${(error as NodeJS.ErrnoException).code ?? 'ukendt fejl'})`);
  });
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw problem('ugyldig JSON');
  }
  return loadIndicatorCatalog(json);
}
