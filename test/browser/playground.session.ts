import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/app-config';
import { startPlayground, type RunningPlayground } from '../../bot/playground/playground.process';
import { launchChromium, newLoopbackOnlyContext } from './chromium.launcher';
import { expectNewestCard, PlaygroundPage, type CardActionSent } from './playground.page';

/**
 * The real bot in local mode, the Agents Playground in front of it, and a Chromium page, for one test file. As
 * with `npm start`, the bot is installed in the Playground's team once the Playground is up
 * (bot/playground/playground-team.install.ts), so the Playground's user is a member and the owner of a team with
 * the bot before the page is opened.
 */
export interface PlaygroundSession {
  dataDir: string;
  app: RunningApp;
  playground: RunningPlayground;
  page: Page;
  /** Stops everything, each step on its own so one failure does not leave the others running. */
  close(): Promise<void>;
}

export async function startPlaygroundSession(options: {
  dataDirPrefix: string;
  stepTimeoutMs: number;
  /**
   * false: the bot's minute scheduler does not run, e.g. so that a morning meeting set up during a test is
   * not posted to the channel on its own when the test happens to run after the meeting's time.
   */
  scheduler?: boolean;
}): Promise<PlaygroundSession> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), options.dataDirPrefix));
  let app: RunningApp | undefined;
  let playground: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await playground?.stop().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
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
      { scheduler: options.scheduler ?? true },
    );
    playground = await startPlayground({
      messagesUrl: app.messagesUrl,
      port: 0,
      logFile: path.join(dataDir, 'agents-playground.log'),
    });
    browser = await launchChromium();
    context = await newLoopbackOnlyContext(browser);
    context.setDefaultTimeout(options.stepTimeoutMs);
    const page = await context.newPage();
    return { dataDir, app, playground, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A Playground session for one test file, opened with the app installed and card clicks recorded. */
export interface PlaygroundFixture {
  /** The page object on the session's page; fails the test if `before()` did not finish. */
  page(): PlaygroundPage;
  /** The running Playground (its port, the teams the bot was installed in at start). */
  playground(): RunningPlayground;
  /** Every card click the page sent, in the order the answers came back. */
  readonly actionsSent: readonly CardActionSent[];
  /** The newest card (of the chat, or of a channel thread) once it shows `text`; see {@link expectNewestCard}. */
  expectCard(where: Parameters<typeof expectNewestCard>[0], text: string | RegExp): Promise<Locator>;
}

/**
 * Registers mocha hooks that start a session, record card clicks and open the Playground with the app
 * installed, and close it all after the file. Call it inside a `describe`.
 */
export function usePlaygroundSession(options: Parameters<typeof startPlaygroundSession>[0]): PlaygroundFixture {
  let session: PlaygroundSession | undefined;
  let actionsSent: CardActionSent[] = [];
  before(async function () {
    session = await startPlaygroundSession(options);
    const ui = new PlaygroundPage(session.page);
    actionsSent = ui.recordCardActions();
    await ui.openInstalled(session.playground.url);
  });
  after(async function () {
    await session?.close();
  });
  return {
    page() {
      assert.ok(session, 'before() did not finish');
      return new PlaygroundPage(session.page);
    },
    playground() {
      assert.ok(session, 'before() did not finish');
      return session.playground;
    },
    get actionsSent() {
      return actionsSent;
    },
    expectCard: (where, text) => expectNewestCard(where, text, actionsSent),
  };
}
