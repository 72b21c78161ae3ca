import autocannon from 'autocannon';
import type { CycleTurn } from './load-cycle.builder';
import type { FlowState } from './load-mix.table';
import type { LoadStatsCollector } from './load-stats.collector';
import { firstCard, replySummary, turnActivity, type LoadTarget } from './load-turn.envelope';
import type { VirtualUsersPool } from './virtual-users.pool';

export interface DriveOptions {
  target: LoadTarget;
  connections: number;
  durationSeconds: number;
  cycle: readonly CycleTurn[];
  users: VirtualUsersPool;
  stats: LoadStatsCollector;
  /** A number never used before in the run (case references, company names). */
  nextSequence: () => number;
}

/** State of one pass through the cycle on one connection: the flow runs in it. */
type CycleContext = { runs?: FlowState[] };

/**
 * Drives the cycle with autocannon: every connection is a virtual desk that goes through the cycle's
 * turns in order and starts over, for the given time. autocannon sends a connection's next request
 * only after the reply to the previous one (no pipelining) and calls onResponse before it builds the
 * next, so a step can submit the card the previous step got back. The context autocannon keeps per
 * connection lives for one pass, which is why every flow run fits in one cycle.
 */
export async function driveLoad(options: DriveOptions): Promise<autocannon.Result> {
  const { users, stats } = options;
  const requests = options.cycle.map((turn): autocannon.Request => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request, context) => {
      const runs = ((context as CycleContext).runs ??= []);
      const flow = (runs[turn.run] ??= { user: users.take(turn.flow.role), sequence: options.nextSequence() });
      const body = turn.step.build(flow);
      if (body === undefined) {
        // An earlier reply of this run was wrong (already counted): start the cycle again.
        stats.restarts += 1;
        return undefined;
      }
      return { ...request, body: JSON.stringify(turnActivity(flow.user, body, options.target.serviceUrl)) };
    },
    onResponse: (status, body, context) => {
      const flow = (context as CycleContext).runs?.[turn.run];
      const expected = status === 200 && body.includes(turn.step.marker);
      stats.reply(turn.step.kind, status, expected, () => replySummary(body));
      if (flow === undefined) return;
      flow.lastCard = expected && turn.step.keepsCard === true ? firstCard(body) : undefined;
      if (expected && turn.last) users.giveBack(turn.flow.role, flow.user);
    },
  }));
  const instance = autocannon({
    url: options.target.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 10,
    pipelining: 1,
    requests,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
    stats.responseTime(responseTime),
  );
  return instance;
}
