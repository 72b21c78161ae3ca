/**
 * The `Table` elements of a card in JSON, read as a person reads them: each table's rows, each row's cells
 * as the text they show (the cell's text blocks joined by a space), with the colour and weight of the cell's
 * first text block (undefined for the defaults). A chart's fallback is not read (a chart-drawing client does not
 * show it).
 */
export interface TableCellText {
  text: string;
  color: string | undefined;
  weight: string | undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function cellOf(cell: unknown): TableCellText {
  const items = record(cell).items;
  const blocks = (Array.isArray(items) ? items : []).map(record).filter((item) => item.type === 'TextBlock');
  const { color, weight } = blocks[0] ?? {};
  return {
    text: blocks.map((block) => String(block.text ?? '')).join(' '),
    color: typeof color === 'string' ? color : undefined,
    weight: typeof weight === 'string' ? weight : undefined,
  };
}

/** Every table of the card, in document order, as rows of cells. */
export function cardTableCells(node: unknown): TableCellText[][][] {
  if (Array.isArray(node)) return node.flatMap(cardTableCells);
  const element = record(node);
  if (Object.keys(element).length === 0) return [];
  if (typeof element.type === 'string' && element.type.startsWith('Chart.')) return [];
  if (element.type === 'Table') {
    const rows = Array.isArray(element.rows) ? element.rows : [];
    return [
      rows.map((row) => {
        const cells = record(row).cells;
        return (Array.isArray(cells) ? cells : []).map(cellOf);
      }),
    ];
  }
  return Object.values(element).flatMap(cardTableCells);
}

/** Every table's texts: tables of rows of cell texts. */
export function cardTables(node: unknown): string[][][] {
  return cardTableCells(node).map((table) => table.map((row) => row.map((cell) => cell.text)));
}
