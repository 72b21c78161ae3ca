/**
 * What the browser tests know about the Microsoft 365 Agents Playground's page (0.2.x), in one place, so a
 * Playground upgrade that moves things breaks here and not in every test. The page has no test ids; these
 * are the most stable hooks it has: the Lexical editor, ARIA labels, Fluent UI's OutputCard class for each
 * bot message and the Adaptive Cards renderer's own classes.
 */
import type { Locator, Page } from 'playwright-core';

export const SELECTORS = {
  /** The message box: a Lexical rich-text editor, not an <input>, so it is typed into, not filled. */
  editor: '[data-lexical-editor="true"]',
  sendButton: 'button[aria-label="Send Message"]',
  /** One per message from the bot, text or card. */
  botMessage: '.fai-OutputCard',
  adaptiveCard: '.ac-adaptiveCard',
  textBlock: '.ac-textBlock',
} as const;

const INSTALL_EVENTS = ['installationUpdate', 'conversationUpdate'] as const;

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  /** Opens (or reopens) the page and waits until the message box is usable. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator(SELECTORS.editor).waitFor({ state: 'visible' });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator(SELECTORS.editor).waitFor({ state: 'visible' });
  }

  /**
   * On every page load the Playground sends installationUpdate and conversationUpdate to the bot, at the
   * same time, and lists each in its log panel with the bot's HTTP status once the bot has answered. The bot
   * sends its replies to a turn before answering it, so once both statuses are listed its replies are on
   * their way to the page; returns the statuses for the test to check.
   */
  async waitForInstallEventsAnswered(): Promise<Record<(typeof INSTALL_EVENTS)[number], number>> {
    const statuses = await Promise.all(
      INSTALL_EVENTS.map(async (type) => {
        const entry = this.page.getByText(new RegExp(`^${type} \\d{3}$`)).first();
        await entry.waitFor({ state: 'visible' });
        return Number((await entry.innerText()).slice(type.length + 1));
      }),
    );
    return { installationUpdate: statuses[0] ?? 0, conversationUpdate: statuses[1] ?? 0 };
  }

  /** Types like a person (the editor ignores programmatic value changes) and presses Enter to send. */
  async send(text: string): Promise<void> {
    const editor = this.page.locator(SELECTORS.editor);
    await editor.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  botMessages(containing: string | RegExp): Locator {
    return this.page.locator(SELECTORS.botMessage).filter({ hasText: containing });
  }

  /** Adaptive Cards whose title is exactly `title` (Playwright's text match is otherwise a substring, any case). */
  cardTitled(title: string): Locator {
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    return this.page
      .locator(SELECTORS.adaptiveCard)
      .filter({ has: this.page.locator(SELECTORS.textBlock).filter({ hasText: exact }) });
  }
}
