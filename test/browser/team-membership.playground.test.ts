/**
 * The team is the Teams team (spec §0), as a person meets it locally in the Agents Playground: the bot is installed
 * in the Playground's team when the Playground starts (as with `npm start`), so the Playground's user works from the
 * personal chat at once; in the team's channel, a member who does not own the team is no leader, and someone who is
 * not on the team's roster is told that the bot does not know their team. The other people write through the
 * Playground's "Mock an Activity" API (playground.people.ts); the page shows the bot's answers to them in the thread.
 */
import * as assert from 'node:assert/strict';
import { usePlaygroundSession } from './playground.session';
import { openPersonalChat, openTeamChannel, type ChannelThread } from './playground.channel';
import { playgroundSetup, writeInThreadAs, type PlaygroundSetup } from './playground.people';

const STEP_TIMEOUT_MS = 15_000;
/** Someone of the same tenant who is not a member of the Playground's team. */
const STRANGER = { id: 'user-id-stranger', name: 'Sofie Udenfor', aadObjectId: 'aad-sofie-udenfor' };
const NO_TEAM = 'Botten kender ikke dit team endnu';

describe('Team membership in the Agents Playground: installed in its team at start, members, owner and strangers', function () {
  let setup: PlaygroundSetup | undefined;
  /** The Playground user's post in the team channel, in whose thread the others write. */
  let thread: ChannelThread | undefined;

  const playground = usePlaygroundSession({
    dataDirPrefix: 'playground-team-',
    stepTimeoutMs: STEP_TIMEOUT_MS,
    // A morning meeting is set up below; the scheduler would post the board on its own after 8.30.
    scheduler: false,
  });

  before(async function () {
    setup = await playgroundSetup(playground.playground().port);
  });

  function known(): { setup: PlaygroundSetup; thread: ChannelThread } {
    assert.ok(setup, 'before() did not finish');
    assert.ok(thread, 'the channel post was not made');
    return { setup, thread };
  }

  it('when the Playground has started, then the bot is installed in its team and the user works in the personal chat without opening the channel', async function () {
    assert.ok(setup, 'before() did not finish');
    assert.deepEqual(playground.playground().teams, [setup.team]);
    assert.ok(!setup.users.some((user) => user.aadObjectId === STRANGER.aadObjectId), 'the stranger is on the roster');

    const ui = playground.page();
    await ui.send('stillinger');
    // Anything needing a team would answer the "no team" notice if the user were not a member of one.
    const board = await playground.expectCard(ui, /Tavlen · /);
    assert.match(await board.innerText(), /0 åbne stillinger/);
  });

  it('when the user (who installed the bot, so owns the team) posts "@bot stillinger" in the team channel, then the board is shown in the thread', async function () {
    const ui = playground.page();
    const channel = await openTeamChannel(ui.page);
    const posted = await channel.postToBot('stillinger');
    thread = posted.thread;
    await playground.expectCard(thread, /Tavlen · /);
  });

  it('when someone not on the team\'s roster writes "@bot stillinger" in the thread, then they are told the bot does not know their team', async function () {
    const { setup: people, thread: where } = known();
    await writeInThreadAs(playground.playground().port, people, where.conversationId, STRANGER, 'stillinger');
    const card = await playground.expectCard(where, NO_TEAM);
    assert.match(await card.innerText(), /Intet er gemt/);
    assert.equal(
      await where
        .cards()
        .filter({ hasText: /Tavlen · / })
        .count(),
      1,
      'the stranger was shown the board',
    );
  });

  it('when a member who does not own the team writes "@bot morgenmøde her", then only leaders may, and the owner may', async function () {
    const { setup: people, thread: where } = known();
    const member = people.users[0];
    assert.ok(member, 'the Playground has no other member');
    await writeInThreadAs(playground.playground().port, people, where.conversationId, member, 'morgenmøde her');
    const refused = await playground.expectCard(where, 'Kun for ledere');
    assert.match(await refused.innerText(), /Kun teamets ledere/);

    const channel = await openTeamChannel(playground.page().page);
    const { thread: owners } = await channel.postToBot('morgenmøde her');
    await playground.expectCard(owners, /Morgenmødet er sat op her/);
  });

  it('when the user goes back to the personal chat, then it still answers for the team', async function () {
    const ui = playground.page();
    await openPersonalChat(ui.page);
    await ui.send('indstillinger');
    const settings = await playground.expectCard(ui, /Gem indstillinger/);
    assert.doesNotMatch(await settings.innerText(), new RegExp(NO_TEAM));
  });
});
