import assert from 'node:assert/strict';
import { targets, verdicts, type LoadFigures } from './load-report.formatter';
import { percentile } from './load-stats.collector';

const MB = 1024 * 1024;

function figures(overrides: Partial<LoadFigures> = {}): LoadFigures {
  const memory = { rss: 400 * MB, peakRss: 450 * MB, heapUsed: 60 * MB, heapTotal: 200 * MB, external: 4 * MB };
  return {
    durationSeconds: 10,
    connections: 10,
    overall: { kind: 'all', replies: 1000, wrong: 0, p50: 20, p90: 40, p99: 80 },
    byKind: [],
    errors: { non2xx: 0, timeouts: 0, connectionErrors: 0, unexpected: 0 },
    warmupErrors: 0,
    memory: { start: memory, end: { ...memory, heapUsed: 70 * MB } },
    cpu: { bot: 1, driver: 0.1 },
    throughputWindows: { seconds: 2, values: [100] },
    ...overrides,
  };
}

const limits = { heapBaseBytes: 32 * MB, heapPerTurnBytes: 4096, rssBaseBytes: 256 * MB, rssPerTurnBytes: 32768 };

describe('load run verdicts', () => {
  it('when nothing went wrong and memory grew within the limits, then every check passes', () => {
    assert.ok(verdicts(figures(), limits).every((check) => check.ok));
  });

  it('when one reply was not the expected card, then the run fails', () => {
    const checks = verdicts(
      figures({ errors: { non2xx: 0, timeouts: 0, connectionErrors: 0, unexpected: 1 } }),
      limits,
    );
    assert.ok(checks.some((check) => !check.ok && check.text.startsWith('errors: 1')));
  });

  it('when the heap after GC grew more than the base and the allowance per turn, then the run fails', () => {
    const base = figures().memory.start;
    // 1000 turns: the limit is 32 MB + 1000 × 4 KB ≈ 35.9 MB.
    const checks = verdicts(
      figures({ memory: { start: base, end: { ...base, heapUsed: base.heapUsed + 36 * MB } } }),
      limits,
    );
    assert.ok(checks.some((check) => !check.ok && check.text.startsWith('heap growth')));
  });

  it('when the last 10 s hold 80 % of the first 10 s and RSS grew by at most 100 MB, then both targets are met', () => {
    const base = figures().memory.start;
    const met = targets(figures({ memory: { start: base, end: { ...base, rss: base.rss + 100 * MB } } }), {
      seconds: 10,
      first: 200,
      last: 160,
    });
    assert.deepEqual(
      met.map((check) => check.ok),
      [true, true],
    );
    const missed = targets(figures({ memory: { start: base, end: { ...base, rss: base.rss + 101 * MB } } }), {
      seconds: 10,
      first: 200,
      last: 159,
    });
    assert.deepEqual(
      missed.map((check) => check.ok),
      [false, false],
    );
    assert.match(missed[0]?.text ?? '', /80 % of the first 10 s|= 80 %/);
  });

  it('when percentiles are taken, then they are nearest-rank values', () => {
    const sorted = Array.from({ length: 100 }, (_, index) => index + 1);
    assert.deepEqual([percentile(sorted, 0.5), percentile(sorted, 0.9), percentile(sorted, 0.99)], [50, 90, 99]);
    assert.equal(percentile([], 0.5), 0);
  });
});
