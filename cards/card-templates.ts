import help from './templates/help.json';
import notice from './templates/notice.json';
import welcome from './templates/welcome.json';

/** Every card template the bot can send, by name. Templates are JSON so they open in the Adaptive Cards Designer. */
export const CARD_TEMPLATES = { help, notice, welcome } as const;

export type CardTemplateName = keyof typeof CARD_TEMPLATES;
