import type { CommandDescription } from '../../rules/commands/command.catalog';

/** "Mente du **stillinger**?" with a button per command that runs it as if it were typed. */
export interface CommandSuggestionViewModel {
  question: string;
  suggestions: { keyword: string }[];
}

/**
 * The "did you mean" before the help card, naming the closest command or two by their keywords (never
 * what was typed). Undefined when there is nothing to suggest.
 */
export function buildCommandSuggestionViewModel(
  commands: readonly Pick<CommandDescription, 'keyword'>[],
): CommandSuggestionViewModel | undefined {
  if (commands.length === 0) return undefined;
  const named = commands.map((command) => `**${command.keyword}**`);
  const last = named.pop();
  const list = named.length === 0 ? last : `${named.join(', ')} eller ${last}`;
  return {
    question: `Mente du ${list}?`,
    suggestions: commands.map((command) => ({ keyword: command.keyword })),
  };
}
