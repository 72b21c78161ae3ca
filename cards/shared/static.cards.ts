import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildHelpViewModel } from './help.view-model';
import { buildWelcomeViewModel } from './welcome.view-model';

/**
 * The cards whose content does not depend on the turn, rendered once at start-up: rendering the help
 * card on every `hjælp` would spend CPU on the same result each time.
 */
export interface StaticCards {
  help: AdaptiveCardJson;
  helpForUnknown: AdaptiveCardJson;
  welcome: AdaptiveCardJson;
}

export function renderStaticCards(renderer: CardRenderer): StaticCards {
  const help = buildHelpViewModel();
  return {
    help: renderer.render('help', help),
    helpForUnknown: renderer.render('help', {
      ...help,
      intro: `Den kommando kender jeg ikke. ${help.intro}`,
    }),
    welcome: renderer.render('welcome', buildWelcomeViewModel()),
  };
}
