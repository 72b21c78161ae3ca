import type { NoticeStyle } from './goal-log.view-models';

/** The buttons a goals notice can offer, so a person who cannot go on is shown the way. */
export const GOALS_NOTICE_ACTIONS = {
  setup: { title: 'Opsæt målstyring', verb: 'goals.setup' },
  join: { title: 'Tilmeld mig', verb: 'goals.join' },
  log: { title: 'Registrér ugens tal', verb: 'goals.logOpen' },
} as const;

export type GoalsNoticeAction = keyof typeof GOALS_NOTICE_ACTIONS;

/** A Danish notice of the goals with buttons (e.g. "Tilmeld mig"); `weekKey` goes with the buttons that take one. */
export function buildGoalsNoticeViewModel(input: {
  kind: 'info' | 'good' | 'warning' | 'error';
  title: string;
  paragraphs: readonly string[];
  actions?: readonly GoalsNoticeAction[];
  weekKey?: string;
}) {
  const style: NoticeStyle =
    input.kind === 'info'
      ? 'default'
      : input.kind === 'good'
        ? 'good'
        : input.kind === 'warning'
          ? 'warning'
          : 'attention';
  return {
    style,
    title: input.title,
    paragraphs: [...input.paragraphs],
    actions: (input.actions ?? []).map((action) => ({
      ...GOALS_NOTICE_ACTIONS[action],
      weekKey: input.weekKey ?? null,
    })),
  };
}
