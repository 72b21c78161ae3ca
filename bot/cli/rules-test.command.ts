import type { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import {
  parseRuleCases,
  runRuleCase,
  RuleCaseTableError,
  type RuleCase,
  type RuleCaseFailure,
} from '../../rules/screening/engine/rule-cases';
import type { ScreeningRuleset } from '../../rules/screening/screening.types';
import { CliInputError, readJsonArgument } from './cli-input';

export interface RuleTestReport {
  total: number;
  passed: number;
  failed: number;
  failures: RuleCaseFailure[];
}

function readCases(raw: unknown): RuleCase[] {
  try {
    return parseRuleCases(raw);
  } catch (error) {
    if (error instanceof RuleCaseTableError) throw new CliInputError(error.message);
    throw error;
  }
}

/**
 * `rules test <cases.json>`: runs each case and reports every expectation that failed.
 * @throws CliInputError when the file is not a valid list of cases.
 */
export async function rulesTestCommand(
  ruleset: ScreeningRuleset,
  evaluator: ScreeningEvaluator,
  file: string | undefined,
): Promise<RuleTestReport> {
  const cases = readCases(await readJsonArgument(file, 'en fil med testtilfælde'));
  const failures: RuleCaseFailure[] = [];
  let failed = 0;
  for (const testCase of cases) {
    const caseFailures = await runRuleCase(ruleset, evaluator, testCase);
    if (caseFailures.length > 0) failed += 1;
    failures.push(...caseFailures);
  }
  return { total: cases.length, passed: cases.length - failed, failed, failures };
}

/** One failure as a Danish line for stderr. */
export function describeFailure(failure: RuleCaseFailure): string {
  return `${failure.name}: ${failure.field} forventet ${JSON.stringify(failure.expected)}, fik ${JSON.stringify(failure.actual)}`;
}
