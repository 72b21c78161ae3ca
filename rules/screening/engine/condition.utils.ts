import { CONDITION_OPERATORS, type AnswerValue, type Condition, type ConditionValue } from '../screening.types';

/** A problem found in a rule or settings document: where (a JSON pointer) and what (Danish). */
export interface LocatedProblem {
  location: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFactReference(value: unknown): value is { fact: string } {
  return isRecord(value) && typeof value.fact === 'string';
}

/**
 * Checks the shape the schema cannot express in Danish words: exactly one of all/any/not/fact per node, and
 * every fact (left side and `{ "fact": … }` right side) one of `knownFacts`.
 */
export function checkCondition(
  condition: unknown,
  location: string,
  isKnownFact: (fact: string) => boolean,
  unknownFactHint: string,
): LocatedProblem[] {
  if (!isRecord(condition)) return [{ location, message: 'betingelsen skal være et objekt' }];
  const kinds = ['all', 'any', 'not', 'fact'].filter((key) => key in condition);
  if (kinds.length !== 1) {
    return [{ location, message: 'en betingelse skal have præcis ét af felterne "all", "any", "not" eller "fact"' }];
  }
  const problems: LocatedProblem[] = [];
  const kind = kinds[0];
  if (kind === 'all' || kind === 'any') {
    const children = condition[kind];
    if (!Array.isArray(children)) return [{ location: `${location}/${kind}`, message: 'skal være en liste' }];
    children.forEach((child, index) =>
      problems.push(...checkCondition(child, `${location}/${kind}/${index}`, isKnownFact, unknownFactHint)),
    );
    return problems;
  }
  if (kind === 'not') return checkCondition(condition.not, `${location}/not`, isKnownFact, unknownFactHint);
  const { fact, operator, value } = condition;
  if (typeof fact !== 'string' || !isKnownFact(fact)) {
    problems.push({ location: `${location}/fact`, message: `ukendt fakta "${String(fact)}" (${unknownFactHint})` });
  }
  if (!(CONDITION_OPERATORS as readonly unknown[]).includes(operator)) {
    problems.push({ location: `${location}/operator`, message: `mangler eller ukendt operator "${String(operator)}"` });
  }
  if (!('value' in condition)) problems.push({ location, message: 'mangler feltet "value"' });
  else if (isFactReference(value) && !isKnownFact(value.fact)) {
    problems.push({
      location: `${location}/value/fact`,
      message: `ukendt fakta "${value.fact}" (${unknownFactHint})`,
    });
  }
  return problems;
}

/** Every fact a condition reads, left and right side. */
export function conditionFacts(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFacts);
  if ('any' in condition) return condition.any.flatMap(conditionFacts);
  if ('not' in condition) return conditionFacts(condition.not);
  return isFactReference(condition.value) ? [condition.fact, condition.value.fact] : [condition.fact];
}

type FactLookup = (fact: string) => AnswerValue | readonly AnswerValue[] | undefined;

/*
 * Question visibility is decided while a card is rendered, synchronously, so it cannot go through the async
 * engine. This mirrors json-rules-engine's default operators exactly (including: numeric operators are false
 * for a non-numeric fact, and a missing fact is `undefined`, as with `allowUndefinedFacts`).
 */
function compare(operator: string, left: unknown, right: unknown): boolean {
  const numeric = Number.parseFloat(String(left)).toString() !== 'NaN';
  switch (operator) {
    case 'equal':
      return left === right;
    case 'notEqual':
      return left !== right;
    case 'in':
      return Array.isArray(right) && right.includes(left);
    case 'notIn':
      return Array.isArray(right) && !right.includes(left);
    case 'contains':
      return Array.isArray(left) && left.includes(right);
    case 'doesNotContain':
      return Array.isArray(left) && !left.includes(right);
    case 'lessThan':
      return numeric && (left as number) < (right as number);
    case 'lessThanInclusive':
      return numeric && (left as number) <= (right as number);
    case 'greaterThan':
      return numeric && (left as number) > (right as number);
    case 'greaterThanInclusive':
      return numeric && (left as number) >= (right as number);
    default:
      return false;
  }
}

/** Evaluates a condition synchronously with json-rules-engine's semantics (used for question visibility). */
export function conditionHolds(condition: Condition, lookup: FactLookup): boolean {
  if ('all' in condition) return condition.all.every((child) => conditionHolds(child, lookup));
  if ('any' in condition) return condition.any.some((child) => conditionHolds(child, lookup));
  if ('not' in condition) return !conditionHolds(condition.not, lookup);
  const right: ConditionValue | readonly AnswerValue[] | undefined = isFactReference(condition.value)
    ? lookup(condition.value.fact)
    : condition.value;
  return compare(condition.operator, lookup(condition.fact), right);
}
