import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { userActivity } from '../support/activities';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { joinTeam } from '../support/test-team';

/**
 * `npm run bench`. Everything is measured in one run, side by side, and printed as one table of
 * targets with ✔/✘ (exit 1 when one is missed):
 * - CPU per turn over real HTTP of the bot on SQLite answering "hjælp" and a screening section submit
 *   (validation, a conditional write and an audit event, the next card), interleaved in rounds so that
 *   the noise of a shared machine hits both alike: the submit ≤ 1.6 × hjælp. A bare botbuilder echo bot
 *   and the bot on the Cosmos emulator in its own process are measured beside them, for information
 *   (the echo bot builds a connector client per turn: no longer a yardstick for the bot);
 * - CPU µs of one stored write (a conditional replace of a screening in SqliteDocumentStore, in this
 *   process, synchronous=FULL) ≤ 150 µs, and of a point read;
 * - the year profile (`npm run seed -- --profile year`) against an empty store: every command and card
 *   action's p95 ≤ 50 ms and ≤ 1.5 × its p95 on the empty store, and the cold start ≤ 2 s;
 * - rules evaluation (≤ 200 µs) and the board for 500 openings (≤ 20 ms).
 * The bots run in their own processes, so the load generator's CPU is not counted. Each CPU figure is
 * the median of its rounds, with the mean beside it. `BENCH_ONLY=turns,write,year,rules` runs a part.
 */

const WARMUP_TURNS = Number(process.env.BENCH_WARMUP ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const TURNS_PER_ROUND = Number(process.env.BENCH_TURNS ?? 100);

interface Target {
  name: string;
  child: ChildProcess;
  port: number;
  nextId: number;
}

type Card = Record<string, unknown>;

function request<T>(child: ChildProcess, message: string, key: keyof T): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (reply: unknown): void => {
      if (typeof reply === 'object' && reply !== null && key in reply) {
        child.off('message', onMessage);
        resolve(reply as T);
      }
    };
    child.on('message', onMessage);
    if (message !== '') child.send(message);
  });
}

async function startTarget(name: string): Promise<Target> {
  const child = fork(path.join(__dirname, 'bench-target.process.js'), [name], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`bench target ${name} exited with ${String(code)}`))),
  );
  const { port } = await Promise.race([request<{ port: number }>(child, '', 'port'), exited]);
  exited.catch(() => undefined);
  return { name, child, port, nextId: 0 };
}

async function post(
  target: Target,
  body: { text: string } | { value: Record<string, unknown> },
  user = 'user-1',
): Promise<Card | undefined> {
  target.nextId += 1;
  const response = await fetch(`http://127.0.0.1:${target.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(userActivity(body, { user: { id: user } })),
  });
  const json = (await response.json()) as { activities?: { attachments?: { content: Card }[]; text?: string }[] };
  if (response.status !== 200 || json.activities?.length !== 1)
    throw new Error(`${target.name}: unexpected answer ${response.status}`);
  return json.activities[0]?.attachments?.[0]?.content;
}

const helpTurn = (target: Target) => post(target, { text: 'hjælp' });

const FIRST_SECTION = { age: '52', benefit: 'dagpenge', education: 'erhvervsfaglig' };

/** Starts a screening and returns the first section's submit (not yet sent), so only the submit is measured. */
async function preparedSubmit(target: Target, user: string): Promise<Record<string, unknown>> {
  await post(target, { value: { verb: 'screening.new' } }, user);
  const card = await post(target, { value: { verb: 'screening.start', caseReference: `B-${target.nextId}` } }, user);
  const match = /"screeningId":"([^"]+)"/.exec(JSON.stringify(card));
  if (match?.[1] === undefined) throw new Error('no screening started');
  return { verb: 'screening.section', screeningId: match[1], sectionIndex: 0, ...FIRST_SECTION };
}

/** Everyone who writes to the bots below: the leader who installs the bot, and its members. */
const BENCH_LEADER = { id: 'bench-leader', name: 'Leder' };
const benchMembers = () =>
  ['user-1', 'warm', ...Array.from({ length: ROUNDS }, (_, round) => `cw-${round}`)].map((id) => ({ id, name: id }));

/**
 * Installs the bot in the bench's team (the stand-in connector lists the people above as its members),
 * so everyone acts for it from their personal chat, as in Teams. Before anything is measured.
 */
async function installInTeam(target: Target, connector: FakeConnector): Promise<void> {
  await joinTeam(`http://127.0.0.1:${target.port}`, connector, BENCH_LEADER, benchMembers());
}

async function cpuOf(target: Target): Promise<number> {
  return (await request<{ cpuMicros: number }>(target.child, 'cpu', 'cpuMicros')).cpuMicros;
}

async function measured(target: Target, work: () => Promise<void>): Promise<number> {
  const before = await cpuOf(target);
  await work();
  return ((await cpuOf(target)) - before) / TURNS_PER_ROUND;
}

/** The mean of equal-length rounds: total CPU over total turns, every collection pause included. */
function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

interface TargetRow {
  figure: string;
  result: string;
  target: string;
  ok: boolean;
}

const PARTS = new Set((process.env.BENCH_ONLY ?? 'turns,write,year,rules').split(','));
const YEAR_ROUNDS = Number(process.env.BENCH_YEAR_ROUNDS ?? 60);
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 5);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

