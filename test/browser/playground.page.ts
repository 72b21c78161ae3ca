/**
 * What the browser tests know about the Microsoft 365 Agents Playground's page (0.2.x), in one place, so a
 * Playground upgrade that moves things breaks here and not in every test. The page has no test ids; these
 * are the most stable hooks it has: the Lexical editor, ARIA labels, Fluent UI's OutputCard class for each
 * bot message and the Adaptive Cards renderer's own classes.
 *
 * Cards are drawn by the Adaptive Cards renderer with Fluent UI controls. A click on an Action.Execute
 * button goes out as an `adaptiveCard/action` invoke, and the card the bot returns replaces the clicked
 * card in place (no new message). The renderer checks isRequired first and sends nothing if it fails; its
 * number box puts a typed number within min/max when left, and clears what is not a number (e.g. "1,5").
 * A multi-select Input.ChoiceSet is a group of checkboxes; the renderer sends the ticked choices' values
 * comma-separated ("a,b").
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';

export const SELECTORS = {
  /** The message box: a Lexical rich-text editor, not an <input>, so it is typed into, not filled. */
  editor: '[data-lexical-editor="true"]',
  sendButton: 'button[aria-label="Send Message"]',
  /** One per message from the bot, text or card. */
  botMessage: '.fai-OutputCard',
  adaptiveCard: '.ac-adaptiveCard',
  /** A card in the chat, not one opened by Action.ShowCard (the renderer draws that inside its parent card). */
  topLevelCard: '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)',
  textBlock: '.ac-textBlock',
  /** An input's label (a label element); its `for` is the id of the control the renderer drew for the input. */
  inputLabel: 'label.ac-richTextBlock[for]',
} as const;

/**
 * The Playground's own HTTP API, which its page calls when a card button is clicked: Action.Execute goes
 * out as an `adaptiveCard/action` invoke, Action.Submit as a message with a `value`.
 */
const PLAYGROUND_API = {
  invoke: /\/_conversation\/v1\/invoke$/,
  messages: /\/_conversation\/v1\/conversations\/([^/]+)\/messages$/,
} as const;

/** One card button click as the page sent it to the Playground, and what came back. */
export interface CardActionSent {
  /** `invoke`: sent as Action.Execute (`adaptiveCard/action`); `message`: sent as Action.Submit (a message with `value`). */
  kind: 'invoke' | 'message';
  verb: string | undefined;
  /** The conversation the card is in, as the page named it (in a channel: the post's thread). */
  conversationId: string | undefined;
  /** The action's data merged with the card's input values, as sent. */
  data: Readonly<Record<string, unknown>>;
  status: number;
  /** The bot's answer to an invoke: `application/vnd.microsoft.card.adaptive` when it returned a card. */
  responseType: string | undefined;
  /** The returned card's first text, to say what came back in a failure message. */
  responseTitle: string | undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The first TextBlock's text of an Adaptive Card in JSON, if any. */
function firstText(card: unknown): string | undefined {
  const body = asRecord(card).body;
  const first = Array.isArray(body) ? body.find((element) => asRecord(element).type === 'TextBlock') : undefined;
  const text = asRecord(first).text;
  return typeof text === 'string' ? text : undefined;
}

async function cardActionOf(response: Response): Promise<CardActionSent | undefined> {
  const url = response.url();
  const request = response.request();
  if (request.method() !== 'POST') return undefined;
  const body = asRecord(request.postDataJSON());
  if (PLAYGROUND_API.invoke.test(url)) {
    if (body.name !== 'adaptiveCard/action') return undefined;
    const action = asRecord(asRecord(body.value).action);
    const answer = asRecord(await response.json().catch(() => undefined));
    const conversationId = asRecord(body.conversation).id;
    return {
      kind: 'invoke',
      verb: typeof action.verb === 'string' ? action.verb : undefined,
      conversationId: typeof conversationId === 'string' ? conversationId : undefined,
      data: asRecord(action.data),
      status: response.status(),
      responseType: typeof answer.type === 'string' ? answer.type : undefined,
      responseTitle: firstText(answer.value),
    };
  }
  const messages = PLAYGROUND_API.messages.exec(url);
  if (messages !== null && body.value !== undefined) {
    const data = asRecord(body.value);
    return {
      kind: 'message',
      verb: typeof data.verb === 'string' ? data.verb : undefined,
      conversationId: messages[1] === undefined ? undefined : decodeURIComponent(messages[1]),
      data,
      status: response.status(),
      responseType: undefined,
      responseTitle: undefined,
    };
  }
  return undefined;
}

/**
 * What to enter in one card input, as the card shows it: the text or number to type, the title of the choice
 * to pick, or for a multi-select choice set the titles of the choices to tick (the others are unticked; a
 * single string ticks just that one).
 */
export type CardAnswer = string | readonly string[];

/** An input's label as shown, without the renderer's required marker (" *"). */
async function labelText(label: Locator): Promise<string> {
  return (await label.innerText()).replace(/\s*\*\s*$/, '').trim();
}

/** The control the renderer drew for the input whose label is `label` (the label's `for`). */
async function controlOf(card: Locator, label: Locator, text: string): Promise<Locator> {
  const id = await label.getAttribute('for');
  if (id === null) throw new Error(`the label "${text}" names no control`);
  return card.locator(`[id="${id}"]`);
}

/** The card clicks sent so far, a line each, for a failure message. */
export function describeCardActions(actions: readonly CardActionSent[]): string {
  return actions
    .map(
      (action) =>
        `${action.kind} ${action.verb ?? '?'} ${JSON.stringify(action.data)} -> ${action.status} ${action.responseType ?? ''} "${action.responseTitle ?? ''}"`,
    )
    .join('\n');
}

/**
 * Waits for the newest card (of the chat, or of a channel thread) to show `text`; on a timeout, fails
 * saying what it shows and which card clicks were sent.
 */
export async function expectNewestCard(
  where: { lastCard(): Locator; waitForLastCard(text: string | RegExp): Promise<Locator> },
  text: string | RegExp,
  actions: readonly CardActionSent[],
): Promise<Locator> {
  try {
    return await where.waitForLastCard(text);
  } catch (error) {
    const shown = await where
      .lastCard()
      .innerText({ timeout: 1_000 })
      .catch(() => '(no card)');
    assert.fail(
      `the newest card never showed ${String(text)} (${String(error).split('\n')[0]})\n` +
        `--- it shows:\n${shown}\n--- card clicks sent so far:\n${describeCardActions(actions)}`,
    );
  }
}

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

