/**
 * The morning board on a meeting room's screen (1920×1080) in the Agents Playground, in the team channel: three
 * people's openings in three sectors, the board with its chart of open seats per sector drawn for real, no text
 * drawn cut, and the board still standing after "Jeg har en kandidat" (on a colleague's opening and on one's
 * own) and after "Besat +1", which redraws it in place.
 *
 * The Playground has one user (Alex Wilber, who owns its team); two of the team's other members register their
 * openings through the Playground's "Mock an Activity" API (see playground.people.ts), as the registration
 * form's submit would arrive from them in the channel. Alex registers one too, so there is one of his own.
 * The Playground does not honour `msteams.width: "Full"` (cards stay about 446 px wide), so "nothing cut" is
 * checked at that width.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { rulesDataDir } from '../../bot/project-paths';
import { openingRegistration } from '../support/opening-registration';
import { openPersonalChat, openTeamChannel, PLAYGROUND_USER_NAME, type ChannelThread } from './playground.channel';
import { describeCardActions } from './playground.page';
import { playgroundSetup, submitInThreadAs, type PlaygroundSetup } from './playground.people';
import { usePlaygroundSession } from './playground.session';

const BOARD_SCREENSHOT = path.resolve('test-results', 'board-meeting-room.png');
const AFTER_CLICKS_SCREENSHOT = path.resolve('test-results', 'board-meeting-room-after-clicks.png');
const NOTICE_SCREENSHOT = path.resolve('test-results', 'candidate-notice.png');
const STEP_TIMEOUT_MS = 15_000;

/** Who registers what: sector ids from sectors.json; seats per opening. */
const OPENINGS = [
  { by: 'colleague', company: 'Lager Nord A/S', sector: 'transport', job: 'Lagermedarbejder', seats: 3 },
  { by: 'colleague', company: 'Butik Centrum ApS', sector: 'handel', job: 'Butiksassistent', seats: 1 },
  { by: 'other', company: 'Tegnestuen Syd A/S', sector: 'liberale_tjenester', job: 'Tekniker', seats: 2 },
  { by: 'alex', company: 'Købmand Hansen ApS', sector: 'handel', job: 'Ekspedient', seats: 2 },
] as const;

async function sectorLabels(): Promise<Map<string, string>> {
  const file = path.join(rulesDataDir(), 'sectors.json');
  const { sectors } = JSON.parse(await fs.readFile(file, 'utf8')) as { sectors: { id: string; label: string }[] };
  return new Map(sectors.map((sector) => [sector.id, sector.label]));
}

/** Teams' horizontal bar chart as the Playground draws it (Fluent UI, no SVG). */
const CHART = '[aria-label="Horizontal bar chart"]';

/** The texts inside `root` drawn narrower or lower than their content (cut, ellipsed or clipped). */
async function cutInside(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    interface DomElement {
      children: ArrayLike<unknown>;
      textContent: string | null;
      scrollWidth: number;
      clientWidth: number;
      scrollHeight: number;
      clientHeight: number;
      querySelectorAll(selectors: string): ArrayLike<DomElement>;
    }
    return Array.from((element as unknown as DomElement).querySelectorAll('*'))
      .filter((node) => node.children.length === 0 && (node.textContent ?? '').trim() !== '')
      .filter((node) => node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1)
      .map((node) => (node.textContent ?? '').trim());
  });
}

/** One opening's block on the drawn board: the container with its heading and its buttons. */
function entryOf(board: Locator, company: string): Locator {
  return board
    .locator('.ac-container')
    .filter({ hasText: `${company} · ` })
    .filter({ has: board.page().getByRole('button', { name: 'Besat +1', exact: true }) })
    .last();
}

