import { parseSectionSubmit, questionOptions, visibleQuestions } from './questionnaire.service';
import type { ScreeningEvaluator } from './engine/screening.evaluator';
import type { ScreeningRuleset } from './screening.types';
import type { ScreeningRules } from './screening-rules.port';

/** The screening flow's view of the rule files and the json-rules-engine evaluator. */
export function screeningRulesFrom(ruleset: ScreeningRuleset, evaluator: ScreeningEvaluator): ScreeningRules {
  return {
    version: ruleset.version,
    sections: () => ruleset.questionnaire.sections,
    // Options are resolved here (e.g. the sector list), so cards only place them.
    visibleQuestions: (settings, sectionId, answers) =>
      visibleQuestions(ruleset, settings, sectionId, answers).map((question) =>
        question.type === 'choice' ? { ...question, options: questionOptions(ruleset, question) } : question,
      ),
    parseSection: (settings, sectionId, raw, answers) => parseSectionSubmit(ruleset, settings, sectionId, raw, answers),
    evaluate: (answers, settings) => evaluator.evaluate(answers, settings),
  };
}
