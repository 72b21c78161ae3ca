import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface BotMemory {
  /** Resident set size now (VmRSS), bytes. */
  rss: number;
  /** Highest resident set size so far (VmHWM), bytes. */
  peakRss: number;
  /** V8 heap in use after a full garbage collection, bytes. */
  heapUsed: number;
  /** V8 heap reserved (in use or free for reuse), bytes. */
  heapTotal: number;
  /** Memory of objects outside the V8 heap that JavaScript holds (Buffers and the like), after the GC, bytes. */
  external: number;
}

/** A value of /proc/<pid>/status in bytes (the kernel gives kB). Linux only. */
function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (match?.[1] === undefined) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

type HeapFigures = Pick<BotMemory, 'heapUsed' | 'heapTotal' | 'external'>;

/** Asks the heap probe preloaded into the bot (heap-probe.preload) for the heap figures after a full GC. */
function heapAfterGc(child: ChildProcess): Promise<HeapFigures> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error('the bot did not answer the heap probe'));
    }, 10_000);
    const onMessage = (message: unknown): void => {
      if (typeof message !== 'object' || message === null || !('heapUsed' in message)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      const { heapUsed, heapTotal, external } = message as HeapFigures;
      resolve({ heapUsed, heapTotal, external });
    };
    child.on('message', onMessage);
    child.send('heap');
  });
}

/** The bot process's memory, read from outside (RSS) and through its heap probe (heap after GC). */
export async function botMemory(child: ChildProcess): Promise<BotMemory> {
  const pid = child.pid;
  if (pid === undefined) throw new Error('the bot process has no pid');
  const heap = await heapAfterGc(child);
  return { rss: statusField(pid, 'VmRSS'), peakRss: statusField(pid, 'VmHWM'), ...heap };
}

/** CPU seconds (user + system) the process has used, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name (which may hold spaces) start at its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
