import { conditionHolds } from './engine/condition.utils';
import { cprRefusal, holdsCprShape } from '../shared/cpr-shape';
import { parseDanishDecimal } from '../shared/danish-number';
import type {
  AnswerError,
  AnswerValue,
  Answers,
  Question,
  QuestionOption,
  ScreeningRuleset,
  TeamScreeningSettings,
} from './screening.types';

/** The value id a sector question offers for "no previous sector". */
export const NO_SECTOR_OPTION: QuestionOption = { id: 'ingen', label: 'Ingen' };

/** A section's questions for a team: the questionnaire's, then the team's own, in the order they were added. */
export function sectionQuestions(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
  sectionId: string,
): Question[] {
  const section = ruleset.questionnaire.sections.find((candidate) => candidate.id === sectionId);
  if (section === undefined) return [];
  return [...section.questions, ...settings.customQuestions.filter((question) => question.sectionId === sectionId)];
}

/** Every question a team may ask, section by section. */
export function allQuestions(ruleset: ScreeningRuleset, settings: TeamScreeningSettings): Question[] {
  return ruleset.questionnaire.sections.flatMap((section) => sectionQuestions(ruleset, settings, section.id));
}

/** A choice question's options, resolving `optionsFrom: "sectors"` to the branche list plus `ingen`. */
export function questionOptions(ruleset: ScreeningRuleset, question: Question): QuestionOption[] {
  if (question.optionsFrom === 'sectors') return [...ruleset.sectors, NO_SECTOR_OPTION];
  return question.options ?? [];
}

/**
 * Whether a question is asked: its criterion (if any) is enabled by the team, and its condition (if any) holds
 * on the answers so far. An answer to a question that is not asked is neither stored nor used.
 */
export function isQuestionAsked(question: Question, settings: TeamScreeningSettings, answersSoFar: Answers): boolean {
  if (question.requiresCriterion !== undefined && settings.criteria[question.requiresCriterion]?.enabled !== true) {
    return false;
  }
  return question.condition === undefined || conditionHolds(question.condition, (fact) => answersSoFar[fact]);
}

/**
 * The questions to show in a section, given the answers of the earlier sections.
 * Conditions may only read earlier sections (the file checks enforce it), so the set is known before the
 * card is rendered.
 */
export function visibleQuestions(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
  sectionId: string,
  answersSoFar: Answers,
): Question[] {
  return sectionQuestions(ruleset, settings, sectionId).filter((question) =>
    isQuestionAsked(question, settings, answersSoFar),
  );
}

function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** "mellem 0 og 60", "på mindst 0", or nothing for a question without bounds. */
function rangeText(min: number, max: number): string {
  if (Number.isFinite(min) && Number.isFinite(max)) return ` mellem ${formatNumber(min)} og ${formatNumber(max)}`;
  if (Number.isFinite(min)) return ` på mindst ${formatNumber(min)}`;
  if (Number.isFinite(max)) return ` på højst ${formatNumber(max)}`;
  return '';
}

/** A decimal the question accepts, to show how one is written (with a comma): 1,5 where it fits. */
function decimalExample(min: number, max: number): string {
  const example = min <= 1.5 && 1.5 <= max ? 1.5 : min + 0.5;
  return Number.isFinite(example) && example <= max ? `, fx ${formatNumber(example)}` : '';
}

/** A stored answer, or why the value does not fit the question (Danish, naming the field). */
type Coerced = { ok: true; value: AnswerValue } | { ok: false; message: string };

/**
 * Turns a raw value into a stored answer. Accepts what an Adaptive Card submits (strings) and typed JSON:
 * - integer/number: a number, or a text as people type one, with a decimal comma or point ("1,5", "1.5",
 *   " 3 "; see {@link parseDanishDecimal}), whichever client sent it;
 * - yesno: a boolean, or "true"/"false" (Input.Toggle) or "ja"/"nej" (Input.ChoiceSet), any case;
 * - choice: the option's value id.
 */
