import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildNoticeViewModel } from './notice.view-model';

/** A Danish notice card (information, warning or error). */
export function noticeCard(
  renderer: CardRenderer,
  kind: 'info' | 'warning' | 'error',
  title: string,
  text: string,
): AdaptiveCardJson {
  return renderer.render('notice', buildNoticeViewModel(kind, title, text));
}
