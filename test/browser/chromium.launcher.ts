/**
 * How browser tests start Chromium: Debian's /usr/bin/chromium (Playwright's own browser download cannot be
 * fetched on this network), headless, and kept from reaching anything but this machine.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Override with CHROMIUM_PATH on a machine where Chromium lives elsewhere. */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Playwright adds --headless and a fresh, empty user-data-dir of its own (deleted on close) to these.
 * The rest stop Chromium from phoning home (updates, sync, QUIC probes) on a closed network, and
 * --no-sandbox is needed because the tests run as root.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, headless: true, args: [...CHROMIUM_ARGS] });
}

function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/**
 * A fresh context whose pages may load only from this machine. Pages under test (the Agents Playground
 * fetches web fonts from a CDN) would otherwise reach out, which fails slowly or not at all depending on
 * the network, and tests must not depend on that. data: and blob: URLs stay allowed.
 */
export async function newLoopbackOnlyContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  await context.route(
    (url) =>
      (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') &&
      !isLoopback(url),
    (route) => route.abort('blockedbyclient'),
  );
  return context;
}
