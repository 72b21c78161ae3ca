import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runSeed } from '../../bot/cli/seed.main';
import { seedTeams } from '../../bot/cli/seed/seed-profile';
import { loadConfig } from '../../bot/config/app-config';
import { openSqliteStorage, SQLITE_FILE } from '../../bot/storage/storage';
import { addDays, calendarDate } from '../../rules/shared/copenhagen-calendar';
import { killIfRunning, spawnBot, type BotProcess } from '../support/bot-process';
import type { FakeConnector } from '../support/fake-connector';
import { cpuSeconds } from '../load/bot-resources.probe';
import { percentile } from '../load/load-stats.collector';
import { Alternation, YearScenario, type StoreUnderTest } from './year-profile.scenario';

/**
 * The year profile (`npm run seed -- --profile year`) against an empty store: the same teams, people
 * and goal plans without the year's records. Both bots run as `npm run start:bot` runs them (their
 * own processes, embedded SQLite storage), side by side, and every command and card action is driven
 * in interleaved rounds as the right person; each turn's wall time over HTTP is filed under its name.
 * Also the cold start on the year profile: process spawn to the first `/healthz` 200.
 */

export interface YearRow {
  name: string;
  samples: number;
  empty: { p50: number; p95: number };
  year: { p50: number; p95: number };
}

export interface YearFigures {
  rows: YearRow[];
  seed: { seconds: number; reused: boolean; counts: string };
  /** CPU seconds each bot used idle from its first round until 75 s after its start (its first retention run). */
  firstRetentionCpu: { year: number; empty: number };
  rosterReads: number;
  coldStartMs: number[];
}

const ENV = { PATH: process.env.PATH };
/** The bot's first retention run (and the follow-ups' 39-week catch-up) starts a minute after it; the rounds wait for it. */
const FIRST_JOBS_DONE_MS = Number(process.env.BENCH_FIRST_JOBS_MS ?? 75_000);

/** Seeds the year (or reuses BENCH_YEAR_DIR when it has been seeded) and the empty store, each in a fresh copy. */
async function prepareStores(
  connector: FakeConnector,
  log: (line: string) => void,
): Promise<{ year: string; empty: string; seed: YearFigures['seed']; cleanup(): void }> {
  const folders: string[] = [];
  const fresh = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `jobcenter-bench-${name}-`));
    folders.push(dir);
    return dir;
  };
  const seedInto = async (dir: string, scale: string) => {
    const ran = await runSeed(
      ['--profile', 'year', '--data-dir', dir, '--scale', scale, '--service-url', connector.url],
      { out: () => undefined, err: log },
      ENV,
    );
    if (ran.code !== 0 || ran.result === undefined) throw new Error(`seeding ${dir} failed`);
    return ran.result;
  };
  const year = fresh('year');
  const started = performance.now();
  const cached = process.env.BENCH_YEAR_DIR;
  let reused = false;
  let counts = '';
  if (cached !== undefined && existsSync(path.join(cached, SQLITE_FILE))) {
    copyFileSync(path.join(cached, SQLITE_FILE), path.join(year, SQLITE_FILE));
    reused = true;
  } else {
    log('seeding the year profile (a few minutes) …');
    const result = await seedInto(year, process.env.BENCH_YEAR_SCALE ?? '1');
    counts = `${result.counts.screenings} screenings, ${result.counts.openings} registrations, ${result.counts.weeklyLogs} weekly logs, ${result.counts.followUps} follow-ups, ${result.counts.auditEvents} audit events`;
    if (cached !== undefined) copyFileSync(path.join(year, SQLITE_FILE), path.join(cached, SQLITE_FILE));
  }
  const seconds = (performance.now() - started) / 1000;
  const empty = fresh('empty');
  await seedInto(empty, '0');
  await pointAtConnector(year, connector, false);
  await pointAtConnector(empty, connector, true);
  return {
    year,
    empty,
    seed: { seconds, reused, counts },
    cleanup: () => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}

/**
 * Through the repositories, as a member event would: the teams' rosters read now and the stand-in
 * connector as the place to read them again (so no turn measured reads a roster), and in the empty
 * store the due follow-ups `opfølgning` needs (a caseworker with none has nothing to record).
 */