export function coerceAnswer(ruleset: ScreeningRuleset, question: Question, raw: unknown): Coerced {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (question.type) {
    case 'integer':
    case 'number': {
      const min = question.min ?? Number.NEGATIVE_INFINITY;
      const max = question.max ?? Number.POSITIVE_INFINITY;
      const integer = question.type === 'integer';
      const value = typeof text === 'number' ? text : typeof text === 'string' ? parseDanishDecimal(text) : undefined;
      if (
        value !== undefined &&
        Number.isFinite(value) &&
        (!integer || Number.isInteger(value)) &&
        value >= min &&
        value <= max
      ) {
        return { ok: true, value };
      }
      const kind = integer ? 'et helt tal' : 'et tal';
      const example = integer ? '' : decimalExample(min, max);
      return { ok: false, message: `${question.label} skal være ${kind}${rangeText(min, max)}${example}.` };
    }
    case 'yesno': {
      if (typeof text === 'boolean') return { ok: true, value: text };
      const lower = typeof text === 'string' ? text.toLowerCase() : '';
      if (lower === 'true' || lower === 'ja') return { ok: true, value: true };
      if (lower === 'false' || lower === 'nej') return { ok: true, value: false };
      return { ok: false, message: `${question.label} skal besvares med ja eller nej.` };
    }
    case 'choice': {
      const options = questionOptions(ruleset, question);
      const option = options.find((candidate) => candidate.id === text);
      if (option !== undefined) return { ok: true, value: option.id };
      const list = options.length <= 8 ? ` (${options.map((o) => o.label).join(', ')})` : '';
      return { ok: false, message: `${question.label}: vælg en af svarmulighederne${list}.` };
    }
  }
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** Reads one raw answer into `answers`, or adds the Danish error (a required answer left blank, or one that does not fit). */
function readAnswer(
  ruleset: ScreeningRuleset,
  question: Question,
  value: unknown,
  answers: Record<string, AnswerValue>,
  errors: AnswerError[],
): void {
  if (isBlank(value)) {
    if (question.required) {
      errors.push({ questionId: question.id, label: question.label, message: `${question.label} skal udfyldes.` });
    }
    return;
  }
  // A CPR number is refused as one, whatever the question's type, and nothing of it is kept.
  if (holdsCprShape(value)) {
    errors.push({ questionId: question.id, label: question.label, message: cprRefusal(question.label) });
    return;
  }
  const coerced = coerceAnswer(ruleset, question, value);
  if (coerced.ok) answers[question.id] = coerced.value;
  else errors.push({ questionId: question.id, label: question.label, message: coerced.message });
}

/**
 * Parses one submitted section. Returns the answers that parsed and a Danish error per field that did not (or
 * is required and empty); the caller shows the form again with the errors and keeps what was typed. Keys that
 * are not questions of this section (e.g. `verb`) are ignored, and so are answers to questions not asked.
 */
export function parseSectionSubmit(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
  sectionId: string,
  raw: Readonly<Record<string, unknown>>,
  answersSoFar: Answers,
): { answers: Answers; errors: AnswerError[] } {
  const answers: Record<string, AnswerValue> = {};
  const errors: AnswerError[] = [];
  for (const question of visibleQuestions(ruleset, settings, sectionId, answersSoFar)) {
    readAnswer(ruleset, question, raw[question.id], answers, errors);
  }
  return { answers, errors };
}

/**
 * Parses a full set of answers (a CLI file, a stored screening, typed JSON or card strings): unknown question
 * ids, values that do not fit, and required questions that are asked but missing are errors. Answers to
 * questions the team does not ask are not errors, and are left out.
 */
export function parseCompleteAnswers(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
  raw: Readonly<Record<string, unknown>>,
): { answers: Answers; errors: AnswerError[] } {
  const questions = allQuestions(ruleset, settings);
  const known = new Set(questions.map((question) => question.id));
  const errors: AnswerError[] = [];
  for (const id of Object.keys(raw)) {
    if (!known.has(id)) errors.push({ questionId: id, label: id, message: `Ukendt spørgsmål "${id}".` });
  }
  const answers: Record<string, AnswerValue> = {};
  for (const question of questions) {
    if (!isQuestionAsked(question, settings, answers)) continue;
    readAnswer(ruleset, question, raw[question.id], answers, errors);
  }
  return { answers, errors };
}

/** The errors of {@link parseCompleteAnswers}: what is wrong with a full set of answers, in Danish. */
export function validateCompleteAnswers(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
  answers: Readonly<Record<string, unknown>>,
): AnswerError[] {
  return parseCompleteAnswers(ruleset, settings, answers).errors;
}

/**
 * The answers the rules may see: those to questions the team asks, in questionnaire order (so a condition
 * sees only earlier answers). Returns the ids it dropped, e.g. the sensitive question while its criterion is off.
 */
export function askedAnswers(
  ruleset: ScreeningRuleset,
  settings: TeamScreeningSettings,
  answers: Answers,
): { answers: Record<string, AnswerValue>; ignored: string[] } {
  const kept: Record<string, AnswerValue> = {};
  const ignored: string[] = [];
  for (const question of allQuestions(ruleset, settings)) {
    const value = answers[question.id];
    if (value === undefined) continue;
    if (isQuestionAsked(question, settings, kept)) kept[question.id] = value;
    else ignored.push(question.id);
  }
  return { answers: kept, ignored };
}
