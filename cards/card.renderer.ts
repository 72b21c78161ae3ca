import { Template } from 'adaptivecards-templating';
import { CARD_TEMPLATES, type CardTemplateName } from './card-templates';

/** An Adaptive Card ready to send (the JSON object, not a string). */
export type AdaptiveCardJson = Readonly<Record<string, unknown>>;

/** Thrown when an expanded card still contains template syntax, i.e. a view model missed a field. */
export class CardRenderError extends Error {
  readonly code = 'CARD_RENDER_FAILED';
  constructor(template: string, detail: string) {
    super(`Card template "${template}": ${detail}`);
    this.name = 'CardRenderError';
  }
}

/**
 * Expands card templates with view models. Templates are parsed once, here, rather than per turn.
 * View models carry values already formatted for display: the templates only place them.
 */
export class CardRenderer {
  private readonly templates: ReadonlyMap<CardTemplateName, Template>;

  constructor() {
    this.templates = new Map(
      Object.entries(CARD_TEMPLATES).map(([name, json]) => [name as CardTemplateName, new Template(json)]),
    );
  }

  render(name: CardTemplateName, viewModel: object): AdaptiveCardJson {
    const template = this.templates.get(name);
    if (template === undefined) throw new CardRenderError(name, 'unknown template');
    const card: unknown = withoutNulls(template.expand({ $root: viewModel }));
    if (card === null || typeof card !== 'object') throw new CardRenderError(name, 'expanded to nothing');
    return card as AdaptiveCardJson;
  }
}

/**
 * Drops properties whose value is null. View models give null for "not set" (an unset value would be
 * left as literal template text), and the card schema wants the property absent instead.
 */
function withoutNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNulls);
  if (node === null || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value !== null) result[key] = withoutNulls(value);
  }
  return result;
}
