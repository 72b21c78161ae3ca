/**
 * End to end as a person would use it locally: the real bot in local mode, the Agents Playground in front of
 * it, and Chromium on the Playground's page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { startPlaygroundSession, type PlaygroundSession } from './playground.session';
import { PlaygroundPage } from './playground.page';

const SCREENSHOT = path.resolve('test-results', 'playground-help.png');
const HELP_COMMANDS = [
  'screening',
  'ny stilling',
  'stillinger',
  'mål',
  'ugerapport',
  'ressourceberegner',
  'indstillinger',
];
const WELCOME = /Velkommen/;
/**
 * Time for replies already sent by the bot to be drawn after the log panel shows its answer; generous,
 * because the reload check counts what is not there.
 */
const RENDER_SETTLE_MS = 1_500;
const STEP_TIMEOUT_MS = 30_000;

describe('Agents Playground in a browser, talking to the bot in local mode', function () {
  let session: PlaygroundSession | undefined;
  let welcomesOnFirstLoad = 0;

  function playgroundPage(): PlaygroundPage {
    assert.ok(session, 'before() did not finish');
    return new PlaygroundPage(session.page);
  }

  before(async function () {
    session = await startPlaygroundSession({ dataDirPrefix: 'playground-e2e-', stepTimeoutMs: STEP_TIMEOUT_MS });
    const { page, playground } = session;

    const ui = new PlaygroundPage(page);
    await ui.openInstalled(playground.url);
    await page.waitForTimeout(RENDER_SETTLE_MS);
    welcomesOnFirstLoad = await ui.botMessages(WELCOME).count();
  });

  after(async function () {
    await session?.close();
  });

  it('when the user sends "hjælp", then the help card with the commands is shown', async function () {
    const ui = playgroundPage();
    await ui.send('hjælp');

    const card = ui.cardTitled('Hjælp');
    await card.waitFor({ state: 'visible' });
    const text = await card.innerText();
    for (const command of HELP_COMMANDS) assert.ok(text.includes(command), `help card lacks "${command}":\n${text}`);

    await fs.mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await ui.page.screenshot({ path: SCREENSHOT });
  });

  it('when the page is loaded again, then the welcome has been shown at most once across both loads', async function () {
    const ui = playgroundPage();
    // The Playground re-sends installationUpdate and conversationUpdate on every load; the chat starts empty.
    await ui.reload();
    const statuses = await ui.waitForInstallEventsAnswered();
    assert.deepEqual(
      statuses,
      { installationUpdate: 200, conversationUpdate: 200 },
      'the bot refused an install event',
    );
    await ui.page.waitForTimeout(RENDER_SETTLE_MS);
    const welcomesOnReload = await ui.botMessages(WELCOME).count();

    assert.ok(
      welcomesOnFirstLoad + welcomesOnReload <= 1,
      `welcome shown ${welcomesOnFirstLoad} time(s) on the first load and ${welcomesOnReload} on the reload`,
    );
  });
});
