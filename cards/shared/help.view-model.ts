import { COMMANDS, type Audience, type CommandDescription } from '../../rules/commands/command.catalog';

export interface HelpViewModel {
  title: string;
  intro: string;
  groups: { heading: string; commands: { keyword: string; description: string }[] }[];
  footer: string;
}

const AUDIENCE_HEADINGS: Record<Audience, string> = {
  alle: 'For alle',
  sagsbehandler: 'Sagsbehandlere',
  virksomhedskonsulent: 'Virksomhedskonsulenter',
  leder: 'Ledere',
};

function describe(command: CommandDescription): string {
  return command.available ? command.summary : `${command.summary} (kommer snart)`;
}

/** The help card's content: every command, grouped by who it is for. */
export function buildHelpViewModel(commands: readonly CommandDescription[] = COMMANDS): HelpViewModel {
  const audiences = Object.keys(AUDIENCE_HEADINGS) as Audience[];
  return {
    title: 'Hjælp',
    intro: 'Skriv en af kommandoerne herunder. I en kanal skal du @nævne botten først.',
    groups: audiences
      .map((audience) => ({
        heading: AUDIENCE_HEADINGS[audience],
        commands: commands
          .filter((command) => command.audience === audience)
          .map((command) => ({ keyword: command.keyword, description: describe(command) })),
      }))
      .filter((group) => group.commands.length > 0),
    footer: 'Botten gemmer ikke CPR-numre eller borgeres navne. Skriv aldrig et CPR-nummer i chatten.',
  };
}