/** hjælp and a section submit on the bot, the echo bot and the bot on the Cosmos emulator, interleaved. */
async function turnFigures(connector: FakeConnector): Promise<TargetRow[]> {
  const bot = await startTarget('hjaelp');
  const remote = await startTarget('remote-storage');
  const echo = await startTarget('echo');
  const samples = {
    help: [] as number[],
    section: [] as number[],
    remoteSection: [] as number[],
    echo: [] as number[],
  };
  try {
    await installInTeam(bot, connector);
    await installInTeam(remote, connector);
    for (let i = 0; i < WARMUP_TURNS; i += 1) {
      await helpTurn(bot);
      await helpTurn(echo);
    }
    for (let i = 0; i < WARMUP_TURNS / 10; i += 1)
      await post(bot, { value: await preparedSubmit(bot, 'warm') }, 'warm');
    for (let round = 0; round < ROUNDS; round += 1) {
      const submits: Record<string, unknown>[] = [];
      const remoteSubmits: Record<string, unknown>[] = [];
      for (let i = 0; i < TURNS_PER_ROUND; i += 1) {
        submits.push(await preparedSubmit(bot, `cw-${round}`));
        remoteSubmits.push(await preparedSubmit(remote, `cw-${round}`));
      }
      const order = round % 2 === 0 ? ['echo', 'help', 'section', 'remote'] : ['remote', 'section', 'help', 'echo'];
      for (const which of order) {
        if (which === 'echo') {
          samples.echo.push(
            await measured(echo, async () => {
              for (let i = 0; i < TURNS_PER_ROUND; i += 1) await helpTurn(echo);
            }),
          );
        } else if (which === 'help') {
          samples.help.push(
            await measured(bot, async () => {
              for (let i = 0; i < TURNS_PER_ROUND; i += 1) await helpTurn(bot);
            }),
          );
        } else {
          const [target, list, into] =
            which === 'section' ? [bot, submits, samples.section] : [remote, remoteSubmits, samples.remoteSection];
          into.push(
            await measured(target, async () => {
              for (const submit of list) {
                const card = await post(target, { value: submit }, `cw-${round}`);
                if (!JSON.stringify(card).includes('Afsnit 2 af')) throw new Error('section submit did not advance');
              }
            }),
          );
        }
      }
    }
  } finally {
    bot.child.send('stop');
    remote.child.send('stop');
    echo.child.send('stop');
  }
  const line = (label: string, values: number[]) =>
    `${label}${median(values).toFixed(0)} µs CPU/turn, mean ${mean(values).toFixed(0)} (rounds: ${values.map((v) => v.toFixed(0)).join(' ')})`;
  out(
    [
      `turns: ${WARMUP_TURNS} warm-up, then ${ROUNDS} rounds x ${TURNS_PER_ROUND} per figure, interleaved; CPU of each bot's own process`,
      line('hjælp turn (bot on SQLite):               ', samples.help),
      line('screening section submit (bot on SQLite): ', samples.section),
      line('  information: bare echo bot (botbuilder): ', samples.echo),
      line('  information: section, Cosmos emulator in its own process: ', samples.remoteSection),
      `  information: hjælp / echo ${(median(samples.help) / median(samples.echo)).toFixed(2)}, section / echo ${(median(samples.section) / median(samples.echo)).toFixed(2)}`,
    ].join('\n'),
  );
  const ratio = median(samples.section) / median(samples.help);
  return [
    {
      figure: 'CPU of a screening section submit ÷ a hjælp turn (HTTP, SQLite)',
      result: `${ratio.toFixed(2)} (${median(samples.section).toFixed(0)} ÷ ${median(samples.help).toFixed(0)} µs; of the means ${(mean(samples.section) / mean(samples.help)).toFixed(2)})`,
      target: '≤ 1.6',
      ok: ratio <= 1.6,
    },
  ];
}

