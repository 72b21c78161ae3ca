import { Template } from 'adaptivecards-templating';
import { compileSkeleton, fillSkeleton, slotted, type CardSkeleton, type SlotPath } from './card-skeleton';
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

/** How many expanded skeletons are kept; each is one card shape (e.g. one questionnaire section). */
const DEFAULT_SKELETON_CAPACITY = 200;

/**
 * Expands card templates with view models. Templates are parsed once, here, rather than per turn.
 * View models carry values already formatted for display: the templates only place them.
 */
export class CardRenderer {
  private readonly templates: ReadonlyMap<CardTemplateName, Template>;
  /** Expanded skeletons by template and shape; `null` marks a shape that cannot be filled safely. */
  private readonly skeletons = new Map<string, CardSkeleton | null>();

  constructor(private readonly skeletonCapacity = DEFAULT_SKELETON_CAPACITY) {
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

  /**
   * Like {@link render}, for a card sent often in the same shape with different values: the values at
   * `slots` (strings, numbers, booleans or null, only placed by the template) are filled into a
   * skeleton expanded once per shape, i.e. per everything else in the view model. The shape becomes a
   * cache key, so it must not hold personal data (what a person typed belongs in a slot).
   */
  renderWithSlots(name: CardTemplateName, viewModel: object, slots: readonly SlotPath[]): AdaptiveCardJson {
    const { shaped, values } = slotted(viewModel, slots);
    if (!values.every(isPlaceable)) return this.render(name, viewModel);
    const key = `${name}\u0000${JSON.stringify(shaped)}`;
    let skeleton = this.skeletons.get(key);
    if (skeleton === undefined) {
      skeleton = compileSkeleton(this.render(name, shaped as object), values.length) ?? null;
      this.remember(key, skeleton);
    }
    if (skeleton === null) return this.render(name, viewModel);
    return fillSkeleton(skeleton, values) as AdaptiveCardJson;
  }

  private remember(key: string, skeleton: CardSkeleton | null): void {
    this.skeletons.set(key, skeleton);
    if (this.skeletons.size > this.skeletonCapacity) {
      const oldest = this.skeletons.keys().next().value;
      if (oldest !== undefined) this.skeletons.delete(oldest);
    }
  }
}

function isPlaceable(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
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