  /** Opens the page and checks that the bot answered both install events with 200. */
  async openInstalled(url: string): Promise<void> {
    await this.open(url);
    assert.deepEqual(
      await this.waitForInstallEventsAnswered(),
      { installationUpdate: 200, conversationUpdate: 200 },
      'the bot refused an install event',
    );
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

  /** The newest card in the chat. An Action.Execute answer replaces its card in place, so this follows both. */
  lastCard(): Locator {
    return this.page.locator(SELECTORS.topLevelCard).last();
  }

  /** Waits until the newest card contains `text` (e.g. the answer to a click has been drawn), and returns it. */
  async waitForLastCard(text: string | RegExp): Promise<Locator> {
    await this.lastCard().filter({ hasText: text }).waitFor({ state: 'visible' });
    return this.lastCard();
  }

  /** Clicks the card's button titled exactly `title`. */
  async clickCardAction(card: Locator, title: string): Promise<void> {
    await card.getByRole('button', { name: title, exact: true }).click();
  }

  /**
   * Records every card button click the page sends from now on (see {@link CardActionSent}); the returned
   * array fills as the answers arrive.
   */
  recordCardActions(): CardActionSent[] {
    const sent: CardActionSent[] = [];
    this.page.on('response', (response) => {
      void cardActionOf(response).then(
        (action) => {
          if (action !== undefined) sent.push(action);
        },
        () => undefined,
      );
    });
    return sent;
  }

  /**
   * Fills every input of a card as a person would, found by its visible label: `answerFor` gets the label
   * (without the required marker) and gives what to type or pick, as shown on the card: a number, a choice's
   * title, or for a multi-select choice set the titles to tick (see {@link CardAnswer}). Handles what the
   * Playground's renderer (Fluent UI) draws: Input.Number as a spin button, an expanded Input.ChoiceSet as
   * radio buttons, a multi-select one as a group of checkboxes, a compact one as a combobox, Input.Text as a
   * text box. Checks afterwards that the card shows what was entered (the spin button clears or clamps what
   * it does not accept when left). Returns the labels filled, in card order.
   */
  async fillAdaptiveCardInputs(card: Locator, answerFor: (label: string) => CardAnswer | undefined): Promise<string[]> {
    const filled: string[] = [];
    for (const label of await card.locator(SELECTORS.inputLabel).all()) {
      const text = await labelText(label);
      const answer = answerFor(text);
      if (answer === undefined) throw new Error(`no answer for the card's input "${text}"`);
      await this.fillInput(await controlOf(card, label, text), answer, text);
      filled.push(text);
    }
    return filled;
  }

  /**
   * The text boxes in the card's tables (an input per cell, without a label of its own, as in the goals grid),
   * each named by its row (the first text of the row's first cell) and its column (the header row's text).
   */
  async tableInputs(card: Locator): Promise<{ row: string; column: string; input: Locator }[]> {
    const found: { row: string; column: string; input: Locator }[] = [];
    for (const table of await card.locator('[role="table"]').all()) {
      const headers = await Promise.all(
        (await table.locator('[role="columnheader"]').all()).map(async (header) => (await header.innerText()).trim()),
      );
      for (const row of await table.locator('[role="row"]').all()) {
        const cells = await row.locator('[role="cell"]').all();
        const first = cells[0];
        if (first === undefined) continue;
        const name = (await first.locator(SELECTORS.textBlock).first().innerText()).trim();
        for (const [index, cell] of cells.entries()) {
          const input = cell.locator('input').first();
          if ((await input.count()) === 0) continue;
          found.push({ row: name, column: headers[index] ?? '', input });
        }
      }
    }
    return found;
  }

  /**
   * Types into every text box of the card's tables what `answerFor(row, column)` gives (see
   * {@link tableInputs}); checks that each box then shows it. Returns "row / column" for each box filled.
   */
  async fillAdaptiveCardTables(
    card: Locator,
    answerFor: (row: string, column: string) => string | undefined,
  ): Promise<string[]> {
    const filled: string[] = [];
    for (const { row, column, input } of await this.tableInputs(card)) {
      const answer = answerFor(row, column);
      if (answer === undefined) throw new Error(`no answer for the table's box "${row} / ${column}"`);
      await input.fill(answer);
      await input.press('Tab');
      const shown = await input.inputValue();
      if (shown !== answer) throw new Error(`"${row} / ${column}": entered "${answer}", the card shows "${shown}"`);
      filled.push(`${row} / ${column}`);
    }
    return filled;
  }

  /**
   * Fills the one input labelled exactly `label` (without the required marker) and leaves the card's other
   * inputs as they are, e.g. to pick whom a button is for. Same controls and checks as
   * {@link fillAdaptiveCardInputs}.
   */
  async fillAdaptiveCardInput(card: Locator, label: string, answer: CardAnswer): Promise<void> {
    const labels: string[] = [];
    for (const element of await card.locator(SELECTORS.inputLabel).all()) {
      const text = await labelText(element);
      if (text === label) {
        await this.fillInput(await controlOf(card, element, text), answer, text);
        return;
      }
      labels.push(text);
    }
    throw new Error(
      `the card has no input labelled "${label}"; its inputs: ${labels.map((text) => `"${text}"`).join(', ')}`,
    );
  }

  private async fillInput(control: Locator, answer: CardAnswer, label: string): Promise<void> {
    const role = await control.getAttribute('role');
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    // A multi-select Input.ChoiceSet: a plain <div> holding one Fluent UI checkbox per choice, each with a
    // <label for> showing the choice's title (its accessible name also takes in the input's own label).
    const checkboxes = await control.locator('input[type="checkbox"]').all();
    if (role === null && tag === 'div' && checkboxes.length > 0) {
      const wanted: readonly string[] = typeof answer === 'string' ? [answer] : answer;
      const choices = await Promise.all(
        checkboxes.map(async (box) => {
          const id = await box.getAttribute('id');
          if (id === null) throw new Error(`"${label}": a checkbox without an id, so without a label`);
          return { box, title: (await control.locator(`label[for="${id}"]`).innerText()).trim() };
        }),
      );
      const titles = choices.map((choice) => choice.title);
      const unknown = wanted.filter((title) => !titles.includes(title));
      if (unknown.length > 0) {
        throw new Error(`"${label}": no choice ${JSON.stringify(unknown)} among ${JSON.stringify(titles)}`);
      }
      for (const choice of choices) await choice.box.setChecked(wanted.includes(choice.title));
      const ticked: string[] = [];
      for (const choice of choices) if (await choice.box.isChecked()) ticked.push(choice.title);
      const expected = titles.filter((title) => wanted.includes(title));
      if (ticked.join('\n') !== expected.join('\n')) {
        throw new Error(`"${label}": ticked ${JSON.stringify(expected)}, the card shows ${JSON.stringify(ticked)}`);
      }
      return;
    }
    if (typeof answer !== 'string') {
      throw new Error(
        `"${label}": a list of choices ${JSON.stringify(answer)} for a <${tag} role="${role ?? ''}">, which is not a multi-select`,
      );
    }
    let shown: string;
    if (role === 'radiogroup') {
      const radio = control.getByRole('radio', { name: answer, exact: true });
      await radio.check();
      shown = (await radio.isChecked()) ? answer : '(not checked)';
    } else if (role === 'combobox') {
      await control.click();
      // The list opens in a popup outside the card.
      await this.page.getByRole('option', { name: answer, exact: true }).click();
      shown = await control.inputValue();
    } else if (role === 'spinbutton' || tag === 'input' || tag === 'textarea') {
      await control.fill(answer);
      // Leaving the field commits it; a spin button then clears or clamps what it does not accept.
      await control.press('Tab');
      shown = await control.inputValue();
    } else {
      throw new Error(`"${label}": no way to fill a <${tag} role="${role ?? ''}">`);
    }
    if (shown !== answer) throw new Error(`"${label}": entered "${answer}", the card shows "${shown}"`);
  }

  /**
   * Saves a picture of the whole card to `file`. A card taller than the window would be captured with the
   * chat's header drawn over its top, so the window is made tall enough for the whole card meanwhile.
   */
  async screenshotWhole(card: Locator, file: string): Promise<void> {
    const viewport = this.page.viewportSize();
    const box = await card.boundingBox();
    if (viewport !== null && box !== null && box.height + 400 > viewport.height) {
      await this.page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height) + 400 });
    }
    try {
      await card.scrollIntoViewIfNeeded();
      await fs.mkdir(path.dirname(file), { recursive: true });
      await card.screenshot({ path: file });
    } finally {
      if (viewport !== null) await this.page.setViewportSize(viewport);
    }
  }

  /** A meeting room's screen (1920×1080), as the morning board, the weekly report and the calculator are read on. */
  async useMeetingRoomScreen(): Promise<void> {
    await this.page.setViewportSize({ width: 1920, height: 1080 });
  }

  /** The rendered width of a card in CSS pixels. */
  async cardWidth(card: Locator): Promise<number> {
    const box = await card.boundingBox();
    assert.ok(box !== null, 'the card is not on screen');
    return box.width;
  }

  /**
   * Every text in a rendered card that is drawn cut: its full text (which the DOM keeps) is wider or taller
   * than the box it is drawn in, so the renderer ends it with "…" or clips it. Text blocks, rich-text runs,
   * facts, table cells and choice labels are read; hidden elements (a collapsed Action.ShowCard) are not.
   * Each entry is the element's full text, so a failure names what a reader could not read.
   */
  async cutTexts(card: Locator): Promise<string[]> {
    return card.evaluate((root) => {
      // The page's DOM, typed here because the project compiles without the DOM library.
      interface DomElement {
        offsetParent: unknown;
        textContent: string | null;
        scrollWidth: number;
        clientWidth: number;
        scrollHeight: number;
        clientHeight: number;
        querySelectorAll(selectors: string): ArrayLike<DomElement>;
      }
      interface Style {
        overflowX: string;
        overflowY: string;
        textOverflow: string;
        webkitLineClamp: string;
      }
      const page = globalThis as unknown as { getComputedStyle(element: DomElement): Style };
      const cut: string[] = [];
      const selectors = '.ac-textBlock, .ac-richTextBlock, .ac-fact-title, .ac-fact-value, .ac-textRun, label';
      for (const element of Array.from((root as unknown as DomElement).querySelectorAll(selectors))) {
        if (element.offsetParent === null || element.textContent?.trim() === '') continue;
        const style = page.getComputedStyle(element);
        const clipsX = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
        const clipsY =
          style.overflowY !== 'visible' || (style.webkitLineClamp !== 'none' && style.webkitLineClamp !== '');
        const wider = element.scrollWidth > element.clientWidth + 1;
        const taller = element.scrollHeight > element.clientHeight + 1;
        if ((clipsX && wider) || (clipsY && taller)) cut.push((element.textContent ?? '').trim());
      }
      return cut;
    });
  }

  /**
   * Words a rendered card draws broken over two lines inside the word ("Intensiv" / "e"), which the renderer
   * does rather than cut a word wider than its column, so {@link cutTexts} does not see it. A break after a
   * hyphen or dash is a line break like any other, not a broken word. Returns each broken word once per place.
   */
  async brokenWords(card: Locator): Promise<string[]> {
    return card.evaluate((root) => {
      // The page's DOM, typed here because the project compiles without the DOM library.
      interface Rect {
        top: number;
        width: number;
      }
      interface TextNode {
        textContent: string | null;
      }
      interface DomRange {
        setStart(node: TextNode, offset: number): void;
        setEnd(node: TextNode, offset: number): void;
        getClientRects(): ArrayLike<Rect>;
      }
      interface Document {
        createTreeWalker(root: unknown, whatToShow: number): { nextNode(): TextNode | null };
        createRange(): DomRange;
      }
      const SHOW_TEXT = 4;
      const document = (root as unknown as { ownerDocument: Document }).ownerDocument;
      const walker = document.createTreeWalker(root, SHOW_TEXT);
      const broken: string[] = [];
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s\-–/]+/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top)),
          );
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    });
  }

  /** Adaptive Cards whose title is exactly `title` (Playwright's text match is otherwise a substring, any case). */
  cardTitled(title: string): Locator {
    const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    return this.page
      .locator(SELECTORS.adaptiveCard)
      .filter({ has: this.page.locator(SELECTORS.textBlock).filter({ hasText: exact }) });
  }
}
