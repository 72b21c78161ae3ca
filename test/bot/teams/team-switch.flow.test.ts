import assert from 'node:assert/strict';
import { cardSubmitActivity, messageActivity, type ActivityOptions, type TeamsUser } from '../../support/activities';
import { cardText } from '../../support/bot-under-test';
import { actionData } from '../../support/card-inputs';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { openingRegistration } from '../../support/opening-registration';
import { replyCardsOf, startTestBot } from '../../support/running-bot';
import { joinTeam } from '../../support/test-team';

type Card = Record<string, unknown>;

/** Spec §0 "Personal chat": a person in several teams chooses once, `skift team` changes it, old cards do not cross. */
describe('personal chat and teams over HTTP (real server, embedded SQLite)', function () {
  this.timeout(60_000);
  const TENANT = 'tenant-switch';
  const JOBKLAR = { teamId: '19:jobklar@thread.tacv2', teamName: 'Jobklar 30+', tenantId: TENANT };
  const UNGE = { teamId: '19:unge@thread.tacv2', teamName: 'Ungeteam', tenantId: TENANT };
  const BOTH: TeamsUser = { id: 'vk-both', name: 'Vera i to teams' };
  const ONLY_UNGE: TeamsUser = { id: 'cw-unge', name: 'Carl Unge' };
  const NOBODY: TeamsUser = { id: 'stranger', name: 'Ingen team' };
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;

  const as = (user: TeamsUser): ActivityOptions => ({ user, tenantId: TENANT });
  const say = async (user: TeamsUser, text: string): Promise<Card> =>
    (await replyCardsOf(bot.baseUrl, messageActivity(text, as(user))))[0] as Card;
  const click = async (user: TeamsUser, value: Record<string, unknown> | undefined): Promise<Card> => {
    assert.ok(value !== undefined, 'the card has that button');
    return (await replyCardsOf(bot.baseUrl, cardSubmitActivity(value, as(user))))[0] as Card;
  };
  /** The choice card's button for a team, by the team's name. */
  const chooseButton = (card: Card, name: string): Record<string, unknown> | undefined =>
    (card.actions as { title: string; data: Record<string, unknown> }[] | undefined)?.find(
      (action) => action.title === name,
    )?.data;

  before(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot();
    await joinTeam(bot.baseUrl, connector, { id: 'owner-jobklar', name: 'Lene' }, [BOTH], JOBKLAR);
    await joinTeam(bot.baseUrl, connector, { id: 'owner-unge', name: 'Lars' }, [BOTH, ONLY_UNGE], UNGE);
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('when a person in no team with the bot writes, then they are told to have it added, and skift team says the same', async () => {
    assert.match(cardText(await say(NOBODY, 'ny stilling')), /^Botten kender ikke dit team endnu/);
    assert.match(cardText(await say(NOBODY, 'skift team')), /^Botten kender ikke dit team endnu/);
    assert.match(cardText(await say(NOBODY, 'hjælp')), /^Hjælp/, 'help needs no team');
  });

  it('when a person in one team writes skift team, then there is nothing to switch to', async () => {
    assert.match(cardText(await say(ONLY_UNGE, 'skift team')), /^Du arbejder for Ungeteam\nDu er kun med i ét team/);
  });

  it('when a person in two teams writes, then they choose once by the teams’ names, an old card stays with its team after skift team, and nothing crosses', async () => {
    const choice = await say(BOTH, 'ny stilling');
    assert.match(cardText(choice), /^Hvilket team arbejder du for\?/);
    assert.deepEqual(
      (choice.actions as { title: string }[]).map((action) => action.title),
      ['Jobklar 30+', 'Ungeteam'],
      'the names come from the team details',
    );
    assert.match(cardText(await click(BOTH, chooseButton(choice, 'Jobklar 30+'))), /^Du arbejder nu for Jobklar 30\+/);

    // Remembered: the next command acts for Jobklar 30+ without asking.
    assert.match(cardText(await click(BOTH, openingRegistration('Bageriet ApS'))), /^Registreret/);
    const ownInJobklar = await say(BOTH, 'mine stillinger');
    assert.match(cardText(ownInJobklar), /Bageriet ApS/);
    const oldEdit = actionData(ownInJobklar, 'opening.edit');

    const switchCard = await say(BOTH, 'skift team');
    assert.match(cardText(switchCard), /^Hvilket team arbejder du for\?\nDu arbejder nu for \*\*Jobklar 30\+\*\*/);
    assert.match(cardText(await click(BOTH, chooseButton(switchCard, 'Ungeteam'))), /^Du arbejder nu for Ungeteam/);
    assert.doesNotMatch(cardText(await say(BOTH, 'mine stillinger')), /Bageriet/);
    assert.doesNotMatch(cardText(await say(ONLY_UNGE, 'stillinger')), /Bageriet/);

    // The old card from Jobklar 30+ now acts for Ungeteam, where the registration does not exist: refused, unchanged.
    assert.match(cardText(await click(BOTH, oldEdit)), /^Registreringen findes ikke længere/);
    assert.match(cardText(await say({ id: 'owner-jobklar', name: 'Lene' }, 'stillinger')), /Bageriet ApS/);
  });

  it('when someone chooses a team they are not a member of, then the choice is refused and nothing changes', async () => {
    const refused = await click(ONLY_UNGE, { verb: 'team.choose', teamId: JOBKLAR.teamId });
    assert.match(cardText(refused), /^Teamet kan ikke vælges/);
    assert.match(cardText(await say(ONLY_UNGE, 'skift team')), /^Du arbejder for Ungeteam/);
  });
});
