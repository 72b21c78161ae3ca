/**
 * What Teams accepts in its chart elements (`Chart.*`), which the adaptivecards 3.0.4 package does not know.
 * The property lists follow the Teams card schema (microsoft/teams.ts `packages/cards/schema.json`, the
 * Teams "Charts in Adaptive Cards" page): each chart's own properties, the shape of its data points, the
 * colour names, and a `fallback` that is an element (never `drop`, never missing: a client that cannot draw
 * the chart must still show the figures).
 */

const COMMON_ELEMENT_PROPERTIES = [
  'type',
  'id',
  'requires',
  'lang',
  'isVisible',
  'separator',
  'height',
  'horizontalAlignment',
  'spacing',
  'targetWidth',
  'title',
  'colorSet',
  'fallback',
];

const COLOURS = new Set(
  [
    'good',
    'warning',
    'attention',
    'neutral',
    'categoricalRed',
    'categoricalPurple',
    'categoricalLavender',
    'categoricalBlue',
    'categoricalLightBlue',
    'categoricalTeal',
    'categoricalGreen',
    'categoricalLime',
    'categoricalMarigold',
    'sequential1',
    'sequential2',
    'sequential3',
    'sequential4',
    'sequential5',
    'sequential6',
    'sequential7',
    'sequential8',
    'divergingBlue',
    'divergingLightBlue',
    'divergingCyan',
    'divergingTeal',
    'divergingYellow',
    'divergingPeach',
    'divergingLightRed',
    'divergingRed',
    'divergingMaroon',
    'divergingGray',
  ].map((name) => name.toLowerCase()),
);

type FieldKind = 'string' | 'number' | 'boolean' | 'colour' | 'x' | 'displayMode' | 'valueFormat';

interface PointShape {
  /** Fields a point may have, and those it must have. */
  fields: Record<string, FieldKind | { list: PointShape }>;
  required: readonly string[];
}

interface ChartShape {
  /**
   * The most entries `data` may hold. Teams' chart renderer (the Agents Playground bundles it) reports more than
   * four as "Invalid number of data sets. Maximum of 4 data sets allowed." for the bar charts: single bars, grouped
   * series and stacked bars alike. Lines, pies, donuts and gauges have no such limit.
   */
  maxData?: number;
  /** Properties beyond the common ones. */
  properties: Record<string, FieldKind>;
  /** The array property holding the figures and the shape of each entry. */
  dataProperty: 'data' | 'segments' | undefined;
  point: PointShape | undefined;
  required: readonly string[];
}

/** See {@link ChartShape.maxData}. */
export const MAX_BAR_DATA_SETS = 4;

const BAR_POINT: PointShape = { fields: { x: 'x', y: 'number', color: 'colour' }, required: ['x', 'y'] };
const SERIES_POINT: PointShape = {
  fields: {
    legend: 'string',
    color: 'colour',
    values: { list: { fields: { x: 'x', y: 'number' }, required: ['x', 'y'] } },
  },
  required: ['legend', 'values'],
};
const SLICE_POINT: PointShape = {
  fields: { legend: 'string', value: 'number', color: 'colour' },
  required: ['legend', 'value'],
};
const AXES = { xAxisTitle: 'string', yAxisTitle: 'string', color: 'colour' } as const;

const CHARTS: Record<string, ChartShape> = {
  'Chart.Donut': { properties: {}, dataProperty: 'data', point: SLICE_POINT, required: ['data'] },
  'Chart.Pie': { properties: {}, dataProperty: 'data', point: SLICE_POINT, required: ['data'] },
  'Chart.VerticalBar': {
    maxData: MAX_BAR_DATA_SETS,
    properties: { ...AXES, showBarValues: 'boolean' },
    dataProperty: 'data',
    point: BAR_POINT,
    required: ['data'],
  },
  'Chart.VerticalBar.Grouped': {
    maxData: MAX_BAR_DATA_SETS,
    properties: { ...AXES, stacked: 'boolean', showBarValues: 'boolean' },
    dataProperty: 'data',
    point: SERIES_POINT,
    required: ['data'],
  },
  'Chart.HorizontalBar': {
    maxData: MAX_BAR_DATA_SETS,
    properties: { ...AXES, displayMode: 'displayMode' },
    dataProperty: 'data',
    point: { fields: { x: 'string', y: 'number', color: 'colour' }, required: ['x', 'y'] },
    required: ['data'],
  },
  'Chart.HorizontalBar.Stacked': {
    maxData: MAX_BAR_DATA_SETS,
    properties: { ...AXES },
    dataProperty: 'data',
    point: { fields: { title: 'string', data: { list: SLICE_POINT } }, required: ['title', 'data'] },
    required: ['data'],
  },
  'Chart.Line': { properties: { ...AXES }, dataProperty: 'data', point: SERIES_POINT, required: ['data'] },
  'Chart.Gauge': {
    properties: {
      min: 'number',
      max: 'number',
      subLabel: 'string',
      showMinMax: 'boolean',
      showLegend: 'boolean',
      value: 'number',
      valueFormat: 'valueFormat',
    },
    dataProperty: 'segments',
    point: { fields: { size: 'number', legend: 'string', color: 'colour' }, required: ['size', 'legend'] },
    required: ['value', 'segments'],
  },
};

