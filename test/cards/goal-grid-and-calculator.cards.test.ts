/**
 * The goals grid (`mål opsæt` → "Sæt mål for alle") and the ressourceberegner as cards: valid, within Teams'
 * message size for the largest team, laid out to be read whole in a card drawn 446 px wide (see
 * calculator-and-goals-grid.playground.test.ts for the drawn cards).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CapacityCards } from '../../cards/capacity/capacity.cards';
import { GoalCards } from '../../cards/goals/goal.cards';
import { gridCellId, gridCellsOf, gridParts } from '../../cards/goals/goal-grid.view-model';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { CAPACITY_DEFAULTS } from '../../rules/capacity/capacity';
import { calculateCapacity } from '../../rules/capacity/capacity.calculator';
import { parseCapacityInputs } from '../../rules/capacity/capacity-input.validation';
import type { GoalPlan } from '../../rules/goals/goal-plan';
import { actionData, cardInputs } from '../support/card-inputs';
import { cardFullText } from '../support/bot-under-test';
import { cardProblems, MAX_CARD_BYTES } from '../support/card-validator';
import { defaultCatalog, goal, member, plan } from '../rules/goals/goal-fixtures';
import { ARCHETYPE_NAMES, WEEK_7 } from './goal-card-fixtures';

type Node = Record<string, unknown>;

/** Every element of a card of a type, wherever it sits. */
function elementsOf(card: unknown, type: string): Node[] {
  const found: Node[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Node;
      if (record.type === type) found.push(record);
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const bytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** A team as large as the spec allows: 25 members with Teams' long ids and names, every indicator, every goal. */
function largestPlan(): GoalPlan {
  const catalog = defaultCatalog();
  const members = Array.from({ length: 25 }, (_, index) =>
    member(randomUUID(), `Medarbejder ${String(index + 1).padStart(2, '0')} Christoffersen-Bæk`),
  );
  return plan({
    indicators: catalog.indicators.map((indicator) => indicator.id),
    members,
    goals: members.flatMap((each, m) =>
      catalog.indicators.map((indicator, i) => goal(each.userId, indicator.id, 100 + ((m * 7 + i) % 900))),
    ),
    annualTargets: Object.fromEntries(catalog.indicators.map((indicator) => [indicator.id, 12_345])),
  });
}

describe('goals grid and ressourceberegner cards', function () {
  const renderer = new CardRenderer();
  const goals = new GoalCards(renderer, { archetypeNames: ARCHETYPE_NAMES });
  const catalog = defaultCatalog();

  describe('the goals grid', function () {
    it('when the largest team (25 members × 15 indicators) opens the grid, then each part is a valid card within the size limit, with unique ids, and together they hold every member once', () => {
      const large = largestPlan();
      assert.equal(large.indicators.length, 15);
      const view = { plan: large, etag: 'etag-1' };
      const parts = gridParts(large, catalog, WEEK_7.week);
      assert.ok(parts.length > 1, 'so many cells are split into parts');
      const seen: string[] = [];
      parts.forEach((members, part) => {
        const card = goals.teamGoals({ view, catalog, currentWeek: WEEK_7, part });
        assert.deepEqual(cardProblems(card), [], `part ${part + 1}`);
        assert.ok(bytes(card) <= MAX_CARD_BYTES, `part ${part + 1}: ${bytes(card)} bytes`);
        const ids = cardInputs(card).map((input) => input.id);
        assert.equal(new Set(ids).size, ids.length, `part ${part + 1}: duplicate input ids`);
        assert.equal(ids.length, 1 + members.length * 15, 'the week and a box per member and indicator');
        const save = actionData(card, 'goals.teamGoals');
        assert.equal(save?.members, members.map((each) => each.userId).join(','));
        assert.equal(save?.part, part);
        // Each box holds that member's goal for that indicator, found through the ids the button carries.
        const values = Object.fromEntries(cardInputs(card).map((input) => [input.id, input.node.value]));
        for (const cell of gridCellsOf({ ...save, ...values })) {
          const expected = large.goals.find(
            (entry) => entry.userId === cell.userId && entry.indicatorId === cell.indicatorId,
          );
          assert.equal(cell.raw, String(expected?.goal));
        }
        assert.match(cardFullText(card), /Årsmål 12\.345/, 'the annual target beside its indicator');
        const others = elementsOf(card, 'Action.Execute')
          .filter((action) => action.verb === 'goals.teamGoalsOpen')
          .map((action) => (action.data as Node).part);
        assert.deepEqual(
          others,
          parts.map((_, index) => index).filter((index) => index !== part),
          'a button to each other part',
        );
        seen.push(...members.map((each) => each.userId));
      });
      assert.deepEqual([...seen].sort(), large.members.map((each) => each.userId).sort());
    });

    it('when the grid is laid out, then a table has at most two members beside the indicator and every text wraps', () => {
      const large = largestPlan();
      const card = goals.teamGoals({ view: { plan: large, etag: 'e' }, catalog, currentWeek: WEEK_7, part: 0 });
      const tables = elementsOf(card, 'Table');
      assert.ok(tables.length >= 3);
      for (const table of tables) assert.ok((table.columns as unknown[]).length <= 3, JSON.stringify(table.columns));
      for (const text of elementsOf(card, 'TextBlock')) assert.equal(text.wrap, true, JSON.stringify(text));
    });

    it('when a grid comes back with errors and what was typed, then each box shows its typed text, even in a card the plan has since changed under', () => {
      const view = { plan: plan(), etag: 'etag-2' };
      const first = goals.teamGoals({ view, catalog, currentWeek: WEEK_7, part: 0 });
      const save = actionData(first, 'goals.teamGoals') ?? {};
      const members = String(save.members).split(',');
      const indicators = String(save.indicators).split(',');
      const aliIndex = members.indexOf('u-ali');
      const kanvasIndex = indicators.indexOf('kanvas');
      const typed = { ...save, fromWeek: '7', [gridCellId(aliIndex, kanvasIndex)]: '-3' };
      // Someone joined meanwhile and sorts first: the boxes move, the typed text follows its member.
      const changed = { plan: plan({ members: [...plan().members, member('u-anna', 'Anna Andersen')] }), etag: 'x' };
      const again = goals.teamGoals({
        view: changed,
        catalog,
        currentWeek: WEEK_7,
        part: 0,
        typed,
        errors: [{ field: 'u-ali|kanvas', message: 'Ali Yilmaz, Kanvas: skriv et helt tal fra 0 til 999.' }],
      });
      assert.deepEqual(cardProblems(again), []);
      const resaved = actionData(again, 'goals.teamGoals') ?? {};
      const values = Object.fromEntries(cardInputs(again).map((input) => [input.id, input.node.value]));
      const cells = gridCellsOf({ ...resaved, ...values });
      assert.equal(cells.find((cell) => cell.userId === 'u-ali' && cell.indicatorId === 'kanvas')?.raw, '-3');
      assert.equal(cells.find((cell) => cell.userId === 'u-mette' && cell.indicatorId === 'kanvas')?.raw, '10');
      assert.equal(cells.find((cell) => cell.userId === 'u-anna' && cell.indicatorId === 'kanvas')?.raw, '');
      assert.match(cardFullText(again), /Ali Yilmaz, Kanvas: skriv et helt tal fra 0 til 999\./);
    });

    it('when the team has nobody logging yet, then the grid says how members join and has no save button', () => {
      const card = goals.teamGoals({
        view: { plan: plan({ members: [], goals: [] }), etag: 'e' },
        catalog,
        currentWeek: WEEK_7,
        part: 0,
      });
      assert.deepEqual(cardProblems(card), []);
      assert.match(cardFullText(card), /mål tilmeld/);
      assert.equal(actionData(card, 'goals.teamGoals'), undefined);
    });

    it('when the set-up has members and indicators, then it opens the grid for all and says per member how many indicators have goals', () => {
      const card = goals.setup({
        view: { plan: plan({ goals: [goal('u-mette', 'kanvas', 10)] }), etag: 'e' },
        catalog,
        currentWeek: WEEK_7,
      });
      assert.deepEqual(cardProblems(card), []);
      assert.deepEqual(actionData(card, 'goals.teamGoalsOpen'), { verb: 'goals.teamGoalsOpen', year: 2026, part: 0 });
      const text = cardFullText(card);
      assert.match(text, /Mette Hansen\nmål for 1 af 2 indikatorer/);
      assert.match(text, /Ali Yilmaz\ningen mål endnu/);
    });

    it('when the set-up of the largest team is shown, then it stays within the size limit', () => {
      const card = goals.setup({ view: { plan: largestPlan(), etag: 'e' }, catalog, currentWeek: WEEK_7 });
      assert.deepEqual(cardProblems(card), []);
    });
  });

  describe('the ressourceberegner', function () {
    const cards = new CapacityCards(renderer);
    const example = parseCapacityInputs(CAPACITY_DEFAULTS).value;
    assert.ok(example !== undefined);
    const result = cards.calculated(CAPACITY_DEFAULTS, calculateCapacity(example));

    it("when the seed's example is calculated, then the card is valid and every text in its tables wraps", () => {
      assert.deepEqual(cardProblems(cards.form()), []);
      assert.deepEqual(cardProblems(result), []);
      const tables = elementsOf(result, 'Table');
      assert.equal(tables.length, 4, 'general, intensive, årsværk 1–5 and 6–9');
      for (const table of tables) {
        assert.ok((table.columns as unknown[]).length <= 6, JSON.stringify(table.columns));
        for (const text of elementsOf(table, 'TextBlock')) assert.equal(text.wrap, true, JSON.stringify(text));
      }
    });

    it('when the answer is highlighted, then exactly one cell is bold outside the header row and column: the first to cover the talks', () => {
      // 99 × 24 + 231 × 4 = 3.300 talks; 4 a day × 3 days × 44 weeks = 528 a årsværk; 7 × 528 = 3.696 covers them.
      const bold = elementsOf(result, 'TableRow')
        .filter((row) => row.style === 'accent')
        .flatMap((row) => (row.cells as Node[]).slice(1))
        .flatMap((cell) => elementsOf(cell, 'TextBlock'))
        .filter((text) => text.weight === 'Bolder')
        .map((text) => text.text);
      assert.deepEqual(bold, ['3.696']);
    });

    it('when the scenario is chosen, then the choices are radio buttons whose titles wrap', () => {
      const [scenario] = elementsOf(cards.form(), 'Input.ChoiceSet');
      assert.equal(scenario?.style, 'expanded');
    });
  });
});
