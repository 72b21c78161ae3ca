import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { exited, spawnBot, type BotProcess } from '../support/bot-process';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { BotLogWatcher } from './bot-log.watcher';
import { botMemory, cpuSeconds } from './bot-resources.probe';
import { buildCycle, mixShares } from './load-cycle.builder';
import { driveLoad } from './load-mix.driver';
import { GOAL_INDICATORS, loadMix } from './load-mix.table';
import {
  formatReport,
  formatTargets,
  formatVerdicts,
  targets,
  verdicts,
  type LoadFigures,
  type MemoryLimits,
} from './load-report.formatter';
import { seedState } from './load-state.seeder';
import { LoadStatsCollector } from './load-stats.collector';
import { VirtualUsersPool } from './virtual-users.pool';

/**
 * `npm run load [-- --duration <s> --connections <n> --warmup <s>]`: the bot as `npm run start:bot`
 * runs it (its own process, local mode, embedded storage in a fresh folder, loopback only), a few
 * Teams teams prepared (the bot installed in each, their rosters on a stand-in connector), then a realistic mix of turns over HTTP with expectReplies for a bounded time.
 * Prints throughput, latency, errors and the bot's memory growth; exits 1 on any error or on
 * memory growth over the limits below.
 */

/** Teams teams of one job centre (tenant); each installs the bot and has its roster on the stand-in connector. */
const TEAMS = [1, 2, 3, 4].map((team) => `19:load-team-${team}@thread.tacv2`);
const CASEWORKERS_PER_TEAM = 10;
const CONSULTANTS_PER_TEAM = 5;
const SEED_PER_TEAM = { openings: 25, screenings: 2 };
const MB = 1024 * 1024;
/** Measured: about 1 KB more heap per turn (what the run stores) and RSS that follows V8's heap reservation. */
const MEMORY_LIMITS: MemoryLimits = {
  heapBaseBytes: 32 * MB,
  heapPerTurnBytes: 4 * 1024,
  rssBaseBytes: 256 * MB,
  rssPerTurnBytes: 32 * 1024,
};
const STOP_GRACE_MS = 15_000;
/** The first and last seconds whose throughput is compared (target: the last ≥ 80 % of the first). */
const ENDS_SECONDS = 10;
/** Lets the turns still in flight when the driver stops finish before memory is read. */
const SETTLE_MS = 1_000;

const megabytes = (bytes: number): string => (bytes / MB).toFixed(1);
const out = (line: string): void => void process.stdout.write(`${line}\n`);

