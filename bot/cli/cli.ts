import { existsSync } from 'node:fs';
import path from 'node:path';
import { ScreeningRulesetError } from '../../rules/screening/engine/screening-ruleset.parser';
import { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import type { ScreeningRuleset } from '../../rules/screening/screening.types';
import { rulesDataDir } from '../project-paths';
import { SqliteStoreError } from '../storage/sqlite/sqlite-errors';
import { loadDefaultScreeningRuleset } from '../screening-ruleset.loader';
import { BACKUP_USAGE, backupCommand } from './backup.command';
import { CAPACITY_USAGE, capacityCommand } from './capacity.command';
import { CliInputError } from './cli-input';
import { checkRuleFolder } from './rules-check.command';
import { describeFailure, rulesTestCommand } from './rules-test.command';
import { screenCommand } from './screen.command';

/** Exit codes: 0 success, 2 invalid input (reason on stderr), 1 anything unexpected. */
const EXIT_INVALID = 2;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = [
  'Brug: npm run cli -- <kommando>',
  '',
  'Kommandoer:',
  '  rules check [mappe]   Kontrollér regel- og datafilerne (standard: rules/data)',
  '  rules test <fil>      Kør testtilfælde (JSON) mod screeningsreglerne',
  '  screen <fil>          Screen ét sæt svar (JSON) med teamets standardindstillinger',
  `  ${CAPACITY_USAGE}`,
  '                        Ressourceberegneren: samtaler om året, årsværkstabellen og de årsværk, scenariet',
  '                        kræver (standard: kildens eksempel, 330 borgere, 3 dage, 44 uger, 30 %)',
  `  ${BACKUP_USAGE}`,
].join('\n');

/** Runs one CLI command and resolves its exit code. */
export async function runCli(
  args: readonly string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command, sub, ...rest] = args;
  if (command === 'backup') {
    try {
      io.out(JSON.stringify(await backupCommand(sub, env), null, 2));
      return 0;
    } catch (error) {
      if (!(error instanceof CliInputError || error instanceof SqliteStoreError)) throw error;
      io.err((error as Error).message);
      return EXIT_INVALID;
    }
  }
  if (command === 'rules' && sub === 'check') {
    const folder = path.resolve(rest[0] ?? rulesDataDir());
    if (!existsSync(folder)) {
      io.err(`Mappen findes ikke: ${folder}`);
      return EXIT_INVALID;
    }
    const report = await checkRuleFolder(folder);
    io.out(JSON.stringify({ folder, ok: report.problems.length === 0, ...report }, null, 2));
    for (const problem of report.problems) io.err(`${problem.file} (${problem.location}): ${problem.message}`);
    return report.problems.length === 0 ? 0 : EXIT_INVALID;
  }
  if (command === 'capacity') {
    try {
      io.out(JSON.stringify(capacityCommand(args.slice(1)), null, 2));
      return 0;
    } catch (error) {
      if (!(error instanceof CliInputError)) throw error;
      io.err(error.message);
      return EXIT_INVALID;
    }
  }
  if (command === 'screen' || (command === 'rules' && sub === 'test')) {
    const file = command === 'screen' ? sub : rest[0];
    return runScreeningCommand(io, async (ruleset, evaluator) => {
      if (command === 'screen') {
        io.out(JSON.stringify(await screenCommand(ruleset, evaluator, file), null, 2));
        return 0;
      }
      const report = await rulesTestCommand(ruleset, evaluator, file);
      io.out(JSON.stringify(report, null, 2));
      for (const failure of report.failures) io.err(describeFailure(failure));
      return report.failed === 0 ? 0 : EXIT_INVALID;
    });
  }
  io.err(command === undefined ? USAGE : `Ukendt kommando: ${args.join(' ')}\n\n${USAGE}`);
  return EXIT_INVALID;
}

/** Loads the screening rules, runs a command with them, and turns input and rule-file errors into exit 2. */
async function runScreeningCommand(
  io: CliIo,
  command: (ruleset: ScreeningRuleset, evaluator: ScreeningEvaluator) => Promise<number>,
): Promise<number> {
  try {
    const ruleset = await loadDefaultScreeningRuleset();
    return await command(ruleset, new ScreeningEvaluator(ruleset));
  } catch (error) {
    if (error instanceof CliInputError) {
      io.err(error.message);
      return EXIT_INVALID;
    }
    if (error instanceof ScreeningRulesetError) {
      for (const problem of error.problems) io.err(`${problem.file} (${problem.location}): ${problem.message}`);
      return EXIT_INVALID;
    }
    throw error;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Uventet fejl: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
