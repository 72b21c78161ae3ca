/**
 * `ugerapport eksport` as a leader meets it in the Agents Playground: the card with "Hent fil", a click, and
 * the file the browser downloads, read back. The real bot in local mode (its links point at its own
 * 127.0.0.1 port, which the browser here reaches), Chromium on the Playground's page.
 *
 * The Playground has one user, who owns its team (so leads it) and joins the goals to log a number, which the
 * file must then hold. The bot runs on the real clock, so the week is the current ISO week in Copenhagen,
 * computed here independently of the bot.
 *
 * Observed with Playground 0.2.28: an Action.OpenUrl is drawn as a button with the role of a link; a click opens
 * the URL in a new tab, where Chromium takes the answer (Content-Disposition: attachment) as a download.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { csvObjects } from '../support/excel-csv.reader';
import { PLAYGROUND_USER_NAME } from './playground.channel';
import { usePlaygroundSession } from './playground.session';
import { isoWeekOfDate } from '../../rules/goals/iso-week';
import { calendarDate } from '../../rules/shared/copenhagen-calendar';

const STEP_TIMEOUT_MS = 15_000;
const LOGGED = 3;

/** The card's "Hent fil" (Action.OpenUrl). */
const hentFil = (card: Locator) => card.getByRole('link', { name: 'Hent fil', exact: true });

describe('ugerapport eksport in the Agents Playground: "Hent fil" downloads the week’s CSV', function () {
  // Today's ISO week in Copenhagen, as the bot reckons it.
  const week = isoWeekOfDate(calendarDate(new Date()));
  const weekKey = `${week.year}-W${String(week.week).padStart(2, '0')}`;
  const playground = usePlaygroundSession({
    dataDirPrefix: 'playground-export-',
    stepTimeoutMs: STEP_TIMEOUT_MS,
    scheduler: false,
  });

  it('when the leader sets up one indicator, joins and logs the week, then the week has a number to export', async function () {
    const ui = playground.page();
    await ui.send('mål opsæt');
    const setup = await playground.expectCard(ui, `Målstyring ${week.year}`);
    await ui.fillAdaptiveCardInputs(setup, (label) =>
      label === 'De indikatorer, teamet måler sig på' ? ['Salg · Kanvas'] : undefined,
    );
    await ui.clickCardAction(setup, 'Gem indikatorer');
    await playground.expectCard(ui, /Gemt: teamet måler sig på 1 indikator/);
    await ui.send('mål tilmeld');
    await playground.expectCard(ui, 'Du er med i målstyringen');
    await ui.send('mål');
    const form = await playground.expectCard(ui, `Dine tal for uge ${week.week} ${week.year}`);
    await ui.fillAdaptiveCardInputs(form, (label) => (label.startsWith('Kanvas') ? String(LOGGED) : undefined));
    await ui.clickCardAction(form, 'Gem ugens tal');
    await playground.expectCard(ui, 'Ugens tal er gemt');
  });

  let card: Locator;

  it('when the leader writes "ugerapport eksport" for the week, then the card says what the file holds and until when, with "Hent fil"', async function () {
    const ui = playground.page();
    await ui.send(`ugerapport eksport uge ${week.week} ${week.year}`);
    card = await playground.expectCard(ui, `Ugerapport uge ${week.week} ${week.year} som fil`);
    const text = await card.innerText();
    assert.match(text, new RegExp(`Filen ugerapport-${weekKey}\\.csv åbner direkte i Excel`), text);
    assert.match(text, /Linket virker til kl\. \d{2}\.\d{2} \(15 minutter\)\./, text);
    // The renderer draws an Action.OpenUrl as a button with the role of a link.
    assert.equal(await hentFil(card).count(), 1, text);
  });

  it('when "Hent fil" is clicked, then the browser downloads ugerapport-<week>.csv, whose rows hold the logged number', async function () {
    const ui = playground.page();
    const context = ui.page.context();
    // Action.OpenUrl opens the link in a new tab; the file arrives there as a download.
    const download = new Promise<Download>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no download within the step timeout')), STEP_TIMEOUT_MS);
      const watch = (page: Page) =>
        page.once('download', (started) => {
          clearTimeout(timer);
          resolve(started);
        });
      watch(ui.page);
      context.on('page', watch);
    });
    await hentFil(card).click();
    const file = await download;
    assert.equal(file.suggestedFilename(), `ugerapport-${weekKey}.csv`);
    assert.match(file.url(), /^http:\/\/127\.0\.0\.1:\d+\/exports\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    assert.equal(await file.failure(), null);
    const bytes = await fs.readFile(await file.path());
    assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 byte order mark');
    const rows = csvObjects(bytes.toString('utf8'));
    const own = rows.filter(
      (row) =>
        row.Afsnit === 'Mål og resultater' && row.Indikator === 'Kanvas' && row.Medarbejder === PLAYGROUND_USER_NAME,
    );
    assert.deepEqual(
      own.map((row) => [row.Uge, row.Real, row.Registreret]),
      [[weekKey, String(LOGGED), 'ja']],
    );
    const team = rows.find(
      (row) => row.Afsnit === 'Mål og resultater' && row.Indikator === 'Kanvas' && row.Medarbejder === 'Hele teamet',
    );
    assert.equal(team?.Real, String(LOGGED));
  });
});
