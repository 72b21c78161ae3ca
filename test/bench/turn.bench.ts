import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `npm run bench`: CPU time per turn of the bot answering "hjælp" through the real HTTP path (with
 * its storage work: the dedupe claim and the conversation-reference check), side by side with a bare
 * botbuilder echo bot, measured in the same run, interleaved in rounds so machine noise hits both.
 */

const WARMUP_TURNS = Number(process.env.BENCH_WARMUP ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const TURNS_PER_ROUND = Number(process.env.BENCH_TURNS ?? 200);
const TARGET_RATIO = 1.5;

interface Target {
  name: string;
  child: ChildProcess;
  port: number;
  samples: number[];
  nextId: number;
}

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
  const { port } = await request<{ port: number }>(child, '', 'port');
  return { name, child, port, samples: [], nextId: 0 };
}

async function turn(target: Target): Promise<void> {
  target.nextId += 1;
  const response = await fetch(`http://127.0.0.1:${target.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `bench-${target.nextId}`,
      text: 'hjælp',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/unused',
      deliveryMode: 'expectReplies',
      from: { id: 'user-1' },
      recipient: { id: 'bot-1' },
      conversation: { id: 'a:bench', conversationType: 'personal', tenantId: 'local' },
    }),
  });
  const body = (await response.json()) as { activities?: unknown[] };
  if (response.status !== 200 || body.activities?.length !== 1) {
    throw new Error(`${target.name}: unexpected answer ${response.status}`);
  }
}

async function cpuOf(target: Target): Promise<{ cpuMicros: number; rss: number }> {
  return request<{ cpuMicros: number; rss: number }>(target.child, 'cpu', 'cpuMicros');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function main(): Promise<void> {
  const targets = [await startTarget('hjaelp'), await startTarget('echo')];
  try {
    for (const target of targets) for (let i = 0; i < WARMUP_TURNS; i += 1) await turn(target);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const before = await cpuOf(target);
        for (let i = 0; i < TURNS_PER_ROUND; i += 1) await turn(target);
        const after = await cpuOf(target);
        target.samples.push((after.cpuMicros - before.cpuMicros) / TURNS_PER_ROUND);
      }
    }
    const [bot, echo] = targets.map((target) => median(target.samples)) as [number, number];
    const ratio = bot / echo;
    const rss = await Promise.all(targets.map(cpuOf));
    const lines = [
      `turns: ${WARMUP_TURNS} warm-up + ${ROUNDS} rounds x ${TURNS_PER_ROUND} per bot, interleaved, CPU of each bot's own process`,
      `hjælp turn (bot, incl. storage): ${bot.toFixed(0)} µs CPU/turn (rounds: ${targets[0]?.samples.map((s) => s.toFixed(0)).join(' ')})`,
      `bare echo turn (botbuilder):     ${echo.toFixed(0)} µs CPU/turn (rounds: ${targets[1]?.samples.map((s) => s.toFixed(0)).join(' ')})`,
      `ratio: ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO})`,
      `rss after run: bot ${((rss[0]?.rss ?? 0) / 2 ** 20).toFixed(0)} MiB, echo ${((rss[1]?.rss ?? 0) / 2 ** 20).toFixed(0)} MiB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (ratio > TARGET_RATIO) process.exitCode = 1;
  } finally {
    for (const target of targets) target.child.send('stop');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
