/** Replies and latencies per kind of turn, as the driver sees them. */
export interface KindFigures {
  kind: string;
  replies: number;
  /** 2xx replies without the expected card, and non-2xx replies. */
  wrong: number;
  p50: number;
  p90: number;
  p99: number;
}

const MAX_SAMPLES = 3;

/** The value below which `fraction` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/**
 * Collects what the driver observes. autocannon calls a request's onResponse and then, synchronously,
 * emits the response time; `reply` remembers the kind and `responseTime` files the time under it.
 */
export class LoadStatsCollector {
  private readonly kinds = new Map<string, { replies: number; wrong: number; latencies: number[] }>();
  private pendingKind: string | undefined;
  /** The first unexpected replies, shortened, to tell what went wrong. */
  readonly wrongSamples: string[] = [];
  /** Cycles started again because a reply gave nothing to continue with. */
  restarts = 0;
  /** Replies per second of the run, to see whether the rate holds or falls as state grows. */
  private readonly perSecond: number[] = [];
  private readonly startedAt = performance.now();

  constructor(kinds: readonly string[]) {
    for (const kind of kinds) this.kinds.set(kind, { replies: 0, wrong: 0, latencies: [] });
  }

  /** @param summary what the reply shows, asked only when the reply is wrong */
  reply(kind: string, status: number, expected: boolean, summary: () => string): void {
    const figures = this.kinds.get(kind) ?? { replies: 0, wrong: 0, latencies: [] };
    this.kinds.set(kind, figures);
    figures.replies += 1;
    const second = Math.floor((performance.now() - this.startedAt) / 1000);
    this.perSecond[second] = (this.perSecond[second] ?? 0) + 1;
    if (!expected) {
      figures.wrong += 1;
      if (this.wrongSamples.length < MAX_SAMPLES) this.wrongSamples.push(`${kind} → ${status}: ${summary()}`);
    }
    this.pendingKind = kind;
  }

  responseTime(milliseconds: number): void {
    if (this.pendingKind === undefined) return;
    this.kinds.get(this.pendingKind)?.latencies.push(milliseconds);
    this.pendingKind = undefined;
  }

  byKind(): KindFigures[] {
    return [...this.kinds].map(([kind, figures]) => summarize(kind, figures.replies, figures.wrong, figures.latencies));
  }

  overall(): KindFigures {
    const all = [...this.kinds.values()];
    return summarize(
      'all',
      all.reduce((sum, figures) => sum + figures.replies, 0),
      all.reduce((sum, figures) => sum + figures.wrong, 0),
      all.flatMap((figures) => figures.latencies),
    );
  }

  /** Replies per second, averaged over consecutive windows of the given length (the last may be shorter). */
  throughputWindows(seconds: number, durationSeconds: number): number[] {
    const windows: number[] = [];
    for (let from = 0; from < durationSeconds; from += seconds) {
      const length = Math.min(seconds, durationSeconds - from);
      let replies = 0;
      for (let second = from; second < from + length; second += 1) replies += this.perSecond[second] ?? 0;
      windows.push(replies / length);
    }
    return windows;
  }

  /** Replies per second from second `from` (included) to `to` (excluded) of the run. */
  throughputBetween(from: number, to: number): number {
    let replies = 0;
    for (let second = Math.max(0, from); second < to; second += 1) replies += this.perSecond[second] ?? 0;
    return replies / Math.max(1, to - Math.max(0, from));
  }

  repliesOf(kind: string): { replies: number; wrong: number } {
    const figures = this.kinds.get(kind);
    return { replies: figures?.replies ?? 0, wrong: figures?.wrong ?? 0 };
  }
}

function summarize(kind: string, replies: number, wrong: number, latencies: number[]): KindFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    kind,
    replies,
    wrong,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
  };
}
