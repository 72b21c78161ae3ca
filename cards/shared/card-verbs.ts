/**
 * Every verb a card's button may carry (`{ "verb": "<area>.<action>", … }` in `Action.Execute` data and
 * the `Action.Submit` fallback). The templates and view models use these; `bot/` routes each to one
 * handler (bot/teams/card-action.router.ts), and a test checks that every verb in a template is here.
 */
export const CARD_VERBS = [
  'help.show',
  'command.run',
  'capacity.calculate',
  'screening.new',
  'screening.start',
  'screening.resume',
  'screening.section',
  'screening.accept',
  'screening.override',
  'screening.erase',
  'settings.save',
  'opening.register',
  'opening.candidate',
  'opening.fill',
  'opening.edit',
  'opening.update',
  'opening.close',
  'opening.reopen',
  'opening.candidateAnswer',
  'goals.logOpen',
  'goals.log',
  'goals.join',
  'goals.setup',
  'goals.indicators',
  'goals.members',
  'goals.memberGoalsOpen',
  'goals.memberGoals',
  'goals.targetsOpen',
  'goals.targets',
  'goals.indicatorAdd',
  'goals.indicatorRename',
  'goals.indicatorRetire',
  'goals.teamGoalsOpen',
  'goals.teamGoals',
  'followup.outcome',
  'team.choose',
  'team.coLeaders',
] as const;

export type CardVerb = (typeof CARD_VERBS)[number];

const KNOWN: ReadonlySet<string> = new Set(CARD_VERBS);

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && KNOWN.has(value);
}