async function writeFigures(): Promise<TargetRow[]> {
  const { benchStoredWrite } = await import('./stored-write.bench.js');
  const figures = await benchStoredWrite();
  out(
    `stored write: a ${(figures.documentBytes / 1024).toFixed(1)} KB screening, conditional replace: median ${figures.replaceCpuMicros.toFixed(0)} µs CPU (rounds: ${figures.rounds.map((v) => v.toFixed(0)).join(' ')}), ${figures.replaceWallMicros.toFixed(0)} µs wall; point read ${figures.readCpuMicros.toFixed(1)} µs CPU`,
  );
  return [
    {
      figure: `CPU of one stored write (conditional replace, ${(figures.documentBytes / 1024).toFixed(1)} KB screening, synchronous=FULL)`,
      result: `${figures.replaceCpuMicros.toFixed(0)} µs (wall ${figures.replaceWallMicros.toFixed(0)} µs)`,
      target: '≤ 150 µs',
      ok: figures.replaceCpuMicros <= 150,
    },
    {
      figure: 'CPU of one point read (same document), information',
      result: `${figures.readCpuMicros.toFixed(1)} µs`,
      target: '',
      ok: true,
    },
  ];
}

async function yearFigures(connector: FakeConnector): Promise<TargetRow[]> {
  const { benchYearProfile } = await import('./year-profile.bench.js');
  const debug = process.env.BENCH_DEBUG === '1' ? out : undefined;
  const figures = await benchYearProfile(connector, {
    rounds: YEAR_ROUNDS,
    coldStarts: COLD_STARTS,
    log: (text) => process.stderr.write(`${text}\n`),
    ...(debug === undefined ? {} : { debug }),
  });
  const ms = (value: number) => value.toFixed(value < 10 ? 1 : 0);
  const fails = (row: (typeof figures.rows)[number]) => row.year.p95 > 50 || row.year.p95 > 1.5 * row.empty.p95;
  out(
    [
      `year profile: ${figures.seed.reused ? 'reused BENCH_YEAR_DIR' : `seeded in ${figures.seed.seconds.toFixed(0)} s (${figures.seed.counts})`}; ${YEAR_ROUNDS} rounds interleaved with the empty store; roster reads while measuring: ${figures.rosterReads}; CPU of the first retention run after start: year ${figures.firstRetentionCpu.year.toFixed(2)} s, empty ${figures.firstRetentionCpu.empty.toFixed(2)} s`,
      `  ${'command or card action'.padEnd(26)}${'n'.padStart(4)}${'p50 empty'.padStart(11)}${'p95 empty'.padStart(11)}${'p50 year'.padStart(10)}${'p95 year'.padStart(10)}${'p95 ÷'.padStart(7)}`,
      ...figures.rows.map(
        (row) =>
          `  ${row.name.padEnd(26)}${String(row.samples).padStart(4)}${ms(row.empty.p50).padStart(11)}${ms(row.empty.p95).padStart(11)}${ms(row.year.p50).padStart(10)}${ms(row.year.p95).padStart(10)}${(row.year.p95 / row.empty.p95).toFixed(2).padStart(7)} ${fails(row) ? '✘' : '✔'}`,
      ),
      `cold start on the year profile (spawn to /healthz 200): ${figures.coldStartMs.map((v) => v.toFixed(0)).join(', ')} ms`,
    ].join('\n'),
  );
  const worst = [...figures.rows].sort((a, b) => b.year.p95 - a.year.p95)[0];
  const missed = figures.rows.filter(fails);
  const coldStart = median(figures.coldStartMs);
  return [
    {
      figure: `year profile: every command and card action (${figures.rows.length}), p95 ≤ 50 ms and ≤ 1.5 × empty`,
      result:
        missed.length === 0
          ? `all met; highest p95 ${worst === undefined ? '–' : `${worst.name} ${ms(worst.year.p95)} ms`}`
          : `missed by ${missed.map((row) => `${row.name} (${ms(row.year.p95)} ms, ×${(row.year.p95 / row.empty.p95).toFixed(2)})`).join(', ')}`,
      target: '≤ 50 ms, ≤ 1.5×',
      ok: missed.length === 0,
    },
    {
      figure: 'cold start on the year profile, median (spawn to /healthz 200)',
      result: `${(coldStart / 1000).toFixed(2)} s`,
      target: '≤ 2 s',
      ok: coldStart <= 2000,
    },
  ];
}