describe('The morning board on a meeting-room screen in the Agents Playground: chart, nothing cut, the board stays', function () {
  let setup: PlaygroundSetup | undefined;
  let boardThread: ChannelThread | undefined;
  let labels = new Map<string, string>();

  const playground = usePlaygroundSession({
    dataDirPrefix: 'playground-board-room-',
    stepTimeoutMs: STEP_TIMEOUT_MS,
    scheduler: false,
  });

  before(async function () {
    setup = await playgroundSetup(playground.playground().port);
    labels = await sectorLabels();
    await playground.page().useMeetingRoomScreen();
  });

  function known(): { setup: PlaygroundSetup; thread: ChannelThread } {
    assert.ok(setup, 'before() did not finish');
    assert.ok(boardThread, 'the board was not shown');
    return { setup, thread: boardThread };
  }

  it('when three people register openings in three sectors in the channel, then each is registered', async function () {
    assert.ok(setup, 'before() did not finish');
    const [colleague, other] = setup.users;
    assert.ok(colleague !== undefined && other !== undefined, 'the Playground team has too few members');
    const people = { colleague, other, alex: setup.currentUser };
    const ui = playground.page();
    const channel = await openTeamChannel(ui.page);
    const { thread } = await channel.postToBot('ny stilling');
    await playground.expectCard(thread, 'Ny stilling eller virksomhedskontakt');
    for (const opening of OPENINGS) {
      await submitInThreadAs(
        playground.playground().port,
        setup,
        thread.conversationId,
        people[opening.by],
        openingRegistration(opening.company, {
          sector: opening.sector,
          jobFunction: opening.job,
          seats: String(opening.seats),
        }),
      );
      await thread
        .cards()
        .filter({ hasText: `${opening.company}: Ordinær åbning` })
        .waitFor({ state: 'visible' });
    }
  });

  it('when "@bot stillinger" is posted, then the board shows every opening and draws open seats per sector as a chart, with no text cut', async function () {
    const ui = playground.page();
    const channel = await openTeamChannel(ui.page);
    const { thread } = await channel.postToBot('stillinger');
    boardThread = thread;
    const board = await playground.expectCard(thread, /Tavlen · /);
    const text = await board.innerText();
    assert.match(text, /^4 åbne stillinger · 8 ledige pladser$/m, text);
    for (const opening of OPENINGS) assert.ok(text.includes(`${opening.company} · ${opening.job}`), text);

    // The chart is drawn: the Playground draws Teams' horizontal bar chart with Fluent UI (labelled for screen
    // readers), each sector's name over its bar and its open seats at the bar's end, none of them cut.
    const chart = board.locator(CHART);
    await chart.waitFor({ state: 'visible' });
    const chartBox = await chart.boundingBox();
    assert.ok(
      chartBox !== null && chartBox.width > 300 && chartBox.height > 80,
      `chart box ${JSON.stringify(chartBox)}`,
    );
    const chartText = await chart.innerText();
    const expected = [
      ['handel', 3],
      ['transport', 3],
      ['liberale_tjenester', 2],
    ] as const;
    const drawn = expected.map(([sector, seats]) => `${labels.get(sector) ?? sector}\n${seats}`).join('\n');
    assert.equal(chartText.trim(), drawn);
    assert.deepEqual(await cutInside(chart), []);
    assert.doesNotMatch(text, /█/, 'no text bars');

    assert.deepEqual(await ui.cutTexts(board), []);
    await ui.screenshotWhole(board, BOARD_SCREENSHOT);
  });

  it('when "Jeg har en kandidat" is clicked on a colleague\'s opening, then the colleague is mentioned beside the board and the board stays as it was', async function () {
    const { setup, thread } = known();
    const [colleague] = setup.users;
    assert.ok(colleague);
    const board = thread.cards().filter({ hasText: /Tavlen · / });
    const before = await board.innerText();
    await entryOf(board, 'Lager Nord A/S').getByRole('button', { name: 'Jeg har en kandidat', exact: true }).click();
    // The colleague has no personal chat with the bot here, so they are mentioned in the board's thread.
    // The Playground shows the invoke's message to the clicker (Teams shows it as a toast).
    await thread.root
      .getByText(`${colleague.name} er nævnt i samtalen med besked om din kandidat.`, { exact: true })
      .waitFor({ state: 'visible' });
    await thread.root
      .getByText(`${PLAYGROUND_USER_NAME} har en kandidat til Lager Nord A/S (Lagermedarbejder).`)
      .waitFor({ state: 'visible' });
    const clicks = describeCardActions(playground.actionsSent);
    const candidate = playground.actionsSent.find((action) => action.verb === 'opening.candidate');
    assert.equal(candidate?.status, 200, clicks);
    assert.equal(candidate?.responseType, 'application/vnd.microsoft.activity.message', clicks);
    assert.equal(await board.count(), 1, 'the board is still on screen, once');
    assert.equal(await board.innerText(), before, 'the board is as it was');
  });

  it('when "Jeg har en kandidat" is clicked on one\'s own opening, then nobody is told and the board stays', async function () {
    const { thread } = known();
    const board = thread.cards().filter({ hasText: /Tavlen · / });
    const before = await board.innerText();
    const answered = playground.actionsSent.length;
    await entryOf(board, 'Købmand Hansen ApS')
      .getByRole('button', { name: 'Jeg har en kandidat', exact: true })
      .click();
    await expectEventually(() => playground.actionsSent.length > answered, describeCardActions(playground.actionsSent));
    const own = playground.actionsSent[answered];
    assert.equal(own?.verb, 'opening.candidate');
    assert.equal(own?.responseType, 'application/vnd.microsoft.activity.message');
    assert.equal(await board.count(), 1);
    assert.equal(await board.innerText(), before);
    assert.equal(await thread.root.getByText(/har en kandidat til Købmand Hansen/).count(), 0, 'no message to oneself');
  });

  it('when "Besat +1" is clicked on an opening, then the board is redrawn in place with the seat filled and the chart updated', async function () {
    const { thread } = known();
    const ui = playground.page();
    const board = thread.cards().filter({ hasText: /Tavlen · / });
    await entryOf(board, 'Købmand Hansen ApS').getByRole('button', { name: 'Besat +1', exact: true }).click();
    await board.filter({ hasText: 'Besat +1: Købmand Hansen ApS har nu 1 af 2 besat.' }).waitFor({ state: 'visible' });
    assert.equal(await board.count(), 1, 'the board was replaced in place, not added to');
    const text = await board.innerText();
    assert.match(text, /^4 åbne stillinger · 7 ledige pladser$/m, text);
    for (const opening of OPENINGS) assert.ok(text.includes(`${opening.company} · ${opening.job}`), text);
    const chart = board.locator(CHART);
    assert.match(
      await chart.innerText(),
      new RegExp(`^${labels.get('handel') ?? ''}\\n2$`, 'm'),
      'the chart is drawn anew',
    );
    const fill = playground.actionsSent.find((action) => action.verb === 'opening.fill');
    assert.equal(fill?.responseType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(fill?.data.part, 0);
    assert.deepEqual(await ui.cutTexts(board), []);
    await ui.screenshotWhole(board, AFTER_CLICKS_SCREENSHOT);
  });

  it('when a colleague offers a candidate for his opening, then his personal chat shows a notice to answer her; an empty answer is stopped naming the field, and one she cannot be sent stays in the field with a hint', async function () {
    const { setup, thread } = known();
    const ui = playground.page();
    const [colleague] = setup.users;
    assert.ok(colleague);
    const port = playground.playground().port;
    const openingId = playground.actionsSent.find((action) => action.verb === 'opening.fill')?.data.openingId;
    assert.equal(typeof openingId, 'string');
    await submitInThreadAs(port, setup, thread.conversationId, colleague, { verb: 'opening.candidate', openingId });

    await openPersonalChat(ui.page);
    const notice = await playground.expectCard(ui, 'Kandidat til din stilling');
    assert.match(await notice.innerText(), new RegExp(`${colleague.name} har en kandidat til Købmand Hansen ApS`));
    assert.deepEqual(await ui.cutTexts(notice), []);
    await ui.clickCardAction(notice, 'Send svar');
    await notice.getByText(`Svar til ${colleague.name}: skriv dit svar, før du sender.`).waitFor({ state: 'visible' });

    const answer = 'Tak! Ring til mig i morgen, så aftaler vi en samtale.';
    await ui.fillAdaptiveCardInput(notice, `Svar til ${colleague.name}`, answer);
    await ui.clickCardAction(notice, 'Send svar');
    // The Playground's other people have no personal chat the bot can write to (it answers 404), so the answer
    // is not sent: the notice says so and keeps it (test/bot/teams/candidate-answer.http.test.ts sends one).
    const answered = await playground.expectCard(
      ui,
      `Svaret er ikke sendt: ${colleague.name} har ingen personlig chat med botten.`,
    );
    assert.equal(await answered.getByRole('textbox', { name: `Svar til ${colleague.name}` }).inputValue(), answer);
    const sent = playground.actionsSent.filter((action) => action.verb === 'opening.candidateAnswer');
    assert.deepEqual(
      sent.map((action) => [action.kind, action.data.answer, action.responseType]),
      [['invoke', answer, 'application/vnd.microsoft.card.adaptive']],
      `only the answer with text was sent: ${describeCardActions(playground.actionsSent)}`,
    );
    assert.deepEqual(await ui.cutTexts(answered), []);
    await ui.screenshotWhole(answered, NOTICE_SCREENSHOT);
  });
});

/** Waits (up to 10 s) until `condition` holds; fails with `what` otherwise. */
async function expectEventually(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for the click to be answered:\n${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
