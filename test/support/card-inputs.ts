/** The input elements of a card (ids and types), wherever they sit, including in Action.ShowCard cards. */
export function cardInputs(card: unknown): { id: string; type: string; node: Record<string, unknown> }[] {
  const inputs: { id: string; type: string; node: Record<string, unknown> }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') {
        inputs.push({ id: record.id, type: record.type, node: record });
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return inputs;
}

/** The data of the card's first Action.Execute / Action.Submit with this verb. */
export function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined) return;
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      const data = record.data as Record<string, unknown> | undefined;
      if ((record.type === 'Action.Execute' || record.type === 'Action.Submit') && data?.verb === verb) found = data;
      else Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return found;
}
