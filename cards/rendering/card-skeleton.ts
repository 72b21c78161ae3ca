/**
 * Card skeletons: a template expanded once for a view model whose per-turn values ("slots") were
 * replaced by markers, then filled in code on each turn. Expanding with adaptivecards-templating costs
 * a few hundred µs per card; filling a skeleton costs a copy. Slot values may only be placed by the
 * template (`"value": "${numberValue}"`), never tested (`$when`) or joined into a longer text: a
 * skeleton in which a marker sits inside a longer text or a key is refused, and the card is expanded
 * the ordinary way. A marker that appears nowhere is a value this shape does not show (e.g. the number
 * of a choice field, whose number input the template leaves out).
 */

/**
 * A path to the slot values in a view model: property names joined by dots, `[]` after a name for
 * every element of an array, e.g. `fields[].numberValue`.
 */
export type SlotPath = string;

/** The view model with markers in place of its slot values, and those values in marker order. */
export interface SlottedViewModel {
  shaped: unknown;
  values: unknown[];
}

/** An expanded card with markers, ready to be filled. */
export interface CardSkeleton {
  readonly card: unknown;
  readonly slotCount: number;
}

// NUL never occurs in card text, so a marker cannot be mistaken for a value.
const MARKER_PREFIX = '\u0000slot:';
const MARKER_SUFFIX = '\u0000';

function marker(index: number): string {
  return `${MARKER_PREFIX}${index}${MARKER_SUFFIX}`;
}

function markerIndex(text: string): number | undefined {
  if (!text.startsWith(MARKER_PREFIX) || !text.endsWith(MARKER_SUFFIX)) return undefined;
  const index = Number(text.slice(MARKER_PREFIX.length, -MARKER_SUFFIX.length));
  return Number.isInteger(index) ? index : undefined;
}

/** Replaces the values at `paths` by markers (in a copy) and collects them. */
export function slotted(viewModel: object, paths: readonly SlotPath[]): SlottedViewModel {
  const values: unknown[] = [];
  let shaped: unknown = viewModel;
  for (const path of paths) shaped = replaceAt(shaped, path.split('.'), values);
  return { shaped, values };
}

function replaceAt(node: unknown, segments: readonly string[], values: unknown[]): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) {
    values.push(node);
    return marker(values.length - 1);
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  if (!Object.hasOwn(node, key)) return node;
  const child: unknown = (node as Record<string, unknown>)[key];
  const replaced =
    isArray && Array.isArray(child)
      ? child.map((element: unknown) => replaceAt(element, rest, values))
      : isArray
        ? child
        : replaceAt(child, rest, values);
  return { ...node, [key]: replaced };
}

/**
 * Checks that markers ended up only as whole values in the card (in no key, no longer text); returns
 * the skeleton, or undefined when this card cannot be filled safely.
 */
export function compileSkeleton(card: unknown, slotCount: number): CardSkeleton | undefined {
  let sound = true;
  const visit = (node: unknown): void => {
    if (!sound) return;
    if (typeof node === 'string') {
      const index = markerIndex(node);
      if ((index === undefined || index >= slotCount) && node.includes(MARKER_SUFFIX)) sound = false;
      return;
    }
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key.includes(MARKER_SUFFIX)) sound = false;
        visit(value);
      }
    }
  };
  visit(card);
  return sound ? { card, slotCount } : undefined;
}

/**
 * A fresh copy of the skeleton with each marker replaced by its value. A null value removes the
 * property, as the renderer does for null view-model values.
 */
export function fillSkeleton(skeleton: CardSkeleton, values: readonly unknown[]): unknown {
  return fill(skeleton.card, values);
}

function fill(node: unknown, values: readonly unknown[]): unknown {
  if (typeof node === 'string') {
    const index = node.charCodeAt(0) === 0 ? markerIndex(node) : undefined;
    return index === undefined ? node : values[index];
  }
  if (Array.isArray(node)) return node.map((element) => fill(element, values));
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = fill((node as Record<string, unknown>)[key], values);
    if (value !== null) copy[key] = value;
  }
  return copy;
}