function positive(name: string, value: string | undefined): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number, got ${value}`);
  return number;
}

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '5' },
    },
  });
  return {
    durationSeconds: positive('duration', values.duration),
    connections: Math.round(positive('connections', values.connections)),
    warmupSeconds: positive('warmup', values.warmup),
  };
}

/**
 * Caseworkers each team keeps in reserve on its roster: as many as could be busy at once beyond the
 * others (every connection runs its cycle's screenings, each holding a caseworker until decided), so
 * whoever joins during the run is already a member of a team. Only wrong replies keep caseworkers
 * busy for longer, and those fail the run anyway.
 */
function caseworkerReservePerTeam(connections: number): number {
  const screeningsPerCycle = loadMix(1)
    .filter((flow) => flow.role === 'caseworker')
    .reduce((sum, flow) => sum + flow.perCycle, 0);
  return Math.ceil((connections * screeningsPerCycle) / TEAMS.length);
}

async function stopBot(bot: BotProcess): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  bot.child.kill('SIGTERM');
  const timer = setTimeout(() => bot.child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited(bot.child);
  clearTimeout(timer);
}

async function runLoad(
  bot: BotProcess,
  connector: FakeConnector,
  settings: ReturnType<typeof options>,
): Promise<boolean> {
  const { durationSeconds, connections, warmupSeconds } = settings;
  const pid = bot.child.pid ?? 0;
  const log = new BotLogWatcher(bot.child.stdout);
  const idle = await botMemory(bot.child);
  out(
    `bot:         pid ${pid} at ${bot.baseUrl} (dist/bot/main.js, local mode, embedded storage); idle after start: RSS ${megabytes(idle.rss)} MB, heap used after GC ${megabytes(idle.heapUsed)} MB`,
  );

  const users = new VirtualUsersPool(
    TEAMS,
    CASEWORKERS_PER_TEAM,
    CONSULTANTS_PER_TEAM,
    caseworkerReservePerTeam(connections),
  );
  let sequence = 0;
  const nextSequence = () => ++sequence;
  const target = { baseUrl: bot.baseUrl, serviceUrl: connector.url };
  const seeded = await seedState(target, connector, users, nextSequence, SEED_PER_TEAM);
  const rosterSizes = TEAMS.map((team) => connector.rosters.get(team)?.length ?? 0);
  out(
    `state:       ${TEAMS.length} teams with the bot installed (rosters of ${rosterSizes.join(', ')} people on the stand-in connector, read ${connector.rosterReads.length} times), ${users.size} people taking part; ${seeded.openings} registrations and ${seeded.screenings} decided screenings; ${seeded.goalMembers} people in their team's goals with weekly goals for ${GOAL_INDICATORS.length} indicators (${seeded.turns} turns)`,
  );
  const mix = loadMix(seeded.sectionCount);
  const cycle = buildCycle(mix);
  const shares = mixShares(mix);
  out(
    `mix:         per cycle of ${cycle.length} turns: ${shares.map((share) => `${share.kind} ${(100 * share.share).toFixed(0)} %`).join(', ')}`,
  );
  const kinds = shares.map((share) => share.kind);
  const drive = (seconds: number, stats: LoadStatsCollector) =>
    driveLoad({ target, connections, durationSeconds: seconds, cycle, users, stats, nextSequence });

  const warmupStats = new LoadStatsCollector(kinds);
  const warmup = await drive(warmupSeconds, warmupStats);
  const warmupErrors = warmup.errors + warmupStats.overall().wrong;
  out(`warm-up:     ${warmupSeconds} s, ${warmupStats.overall().replies} turns, ${warmupErrors} errors`);
  await sleep(SETTLE_MS);

  const start = await botMemory(bot.child);
  const cpuBefore = { bot: cpuSeconds(pid), driver: process.cpuUsage() };
  const stats = new LoadStatsCollector(kinds);
  const result = await drive(durationSeconds, stats);
  const driverCpu = process.cpuUsage(cpuBefore.driver);
  const botCpu = cpuSeconds(pid) - cpuBefore.bot;
  await sleep(SETTLE_MS);
  const end = await botMemory(bot.child);

  const overall = stats.overall();
  const sixth = Math.max(1, Math.round(durationSeconds / 6));
  const figures: LoadFigures = {
    durationSeconds: result.duration,
    connections,
    overall,
    byKind: stats.byKind(),
    errors: {
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      connectionErrors: result.errors - result.timeouts,
      unexpected: overall.wrong - result.non2xx,
    },
    warmupErrors,
    memory: { start, end },
    cpu: { bot: botCpu / result.duration, driver: (driverCpu.user + driverCpu.system) / 1e6 / result.duration },
    throughputWindows: { seconds: sixth, values: stats.throughputWindows(sixth, durationSeconds) },
  };
  out(formatReport(figures));

  const decided = stats.repliesOf('screening.accept');
  const registered = stats.repliesOf('opening.register');
  const registeredBefore = seeded.openings + warmupStats.repliesOf('opening.register').replies;
  const perTeam = Math.round((registeredBefore + registered.replies - registered.wrong) / TEAMS.length);
  const logged = stats.repliesOf('goals.log');
  out(
    `written:     ${decided.replies - decided.wrong} screenings decided, ${registered.replies - registered.wrong} registrations and ${logged.replies - logged.wrong} weekly goal logs (a member's later logs of the week replace the first) in the run; about ${perTeam} registrations per team at the end (all within the board's 14 days)`,
  );
  out(
    `posted:      ${connector.posts.length} messages the bot sent on its own to the stand-in connector (the goal rhythm's, when one is due: Monday from 08:00, Friday 13:00–17:00)`,
  );
  out(`bot log:     ${log.count} warnings or errors${log.first.map((line) => `\n  ${line}`).join('')}`);
  if (stats.restarts > 0) out(`restarts:    ${stats.restarts} cycles started again after a wrong reply`);
  for (const sample of [...warmupStats.wrongSamples, ...stats.wrongSamples]) out(`wrong reply: ${sample}`);
  if (bot.stderr() !== '') out(`bot stderr:  ${bot.stderr().slice(-2000)}`);

  // Whole seconds of the run only: the driver's last second may be cut short.
  const endSeconds = Math.floor(result.duration);
  const window = Math.min(ENDS_SECONDS, endSeconds);
  const ends = {
    seconds: window,
    first: stats.throughputBetween(0, window),
    last: stats.throughputBetween(endSeconds - window, endSeconds),
  };
  out(`\n${formatTargets(targets(figures, ends))}`);
  const checks = verdicts(figures, MEMORY_LIMITS);
  out(`\n${formatVerdicts(checks)}`);
  return checks.every((check) => check.ok);
}

async function main(): Promise<void> {
  const settings = options();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-load-'));
  // Also when the driver dies of an error thrown inside autocannon's callbacks (no finally runs then).
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeData);
  // Ctrl-C: exit through the exit handler; the bot stops on its own when its IPC channel closes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  // Where the bot posts what it sends on its own (the turns' replies come in the HTTP responses).
  const connector = await startFakeConnector();
  try {
    const bot = await spawnBot(
      { DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      { nodeArgs: ['--expose-gc', '--require', path.join(__dirname, 'heap-probe.preload.js')], ipc: true },
    );
    try {
      if (!(await runLoad(bot, connector, settings))) process.exitCode = 1;
    } finally {
      await stopBot(bot);
    }
  } finally {
    await connector.close();
    removeData();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`load run failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
