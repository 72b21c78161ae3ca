import capacityCalculator from '../templates/capacity-calculator.json';
import commandSuggestion from '../templates/command-suggestion.json';
import followUps from '../templates/follow-ups.json';
import goalIndicators from '../templates/goal-indicators.json';
import goalLog from '../templates/goal-log.json';
import goalGrid from '../templates/goal-grid.json';
import goalLogSaved from '../templates/goal-log-saved.json';
import goalPlanForm from '../templates/goal-plan-form.json';
import goalSetup from '../templates/goal-setup.json';
import goalsNotice from '../templates/goals-notice.json';
import goalsYear from '../templates/goals-year.json';
import help from '../templates/help.json';
import notice from '../templates/notice.json';
import openingBoard from '../templates/opening-board.json';
import openingForm from '../templates/opening-form.json';
import openingMine from '../templates/opening-mine.json';
import candidateNotice from '../templates/candidate-notice.json';
import candidateAnswer from '../templates/candidate-answer.json';
import screeningAudit from '../templates/screening-audit.json';
import screeningDecided from '../templates/screening-decided.json';
import screeningErase from '../templates/screening-erase.json';
import screeningList from '../templates/screening-list.json';
import screeningReference from '../templates/screening-reference.json';
import screeningReferenceInUse from '../templates/screening-reference-in-use.json';
import screeningResult from '../templates/screening-result.json';
import screeningResume from '../templates/screening-resume.json';
import screeningSection from '../templates/screening-section.json';
import settings from '../templates/settings.json';
import weeklyReportExport from '../templates/weekly-report-export.json';
import weeklyReportMember from '../templates/weekly-report-member.json';
import teamChoice from '../templates/team-choice.json';
import weeklyReportTeam from '../templates/weekly-report-team.json';
import welcome from '../templates/welcome.json';

/** Every card template the bot can send, by name. Templates are JSON so they open in the Adaptive Cards Designer. */
export const CARD_TEMPLATES = {
  capacityCalculator,
  commandSuggestion,
  followUps,
  goalIndicators,
  goalLog,
  goalGrid,
  goalLogSaved,
  goalPlanForm,
  goalSetup,
  goalsNotice,
  goalsYear,
  help,
  notice,
  openingBoard,
  openingForm,
  openingMine,
  candidateNotice,
  candidateAnswer,
  screeningAudit,
  screeningDecided,
  screeningErase,
  screeningList,
  screeningReference,
  screeningReferenceInUse,
  screeningResult,
  screeningResume,
  screeningSection,
  settings,
  teamChoice,
  weeklyReportExport,
  weeklyReportMember,
  weeklyReportTeam,
  welcome,
} as const;

export type CardTemplateName = keyof typeof CARD_TEMPLATES;
