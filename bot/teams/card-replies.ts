import { CardFactory, MessageFactory, type Activity, type InvokeResponse } from 'botbuilder';
import type { AdaptiveCardJson, CardRenderer } from '../../cards/card.renderer';
import { buildHelpViewModel } from '../../cards/view-models/help.view-model';
import { buildNoticeViewModel } from '../../cards/view-models/notice.view-model';
import { buildWelcomeViewModel } from '../../cards/view-models/welcome.view-model';

/** A message activity carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** The answer to an `adaptiveCard/action` invoke: the card replaces the one that was clicked. */
export function cardInvokeResponse(card: AdaptiveCardJson): InvokeResponse {
  return {
    status: 200,
    body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
  };
}

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

/** A Danish notice card (information, warning or error). */
export function noticeCard(
  renderer: CardRenderer,
  kind: 'info' | 'warning' | 'error',
  title: string,
  text: string,
): AdaptiveCardJson {
  return renderer.render('notice', buildNoticeViewModel(kind, title, text));
}
