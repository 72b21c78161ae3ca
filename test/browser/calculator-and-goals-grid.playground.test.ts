/**
 * Two cards a leader reads on a meeting room's screen (1920×1080), in the Agents Playground, which draws every
 * card about 446 px wide whatever the screen (it does not honour `msteams.width: "Full"`):
 *
 * - the ressourceberegner with the seed's worked example (N = 330 citizens, d = 3 talk days a week, w = 44 weeks
 *   a full-time year, p = 30 % intensive, 4 talks a day, the intensive share twice a month): its tables and the
 *   scenario choice are drawn whole, and the answer is the årsværk the example works out to;
 * - the goals grid of `mål opsæt` ("Sæt mål for alle"): every member's weekly goal for every indicator in one
 *   form, a wrong number named by member and indicator with everything typed kept, then saved at once.
 *
 * The Playground has one user, who owns its team (so leads it, see goals.playground.test.ts) and joins the goals
 * themselves. The bot runs on the real clock: the week is the current ISO week in Copenhagen.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { usePlaygroundSession } from './playground.session';
import { describeCardActions, type PlaygroundPage } from './playground.page';
import { PLAYGROUND_USER_NAME } from './playground.channel';
import { isoWeekOfDate } from '../../rules/goals/iso-week';
import { calendarDate } from '../../rules/shared/copenhagen-calendar';

const STEP_TIMEOUT_MS = 15_000;
const CALCULATOR_SCREENSHOT = path.resolve('test-results', 'calculator.png');
const GRID_SCREENSHOT = path.resolve('test-results', 'goals-grid.png');
const SETUP_SCREENSHOT = path.resolve('test-results', 'goals-setup.png');

/** The seed's worked example as the form asks for it, and the scenario's choice as drawn. */
const EXAMPLE = {
  citizens: 330,
  talkDaysPerWeek: 3,
  weeksPerFullTimeYear: 44,
  talksPerDay: 4,
  intensiveSharePercent: 30,
  intensivePerYear: 24,
  onTimePerYear: 4,
  scenarioTitle: 'Intensiveret to gange i måneden (24 samtaler om året), resten rettidigt',
};

