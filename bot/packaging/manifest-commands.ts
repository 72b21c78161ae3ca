import { COMMANDS, type CommandId } from '../../rules/commands/command.catalog';

/**
 * What Teams suggests in each scope (at most 12 each). Screenings, follow-ups and the goals stay in the
 * personal chat: a card in a group is read by all, and the goals show each member's figures. `mål
 * tilmeld` and `mål opsæt` are offered as buttons on the `mål` card and in `hjælp` instead (the
 * personal list is full).
 */
const COMMANDS_BY_SCOPE = {
  personal: [
    'hjaelp',
    'screening',
    'ny_stilling',
    'stillinger',
    'mine_stillinger',
    'maal',
    'opfoelgning',
    'ugerapport',
    'ressourceberegner',
    'indstillinger',
    'vis_screening',
    'slet_screening',
  ],
  team: ['hjaelp', 'morgenmoede', 'stillinger', 'ny_stilling', 'ressourceberegner', 'indstillinger'],
  groupChat: ['hjaelp', 'stillinger', 'ny_stilling', 'ressourceberegner'],
} as const satisfies Record<string, readonly CommandId[]>;

export type ManifestScope = keyof typeof COMMANDS_BY_SCOPE;

/** Titles Teams shows for a command; `morgenmøde` is two commands in the channel. */
const TITLES: Partial<Record<CommandId, readonly { title: string; description: string }[]>> = {
  morgenmoede: [
    { title: 'morgenmøde her', description: 'Vælg denne kanal til tavlen hver arbejdsdag (evt. med kl. 8.15).' },
    { title: 'morgenmøde nu', description: 'Vis tavlen med åbne stillinger med det samme.' },
  ],
};

/** The manifest's command lists, one per scope, from the command catalog (only commands that are in use). */
export function manifestCommandLists(): {
  scopes: ManifestScope[];
  commands: { title: string; description: string }[];
}[] {
  return (Object.keys(COMMANDS_BY_SCOPE) as ManifestScope[]).map((scope) => ({
    scopes: [scope],
    commands: COMMANDS_BY_SCOPE[scope].flatMap((id) => {
      const command = COMMANDS.find((candidate) => candidate.id === id);
      if (command === undefined || !command.available) return [];
      return TITLES[id] ?? [{ title: command.keyword, description: command.summary }];
    }),
  }));
}