export function isChartType(type: unknown): type is string {
  return typeof type === 'string' && type.startsWith('Chart.');
}

function fieldProblem(kind: FieldKind, value: unknown): string | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : 'is not text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'is not a finite number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'is not true/false';
    case 'x':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
        ? undefined
        : 'is neither text nor a number';
    case 'colour':
      return typeof value === 'string' && COLOURS.has(value.toLowerCase()) ? undefined : `is not a chart colour`;
    case 'displayMode':
      return typeof value === 'string' && /^(AbsoluteWithAxis|AbsoluteNoAxis|PartToWhole)$/i.test(value)
        ? undefined
        : 'is not AbsoluteWithAxis, AbsoluteNoAxis or PartToWhole';
    case 'valueFormat':
      return typeof value === 'string' && /^(Percentage|Fraction)$/i.test(value)
        ? undefined
        : 'is not Percentage or Fraction';
  }
}

function pointProblems(shape: PointShape, point: unknown, where: string): string[] {
  if (typeof point !== 'object' || point === null || Array.isArray(point)) return [`${where} is not an object`];
  const record = point as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of shape.required) {
    if (record[name] === undefined) problems.push(`${where} has no ${name}`);
  }
  for (const [name, value] of Object.entries(record)) {
    const kind = shape.fields[name];
    if (kind === undefined) {
      problems.push(`${where} has unknown property ${name}`);
    } else if (typeof kind === 'object') {
      if (!Array.isArray(value)) problems.push(`${where}.${name} is not a list`);
      else
        value.forEach((entry, index) =>
          problems.push(...pointProblems(kind.list, entry, `${where}.${name}[${index}]`)),
        );
    } else {
      const problem = fieldProblem(kind, value);
      if (problem !== undefined) problems.push(`${where}.${name} ${problem}`);
    }
  }
  return problems;
}

/**
 * What is wrong with one chart element, by Teams' chart schema: an unknown chart type, unknown or mistyped
 * properties, data points of the wrong shape, an empty data list, and a missing fallback element.
 */
export function chartProblems(element: Record<string, unknown>): string[] {
  const type = String(element.type);
  const shape = CHARTS[type];
  if (shape === undefined) return [`${type} is not a chart Teams draws`];
  const problems: string[] = [];
  for (const name of shape.required) {
    if (element[name] === undefined) problems.push(`${type} has no ${name}`);
  }
  for (const [name, value] of Object.entries(element)) {
    if (name === shape.dataProperty) continue;
    if (COMMON_ELEMENT_PROPERTIES.includes(name)) {
      if ((name === 'title' || name === 'colorSet') && typeof value !== 'string')
        problems.push(`${type}.${name} is not text`);
      continue;
    }
    const kind = shape.properties[name];
    if (kind === undefined) {
      problems.push(`${type} has unknown property ${name}`);
      continue;
    }
    const problem = fieldProblem(kind, value);
    if (problem !== undefined) problems.push(`${type}.${name} ${problem}`);
  }
  if (shape.dataProperty !== undefined && shape.point !== undefined) {
    const data = element[shape.dataProperty];
    if (!Array.isArray(data)) problems.push(`${type}.${shape.dataProperty} is not a list`);
    else if (data.length === 0) problems.push(`${type}.${shape.dataProperty} is empty: a chart with nothing to draw`);
    else if (shape.maxData !== undefined && data.length > shape.maxData)
      problems.push(
        `${type}.${shape.dataProperty} has ${data.length} entries; Teams' renderer allows at most ${shape.maxData}`,
      );
    else
      data.forEach((point, index) =>
        problems.push(...pointProblems(shape.point as PointShape, point, `${type}.${shape.dataProperty}[${index}]`)),
      );
  }
  const fallback = element.fallback;
  if (typeof fallback !== 'object' || fallback === null || Array.isArray(fallback)) {
    problems.push(`${type} has no fallback element for clients that cannot draw charts`);
  } else if (isChartType((fallback as Record<string, unknown>).type)) {
    problems.push(`${type}'s fallback is another chart; a client that cannot draw charts needs text or a table`);
  }
  return problems;
}

/**
 * The card with each chart checked and replaced by its fallback, as a client without charts would see it;
 * the problems found on the way are pushed to `problems`.
 */
export function withChartsAsFallbacks(node: unknown, problems: string[]): unknown {
  if (Array.isArray(node)) return node.map((entry) => withChartsAsFallbacks(entry, problems));
  if (typeof node !== 'object' || node === null) return node;
  const record = node as Record<string, unknown>;
  if (isChartType(record.type)) {
    problems.push(...chartProblems(record).map((problem) => `chart: ${problem}`));
    const fallback = record.fallback;
    return typeof fallback === 'object' && fallback !== null
      ? withChartsAsFallbacks(fallback, problems)
      : { type: 'TextBlock', text: '' };
  }
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, withChartsAsFallbacks(value, problems)]),
  );
}

/** Every chart element in a card, for tests that read what a chart shows. */
export function chartsIn(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(chartsIn);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = isChartType(record.type) ? [record] : [];
  return [...own, ...Object.values(record).flatMap(chartsIn)];
}