/** "6,25", "3.696": a number as the cards write it (Danish decimal comma and thousands point). */
function danish(value: number): string {
  const [whole = '', decimals] = String(Math.round(value * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return decimals === undefined ? grouped : `${grouped},${decimals}`;
}

/** The example worked out here, independently of the bot: talks a year, one årsværk's talks, årsværk. */
function workedExample() {
  const intensive = Math.round((EXAMPLE.citizens * EXAMPLE.intensiveSharePercent) / 100);
  const talks = intensive * EXAMPLE.intensivePerYear + (EXAMPLE.citizens - intensive) * EXAMPLE.onTimePerYear;
  const perFullTimeYear = EXAMPLE.talksPerDay * EXAMPLE.talkDaysPerWeek * EXAMPLE.weeksPerFullTimeYear;
  const wholeYears = Math.ceil(talks / perFullTimeYear);
  return { talks, fullTimeYears: talks / perFullTimeYear, wholeYears, covering: wholeYears * perFullTimeYear };
}

/** The CSS font weight a text block is drawn with (600 and above is bold). */
async function fontWeight(text: Locator): Promise<number> {
  return text.evaluate((element) => {
    const page = globalThis as unknown as { getComputedStyle(element: unknown): { fontWeight: string } };
    return Number(page.getComputedStyle(element).fontWeight);
  });
}

/** Every text drawn whole: none cut off, and no word broken over two lines inside itself. */
async function assertNothingCut(ui: PlaygroundPage, card: Locator, what: string): Promise<void> {
  const width = await ui.cardWidth(card);
  assert.deepEqual(await ui.cutTexts(card), [], `${what}: texts drawn cut (width ${width} px)`);
  assert.deepEqual(await ui.brokenWords(card), [], `${what}: words broken inside (width ${width} px)`);
}

describe('The ressourceberegner and the goals grid on a meeting room screen in the Agents Playground', function () {
  const week = isoWeekOfDate(calendarDate(new Date()));
  const playground = usePlaygroundSession({
    dataDirPrefix: 'playground-grid-',
    stepTimeoutMs: STEP_TIMEOUT_MS,
    scheduler: false,
  });

  it("when a leader calculates the seed's example in the ressourceberegner, then every text is drawn whole and the answer is its årsværk", async function () {
    const ui = playground.page();
    await ui.useMeetingRoomScreen();
    await ui.send('ressourceberegner');
    const form = await playground.expectCard(ui, 'Ressourceberegner');
    await assertNothingCut(ui, form, 'the form');
    const answers: Record<string, string> = {
      'Antal borgere': String(EXAMPLE.citizens),
      'Antal dage med samtaler (pr. uge)': String(EXAMPLE.talkDaysPerWeek),
      'Antal uger pr. årsværk (typisk 43–44)': String(EXAMPLE.weeksPerFullTimeYear),
      'Antal samtaler pr. dag (pr. medarbejder)': String(EXAMPLE.talksPerDay),
      'Andel med behov for intensiveret indsats (%)': String(EXAMPLE.intensiveSharePercent),
      'Scenarie (hvor mange årsværk kræver det?)': EXAMPLE.scenarioTitle,
    };
    assert.deepEqual(await ui.fillAdaptiveCardInputs(form, (label) => answers[label]), Object.keys(answers));
    await ui.clickCardAction(form, 'Beregn');

    const expected = workedExample();
    const result = await playground.expectCard(ui, /Scenariet kræver/);
    const text = await result.innerText();
    assert.match(text, new RegExp(`Scenariet kræver ${danish(expected.fullTimeYears)} årsværk`), text);
    assert.match(text, new RegExp(`giver ${danish(expected.talks)} samtaler om året`), text);
    assert.match(text, new RegExp(`Regnet i hele årsværk skal der bruges ${expected.wholeYears}\\.`), text);
    await assertNothingCut(ui, result, 'the result');

    // In the table of årsværk, the first number covering the scenario's talks at 4 a day is the one in bold.
    const covering = result
      .locator('[role="cell"] .ac-textBlock')
      .filter({ hasText: new RegExp(`^${danish(expected.covering).replace('.', '\\.')}$`) });
    const weights = await Promise.all((await covering.all()).map((cell) => fontWeight(cell)));
    assert.equal(weights.filter((weight) => weight >= 600).length, 1, `${danish(expected.covering)}: ${weights}`);

    await ui.screenshotWhole(result, CALCULATOR_SCREENSHOT);
  });

  it('when the leader sets weekly goals for everyone in the grid of "mål opsæt", then a wrong number is named with all typed kept, and the goals are saved at once', async function () {
    const ui = playground.page();
    await ui.useMeetingRoomScreen();
    const goals: Record<string, string> = { Kanvas: '10', Jobsamtaler: '4' };
    await ui.send('mål opsæt');
    const setup = await playground.expectCard(ui, `Målstyring ${week.year}`);
    await ui.fillAdaptiveCardInputs(setup, (label) =>
      label === 'De indikatorer, teamet måler sig på' ? ['Salg · Kanvas', 'Afholdt · Jobsamtaler'] : undefined,
    );
    await ui.clickCardAction(setup, 'Gem indikatorer');
    await playground.expectCard(ui, /Gemt: teamet måler sig på 2 indikatorer/);
    await ui.send('mål tilmeld');
    await playground.expectCard(ui, 'Du er med i målstyringen');

    await ui.send('mål opsæt');
    const withMembers = await playground.expectCard(ui, 'Sæt mål for alle');
    await assertNothingCut(ui, withMembers, 'the set-up');
    await ui.screenshotWhole(withMembers, SETUP_SCREENSHOT);
    await ui.clickCardAction(withMembers, 'Sæt mål for alle');
    const grid = await playground.expectCard(ui, `Ugentlige mål ${week.year}`);
    await assertNothingCut(ui, grid, 'the grid');
    await ui.fillAdaptiveCardInput(grid, 'Gælder fra uge', String(week.week));
    const wrong: Record<string, string> = { ...goals, Kanvas: '-3' };
    const filled = await ui.fillAdaptiveCardTables(grid, (row, column) =>
      column === PLAYGROUND_USER_NAME ? wrong[row] : undefined,
    );
    assert.deepEqual(
      filled.sort(),
      Object.keys(goals)
        .map((row) => `${row} / ${PLAYGROUND_USER_NAME}`)
        .sort(),
    );
    await ui.clickCardAction(grid, 'Gem mål');

    const refused = await playground.expectCard(ui, /Ret venligst/);
    assert.match(
      await refused.innerText(),
      new RegExp(`${PLAYGROUND_USER_NAME}, Kanvas: skriv et helt tal fra 0 til 999\\.`),
    );
    const kept = Object.fromEntries(
      await Promise.all((await ui.tableInputs(refused)).map(async (box) => [box.row, await box.input.inputValue()])),
    );
    assert.deepEqual(kept, wrong, 'what was typed comes back');
    await assertNothingCut(ui, refused, 'the grid with an error');

    await ui.fillAdaptiveCardTables(refused, (row) => goals[row]);
    await ui.clickCardAction(refused, 'Gem mål');
    const saved = await playground.expectCard(ui, /Gemt: ugentlige mål/);
    assert.match(
      await saved.innerText(),
      new RegExp(`Gemt: ugentlige mål fra uge ${week.week} for ${PLAYGROUND_USER_NAME}\\.`),
    );
    const shown = Object.fromEntries(
      await Promise.all((await ui.tableInputs(saved)).map(async (box) => [box.row, await box.input.inputValue()])),
    );
    assert.deepEqual(shown, goals, 'the grid shows the goals saved');
    await assertNothingCut(ui, saved, 'the saved grid');
    await ui.screenshotWhole(saved, GRID_SCREENSHOT);

    // The member's own card for the week asks for each indicator against the goal just saved.
    await ui.send('mål');
    const log = await playground.expectCard(ui, `Dine tal for uge ${week.week} ${week.year}`);
    const logText = await log.innerText();
    for (const [label, goal] of Object.entries(goals)) assert.match(logText, new RegExp(`${label} \\(mål ${goal}\\)`));

    const clicks = describeCardActions(playground.actionsSent);
    assert.deepEqual(
      playground.actionsSent.map((action) => `${action.kind} ${action.verb ?? '?'}`),
      [
        'invoke capacity.calculate',
        'invoke goals.indicators',
        'invoke goals.teamGoalsOpen',
        'invoke goals.teamGoals',
        'invoke goals.teamGoals',
      ],
      clicks,
    );
    for (const action of playground.actionsSent) assert.equal(action.status, 200, clicks);
  });
});
