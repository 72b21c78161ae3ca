import { performance } from 'node:perf_hooks';
import { loadDefaultScreeningRuleset } from '../../bot/screening-ruleset.loader';
import { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import type { Answers } from '../../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../../rules/screening/team-screening-settings';
import { TYPED_ANSWERS } from '../support/screening-answers';

/**
 * Median wall time of one `ScreeningEvaluator.evaluate` with engines already built: the seed's 52-year-old
 * (risk 5, archetype match, and — because over 40 holds — the sensitivity check's second, decisions-only run).
 * A citizen under 40 needs no second run and is faster.
 */
export const REPRESENTATIVE_ANSWERS: Answers = TYPED_ANSWERS;

export async function benchRulesEvaluation(
  options: { answers?: Answers; warmup?: number; samples?: number } = {},
): Promise<{ medianMicros: number; samples: number }> {
  const ruleset = await loadDefaultScreeningRuleset();
  const settings = defaultTeamScreeningSettings(ruleset);
  const evaluator = new ScreeningEvaluator(ruleset);
  const answers = options.answers ?? REPRESENTATIVE_ANSWERS;
  const samples = options.samples ?? 5000;
  for (let i = 0; i < (options.warmup ?? 2000); i += 1) await evaluator.evaluate(answers, settings);
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await evaluator.evaluate(answers, settings);
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median = times.length % 2 === 1 ? (times[middle] ?? 0) : ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2;
  return { medianMicros: Math.round(median * 10) / 10, samples };
}

if (require.main === module) {
  void (async () => {
    const over40 = await benchRulesEvaluation();
    const under40 = await benchRulesEvaluation({ answers: { ...REPRESENTATIVE_ANSWERS, age: 35 } });
    console.log(JSON.stringify({ representative52: over40, age35: under40, targetMicros: 200 }));
  })();
}
