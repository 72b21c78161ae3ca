import assert from 'node:assert/strict';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { GoalCards } from '../../cards/goals/goal.cards';
import { GoalIndicatorCards } from '../../cards/goals/goal-indicators.cards';
import { loadIndicatorCatalogFile } from '../../bot/indicator-catalog.loader';
import type { IndicatorCatalog } from '../../rules/goals/indicator';
import type { TeamIndicators } from '../../rules/goals/team-indicators';
import { teamCatalog } from '../../rules/goals/team-indicators';
import type { YearIndicator, YearOverview } from '../../rules/goals/year-overview';
import { cardFullText } from '../support/bot-under-test';
import { cardProblems } from '../support/card-validator';
import { chartsIn } from '../support/chart-schema';
import { ARCHETYPE_NAMES } from './goal-card-fixtures';

const WEEK = { year: 2026, week: 9 };

function ownIndicators(count: number): TeamIndicators {
  return {
    teamId: 'team-a',
    groups: [{ id: 'Netværk', label: 'Netværk' }],
    indicators: Array.from({ length: count }, (_, index) => ({
      id: `egen_indikator_${index + 1}`,
      group: index % 2 === 0 ? 'Netværk' : 'salg',
      labels: [
        { fromWeek: '2026-W02', label: `Egen indikator nummer ${index + 1} med et langt navn` },
        { fromWeek: '2026-W05', label: `Omdøbt indikator nummer ${index + 1} med et langt navn` },
      ],
      ...(index % 5 === 4 ? { retiredFrom: '2026-W08' } : {}),
    })),
    updatedBy: 'u-leader',
    updatedAt: '2026-02-25T09:00:00.000Z',
  };
}

/** A year indicator with its trend up to `weeks`, `real` a week against `target` a year. */
function yearIndicator(
  id: string,
  label: string,
  weeks: number,
  real: number,
  target: number | undefined,
): YearIndicator {
  const expected = (week: number) => (target === undefined ? undefined : (target * week) / 53);
  const trend = Array.from({ length: weeks }, (_, index) => ({
    label: `uge ${index + 1}`,
    week: index + 1,
    real: real * (index + 1),
    expected: expected(index + 1),
  }));
  const expectedByNow = expected(weeks);
  const pace = expectedByNow === undefined ? undefined : (real * weeks) / expectedByNow;
  return {
    indicatorId: id,
    label,
    group: 'afholdt',
    real: real * weeks,
    goalsToDate: undefined,
    annualTarget: target,
    shareOfTarget: target === undefined ? undefined : (real * weeks) / target,
    expectedByNow,
    pace,
    behind: pace !== undefined && pace < 0.8,
    trend,
  };
}

function year(indicators: YearIndicator[], overrides: Partial<YearOverview> = {}): YearOverview {
  return {
    teamId: 'team-a',
    year: 2026,
    audience: 'team',
    name: undefined,
    through: { year: 2026, week: indicators[0]?.trend.length ?? 9 },
    inProgress: true,
    weeksInYear: 53,
    carriedOver: false,
    indicators,
    ...overrides,
  };
}

