/**
 * A team's own indicator and the year overview in the Agents Playground, on a meeting room's screen
 * (1920×1080): the leader adds an indicator of the team's own on the `mål indikatorer` card, chooses it
 * with a catalogue indicator in `mål opsæt` and sets annual targets, logs the week as a member (`mål`),
 * and opens `mål år`. The year overview must show both indicators with their figures, draw its chart, and
 * cut no text. The Playground has one user, who leads (the team's owner) and logs (see goals.playground).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { usePlaygroundSession } from './playground.session';
import { describeCardActions } from './playground.page';
import { isoWeekOfDate, weeksInYear } from '../../rules/goals/iso-week';
import { calendarDate } from '../../rules/shared/copenhagen-calendar';

const SCREENSHOT = path.resolve('test-results', 'goals-year.png');
const LIST_SCREENSHOT = path.resolve('test-results', 'goal-indicators.png');
const STEP_TIMEOUT_MS = 15_000;

const OWN = { label: 'Netværksmøder', group: 'Netværk', target: 100, logged: 4 };
const KANVAS = { label: 'Kanvas', choiceTitle: 'Salg · Kanvas', target: 400, logged: 12 };

describe("A team's own indicator and the year overview ('mål år') in the Agents Playground at 1920×1080", function () {
  let week = { year: 0, week: 0 };
  before(function () {
    week = isoWeekOfDate(calendarDate(new Date()));
  });
  const playground = usePlaygroundSession({
    dataDirPrefix: 'playground-goals-year-',
    stepTimeoutMs: STEP_TIMEOUT_MS,
    scheduler: false,
  });

  it('when the leader adds "Netværksmøder" in a new group on the "mål indikatorer" card, then it is saved', async function () {
    const ui = playground.page();
    await ui.useMeetingRoomScreen();
    await ui.send('mål indikatorer');
    const card = await playground.expectCard(ui, 'Teamets egne indikatorer');
    assert.match(await card.innerText(), /ingen egne indikatorer endnu/);
    await ui.fillAdaptiveCardInput(card, 'Navn', OWN.label);
    await ui.fillAdaptiveCardInput(card, 'Eller en ny gruppe', OWN.group);
    await ui.clickCardAction(card, 'Tilføj indikator');
    const saved = await playground.expectCard(ui, `Gemt: "${OWN.label}" er tilføjet`);
    assert.match(await saved.innerText(), new RegExp(`Gruppe: ${OWN.group} · tilføjet uge ${week.week} ${week.year}`));
    assert.deepEqual(await ui.cutTexts(saved), [], 'texts drawn cut');
    await ui.screenshotWhole(saved, LIST_SCREENSHOT);
  });

  it('when the leader chooses it with Kanvas in "mål opsæt", joins, and sets annual targets, then both are in the plan', async function () {
    const ui = playground.page();
    await ui.send('mål opsæt');
    const setup = await playground.expectCard(ui, `Målstyring ${week.year}`);
    await ui.fillAdaptiveCardInput(setup, 'De indikatorer, teamet måler sig på', [KANVAS.choiceTitle, OWN.label]);
    await ui.clickCardAction(setup, 'Gem indikatorer');
    await playground.expectCard(ui, /Gemt: teamet måler sig på 2 indikatorer/);

    await ui.send('mål tilmeld');
    await playground.expectCard(ui, 'Du er med i målstyringen');

    await ui.send('mål opsæt');
    const again = await playground.expectCard(ui, 'Sæt årsmål');
    await ui.clickCardAction(again, 'Sæt årsmål');
    const targets = await playground.expectCard(ui, `Årsmål ${week.year}`);
    const answers: Record<string, string> = { [KANVAS.label]: String(KANVAS.target), [OWN.label]: String(OWN.target) };
    assert.deepEqual(await ui.fillAdaptiveCardInputs(targets, (label) => answers[label]), Object.keys(answers));
    await ui.clickCardAction(targets, 'Gem årsmål');
    await playground.expectCard(ui, `Gemt: teamets årsmål for ${week.year}`);
  });

  it("when the member logs the week with 'mål', then the own indicator is on the card beside Kanvas", async function () {
    const ui = playground.page();
    await ui.send('mål');
    const form = await playground.expectCard(ui, `Dine tal for uge ${week.week} ${week.year}`);
    const answers: Record<string, string> = { [KANVAS.label]: String(KANVAS.logged), [OWN.label]: String(OWN.logged) };
    assert.deepEqual(await ui.fillAdaptiveCardInputs(form, (label) => answers[label]), Object.keys(answers));
    await ui.clickCardAction(form, 'Gem ugens tal');
    await playground.expectCard(ui, 'Ugens tal er gemt');
  });

  it("when the leader opens 'mål år', then each indicator's year sum, expectation and target are drawn uncut, with a chart", async function () {
    const ui = playground.page();
    await ui.send('mål år');
    const card = await playground.expectCard(ui, `Året ${week.year} – teamet`);
    const text = await card.innerText();
    const total = weeksInYear(week.year);
    for (const indicator of [KANVAS, OWN]) {
      // The team began measuring both indicators this week (set up and logged now): one week of the target is expected,
      // not the weeks since new year.
      const expected = Math.round(indicator.target / total);
      assert.match(
        text,
        new RegExp(`${indicator.label}\\s+[⚠✓][^\\n]*\\s+${indicator.logged}\\s+${expected}\\s+${indicator.target}`),
        text,
      );
    }
    assert.deepEqual(await ui.cutTexts(card), [], 'texts drawn cut');
    // The Playground draws Teams' charts as SVG; the fallback text would be there instead if it could not.
    assert.ok((await card.locator('svg').count()) > 0, 'no chart drawn');
    assert.doesNotMatch(text, /\(akkumuleret\):/, 'the chart fell back to text');
    await ui.screenshotWhole(card, SCREENSHOT);
  });

  it('when the card buttons were clicked, then each went to the bot as an Action.Execute and was answered with a card', function () {
    const clicks = describeCardActions(playground.actionsSent);
    assert.deepEqual(
      playground.actionsSent.map((action) => action.verb),
      ['goals.indicatorAdd', 'goals.indicators', 'goals.targetsOpen', 'goals.targets', 'goals.log'],
      clicks,
    );
    for (const action of playground.actionsSent) assert.equal(action.status, 200, clicks);
    assert.equal(playground.actionsSent[0]?.data.label, OWN.label, clicks);
  });
});
