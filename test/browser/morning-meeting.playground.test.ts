/**
 * The morning meeting as a team uses it in the Agents Playground: a leader sets it up in the team channel, a
 * consultant registers an opening in the personal chat, the board is asked for in the channel, and `Besat +1`
 * on the board changes the card. The real bot in local mode, Chromium on the Playground's page, and every
 * message typed (with an @mention of the bot in the channel) and every answer entered in the cards drawn.
 *
 * The Playground's channel is "My Team - General" (see playground.channel.ts), of the Playground's team, which has
 * the bot installed from the start with the Playground's user as the installer (its owner, so its leader); the user
 * is a member, so what they register in the personal chat is their team's, and on the channel's board.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { rulesDataDir } from '../../bot/project-paths';
import { OPENING_RESULT_LABELS } from '../../rules/openings/opening';
import { isValidCvrChecksum } from '../../rules/openings/opening.validation';
import { usePlaygroundSession } from './playground.session';
import { describeCardActions } from './playground.page';
import { openPersonalChat, openTeamChannel, PLAYGROUND_BOT_NAME, type ChannelThread } from './playground.channel';

const BOARD_SCREENSHOT = path.resolve('test-results', 'morning-meeting-board.png');
const STEP_TIMEOUT_MS = 15_000;

const COMPANY = 'Bageriet Nørregade ApS';
/** Passes the CVR modulus-11 check (weights 2,7,6,5,4,3,2,1): 2+0+6+25+0+24+2+7 = 66 = 6 × 11. */
const CVR = '10150817';
const SECTOR_ID = 'handel';
const RESULT = 'ordinaer_aabning';
const JOB_FUNCTION = 'Bager';
const SEATS = 2;

/** The form's answers by the label on the card; the optional fields are left empty. */
function formAnswers(sectorLabel: string): Readonly<Record<string, string>> {
  return {
    Virksomhed: COMPANY,
    'CVR-nummer': CVR,
    Adresse: '',
    Telefon: '',
    'E-mail': '',
    Kontaktperson: '',
    Branche: sectorLabel,
    Resultat: OPENING_RESULT_LABELS[RESULT],
    Jobfunktion: JOB_FUNCTION,
    'Antal pladser': String(SEATS),
    'Heraf besat': '',
    Note: '',
  };
}

async function sectorLabelOf(id: string): Promise<string> {
  const file = path.join(rulesDataDir(), 'sectors.json');
  const { sectors } = JSON.parse(await fs.readFile(file, 'utf8')) as { sectors: { id: string; label: string }[] };
  const sector = sectors.find((candidate) => candidate.id === id);
  assert.ok(sector, `no sector "${id}" in ${file}`);
  return sector.label;
}

