import * as AC from 'adaptivecards';
import { withChartsAsFallbacks } from './chart-schema';

/** Teams refuses messages over 28 KB; cards must stay well under, leaving room for the envelope. */
export const MAX_CARD_BYTES = 24 * 1024;

/**
 * Everything wrong with a card, as the official adaptivecards library and Teams' limits see it:
 * parse events (unknown elements, bad property values), validation events (missing or duplicate
 * input ids), charts against Teams' chart schema and with a fallback, a version above 1.5, size, template syntax left unexpanded, and text in angle brackets
 * (Teams takes `<sagsreference>` for an HTML tag and shows nothing; only `<at>` mentions are meant). Empty
 * means valid.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = JSON.stringify(card);
  if (json.includes('${')) problems.push('template syntax "${" survived expansion');
  const tag = /<(?!\/?at>)\/?[A-Za-zÆØÅæøå][^<>"]*>/.exec(json);
  if (tag !== null) problems.push(`text in angle brackets, which Teams drops as HTML: ${tag[0]}`);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES) problems.push(`card is ${bytes} bytes, over ${MAX_CARD_BYTES}`);
  if (typeof card !== 'object' || card === null) return [...problems, 'card is not an object'];
  const record = card as Record<string, unknown>;
  if (record.type !== 'AdaptiveCard') problems.push(`type is ${String(record.type)}, not AdaptiveCard`);
  const version = typeof record.version === 'string' ? Number.parseFloat(record.version) : Number.NaN;
  if (!(version >= 1.0 && version <= 1.5))
    problems.push(`version ${String(record.version)} is not between 1.0 and 1.5`);

  // Teams' charts are unknown to the adaptivecards package: each is checked against Teams' chart schema
  // and must carry a fallback, which is what the package then parses (what a client without charts shows).
  const withoutCharts = withChartsAsFallbacks(card, problems);
  const adaptiveCard = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptiveCard.parse(withoutCharts, context);
  for (let index = 0; index < context.eventCount; index += 1) {
    problems.push(`parse: ${context.getEventAt(index).message}`);
  }
  for (const event of adaptiveCard.validateProperties().validationEvents) {
    problems.push(`validate: ${event.message}`);
  }
  return problems;
}
