import type { Readable } from 'node:stream';

const WARN = 40;
const MAX_KEPT = 3;

/**
 * Counts the warnings and errors the bot logs (pino JSON lines, level ≥ 40) while the run lasts, and
 * keeps the first few messages. A turn that fails shows as a wrong reply anyway; this shows what the
 * bot itself noticed (e.g. a failed background job).
 */
export class BotLogWatcher {
  count = 0;
  readonly first: string[] = [];
  private partial = '';

  constructor(stdout: Readable | null) {
    stdout?.on('data', (chunk: Buffer) => {
      const lines = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) this.read(line);
    });
  }

  private read(line: string): void {
    let entry: { level?: unknown; msg?: unknown };
    try {
      entry = JSON.parse(line) as { level?: unknown; msg?: unknown };
    } catch {
      return;
    }
    if (typeof entry.level !== 'number' || entry.level < WARN) return;
    this.count += 1;
    if (this.first.length < MAX_KEPT) this.first.push(line.slice(0, 300));
  }
}