describe('Morning meeting in the Agents Playground: set up in the team channel, board, Besat +1', function () {
  /** The channel post `@bot morgenmøde nu`, whose thread holds the board. */
  let boardThread: ChannelThread | undefined;

  before(function () {
    assert.ok(isValidCvrChecksum(CVR), `${CVR} is not a valid CVR number`);
  });
  const playground = usePlaygroundSession({
    dataDirPrefix: 'playground-morning-',
    stepTimeoutMs: STEP_TIMEOUT_MS,
    // The test sets a morning meeting up; the scheduler would post the board on its own after 8.30.
    scheduler: false,
  });

  it('when the leader writes "@bot morgenmøde her" in the team channel, then the card confirms the morning meeting is set up there', async function () {
    const ui = playground.page();
    const channel = await openTeamChannel(ui.page);

    const { thread, sent } = await channel.postToBot('morgenmøde her');
    assert.deepEqual(sent.mentioned, [PLAYGROUND_BOT_NAME], 'the post does not @mention the bot');
    assert.equal(sent.text, `<at>${PLAYGROUND_BOT_NAME}</at> morgenmøde her`);

    // The first card in the thread is the bot's answer, whatever it says; then what it says is checked.
    await thread.lastCard().waitFor({ state: 'visible' });
    const text = await thread.lastCard().innerText();
    // "Skriv det i teamets kanal" would mean the bot did not see a channel; "Kun for ledere" that the owner (who
    // installed the bot in the team) is not taken for a leader; "Botten kender ikke dit team" that the bot was
    // not installed in the team at start.
    assert.match(text, /Morgenmødet er sat op her/, `the bot answered:\n${text}`);
    assert.match(text, /i denne kanal hver arbejdsdag kl\. 8\.30/);
    assert.match(text, /morgenmøde nu/);
  });

  it('when a consultant registers an opening with 2 seats in the personal chat, then the card says it is registered', async function () {
    const ui = playground.page();
    const answers = formAnswers(await sectorLabelOf(SECTOR_ID));
    await openPersonalChat(ui.page);

    await ui.send('ny stilling');
    const form = await playground.expectCard(ui, 'Ny stilling eller virksomhedskontakt');
    const filled = await ui.fillAdaptiveCardInputs(form, (label) => answers[label]);
    assert.deepEqual(filled, Object.keys(answers), 'the form asked other questions than expected');
    await ui.clickCardAction(form, 'Registrér');

    const card = await playground.expectCard(ui, 'Registreret');
    assert.match(await card.innerText(), new RegExp(`${COMPANY}: ${OPENING_RESULT_LABELS[RESULT]}, ${SEATS} pladser`));
  });

  it('when "@bot morgenmøde nu" is posted in the channel, then the board there shows the opening with 2 of 2 seats open', async function () {
    const ui = playground.page();
    const channel = await openTeamChannel(ui.page);
    assert.equal(
      await channel.postsWithText(`${PLAYGROUND_BOT_NAME} morgenmøde her`).count(),
      1,
      'the channel no longer shows the set-up post',
    );

    const { thread } = await channel.postToBot('morgenmøde nu');
    boardThread = thread;
    const board = await playground.expectCard(thread, /Tavlen · /);
    const text = await board.innerText();
    assert.match(text, /^Tavlen · \d{1,2}\. \S+ \d{4}$/m, `no dated board title:\n${text}`);
    assert.match(text, /^1 åben stilling · 2 ledige pladser$/m, `the board is not just the one opening:\n${text}`);
    assert.ok(text.includes(`${COMPANY} · ${JOB_FUNCTION} · ${OPENING_RESULT_LABELS[RESULT]}`), text);
    assert.match(text, new RegExp(`${SEATS} af ${SEATS} pladser ledige`), text);
    assert.equal(await board.getByRole('button', { name: 'Besat +1', exact: true }).count(), 1);
  });

  it('when "Besat +1" is clicked on the opening, then the same card changes to 1 of 2 seats open with a notice', async function () {
    const ui = playground.page();
    assert.ok(boardThread, 'the board was not shown');
    await ui.clickCardAction(boardThread.lastCard(), 'Besat +1');

    // The seats and the line below them are separate texts, so "ledig" is followed by the next line, not a space.
    const board = await playground.expectCard(boardThread, /1 af 2 pladser ledig(?!e)/);
    const text = await board.innerText();
    assert.ok(text.includes(`Besat +1: ${COMPANY} har nu 1 af 2 besat.`), `no notice on the card:\n${text}`);
    assert.match(text, /^1 åben stilling · 1 ledig plads$/m, text);
    assert.doesNotMatch(text, /2 af 2 pladser ledige/);
    // The answer replaced the clicked card: the thread still holds one board, not an old and a new one.
    assert.equal(
      await boardThread
        .cards()
        .filter({ hasText: /Tavlen · / })
        .count(),
      1,
      'the board was not replaced',
    );

    const clicks = describeCardActions(playground.actionsSent);
    assert.deepEqual(
      playground.actionsSent.map((action) => `${action.kind} ${action.verb ?? '?'}`),
      ['invoke opening.register', 'invoke opening.fill'],
      clicks,
    );
    const fill = playground.actionsSent[1];
    assert.equal(fill?.status, 200, clicks);
    assert.equal(fill?.responseType, 'application/vnd.microsoft.card.adaptive', clicks);
    assert.equal(typeof fill?.data.openingId, 'string', clicks);
    assert.equal(fill?.conversationId, boardThread.conversationId, "the click was not sent from the board's thread");

    await fs.mkdir(path.dirname(BOARD_SCREENSHOT), { recursive: true });
    await board.screenshot({ path: BOARD_SCREENSHOT });
  });

  it('when "Jeg har en kandidat" is clicked on the board, then the board stays on screen as it was and the clicker is answered beside it', async function () {
    const ui = playground.page();
    assert.ok(boardThread, 'the board was not shown');
    const before = await boardThread.lastCard().innerText();
    await ui.clickCardAction(boardThread.lastCard(), 'Jeg har en kandidat');
    const clicks = describeCardActions(playground.actionsSent);
    await expectEventually(() => playground.actionsSent.some((action) => action.verb === 'opening.candidate'), clicks);
    const candidate = playground.actionsSent.find((action) => action.verb === 'opening.candidate');
    assert.equal(candidate?.status, 200, clicks);
    // A message for the clicker, not a card: the Playground (as Teams) keeps the clicked card.
    assert.equal(candidate?.responseType, 'application/vnd.microsoft.activity.message', clicks);
    const boards = boardThread.cards().filter({ hasText: /Tavlen · / });
    assert.equal(await boards.count(), 1, 'the board is still on screen, once');
    assert.equal(await boards.first().innerText(), before, 'the board is as it was');
    // The Playground's user registered the opening: nobody is sent a message about one's own opening.
    assert.equal(await ui.page.getByText('Besked sendt').count(), 0);
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
