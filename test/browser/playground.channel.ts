/**
 * What the browser tests know about the Agents Playground's team channel (0.2.x), next to playground.page.ts.
 *
 * The Playground's left-hand list has, besides "Personal Chat" and "Group Chat", a "Teams Channel" section with
 * two channels of a mocked team ("My Team - General" and "My Team - Announcements"). Opening one sends the bot
 * installationUpdate and conversationUpdate for the channel, and every message from there reaches the bot with
 * `conversation.conversationType` "channel", `isGroup` true and `channelData.team`/`channel` set. The General
 * channel's id is the team's id ("team-id").
 *
 * A channel is drawn as in Teams: a "Start a new post" box on top, then the posts, newest first, each a Fluent
 * UI Card with its own text, the replies under it (oldest first) and a reply box. A new post is a thread: its
 * conversation id is the channel's plus `;messageid=<the post's id>`, and the bot's replies to it go into that
 * thread. As in Teams, a channel or group chat message reaches the bot only if it @mentions the bot (the
 * Playground drops the others silently; a personal chat message always reaches it): typing "@" opens a
 * typeahead menu of the team's members, and picking one puts a mention in the box, sent as `<at>Name</at>` in
 * the text with a `mention` entity.
 */
import type { Locator, Page, Request, Response } from 'playwright-core';
import { SELECTORS } from './playground.page';

/** The bot's name in the Playground (its default configuration), as offered by the @mention menu. */
export const PLAYGROUND_BOT_NAME = 'Test Bot';

/**
 * The Playground's signed-in user (`currentUser` in its default configuration), who sends every message typed
 * on the page; the bot knows them by this name (e.g. as a member of the team's goals).
 */
export const PLAYGROUND_USER_NAME = 'Alex Wilber';

/** The conversations in the Playground's left-hand list, by their accessible names. */
export const PLAYGROUND_CONVERSATIONS = {
  personal: 'Personal Chat',
  teamChannel: 'My Team - General',
} as const;

const CHANNEL_SELECTORS = {
  /** The "Start a new post" box and every post are Fluent UI Cards. */
  channelCard: '[role="group"].fui-Card',
  /** A post's own text: right under the post's header, before its replies. */
  postText: ':scope > .fui-CardHeader + span.fui-Text',
  mentionMenu: '[role="listbox"][aria-label="Typeahead menu"]',
  postButtonName: 'Post',
} as const;

/** A channel message as the page sent it to the Playground. */
export interface ChannelMessageSent {
  text: string;
  /** The names of the people and bots @mentioned. */
  mentioned: string[];
}

function messageSent(request: Request): ChannelMessageSent {
  const body = request.postDataJSON() as { text?: unknown; mentions?: { mentioned?: { name?: unknown } }[] } | null;
  return {
    text: typeof body?.text === 'string' ? body.text : '',
    mentioned: (body?.mentions ?? []).map((mention) => String(mention.mentioned?.name ?? '')),
  };
}

function isMessagePost(response: Response): boolean {
  const request = response.request();
  return request.method() === 'POST' && /\/_conversation\/v1\/conversations\/[^/]+\/messages$/.test(request.url());
}

