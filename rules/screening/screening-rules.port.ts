import type {
  AnswerError,
  Answers,
  Question,
  QuestionnaireSection,
  ScreeningResult,
  TeamScreeningSettings,
} from './screening.types';

/** What the screening flow needs of the rules: the questionnaire as this team sees it, parsing, evaluation. */
export interface ScreeningRules {
  readonly version: string;
  /** The questionnaire's sections in order (team-added questions included). */
  sections(settings: TeamScreeningSettings): readonly QuestionnaireSection[];
  /** The questions of a section shown for these earlier answers (conditions and enabled criteria applied). */
  visibleQuestions(settings: TeamScreeningSettings, sectionId: string, answers: Answers): Question[];
  /** Reads a section's card submit: the parsed answers, and a Danish error per field that is wrong. */
  parseSection(
    settings: TeamScreeningSettings,
    sectionId: string,
    raw: Readonly<Record<string, unknown>>,
    answers: Answers,
  ): { answers: Answers; errors: AnswerError[] };
  evaluate(answers: Answers, settings: TeamScreeningSettings): Promise<ScreeningResult>;
}
