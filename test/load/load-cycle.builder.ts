import type { LoadFlow, LoadStep } from './load-mix.table';

/** One turn of a cycle: which run of which flow it belongs to, and the step. */
export interface CycleTurn {
  /** Index of the flow run in the cycle (0 … runs − 1); the turns of a run share its state. */
  run: number;
  flow: LoadFlow;
  step: LoadStep;
  /** Whether this is the run's last turn (its virtual user is free again afterwards). */
  last: boolean;
}

/**
 * The script of one cycle: every run of every flow, its turns in order, spread evenly over the
 * cycle so the mix holds at any moment of it (a screening's turns are interleaved with other work
 * instead of coming in a burst). Turn j of run k of a flow with S steps and n runs sits at
 * (j + (k + ½) / n) / S of the cycle; ties keep the table's order.
 */
export function buildCycle(flows: readonly LoadFlow[]): CycleTurn[] {
  const placed: { at: number; order: number; turn: CycleTurn }[] = [];
  let run = 0;
  for (const flow of flows) {
    const steps = flow.steps.length;
    for (let k = 0; k < flow.perCycle; k += 1) {
      flow.steps.forEach((step, j) => {
        placed.push({
          at: (j + (k + 0.5) / flow.perCycle) / steps,
          order: placed.length,
          turn: { run, flow, step, last: j === steps - 1 },
        });
      });
      run += 1;
    }
  }
  return placed.sort((a, b) => a.at - b.at || a.order - b.order).map((entry) => entry.turn);
}

/** Turns per step kind in one cycle, in the table's order. */
export function mixShares(flows: readonly LoadFlow[]): { kind: string; turns: number; share: number }[] {
  const counts = new Map<string, number>();
  for (const flow of flows)
    for (const step of flow.steps) counts.set(step.kind, (counts.get(step.kind) ?? 0) + flow.perCycle);
  const total = [...counts.values()].reduce((sum, turns) => sum + turns, 0);
  return [...counts].map(([kind, turns]) => ({ kind, turns, share: turns / total }));
}