/** The Playground answers a new post with its thread's conversation id, `<channel id>;messageid=<post id>`. */
async function threadIdOf(response: Response): Promise<string> {
  const body = (await response.json()) as { postConversationId?: unknown };
  if (typeof body.postConversationId !== 'string') {
    throw new Error(`the Playground did not name the new post's thread: ${JSON.stringify(body)}`);
  }
  return body.postConversationId;
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/** Types `@<bot name>`, picks the bot in the menu that opens, then types `text` after the mention. */
async function typeMentioningBot(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.type('@');
  // An item's accessible name repeats the name (its avatar is labelled with it too), so it is found by its text.
  await page
    .locator(CHANNEL_SELECTORS.mentionMenu)
    .getByRole('menuitem')
    .filter({ has: page.getByText(PLAYGROUND_BOT_NAME, { exact: true }) })
    .click();
  await page.keyboard.type(` ${text}`);
}

/** One post in the channel with its replies: the bot answers a post in its thread. */
export class ChannelThread {
  constructor(
    readonly root: Locator,
    /** The thread's conversation id, which the bot's turns from the thread (and card clicks in it) carry. */
    readonly conversationId: string,
  ) {}

  /** The post's cards and its replies' cards, oldest first. */
  cards(): Locator {
    return this.root.locator(SELECTORS.topLevelCard);
  }

  /** The thread's newest card; an Action.Execute answer replaces its card in place, so this follows both. */
  lastCard(): Locator {
    return this.cards().last();
  }

  async waitForLastCard(text: string | RegExp): Promise<Locator> {
    await this.lastCard().filter({ hasText: text }).waitFor({ state: 'visible' });
    return this.lastCard();
  }
}

/** A team channel in the Playground, once opened with {@link openTeamChannel}. */
export class PlaygroundChannel {
  constructor(readonly page: Page) {}

  private composer(): Locator {
    return this.page
      .locator(CHANNEL_SELECTORS.channelCard)
      .filter({ has: this.page.getByRole('button', { name: CHANNEL_SELECTORS.postButtonName, exact: true }) });
  }

  /** Posts whose own text (mentions drawn as the name) is exactly `text`, newest first. */
  postsWithText(text: string): Locator {
    return this.page
      .locator(CHANNEL_SELECTORS.channelCard)
      .filter({ has: this.page.locator(CHANNEL_SELECTORS.postText, { hasText: exactly(text) }) });
  }

  /**
   * Starts a new post that @mentions the bot, e.g. `@Test Bot morgenmøde her`, waits until it is shown, and
   * returns its thread and what the page sent.
   */
  async postToBot(text: string): Promise<{ thread: ChannelThread; sent: ChannelMessageSent }> {
    const shownAs = `${PLAYGROUND_BOT_NAME} ${text}`;
    const before = await this.postsWithText(shownAs).count();
    const composer = this.composer();
    const answered = this.page.waitForResponse(isMessagePost);
    await typeMentioningBot(this.page, composer.locator(SELECTORS.editor), text);
    await composer.getByRole('button', { name: CHANNEL_SELECTORS.postButtonName, exact: true }).click();
    const response = await answered;
    const sent = messageSent(response.request());
    const threadId = await threadIdOf(response);
    // Newest first, so the new post is the first one with the text once there is one more.
    const posts = this.postsWithText(shownAs);
    await posts.nth(before).waitFor({ state: 'visible' });
    return { thread: new ChannelThread(posts.first(), threadId), sent };
  }
}

/** Switches to a conversation in the left-hand list, e.g. {@link PLAYGROUND_CONVERSATIONS}.personal. */
async function selectConversation(page: Page, name: string): Promise<void> {
  await page.getByRole('treeitem', { name, exact: true }).click();
}

/** Opens the team's General channel and waits until a post can be written. */
export async function openTeamChannel(page: Page): Promise<PlaygroundChannel> {
  await selectConversation(page, PLAYGROUND_CONVERSATIONS.teamChannel);
  const channel = new PlaygroundChannel(page);
  await page.getByRole('button', { name: CHANNEL_SELECTORS.postButtonName, exact: true }).waitFor({ state: 'visible' });
  return channel;
}

/** Goes back to the personal chat with the bot and waits until its message box is usable. */
export async function openPersonalChat(page: Page): Promise<void> {
  await selectConversation(page, PLAYGROUND_CONVERSATIONS.personal);
  // The channel's boxes are gone once the personal chat is shown: then the only message box is the chat's.
  await page
    .getByRole('button', { name: CHANNEL_SELECTORS.postButtonName, exact: true })
    .waitFor({ state: 'detached' });
  await page.locator(SELECTORS.editor).waitFor({ state: 'visible' });
}
