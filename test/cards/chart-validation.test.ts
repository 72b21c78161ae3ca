import { strict as assert } from 'node:assert';
import { cardProblems } from '../support/card-validator';

function cardWith(element: Record<string, unknown>) {
  return { type: 'AdaptiveCard', version: '1.5', body: [element] };
}

const tableFallback = {
  type: 'Table',
  columns: [{ width: 1 }, { width: 1 }],
  rows: [
    {
      type: 'TableRow',
      cells: [
        { type: 'TableCell', items: [{ type: 'TextBlock', text: 'Industri' }] },
        { type: 'TableCell', items: [{ type: 'TextBlock', text: '3' }] },
      ],
    },
  ],
};

describe('card validation of Teams charts', () => {
  it('accepts a bar chart with a table fallback', () => {
    const card = cardWith({
      type: 'Chart.VerticalBar',
      title: 'Ledige pladser pr. branche',
      xAxisTitle: 'Branche',
      data: [{ x: 'Industri', y: 3, color: 'categoricalBlue' }],
      fallback: tableFallback,
    });
    assert.deepEqual(cardProblems(card), []);
  });

  it('accepts a line chart, a donut and a gauge', () => {
    const line = {
      type: 'Chart.Line',
      data: [{ legend: 'Real', values: [{ x: 'uge 1', y: 2 }] }],
      fallback: { type: 'TextBlock', text: 'uge 1: 2' },
    };
    const donut = {
      type: 'Chart.Donut',
      data: [{ legend: 'Selektion', value: 2 }],
      fallback: { type: 'TextBlock', text: 'Selektion 2' },
    };
    const gauge = {
      type: 'Chart.Gauge',
      value: 22,
      min: 0,
      max: 100,
      valueFormat: 'Percentage',
      segments: [
        { size: 30, legend: 'Under loftet', color: 'good' },
        { size: 70, legend: 'Over loftet', color: 'attention' },
      ],
      fallback: { type: 'TextBlock', text: '22 %' },
    };
    for (const element of [line, donut, gauge]) assert.deepEqual(cardProblems(cardWith(element)), [], element.type);
  });

  it('refuses a chart without a fallback, with drop, or with another chart as fallback', () => {
    const base = { type: 'Chart.Pie', data: [{ legend: 'a', value: 1 }] };
    assert.match(cardProblems(cardWith(base)).join('\n'), /no fallback element/);
    assert.match(cardProblems(cardWith({ ...base, fallback: 'drop' })).join('\n'), /no fallback element/);
    assert.match(
      cardProblems(cardWith({ ...base, fallback: { ...base, fallback: tableFallback } })).join('\n'),
      /fallback is another chart/,
    );
  });

  it('names unknown chart types, unknown properties, bad points, colours and empty data', () => {
    const problems = (element: Record<string, unknown>) =>
      cardProblems(cardWith({ ...element, fallback: tableFallback })).join('\n');
    assert.match(problems({ type: 'Chart.Bubble', data: [] }), /Chart.Bubble is not a chart Teams draws/);
    assert.match(
      problems({ type: 'Chart.VerticalBar', data: [{ x: 'a', y: 1 }], legendPosition: 'top' }),
      /unknown property legendPosition/,
    );
    assert.match(
      problems({ type: 'Chart.VerticalBar', data: [{ x: 'a', y: '1' }] }),
      /data\[0\]\.y is not a finite number/,
    );
    assert.match(
      problems({ type: 'Chart.VerticalBar', data: [{ x: 'a', y: 1, color: 'hotpink' }] }),
      /is not a chart colour/,
    );
    assert.match(problems({ type: 'Chart.VerticalBar', data: [] }), /empty/);
    assert.match(
      problems({ type: 'Chart.Line', data: [{ legend: 'Real', values: [{ x: 'uge 1' }] }] }),
      /values\[0\] has no y/,
    );
    assert.match(problems({ type: 'Chart.Gauge', segments: [{ size: 1, legend: 'a' }] }), /Chart.Gauge has no value/);
  });

  it('validates the fallback as the adaptivecards package sees it', () => {
    const card = cardWith({
      type: 'Chart.Donut',
      data: [{ legend: 'a', value: 1 }],
      fallback: { type: 'Container', items: [{ type: 'NoSuchElement' }] },
    });
    assert.match(cardProblems(card).join('\n'), /NoSuchElement/);
  });
});

describe('card validation of Teams bar charts: at most four data sets, as Teams renderer allows', () => {
  it('refuses a fifth bar and accepts four, and leaves lines unlimited', () => {
    const bars = (count: number) => Array.from({ length: count }, (_, index) => ({ x: `b${index}`, y: index }));
    const fallback = { type: 'TextBlock', text: 'tal' };
    const bar = (count: number) => cardWith({ type: 'Chart.HorizontalBar', data: bars(count), fallback });
    assert.deepEqual(cardProblems(bar(4)), []);
    assert.match(cardProblems(bar(5)).join('\n'), /has 5 entries; Teams' renderer allows at most 4/);
    const line = cardWith({ type: 'Chart.Line', data: [{ legend: 'Real', values: bars(12) }], fallback });
    assert.deepEqual(cardProblems(line), []);
  });
});
