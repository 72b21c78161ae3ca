/**
 * The weekly goals as a team uses them in the Agents Playground, in the personal chat: a leader sets the goals
 * up (`mål opsæt`: indicators, then a member's weekly goals), a member logs the week (`mål`), and the leader
 * reads Real vs Mål in the week's report (`ugerapport`). The real bot in local mode, Chromium on the
 * Playground's page, every command typed and every answer entered in the cards drawn.
 *
 * The Playground has one user, so the same person is leader and member (`mål tilmeld`), which the bot allows. They
 * lead as the owner of the Playground's team: the bot is installed there at start with them as the installer, whom
 * local mode takes for the owner (team-membership.playground.test.ts shows that a member who does not own the team
 * is refused a leader command). The bot runs on the real clock: the week logged is the
 * current ISO week in Copenhagen, computed here independently of the bot, whatever the weekday. `ugerapport`
 * on its own reports the previous week, in which nothing was logged, so the report is asked for the current
 * week by number (`ugerapport uge 7 2026`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { rulesDataDir } from '../../bot/project-paths';
import { usePlaygroundSession } from './playground.session';
import { describeCardActions } from './playground.page';
import type { Locator } from 'playwright-core';
import { PLAYGROUND_USER_NAME } from './playground.channel';
import { isoWeekOfDate, weeksInYear, type IsoWeek } from '../../rules/goals/iso-week';
import { calendarDate } from '../../rules/shared/copenhagen-calendar';

const REPORT_SCREENSHOT = path.resolve('test-results', 'goals-weekly-report.png');
const STEP_TIMEOUT_MS = 15_000;

/**
 * What the leader sets and the member logs, per indicator (by its id in indicators.json): one below 80 % of its
 * goal, which the report flags, and one above it.
 */
const PLAN: readonly { id: string; weeklyGoal: number; logged: number; annualTarget: number }[] = [
  { id: 'kanvas', weeklyGoal: 10, logged: 7, annualTarget: 520 },
  { id: 'jobsamtaler', weeklyGoal: 4, logged: 5, annualTarget: 208 },
];
/** The report flags an indicator whose Real is below this share of its Mål. */
const FLAG_BELOW = 0.8;

interface IndicatorOnCards {
  id: string;
  label: string;
  /** The title of its choice in `mål opsæt`: "<group> · <label>". */
  choiceTitle: string;
  weeklyGoal: number;
  logged: number;
  annualTarget: number;
  /** Real against Mål as a whole percentage, as the report rounds it. */
  percent: number;
  flagged: boolean;
}

