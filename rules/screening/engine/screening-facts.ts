import type { ReasonText } from '../screening.types';

/**
 * The facts rule conditions may read, besides the answers (question ids). Keeping the vocabulary in one place
 * lets the file checks reject a misspelt fact before the engine would silently treat it as undefined.
 */

/** Team settings offered as facts, so a rule file says `{ "fact": "affectedSectors" }` instead of a copy. */
export const SETTINGS_FACTS = ['affectedSectors', 'shortExperienceYears', 'minApplicationsPerWeek'] as const;

/** Facts derived during the run from earlier rule results; only decision rules may read them. */
export const DERIVED_FACTS = [
  'riskScore',
  'riskLevel',
  'strategy',
  'targetGroup',
  'bestArchetype',
  'bestArchetypeAtRisk',
] as const;

const CRITERION_FACT_PREFIX = 'criterion:';

/** The fact that holds whether criterion `id` held in this run (false when the criterion is disabled). */
export function criterionFact(id: string): string {
  return `${CRITERION_FACT_PREFIX}${id}`;
}

/** The criterion id of a `criterion:<id>` fact, or undefined. */
export function criterionOfFact(fact: string): string | undefined {
  return fact.startsWith(CRITERION_FACT_PREFIX) ? fact.slice(CRITERION_FACT_PREFIX.length) : undefined;
}

/** Question ids must not collide with the facts above: camelCase letters and digits only. */
export const QUESTION_ID_PATTERN = /^[a-z][A-Za-z0-9]*$/;

/** `{fact}` placeholders in a reason sentence. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_:-]*)\}/gu;

/** The facts a reason sentence names in its placeholders (for `rules check`). */
export function reasonPlaceholders(reason: ReasonText): string[] {
  const texts = typeof reason === 'string' ? [reason] : reason.map((part) => part.text);
  return texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''));
}
