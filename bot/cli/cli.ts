import { existsSync } from 'node:fs';
import path from 'node:path';
import { rulesDataDir } from '../project-paths';
import { checkRuleFolder } from './rules-check.command';

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
].join('\n');

/** Runs one CLI command and resolves its exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, sub, ...rest] = args;
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
  io.err(command === undefined ? USAGE : `Ukendt kommando: ${args.join(' ')}\n\n${USAGE}`);
  return EXIT_INVALID;
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
