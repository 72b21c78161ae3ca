import capacityCalculator from './templates/capacity-calculator.json';
import help from './templates/help.json';
import notice from './templates/notice.json';
import openingBoard from './templates/opening-board.json';
import openingForm from './templates/opening-form.json';
import openingMine from './templates/opening-mine.json';
import screeningDecided from './templates/screening-decided.json';
import screeningReference from './templates/screening-reference.json';
import screeningResult from './templates/screening-result.json';
import screeningResume from './templates/screening-resume.json';
import screeningSection from './templates/screening-section.json';
import settings from './templates/settings.json';
import welcome from './templates/welcome.json';

/** Every card template the bot can send, by name. Templates are JSON so they open in the Adaptive Cards Designer. */
export const CARD_TEMPLATES = {
  capacityCalculator,
  help,
  notice,
  openingBoard,
  openingForm,
  openingMine,
  screeningDecided,
  screeningReference,
  screeningResult,
  screeningResume,
  screeningSection,
  settings,
  welcome,
} as const;

export type CardTemplateName = keyof typeof CARD_TEMPLATES;