describe("the cards of a team's own indicators and the year overview", () => {
  let catalogue: IndicatorCatalog;
  let cards: GoalIndicatorCards;
  before(async () => {
    catalogue = await loadIndicatorCatalogFile();
    const renderer = new CardRenderer();
    cards = new GoalIndicatorCards(renderer, new GoalCards(renderer, { archetypeNames: ARCHETYPE_NAMES }), catalogue);
  });

  it('when the list has no own indicators, some in use and some retired, or problems, then each card is valid and says so in Danish', () => {
    const empty = cards.list({
      value: { ...ownIndicators(0), groups: [] },
      etag: undefined,
      week: WEEK,
    });
    assert.deepEqual(cardProblems(empty), []);
    assert.match(cardFullText(empty), /Teamets egne indikatorer[\s\S]*ingen egne indikatorer endnu/);
    const full = cards.list(
      { value: ownIndicators(20), etag: '"e1"', week: WEEK },
      { errors: [{ field: 'label', message: 'Navn: skriv indikatorens navn, fx "Netværksmøder".' }] },
    );
    assert.deepEqual(cardProblems(full), []);
    const text = cardFullText(full);
    assert.match(text, /Intet er gemt – ret dette og prøv igen:\nNavn: skriv indikatorens navn/);
    assert.match(
      text,
      /Omdøbt indikator nummer 1 med et langt navn\nGruppe: Netværk · tilføjet uge 2 2026 · tidligere: Egen indikator nummer 1/,
    );
    assert.match(text, /Udgået: Omdøbt indikator nummer 5 med et langt navn \(fra uge 8 2026\)/);
    assert.doesNotMatch(
      text,
      /Omdøbt indikator nummer 5 med et langt navn\nGruppe/,
      'a retired one is not listed in use',
    );
    assert.doesNotMatch(JSON.stringify(full.body), /"value":"egen_indikator_5"/, 'nor offered to rename or retire');
    assert.match(JSON.stringify(full.body), /"value":"egen_indikator_6"/);
  });

  it('when the set-up catalogue holds 30 own indicators beside the catalogue, then the team catalogue keeps groups together and every label unique', () => {
    const catalog = teamCatalog(catalogue, ownIndicators(30), { labelsIn: WEEK, inUse: 'not-retired' });
    assert.equal(catalog.indicators.length, catalogue.indicators.length + 24);
    const labels = catalog.indicators.map((indicator) => indicator.label);
    assert.equal(new Set(labels).size, labels.length);
    const groups = catalog.indicators.map((indicator) => indicator.group);
    assert.deepEqual(
      groups,
      [...groups].sort(
        (a, b) => catalog.groups.findIndex((g) => g.id === a) - catalog.groups.findIndex((g) => g.id === b),
      ),
    );
  });

  it('when the year overview has indicators with and without a target, then the table has every figure, the line chart has one series each with a target, in % of what was expected by each week, plus the 100 % line, and a text fallback', () => {
    const card = cards.year({
      kind: 'overview',
      overview: year([
        yearIndicator('kanvas', 'Kanvas', 9, 8, 520),
        yearIndicator('jobsamtaler', 'Jobsamtaler', 9, 2, 52),
        yearIndicator('egen_netvaerk', 'Netværksmøder', 9, 1, undefined),
      ]),
    });
    assert.deepEqual(cardProblems(card), []);
    assert.deepEqual((card.msteams as { width?: string }).width, 'Full');
    const text = cardFullText(card);
    assert.match(text, /Året 2026 – teamet\nUge 1–9 \(uge 9 er i gang\): 9 af årets 53 uger\./);
    assert.match(text, /Kanvas\n✓\u00a0i\u00a0takt · 14 % af årsmålet\n72\n88\n520/);
    assert.match(text, /Jobsamtaler\n✓\u00a0i\u00a0takt · 35 % af årsmålet\n18\n9\n52/);
    assert.match(text, /Netværksmøder\nintet årsmål\n9\n–\n–/);
    const [chart, ...more] = chartsIn(card);
    assert.equal(more.length, 0);
    assert.equal(chart?.type, 'Chart.Line');
    const series = chart?.data as { legend: string; values: { x: number; y: number }[] }[];
    assert.deepEqual(
      series.map((each) => each.legend),
      ['Kanvas', 'Jobsamtaler', 'Forventet'],
    );
    // Cumulative Real in % of what was expected by each week: 72 of 520 × 9 / 53 = 88.3 is 82 %; the expected line is 100 %.
    assert.deepEqual(series[0]?.values.at(-1), { x: 9, y: 82 });
    assert.deepEqual(series[2]?.values.at(-1), { x: 9, y: 100 });
    assert.match(JSON.stringify(chart?.fallback), /Kanvas\*\* \(akkumuleret\): uge 1 8 · uge 2 16/);
  });

  it('when no indicator has a target, or the plan was carried over, then there is no chart and the card says how to get one', () => {
    const none = cards.year({ kind: 'overview', overview: year([yearIndicator('kanvas', 'Kanvas', 3, 1, undefined)]) });
    assert.deepEqual(cardProblems(none), []);
    assert.deepEqual(chartsIn(none), []);
    assert.match(cardFullText(none), /Teamet har ingen årsmål for 2026 endnu\. Sæt dem i \*\*mål opsæt\*\*/);
    assert.match(cardFullText(none), /Ingen kurve endnu: den viser indikatorer med et årsmål\./);
    const carried = cards.year({
      kind: 'overview',
      overview: year([yearIndicator('kanvas', 'Kanvas', 3, 1, undefined)], { carriedOver: true }),
    });
    assert.match(cardFullText(carried), /Planen er overført fra 2025 og har ingen årsmål endnu/);
  });

  it("when a member's overview is shown, then it has three columns, their goals to date, and no annual target", () => {
    const own = yearIndicator('kanvas', 'Kanvas', 9, 3, undefined);
    const card = cards.year({
      kind: 'overview',
      overview: year(
        [
          {
            ...own,
            expectedByNow: 36,
            goalsToDate: 36,
            pace: 27 / 36,
            behind: true,
            trend: own.trend.map((p) => ({ ...p, expected: 4 * p.week })),
          },
        ],
        {
          audience: 'member',
          name: 'Mette Hansen',
        },
      ),
    });
    assert.deepEqual(cardProblems(card), []);
    const text = cardFullText(card);
    assert.match(text, /Året 2026 – dine tal/);
    assert.match(text, /Indikator\nReal\nDine mål til nu\nKanvas\n⚠\u00a0bagud · 75 % af dine mål\n27\n36/);
    assert.doesNotMatch(text, /Årsmål/);
    const [chart] = chartsIn(card);
    assert.deepEqual(
      (chart?.data as { values: { y: number }[] }[])[1]?.values.at(-1)?.y,
      100,
      'expected is all the goals',
    );
  });

  it('when a past year of 53 weeks has 20 indicators with targets (15 of the catalogue, 5 of its own), then the card stays within 24 KB with a point per month', () => {
    const indicators = Array.from({ length: 20 }, (_, index) => {
      const weekly = yearIndicator(`i${index}`, `Indikator nummer ${index + 1} med et ret langt navn`, 53, 5, 300);
      const months = [5, 9, 14, 18, 22, 27, 31, 35, 40, 44, 48, 53];
      return {
        ...weekly,
        trend: months.map((week) => weekly.trend[week - 1]!).map((p, i) => ({ ...p, label: `m${i}` })),
      };
    });
    const card = cards.year({
      kind: 'overview',
      overview: year(indicators, { through: { year: 2026, week: 53 }, inProgress: false }),
    });
    assert.deepEqual(cardProblems(card), []);
    assert.match(cardFullText(card), /Hele året: 53 uger\./);
  });

  it('when the year has no plan, is not begun, is unreadable, or the person is not in the goals, then a Danish notice says what to do', () => {
    const noPlanLeader = cards.year({ kind: 'no-plan', year: 2025, isLeader: true });
    assert.match(
      cardFullText(noPlanLeader),
      /Ingen målstyring for 2025\nTeamet har ikke valgt indikatorer for 2025[^\n]*mål opsæt/,
    );
    assert.match(JSON.stringify(noPlanLeader), /"verb":"goals.setup"/);
    assert.doesNotMatch(JSON.stringify(cards.year({ kind: 'no-plan', year: 2025, isLeader: false })), /goals.setup/);
    assert.match(cardFullText(cards.year({ kind: 'not-begun', year: 2031 })), /2031 er ikke begyndt/);
    assert.match(cardFullText(cards.year({ kind: 'not-a-member', year: 2026 })), /mål tilmeld/);
    for (const card of [noPlanLeader, cards.year({ kind: 'invalid-year', message: 'Skriv "mål år".' })]) {
      assert.deepEqual(cardProblems(card), []);
    }
  });
});
