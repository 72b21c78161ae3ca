import type { BotMemory } from './bot-resources.probe';
import type { KindFigures } from './load-stats.collector';

export interface LoadErrors {
  non2xx: number;
  timeouts: number;
  connectionErrors: number;
  /** 2xx replies that were not the expected card. */
  unexpected: number;
}

export interface LoadFigures {
  durationSeconds: number;
  connections: number;
  overall: KindFigures;
  byKind: KindFigures[];
  errors: LoadErrors;
  warmupErrors: number;
  memory: { start: BotMemory; end: BotMemory };
  /** CPU used during the run, in cores (CPU seconds per second). */
  cpu: { bot: number; driver: number };
  /** Replies per second in consecutive windows of the run. */
  throughputWindows: { seconds: number; values: number[] };
}

/**
 * Memory growth the run may show. The embedded storage keeps every document in the bot's process, so
 * the heap grows with what the run writes (screenings, openings, audit events, activity claims); the
 * limits allow that and more, and catch a leak per turn (e.g. something kept per request).
 */
export interface MemoryLimits {
  /** Heap in use after a full GC: a fixed allowance plus an allowance per turn of the run. */
  heapBaseBytes: number;
  heapPerTurnBytes: number;
  /** Resident set size, which also holds freed heap V8 has not given back. */
  rssBaseBytes: number;
  rssPerTurnBytes: number;
}

export interface Verdict {
  ok: boolean;
  text: string;
}

/** Throughput in the run's first and last seconds (req/s), to see whether it holds as the state grows. */
export interface ThroughputEnds {
  seconds: number;
  first: number;
  last: number;
}

/** The run's performance targets (issue 14): printed with ✔/✘, beside the verdicts that fail the run. */
export const LOAD_TARGETS = {
  /** The last seconds' throughput at least this share of the first seconds'. */
  lastToFirstThroughput: 0.8,
  /** RSS growth over the run (after the warm-up) at most this much, for a run of up to 60 s. */
  rssGrowthBytes: 100 * 1024 * 1024,
} as const;

/**
 * The targets, as ✔/✘ lines. They do not fail the run: on a machine shared with other work the last
 * ten seconds' throughput moves with what else runs (the errors and memory verdicts stay strict).
 */
export function targets(figures: LoadFigures, ends: ThroughputEnds): Verdict[] {
  const ratio = ends.first > 0 ? ends.last / ends.first : 0;
  const rssGrowth = figures.memory.end.rss - figures.memory.start.rss;
  const overlap = figures.durationSeconds < 2 * ends.seconds ? ' (the run is too short for separate windows)' : '';
  return [
    {
      ok: ratio >= LOAD_TARGETS.lastToFirstThroughput,
      text: `throughput in the last ${ends.seconds} s ${ends.last.toFixed(0)} req/s = ${(100 * ratio).toFixed(0)} % of the first ${ends.seconds} s (${ends.first.toFixed(0)} req/s); target ≥ ${100 * LOAD_TARGETS.lastToFirstThroughput} %${overlap}`,
    },
    {
      ok: rssGrowth <= LOAD_TARGETS.rssGrowthBytes,
      text: `RSS growth ${signedMb(rssGrowth)} MB over ${figures.durationSeconds.toFixed(0)} s; target ≤ ${mb(LOAD_TARGETS.rssGrowthBytes)} MB over 60 s`,
    },
  ];
}

export function formatTargets(checks: readonly Verdict[]): string {
  return checks.map((check) => `${check.ok ? '✔' : '✘'}  ${check.text}`).join('\n');
}

