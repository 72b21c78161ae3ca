import type { CommandDescription } from '../../rules/commands/command.catalog';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildCommandSuggestionViewModel } from './command-suggestion.view-model';
import { noticeCard } from './notice.cards';

/** A command that shows personal data, written where everyone in the conversation reads the answer. */
export function personalOnlyNotice(
  renderer: CardRenderer,
  command: Pick<CommandDescription, 'keyword' | 'personalOnlyReason'>,
): AdaptiveCardJson {
  return noticeCard(
    renderer,
    'warning',
    'Skriv det i din personlige chat med botten',
    `**${command.keyword}** ${command.personalOnlyReason ?? 'viser oplysninger om en borger, og her kan alle i samtalen læse med.'} Åbn en chat med botten (klik på dens navn → Chat) og skriv det dér.`,
  );
}

/**
 * "Mente du **stillinger**?" for a text that is no command but close to one or two, each a button that runs
 * the command as if typed; undefined when nothing is close.
 */
export function commandSuggestionCard(
  renderer: CardRenderer,
  commands: readonly Pick<CommandDescription, 'keyword'>[],
): AdaptiveCardJson | undefined {
  const viewModel = buildCommandSuggestionViewModel(commands);
  return viewModel === undefined ? undefined : renderer.render('commandSuggestion', viewModel);
}

/** A command of the catalog whose part of the bot is not built yet. */
export function comingSoonNotice(renderer: CardRenderer, keyword: string): AdaptiveCardJson {
  return noticeCard(
    renderer,
    'info',
    `${capitalize(keyword)} kommer snart`,
    'Den del af botten er ikke taget i brug endnu. Skriv **hjælp** for at se, hvad du kan nu.',
  );
}

/** A card action whose verb the bot does not know (e.g. a card from an older version). */
export function unknownActionNotice(renderer: CardRenderer): AdaptiveCardJson {
  return noticeCard(
    renderer,
    'error',
    'Ukendt handling',
    'Kortet bad om en handling, botten ikke kender. Kortet kan være fra en ældre version – skriv **hjælp** og start forfra.',
  );
}

/** A card action without a verb, or not in the shape a card sends. */
export function unreadableCardNotice(renderer: CardRenderer): AdaptiveCardJson {
  return noticeCard(
    renderer,
    'error',
    'Kortet kunne ikke læses',
    'Svaret fra kortet sagde ikke, hvad der skulle ske, eller havde et forkert format. Intet er gemt eller ændret. Skriv **hjælp** og prøv igen.',
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da-DK') + text.slice(1);
}