async function pointAtConnector(dataDir: string, connector: FakeConnector, dueFollowUps: boolean): Promise<void> {
  const storage = openSqliteStorage({ dataDir, cosmos: loadConfig(ENV).cosmos });
  try {
    const { teamDirectory, followUps } = storage.repositories;
    const today = calendarDate(new Date());
    for (const team of seedTeams()) {
      const stored = await teamDirectory.getTeam(team.teamId);
      if (stored === undefined) throw new Error(`${team.teamId} is not in ${dataDir}`);
      await teamDirectory.saveTeam({ ...stored.value, serviceUrl: connector.url }, stored.etag);
      const members = team.people.map((person) => ({
        userId: person.userId,
        accountId: person.userId,
        name: person.name,
      }));
      await teamDirectory.saveRoster({ teamId: team.teamId, members, refreshedAt: new Date().toISOString() });
      connector.rosters.set(
        team.teamId,
        team.people.map((person) => ({ id: person.userId, aadObjectId: person.userId, name: person.name })),
      );
      connector.teams.set(team.teamId, { name: team.name, aadGroupId: `group-${team.teamId}` });
      if (!dueFollowUps) continue;
      for (const person of team.people.filter((member) => member.role === 'caseworker')) {
        const screeningDate = addDays(today, -100);
        await followUps.create({
          id: `${randomUUID()}:13`,
          teamId: team.teamId,
          screeningId: randomUUID(),
          caseworkerId: person.userId,
          caseReference: `BENCH-FORUD-${person.userId}`,
          screeningDate,
          weeks: 13,
          dueDate: addDays(screeningDate, 91),
          track: 'catch-all',
          bestArchetype: null,
          flagged: false,
          remindedAt: new Date().toISOString(),
        });
      }
    }
  } finally {
    await storage.close();
  }
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

/** Process spawn to the first `/healthz` 200 (the bot on a copy of the year's file), `times` times. */
export async function coldStarts(dataDir: string, times: number): Promise<number[]> {
  const results: number[] = [];
  for (let attempt = 0; attempt < times; attempt += 1) {
    const copy = mkdtempSync(path.join(tmpdir(), 'jobcenter-bench-cold-'));
    copyFileSync(path.join(dataDir, SQLITE_FILE), path.join(copy, SQLITE_FILE));
    const started = performance.now();
    let bot: BotProcess | undefined;
    try {
      bot = await spawnBot({ DATA_DIR: copy, LOG_LEVEL: 'warn' });
      while (!(await healthy(bot.baseUrl))) await sleep(5);
      results.push(performance.now() - started);
    } finally {
      await killIfRunning(bot?.child);
      rmSync(copy, { recursive: true, force: true });
    }
  }
  return results;
}

function summarize(values: readonly number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

export async function benchYearProfile(
  connector: FakeConnector,
  options: { rounds: number; coldStarts: number; log: (line: string) => void; debug?: (line: string) => void },
): Promise<YearFigures> {
  const stores = await prepareStores(connector, options.log);
  const coldStartMs = await coldStarts(stores.year, options.coldStarts);
  const bots: BotProcess[] = [];
  try {
    const yearBot = await spawnBot({ DATA_DIR: stores.year, LOG_LEVEL: 'warn' });
    bots.push(yearBot);
    const emptyBot = await spawnBot({ DATA_DIR: stores.empty, LOG_LEVEL: 'warn' });
    bots.push(emptyBot);
    const startedAt = performance.now();
    const year: StoreUnderTest = {
      label: 'year',
      baseUrl: yearBot.baseUrl,
      serviceUrl: connector.url,
      samples: new Map(),
    };
    const empty: StoreUnderTest = {
      label: 'empty',
      baseUrl: emptyBot.baseUrl,
      serviceUrl: connector.url,
      samples: new Map(),
    };
    const gate = new Alternation();
    const scenarios = {
      year: new YearScenario(year, { gate, party: 0 }, options.debug),
      empty: new YearScenario(empty, { gate, party: 1 }, options.debug),
    };
    /** One round of both, turn by turn; who goes first alternates by round. */
    const bothRounds = async (round: number, measure: boolean) => {
      gate.begin(round % 2 === 0 ? 0 : 1);
      const [first, second] = await Promise.allSettled([
        scenarios.year.round(round, measure),
        scenarios.empty.round(round, measure),
      ]);
      for (const outcome of [first, second]) if (outcome?.status === 'rejected') throw outcome.reason;
    };
    // A warm-up round each (not measured), then idle until the bots' first retention runs are over:
    // the CPU they use meanwhile is that run's.
    let round = 0;
    await bothRounds(round, false);
    round += 1;
    const idleFrom = { year: cpuSeconds(yearBot.child.pid ?? 0), empty: cpuSeconds(emptyBot.child.pid ?? 0) };
    await sleep(Math.max(0, FIRST_JOBS_DONE_MS - (performance.now() - startedAt)));
    const firstRetentionCpu = {
      year: cpuSeconds(yearBot.child.pid ?? 0) - idleFrom.year,
      empty: cpuSeconds(emptyBot.child.pid ?? 0) - idleFrom.empty,
    };
    const rosterReadsBefore = connector.rosterReads.length;
    for (let measured = 0; measured < options.rounds; measured += 1, round += 1) {
      await bothRounds(round, true);
      options.log(`round ${measured + 1} of ${options.rounds}`);
    }
    const rows = [...year.samples.keys()].map((name) => ({
      name,
      samples: year.samples.get(name)?.length ?? 0,
      empty: summarize(empty.samples.get(name) ?? []),
      year: summarize(year.samples.get(name) ?? []),
    }));
    return {
      rows,
      seed: stores.seed,
      firstRetentionCpu,
      rosterReads: connector.rosterReads.length - rosterReadsBefore,
      coldStartMs,
    };
  } finally {
    for (const bot of bots) await killIfRunning(bot.child);
    stores.cleanup();
  }
}