const MB = 1024 * 1024;
const mb = (bytes: number): string => (bytes / MB).toFixed(1);
const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : '−'}${mb(Math.abs(bytes))}`;

export function totalErrors(errors: LoadErrors): number {
  return errors.non2xx + errors.timeouts + errors.connectionErrors + errors.unexpected;
}

export function verdicts(figures: LoadFigures, limits: MemoryLimits): Verdict[] {
  const turns = figures.overall.replies;
  const heapGrowth = figures.memory.end.heapUsed - figures.memory.start.heapUsed;
  const rssGrowth = figures.memory.end.rss - figures.memory.start.rss;
  const heapLimit = limits.heapBaseBytes + turns * limits.heapPerTurnBytes;
  const rssLimit = limits.rssBaseBytes + turns * limits.rssPerTurnBytes;
  const errors = totalErrors(figures.errors);
  return [
    { ok: turns > 0, text: `turns answered: ${turns} (must be > 0)` },
    {
      ok: errors === 0 && figures.warmupErrors === 0,
      text: `errors: ${errors}, in the warm-up ${figures.warmupErrors} (must be 0)`,
    },
    {
      ok: heapGrowth <= heapLimit,
      text: `heap growth after GC ${signedMb(heapGrowth)} MB ≤ ${mb(heapLimit)} MB (${mb(limits.heapBaseBytes)} MB + ${(limits.heapPerTurnBytes / 1024).toFixed(0)} KB per turn)`,
    },
    {
      ok: rssGrowth <= rssLimit,
      text: `RSS growth ${signedMb(rssGrowth)} MB ≤ ${mb(rssLimit)} MB (${mb(limits.rssBaseBytes)} MB + ${(limits.rssPerTurnBytes / 1024).toFixed(0)} KB per turn)`,
    },
  ];
}

function row(cells: readonly string[]): string {
  const [first = '', ...rest] = cells;
  return `  ${first.padEnd(20)}${rest.map((cell) => cell.padStart(9)).join('')}`;
}

const ms = (value: number): string => value.toFixed(value < 10 ? 1 : 0);

export function formatReport(figures: LoadFigures): string {
  const { overall, errors, memory } = figures;
  const throughput = overall.replies / figures.durationSeconds;
  const table = [
    row(['turn', 'replies', 'share', 'wrong', 'p50 ms', 'p90 ms', 'p99 ms']),
    ...[...figures.byKind, overall].map((kind) =>
      row([
        kind.kind,
        String(kind.replies),
        `${((100 * kind.replies) / Math.max(1, overall.replies)).toFixed(0)} %`,
        String(kind.wrong),
        ms(kind.p50),
        ms(kind.p90),
        ms(kind.p99),
      ]),
    ),
  ];
  return [
    `duration:    ${figures.durationSeconds.toFixed(1)} s with ${figures.connections} connections`,
    `requests:    ${overall.replies} answered`,
    `throughput:  ${throughput.toFixed(1)} req/s`,
    `over time:   ${figures.throughputWindows.values.map((value) => value.toFixed(0)).join(' → ')} req/s (windows of ${figures.throughputWindows.seconds} s)`,
    `latency:     p50 ${ms(overall.p50)} ms · p90 ${ms(overall.p90)} ms · p99 ${ms(overall.p99)} ms`,
    `errors:      ${totalErrors(errors)} (non-2xx ${errors.non2xx}, timeouts ${errors.timeouts}, connection errors ${errors.connectionErrors}, 2xx without the expected card ${errors.unexpected})`,
    `memory:      RSS ${mb(memory.start.rss)} → ${mb(memory.end.rss)} MB (${signedMb(memory.end.rss - memory.start.rss)} MB, peak ${mb(memory.end.peakRss)} MB); heap used after GC ${mb(memory.start.heapUsed)} → ${mb(memory.end.heapUsed)} MB (${signedMb(memory.end.heapUsed - memory.start.heapUsed)} MB) of ${mb(memory.start.heapTotal)} → ${mb(memory.end.heapTotal)} MB reserved; outside the heap ${mb(memory.start.external)} → ${mb(memory.end.external)} MB`,
    `cpu:         bot ${figures.cpu.bot.toFixed(2)} cores, load driver ${figures.cpu.driver.toFixed(2)} cores`,
    '',
    ...table,
    '',
  ].join('\n');
}

export function formatVerdicts(checks: readonly Verdict[]): string {
  return checks.map((check) => `${check.ok ? 'ok  ' : 'FAIL'}  ${check.text}`).join('\n');
}
