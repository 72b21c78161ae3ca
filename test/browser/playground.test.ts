/**
 * End to end as a person would use it locally: the real bot in local mode, the Agents Playground in front of
 * it, and Chromium on the Playground's page.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/app-config';
import { startPlayground, type RunningPlayground } from '../../bot/playground/playground.process';
import { launchChromium, newLoopbackOnlyContext } from './chromium.launcher';
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
  let dataDir: string | undefined;
  let app: RunningApp | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let welcomesOnFirstLoad = 0;

  function playgroundPage(): PlaygroundPage {
    assert.ok(page && playground, 'before() did not finish');
    return new PlaygroundPage(page);
  }

  before(async function () {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'playground-e2e-'));
    app = await startApp(
      loadConfig({
        ...process.env,
        // Local mode and the embedded store, whatever the developer's shell exports: the Playground has no auth.
        MICROSOFT_APP_ID: '',
        MICROSOFT_APP_PASSWORD: '',
        MICROSOFT_APP_TENANT_ID: '',
        COSMOS_ENDPOINT: '',
        COSMOS_KEY: '',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      }),
    );
    playground = await startPlayground({
      messagesUrl: app.messagesUrl,
      port: 0,
      logFile: path.join(dataDir, 'agents-playground.log'),
    });
    browser = await launchChromium();
    context = await newLoopbackOnlyContext(browser);
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    page = await context.newPage();

    const ui = new PlaygroundPage(page);
    await ui.open(playground.url);
    const statuses = await ui.waitForInstallEventsAnswered();
    assert.deepEqual(
      statuses,
      { installationUpdate: 200, conversationUpdate: 200 },
      'the bot refused an install event',
    );
    await page.waitForTimeout(RENDER_SETTLE_MS);
    welcomesOnFirstLoad = await ui.botMessages(WELCOME).count();
  });

  after(async function () {
    // Each step on its own, so one failure does not leave the others running and mocha hanging.
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await playground?.stop().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    if (dataDir !== undefined) await fs.rm(dataDir, { recursive: true, force: true });
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
