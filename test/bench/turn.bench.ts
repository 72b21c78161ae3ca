import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { userActivity } from '../support/activities';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { joinTeam } from '../support/test-team';

/**
 * `npm run bench`. Everything is measured in one run, side by side, interleaved in rounds so that the
 * noise of a shared machine hits every figure alike:
 * - CPU per turn of the bot answering "hjælp" over real HTTP (with its storage work), vs a bare
 *   botbuilder echo bot (target ≤ 1.5×);
 * - CPU per turn of a screening section submit (validation, a conditional write to the embedded
 *   store, the next card), vs the same echo bot (target ≤ 2×);
 * - median µs of one rules evaluation with engines built (target ≤ 200 µs), if the rules bench exists.
 * The bots run in their own processes, so the load generator's CPU is not counted. Both bots are first
 * installed in a team whose roster (on a stand-in connector here) lists everyone who writes to them,
 * so every turn acts for that team, as in Teams. Each figure is the
 * median of its rounds (robust to a disturbed round), with the mean beside it: the echo bot's rounds are
 * bimodal, because a 15-20 ms scavenge of the garbage botbuilder makes per turn falls in some rounds of
 * 100 turns and not in others, so the median of a few rounds leaves that cost out or counts it fully.
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

async function rulesFigure(): Promise<string> {
  try {
    const module = (await import('./rules-evaluation.bench.js')) as {
      benchRulesEvaluation?: () => Promise<{ medianMicros: number; samples: number }>;
    };
    if (module.benchRulesEvaluation === undefined) return 'rules evaluation: not measured (no benchRulesEvaluation)';
    const { medianMicros, samples } = await module.benchRulesEvaluation();
    return `rules evaluation (engines built): median ${medianMicros.toFixed(0)} µs over ${samples} evaluations (target ≤ 200 µs)`;
  } catch (error) {
    return `rules evaluation: not measured (${error instanceof Error ? error.message : String(error)})`;
  }
}

async function boardFigure(): Promise<string> {
  const { benchBoard } = await import('./board.bench.js');
  const { medianMs, messageBytes } = await benchBoard();
  const kb = messageBytes.map((bytes) => (bytes / 1024).toFixed(1)).join(', ');
  return `board for 500 open openings: median ${medianMs.toFixed(1)} ms (target ≤ 20 ms), ${messageBytes.length} messages of ${kb} KB`;
}

async function main(): Promise<void> {
  const bot = await startTarget('hjaelp');
  const remote = await startTarget('remote-storage');
  const echo = await startTarget('echo');
  // Where the bots read the team's roster; not counted, it runs in this process.
  const connector = await startFakeConnector();
  const samples = {
    help: [] as number[],
    section: [] as number[],
    remoteSection: [] as number[],
    echo: [] as number[],
  };
  let failed = false;
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
    const help = median(samples.help);
    const section = median(samples.section);
    const base = median(samples.echo);
    const line = (label: string, values: number[]) =>
      `${label}${median(values).toFixed(0)} µs CPU/turn, mean ${mean(values).toFixed(0)} (rounds: ${values.map((v) => v.toFixed(0)).join(' ')})`;
    const meanRatio = (values: number[]) => (mean(values) / mean(samples.echo)).toFixed(2);
    const lines = [
      `turns: ${WARMUP_TURNS} warm-up, then ${ROUNDS} rounds x ${TURNS_PER_ROUND} per figure, interleaved; CPU of each bot's own process`,
      line('bare echo turn (botbuilder):          ', samples.echo),
      line('hjælp turn (bot, incl. storage):      ', samples.help),
      line('screening section submit (bot):       ', samples.section),
      line('  same, storage server in own process: ', samples.remoteSection),
      `ratio hjælp / echo:   ${(help / base).toFixed(2)} (target ≤ 1.5; of the means ${meanRatio(samples.help)})`,
      `ratio section / echo: ${(section / base).toFixed(2)} (target ≤ 2; of the means ${meanRatio(samples.section)}; embedded storage in the bot's process, its CPU counted)`,
      `ratio section / echo with the storage server in its own process (as with a remote Cosmos account): ${(median(samples.remoteSection) / base).toFixed(2)} (of the means ${meanRatio(samples.remoteSection)})`,
      await rulesFigure(),
      await boardFigure(),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    failed = help / base > 1.5 || section / base > 2;
  } finally {
    bot.child.send('stop');
    remote.child.send('stop');
    echo.child.send('stop');
    await connector.close();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
