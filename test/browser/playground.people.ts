/**
 * Other people in the Agents Playground (0.2.x). Its page always writes as its one user (`currentUser`), and it
 * has no way to switch user. Its "Mock an Activity" API (`POST /_internal/v1/customActivities`) forwards any
 * activity to the bot as given, and the bot's answers land in the conversation the activity names, where the page
 * shows them. A test uses it to have someone else write in a channel thread the page opened: a member of the
 * Playground's team who does not own it, or a stranger who is on no roster.
 *
 * The Playground's team is its configuration's one team; its members (`pagedmembers` on its connector) are
 * `currentUser` and the five `users`, and nobody is marked owner, so locally the bot takes the one who installed it
 * (the Playground's user, see bot/playground/playground-team.install.ts) as owner.
 */
import assert from 'node:assert/strict';

/** A person as Teams names the sender of an activity. */
export interface PlaygroundPerson {
  id: string;
  name: string;
  aadObjectId: string;
}

/** What the Playground's configuration says about the tenant, the bot and the people (`GET /_internal/v1/config`). */
export interface PlaygroundSetup {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundPerson;
  /** The team's other members. */
  users: PlaygroundPerson[];
  team: { id: string; name: string };
}

export async function playgroundSetup(port: number): Promise<PlaygroundSetup> {
  const response = await fetch(`http://127.0.0.1:${port}/_internal/v1/config`);
  assert.equal(response.status, 200, 'the Playground did not give its configuration');
  const { config } = (await response.json()) as {
    config: Omit<PlaygroundSetup, 'team'> & { teams: { id: string; name: string }[] };
  };
  const [team] = config.teams;
  assert.ok(team, 'the Playground has no team');
  const person = ({ id, name, aadObjectId }: PlaygroundPerson): PlaygroundPerson => ({ id, name, aadObjectId });
  return {
    tenantId: config.tenantId,
    bot: { id: config.bot.id, name: config.bot.name },
    currentUser: person(config.currentUser),
    users: config.users.map(person),
    team: { id: team.id, name: team.name },
  };
}

/**
 * Sends `fields` (a mention's text and entities, or a card submit's `value`) as a message from `from` in a channel
 * thread (`<team id>;messageid=<post id>`), as the Playground sends what its page writes, but from another person,
 * through its "Mock an Activity" API; the bot answers in the thread.
 */
async function sendInThreadAs(
  port: number,
  setup: PlaygroundSetup,
  threadId: string,
  from: PlaygroundPerson,
  fields: Record<string, unknown>,
  what: string,
): Promise<void> {
  const activity = {
    type: 'message',
    id: `forged-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `http://localhost:${port}/_connector`,
    from,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: setup.tenantId, id: threadId },
    recipient: { ...setup.bot },
    ...fields,
    channelData: {
      tenant: { id: setup.tenantId },
      team: { id: setup.team.id },
      channel: { id: setup.team.id },
      teamsTeamId: setup.team.id,
      teamsChannelId: setup.team.id,
    },
  };
  const response = await fetch(`http://127.0.0.1:${port}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.body?.cancel();
  assert.equal(response.status, 200, `the Playground did not take the ${what} from ${from.name}`);
}

/** Has `from` write `@<bot> <text>` in a channel thread; the bot answers in the thread. */
export function writeInThreadAs(
  port: number,
  setup: PlaygroundSetup,
  threadId: string,
  from: PlaygroundPerson,
  text: string,
): Promise<void> {
  const mention = `<at>${setup.bot.name}</at>`;
  const fields = {
    text: `${mention} ${text}`,
    entities: [{ type: 'mention', text: mention, mentioned: { ...setup.bot } }],
  };
  return sendInThreadAs(port, setup, threadId, from, fields, 'activity');
}

/** Has `from` submit a card (a message with `value`, as Action.Submit sends it) in a channel thread. */
export function submitInThreadAs(
  port: number,
  setup: PlaygroundSetup,
  threadId: string,
  from: PlaygroundPerson,
  value: Record<string, unknown>,
): Promise<void> {
  return sendInThreadAs(port, setup, threadId, from, { value }, 'submit');
}