/** The chosen indicators as the cards show them, in the catalogue's order (the order of every card). */
async function indicatorsOnCards(): Promise<IndicatorOnCards[]> {
  const file = path.join(rulesDataDir(), 'indicators.json');
  const catalog = JSON.parse(await fs.readFile(file, 'utf8')) as {
    groups: { id: string; label: string }[];
    indicators: { id: string; group: string; label: string; prefill?: string }[];
  };
  const chosen = catalog.indicators.flatMap((indicator) => {
    const planned = PLAN.find((entry) => entry.id === indicator.id);
    if (planned === undefined) return [];
    // A prefilled indicator would show what the bot counted instead of an empty box.
    assert.equal(indicator.prefill, undefined, `${indicator.id} is prefilled by the bot; choose another`);
    const group = catalog.groups.find((candidate) => candidate.id === indicator.group);
    assert.ok(group, `no group "${indicator.group}" in ${file}`);
    const share = planned.logged / planned.weeklyGoal;
    return [
      {
        ...planned,
        label: indicator.label,
        choiceTitle: `${group.label} · ${indicator.label}`,
        percent: Math.round(share * 100),
        flagged: share < FLAG_BELOW,
      },
    ];
  });
  assert.deepEqual(chosen.map((indicator) => indicator.id).sort(), PLAN.map((entry) => entry.id).sort(), file);
  return chosen;
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Real / mål and % as the report's table cells write them: "7 / 10", "⚠ 70 %" (flagged) or "125 %". */
function cells(indicator: IndicatorOnCards): string[] {
  return [`${indicator.logged} / ${indicator.weeklyGoal}`, `${indicator.flagged ? '⚠ ' : ''}${indicator.percent} %`];
}

/**
 * "År til dato (uge 1–49): Real 7 · Mål 10 · 70 % · årsmål 520 (1 % nået, 71 % af det forventede til nu) ⚠ bagud":
 * the member joined and the goals hold from this week, so the year is measured from this week on.
 */
function yearText(indicator: IndicatorOnCards, week: IsoWeek): string {
  const expected = indicator.annualTarget / weeksInYear(week.year);
  const pace = indicator.logged / expected;
  const reached = Math.round((indicator.logged / indicator.annualTarget) * 100);
  return `År til dato (uge 1–${week.week}): Real ${indicator.logged} · Mål ${indicator.weeklyGoal} · ${indicator.percent} % · årsmål ${indicator.annualTarget} (${reached} % nået, ${Math.round(pace * 100)} % af det forventede til nu)${pace < FLAG_BELOW ? ' ⚠ bagud' : ''}`;
}

/** How the Adaptive Cards renderer marks a Table's parts (ARIA roles: its elements have no classes of their own). */
const TABLE_SELECTORS = {
  table: '[role="table"]',
  row: '[role="row"]',
  cell: '[role="cell"], [role="columnheader"]',
} as const;

/** The texts of every table in a rendered card, table by table, row by row, cell by cell. */
async function tableRows(card: Locator): Promise<string[][][]> {
  return card.evaluate((root, selectors) => {
    interface DomElement {
      textContent: string | null;
      querySelectorAll(selectors: string): ArrayLike<DomElement>;
    }
    const all = (element: DomElement, selectors: string) => Array.from(element.querySelectorAll(selectors));
    return all(root as unknown as DomElement, selectors.table).map((table) =>
      all(table, selectors.row).map((row) => all(row, selectors.cell).map((cell) => (cell.textContent ?? '').trim())),
    );
  }, TABLE_SELECTORS);
}

/** The colours a flagged % and an unflagged % are drawn in. */
async function flaggedColours(
  card: Locator,
  indicators: readonly IndicatorOnCards[],
): Promise<{ flagged: string; unflagged: string }> {
  const colour = async (text: string) =>
    card
      .locator('.ac-textBlock')
      .filter({ hasText: new RegExp(`^${escaped(text)}$`) })
      .first()
      .evaluate(
        (element) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(element)
            .color,
      );
  const flagged = indicators.find((indicator) => indicator.flagged);
  const unflagged = indicators.find((indicator) => !indicator.flagged);
  assert.ok(flagged && unflagged, 'the plan has a flagged and an unflagged indicator');
  return { flagged: await colour(cells(flagged)[1] ?? ''), unflagged: await colour(cells(unflagged)[1] ?? '') };
}

describe('Weekly goals in the Agents Playground: set a goal, log the week, read the ugerapport', function () {
  let indicators: IndicatorOnCards[] = [];
  let week = { year: 0, week: 0 };

  before(async function () {
    indicators = await indicatorsOnCards();
    week = isoWeekOfDate(calendarDate(new Date()));
  });
  const playground = usePlaygroundSession({
    dataDirPrefix: 'playground-goals-',
    stepTimeoutMs: STEP_TIMEOUT_MS,
    // Nothing here waits for the goal rhythm's reminders and reports; they would only add messages.
    scheduler: false,
  });

  it('when the team\'s owner writes "mål opsæt" and ticks two indicators, then they may as its leader and the team measures those two', async function () {
    const ui = playground.page();
    await ui.send('mål opsæt');
    const setup = await playground.expectCard(ui, `Målstyring ${week.year}`);
    const shown = await setup.innerText();
    // Leaders are the team's owners: nobody is made leader for asking any more.
    assert.doesNotMatch(shown, /registreret som leder/, shown);
    assert.doesNotMatch(shown, /Kun for ledere/, shown);

    const filled = await ui.fillAdaptiveCardInputs(setup, (label) =>
      label === 'De indikatorer, teamet måler sig på'
        ? indicators.map((indicator) => indicator.choiceTitle)
        : undefined,
    );
    assert.equal(filled.length, 1, 'before anyone has joined, the set-up asks only for the indicators');
    await ui.clickCardAction(setup, 'Gem indikatorer');

    const saved = await playground.expectCard(ui, /Gemt: teamet måler sig på/);
    const text = await saved.innerText();
    assert.match(text, new RegExp(`Gemt: teamet måler sig på ${indicators.length} indikatorer\\.`));
    assert.match(text, /mål tilmeld/, 'the card says how members join');
  });

  it('when the same user writes "mål tilmeld", then they are a member from the current week', async function () {
    const ui = playground.page();
    await ui.send('mål tilmeld');
    const card = await playground.expectCard(ui, 'Du er med i målstyringen');
    assert.match(
      await card.innerText(),
      new RegExp(`Fra uge ${week.week} ${week.year} registrerer du ugens tal med mål`),
    );
  });

  it('when the leader opens weekly goals for themselves in "mål opsæt" and saves one per indicator, then the plan shows the goals', async function () {
    const ui = playground.page();
    await ui.send('mål opsæt');
    const setup = await playground.expectCard(ui, 'Sæt ugentlige mål');
    assert.match(await setup.innerText(), new RegExp(`${PLAYGROUND_USER_NAME}\\s+ingen mål endnu`));
    await ui.fillAdaptiveCardInput(setup, 'Sæt mål for', PLAYGROUND_USER_NAME);
    await ui.clickCardAction(setup, 'Sæt ugentlige mål');

    const form = await playground.expectCard(ui, `Ugentlige mål: ${PLAYGROUND_USER_NAME} (${week.year})`);
    const answers: Record<string, string> = {
      'Gælder fra uge': String(week.week),
      ...Object.fromEntries(indicators.map((indicator) => [indicator.label, String(indicator.weeklyGoal)])),
    };
    const filled = await ui.fillAdaptiveCardInputs(form, (label) => answers[label]);
    assert.deepEqual(filled, Object.keys(answers), 'the form asked other questions than expected');
    await ui.clickCardAction(form, 'Gem mål');

    const saved = await playground.expectCard(ui, /Gemt: ugentlige mål/);
    const text = await saved.innerText();
    assert.match(text, new RegExp(`Gemt: ugentlige mål for ${PLAYGROUND_USER_NAME} fra uge ${week.week}\\.`));
    // The overview says per member how many of the chosen indicators have a goal (the goals themselves are in the grid).
    const count = indicators.length;
    assert.match(text, new RegExp(`${PLAYGROUND_USER_NAME}\\s+mål for ${count} af ${count} indikatorer`));
  });

  it('when the leader sets the annual targets from the set-up (in the middle of the year), then the plan shows them', async function () {
    const ui = playground.page();
    // The set-up card the weekly goals were saved on (writing "mål opsæt" again would race its answer with this
    // card, which is also titled "Målstyring").
    const setup = await playground.expectCard(ui, /Gemt: ugentlige mål/);
    await ui.clickCardAction(setup, 'Sæt årsmål');
    const form = await playground.expectCard(ui, `Årsmål ${week.year}`);
    const answers = Object.fromEntries(
      indicators.map((indicator) => [indicator.label, String(indicator.annualTarget)]),
    );
    const filled = await ui.fillAdaptiveCardInputs(form, (label) => answers[label]);
    assert.deepEqual(filled.sort(), Object.keys(answers).sort(), 'the form asked other questions than expected');
    await ui.clickCardAction(form, 'Gem årsmål');
    await playground.expectCard(ui, /Gemt: teamets årsmål/);
  });

  it('when the member writes "mål" and enters the week\'s numbers, then the card for the current week says they are saved', async function () {
    const ui = playground.page();
    await ui.send('mål');
    const form = await playground.expectCard(ui, `Dine tal for uge ${week.week} ${week.year}`);
    // Each number box is labelled with the indicator and the member's goal for the week.
    const answers = Object.fromEntries(
      indicators.map((indicator) => [`${indicator.label} (mål ${indicator.weeklyGoal})`, String(indicator.logged)]),
    );
    const filled = await ui.fillAdaptiveCardInputs(form, (label) => answers[label]);
    assert.deepEqual(filled, Object.keys(answers), 'the card asked other questions than expected');
    await ui.clickCardAction(form, 'Gem ugens tal');

    const saved = await playground.expectCard(ui, 'Ugens tal er gemt');
    const text = await saved.innerText();
    assert.match(text, new RegExp(`Dine tal for uge ${week.week} ${week.year} er gemt\\. Tak!`));
    for (const indicator of indicators) {
      assert.match(
        text,
        new RegExp(`${escaped(indicator.label)}\\s+${indicator.logged} \\(mål ${indicator.weeklyGoal}\\)`),
      );
    }
  });

  it('when the leader asks for the week\'s "ugerapport" on the meeting room\'s screen, then Real vs Mål is a table for the team and per indicator for the member and the team, with charts drawn and nothing cut', async function () {
    const ui = playground.page();
    await ui.useMeetingRoomScreen();
    await ui.send(`ugerapport uge ${week.week} ${week.year}`);
    const report = await playground.expectCard(ui, `Ugerapport uge ${week.week} ${week.year}`);
    const text = await report.innerText();
    assert.ok(!text.includes('**'), `Markdown is shown as typed, not drawn:\n${text}`);
    assert.match(text, /hele teamet/);
    assert.match(text, /^1 af 1 medarbejder har registreret ugens tal\.$/m, text);
    const flagged = indicators.filter((indicator) => indicator.flagged).map((indicator) => indicator.label);
    assert.match(text, new RegExp(`^${escaped(`Under 80 % af målet: ${flagged.join(', ')}.`)}$`, 'm'), text);
    assert.doesNotMatch(text, /0\/–/, 'no "0/–" walls of weeks without a goal');

    // The team's table: one row per indicator; then per indicator a table of its members and the team.
    const tables = await tableRows(report);
    assert.equal(tables.length, 1 + indicators.length, JSON.stringify(tables));
    const [teamTable, ...memberTables] = tables;
    assert.deepEqual(teamTable?.[0], ['Indikator', 'Real / mål', '%']);
    assert.deepEqual(
      teamTable?.slice(1),
      indicators.map((indicator) => [indicator.label, ...cells(indicator)]),
    );
    for (const [index, indicator] of indicators.entries()) {
      // With one member, the team's figures are the member's.
      assert.deepEqual(memberTables[index], [
        ['Medarbejder', 'Real / mål', '%'],
        [PLAYGROUND_USER_NAME, ...cells(indicator)],
        ['Hele teamet', ...cells(indicator)],
      ]);
      assert.equal(
        await report
          .locator('strong')
          .filter({ hasText: new RegExp(`^${escaped(indicator.label)}$`) })
          .count(),
        1,
        `"${indicator.label}" is not drawn in bold once`,
      );
    }
    // The annual targets were set this week, when the team began to measure: what is expected by now is the
    // target's share of one week, not of every week since week 1 (which flagged every indicator "bagud").
    assert.match(
      text,
      new RegExp(`^${escaped(`År til dato mod årsmålet (uge ${week.week} af ${weeksInYear(week.year)})`)}$`, 'm'),
    );
    for (const indicator of indicators) {
      assert.match(text, new RegExp(`^${escaped(yearText(indicator, week))}$`, 'm'), text);
    }
    assert.ok(
      indicators.some((indicator) => !yearText(indicator, week).includes('bagud')),
      'an indicator on pace is not flagged behind',
    );

    // A flagged figure is drawn in the Attention colour: another colour than the unflagged one's.
    const colours = await flaggedColours(report, indicators);
    assert.notEqual(colours.flagged, colours.unflagged, JSON.stringify(colours));

    // The charts are drawn (the Playground registers Teams' chart elements): a trend per indicator at least.
    const charts = await report.locator('svg').count();
    assert.ok(charts >= indicators.length, `${charts} svg drawings in the report`);
    assert.deepEqual(await ui.cutTexts(report), [], 'texts drawn cut');

    await ui.screenshotWhole(report, REPORT_SCREENSHOT);
  });

  it('when card buttons are clicked, then the Playground sends each as an Action.Execute with the inputs entered', async function () {
    const clicks = describeCardActions(playground.actionsSent);
    assert.deepEqual(
      playground.actionsSent.map((action) => `${action.kind} ${action.verb ?? '?'}`),
      [
        'invoke goals.indicators',
        'invoke goals.memberGoalsOpen',
        'invoke goals.memberGoals',
        'invoke goals.targetsOpen',
        'invoke goals.targets',
        'invoke goals.log',
      ],
      clicks,
    );
    for (const action of playground.actionsSent) {
      assert.equal(action.status, 200, clicks);
      assert.equal(action.responseType, 'application/vnd.microsoft.card.adaptive', clicks);
    }
    const [chosen, , goals, , targets, log] = playground.actionsSent;
    // The multi-select sends the ticked choices' ids comma-separated.
    assert.deepEqual(
      String(chosen?.data.indicators).split(',').sort(),
      indicators.map((indicator) => indicator.id).sort(),
      clicks,
    );
    for (const indicator of indicators) {
      assert.equal(goals?.data[indicator.id], String(indicator.weeklyGoal), clicks);
      assert.equal(targets?.data[indicator.id], String(indicator.annualTarget), clicks);
      assert.equal(log?.data[indicator.id], String(indicator.logged), clicks);
    }
  });
});