async function rulesFigures(): Promise<TargetRow[]> {
  const { benchRulesEvaluation } = await import('./rules-evaluation.bench.js');
  const { medianMicros, samples } = await benchRulesEvaluation();
  const { benchBoard } = await import('./board.bench.js');
  const { medianMs, messageBytes } = await benchBoard();
  const largest = Math.max(...messageBytes) / 1024;
  return [
    {
      figure: `rules evaluation of one screening, median of ${samples}`,
      result: `${medianMicros.toFixed(0)} µs`,
      target: '≤ 200 µs',
      ok: medianMicros <= 200,
    },
    {
      figure: 'building the board for 500 open openings, median',
      result: `${medianMs.toFixed(1)} ms, ${messageBytes.length} messages ≤ ${largest.toFixed(1)} KB`,
      target: '≤ 20 ms',
      ok: medianMs <= 20,
    },
  ];
}

function targetTable(rows: readonly TargetRow[]): string {
  const width = Math.max(...rows.map((row) => row.figure.length));
  const resultWidth = Math.max(...rows.map((row) => row.result.length));
  return rows
    .map(
      (row) =>
        `${row.target === '' ? ' ' : row.ok ? '✔' : '✘'} ${row.figure.padEnd(width)}  ${row.result.padEnd(resultWidth)}  ${row.target}`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  // Where the bots read the teams' rosters and send on their own; not counted, it runs in this process.
  const connector = await startFakeConnector();
  const rows: TargetRow[] = [];
  try {
    if (PARTS.has('turns')) rows.push(...(await turnFigures(connector)));
    if (PARTS.has('write')) rows.push(...(await writeFigures()));
    if (PARTS.has('year')) rows.push(...(await yearFigures(connector)));
    if (PARTS.has('rules')) rows.push(...(await rulesFigures()));
  } finally {
    await connector.close();
  }
  out(`\n${targetTable(rows)}`);
  if (rows.some((row) => !row.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
