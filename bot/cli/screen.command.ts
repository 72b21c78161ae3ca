import { parseCompleteAnswers } from '../../rules/screening/questionnaire.service';
import type { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import type { ScreeningResult, ScreeningRuleset } from '../../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../../rules/screening/team-screening-settings';
import { CliInputError, isPlainObject, readJsonArgument } from './cli-input';

/** What `screen` prints: the result without the fields only the bot's card needs. */
export type ScreenOutput = Omit<ScreeningResult, 'criteria' | 'settingsVersion' | 'interventions'> & {
  criteria: { id: string; label: string; holds: boolean; weight: number }[];
};

/**
 * `screen <answers.json>`: evaluates one screening with the default team settings.
 * @throws CliInputError with the reasons when the file or an answer is invalid.
 */
export async function screenCommand(
  ruleset: ScreeningRuleset,
  evaluator: ScreeningEvaluator,
  file: string | undefined,
): Promise<ScreenOutput> {
  const raw = await readJsonArgument(file, 'en fil med svar');
  if (!isPlainObject(raw)) throw new CliInputError('Svarfilen skal indeholde et JSON-objekt: { "age": 52, … }.');
  const settings = defaultTeamScreeningSettings(ruleset);
  const { answers, errors } = parseCompleteAnswers(ruleset, settings, raw);
  if (errors.length > 0)
    throw new CliInputError(errors.map((error) => `${error.questionId}: ${error.message}`).join('\n'));
  const result = await evaluator.evaluate(answers, settings);
  return {
    track: result.track,
    targetGroup: result.targetGroup,
    strategy: result.strategy,
    riskScore: result.riskScore,
    riskLevel: result.riskLevel,
    criteria: result.criteria.map(({ id, label, holds, weight }) => ({ id, label, holds, weight })),
    archetypes: result.archetypes,
    bestArchetype: result.bestArchetype,
    explanation: result.explanation,
    notes: result.notes ?? [],
    warnings: result.warnings,
    rulesetVersion: result.rulesetVersion,
    sensitivity: result.sensitivity,
  };
}
