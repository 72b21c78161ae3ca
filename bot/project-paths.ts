import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root: the nearest folder above this compiled file that holds package.json. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where the rule and data files live (they are read from the source tree, not copied into dist/). */
export function rulesDataDir(): string {
  return path.join(projectRoot(), 'rules', 'data');
}
