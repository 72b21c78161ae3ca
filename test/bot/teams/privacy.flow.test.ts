import assert from 'node:assert/strict';
import { cardSubmitActivity, messageActivity, type ActivityOptions } from '../../support/activities';
import { cardFullText, cardText } from '../../support/bot-under-test';
import { actionData, cardInputs } from '../../support/card-inputs';
import { cardProblems } from '../../support/card-validator';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';
import { postActivity, startTestBot } from '../../support/running-bot';
import { joinTeam } from '../../support/test-team';

type Card = Record<string, unknown>;

const TENANT = 'tenant-privacy';
/** Team X: its owner installed the bot, so leads it; the caseworkers are its members. */
const TEAM_X = { id: '19:privacy-x@thread.tacv2', leader: 'leader-x', members: ['cw-x1', 'cw-x2'] } as const;
/** Team Y, another team of the same municipality. */
const TEAM_Y = { id: '19:privacy-y@thread.tacv2', leader: 'leader-y', members: ['cw-y'] } as const;

describe('data protection over HTTP (real server, embedded Cosmos, expectReplies)', function () {
  this.timeout(60_000);
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;
  let now = new Date('2026-02-03T09:00:00Z');
  const seen: Card[] = [];

  const as = (userId: string): ActivityOptions => ({ user: { id: userId }, tenantId: TENANT });

  /** Posts an activity and answers with the first card of the reply. */
  async function send(activity: Record<string, unknown>): Promise<Card> {
    const { status, json } = await postActivity(bot.baseUrl, activity);
    assert.equal(status, 200);
    const { activities } = json as { activities: { attachments?: { content: Card }[] }[] };
    const card = activities[0]?.attachments?.[0]?.content;
    assert.ok(card !== undefined, `no card in reply: ${JSON.stringify(activities)}`);
    seen.push(card);
    return card;
  }
  const text = (value: string, userId: string) => send(messageActivity(value, as(userId)));
  const submit = (value: Record<string, unknown>, userId: string) => send(cardSubmitActivity(value, as(userId)));

  before(async () => {
    bot = await startTestBot({}, { clock: { now: () => now } });
    connector = await startFakeConnector();
    for (const team of [TEAM_X, TEAM_Y]) {
      await joinTeam(
        bot.baseUrl,
        connector,
        { id: team.leader },
        team.members.map((id) => ({ id })),
        { teamId: team.id, tenantId: TENANT },
      );
    }
  });
  after(async () => {
    await bot?.stop();
    await connector?.close();
  });
  beforeEach(() => {
    now = new Date('2026-02-03T09:00:00Z');
  });

  it('when a leader saves a retention of 366 or 6 days, then it is refused in Danish and nothing is saved; 365 is saved', async () => {
    const form = await text('indstillinger', TEAM_X.leader);
    const field = cardInputs(form).find((input) => input.id === 'retentionDays')?.node;
    assert.deepEqual([field?.min, field?.max], [7, 365]);
    for (const retentionDays of ['366', '6']) {
      const refused = await submit({ ...actionData(form, 'settings.save'), retentionDays }, TEAM_X.leader);
      assert.match(cardText(refused), /Opbevaring af svar \(dage\) skal være et helt tal mellem 7 og 365\./);
      assert.match(cardFullText(refused), /Opbevaring af svar\n90 dage/, 'the stored retention is unchanged');
    }
    const saved = await submit({ ...actionData(form, 'settings.save'), retentionDays: '365' }, TEAM_X.leader);
    assert.match(cardText(saved), /Gemt som version 2/);
    assert.match(cardFullText(saved), /Opbevaring af svar\n365 dage/);
    const back = await submit({ ...actionData(saved, 'settings.save'), retentionDays: '90' }, TEAM_X.leader);
    assert.match(cardText(back), /Gemt som version 3/);
  });

  it('when every card of the flow is validated, then none has a problem', () => {
    assert.ok(seen.length > 0);
    for (const card of seen) assert.deepEqual(cardProblems(card), [], cardText(card).slice(0, 80));
  });
});
