/**
 * A mistyped command and a decimal comma as a person meets them in the Agents Playground: the real bot in
 * local mode, Chromium on the Playground's page.
 *
 * Observed with Playground 0.2.28: the "Mente du …?" button goes out as an Action.Execute invoke, and the
 * command's answer replaces the suggestion in place. Its number box (a Fluent UI spin button) does not keep
 * "1,5", which is why a question with decimals is a text box.
 */
import * as assert from 'node:assert/strict';
import { usePlaygroundSession } from './playground.session';
import { describeCardActions, SELECTORS } from './playground.page';

const STEP_TIMEOUT_MS = 15_000;
const SECTION_COUNT = 5;
const YEARS = 'Hvor mange års erhvervserfaring har borgeren? (0–60)';

/** What to enter in sections 1 and 2, by the start of each input's label; every other choice is "Ja". */
function answerFor(years: string) {
  return (label: string): string => {
    if (label.startsWith('Hvor gammel')) return '45';
    if (label.startsWith('Hvilken ydelse')) return 'Dagpenge';
    if (label.startsWith('Hvad er borgerens højeste')) return 'Erhvervsfaglig uddannelse';
    if (label === YEARS) return years;
    if (label.startsWith('Hvilken branche')) return 'Råstofindvinding';
    return 'Ja';
  };
}

describe('A mistyped command and a decimal comma in the Agents Playground, in a browser', function () {
  const playground = usePlaygroundSession({ dataDirPrefix: 'playground-forgiving-', stepTimeoutMs: STEP_TIMEOUT_MS });

  it('when the user types "stilling", then "Mente du stillinger?" is shown, and the help card after it', async function () {
    const ui = playground.page();
    await ui.send('stilling');
    await playground.expectCard(ui, /Den kommando kender jeg ikke/);
    const cards = ui.page.locator(SELECTORS.topLevelCard);
    const count = await cards.count();
    assert.ok(count >= 2, `${count} card(s) shown`);
    const suggestion = cards.nth(count - 2);
    assert.match(await suggestion.innerText(), /^Mente du stillinger\?/);
    // Drawn in bold, as Markdown.
    assert.equal(await suggestion.locator('strong, b').first().innerText(), 'stillinger');
  });

  it('when the suggestion’s button is clicked, then the board is shown in its place, as typing "stillinger" shows it', async function () {
    const ui = playground.page();
    const cards = ui.page.locator(SELECTORS.topLevelCard);
    const suggestion = cards.nth((await cards.count()) - 2);
    await ui.clickCardAction(suggestion, 'stillinger');
    const board = ui.page.locator(SELECTORS.topLevelCard).filter({ hasText: /Tavlen · / });
    await board.first().waitFor({ state: 'visible' });
    assert.match(await board.first().innerText(), /0 åbne stillinger/);
    const clicks = describeCardActions(playground.actionsSent);
    const click = playground.actionsSent.find((action) => action.verb === 'command.run');
    assert.equal(click?.kind, 'invoke', clicks);
    assert.equal(click?.status, 200, clicks);
    assert.deepEqual(click?.data, { verb: 'command.run', command: 'stillinger' }, clicks);
    assert.equal(
      await ui.page
        .locator(SELECTORS.topLevelCard)
        .filter({ hasText: /^Mente du/ })
        .count(),
      0,
    );
  });

  it('when "1,5" is typed as the years of experience, then it is kept, and "1,5,5" is refused naming the field, as typed', async function () {
    const ui = playground.page();
    await ui.send('screening');
    const reference = await playground.expectCard(ui, 'Ny screening');
    await ui.fillAdaptiveCardInputs(reference, (label) => (label === 'Sagsreference' ? 'J-2026-15' : undefined));
    await ui.clickCardAction(reference, 'Start screening');

    const first = await playground.expectCard(ui, `Afsnit 1 af ${SECTION_COUNT}`);
    // The whole-number box of the Playground does not keep a decimal comma: it sends a number or nothing.
    const age = first.getByRole('spinbutton');
    await age.fill('1,5');
    await age.press('Tab');
    assert.notEqual(await age.inputValue(), '1,5', 'the Playground’s number box now keeps "1,5"');
    await ui.fillAdaptiveCardInputs(first, answerFor(''));
    await ui.clickCardAction(first, 'Gem og fortsæt');

    const second = await playground.expectCard(ui, `Afsnit 2 af ${SECTION_COUNT}`);
    await ui.fillAdaptiveCardInputs(second, answerFor('1,5,5'));
    await ui.clickCardAction(second, 'Gem og fortsæt');
    const refused = await playground.expectCard(ui, /Ret venligst/);
    assert.match(await refused.innerText(), /Års erhvervserfaring skal være et tal mellem 0 og 60, fx 1,5\./);
    const years = refused.locator(`label:has-text("${YEARS}")`);
    const control = refused.locator(`[id="${await years.first().getAttribute('for')}"]`);
    assert.equal(await control.inputValue(), '1,5,5', 'what was typed is still in the box');

    await ui.fillAdaptiveCardInput(refused, YEARS, '1,5');
    await ui.clickCardAction(refused, 'Gem og fortsæt');
    await playground.expectCard(ui, `Afsnit 3 af ${SECTION_COUNT}`);
    // The Playground's answer can be drawn before the page's record of the click is read back: wait for it.
    const sections = () => playground.actionsSent.filter((action) => action.verb === 'screening.section');
    for (let waited = 0; sections().length < 3 && waited < 5000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = sections();
    assert.deepEqual(
      sent.map((action) => action.data.yearsExperience).filter((value) => value !== undefined),
      ['1,5,5', '1,5'],
      describeCardActions(sent),
    );
  });
});
