import { actionData, cardInputs } from '../support/card-inputs';
import type { FakeConnector } from '../support/fake-connector';
import { joinTeam } from '../support/test-team';
import {
  GOAL_INDICATORS,
  REGISTER_STEP,
  SCREENING_OPEN_STEP,
  screeningSteps,
  type Card,
  type FlowState,
  type LoadStep,
  type LoadUser,
  type TurnBody,
} from './load-mix.table';
import { firstCard, LOAD_TENANT_ID, turnActivity, type LoadTarget } from './load-turn.envelope';
import type { VirtualUsersPool } from './virtual-users.pool';

export interface SeededState {
  /** Sections of the questionnaire, as the first section card says ("Afsnit 1 af N"). */
  sectionCount: number;
  openings: number;
  screenings: number;
  /** People in their team's goals, each with weekly goals for every indicator. */
  goalMembers: number;
  turns: number;
}

/** Sends one turn and returns the reply body, or fails naming the step if it is not the expected card. */
async function expectTurn(target: LoadTarget, user: LoadUser, body: TurnBody, kind: string, marker: string) {
  const response = await fetch(`${target.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(turnActivity(user, body, target.serviceUrl)),
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes(marker)) {
    throw new Error(`preparing the state: ${kind} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return text;
}

/** The team's leader: the owner who installed the bot in the team (locally the installer owns it). */
const leaderOf = (team: string): LoadUser => ({ id: `leader-${team}`, name: `Leder ${team}`, teamId: team });

/** The data of a card action, or a failure naming the step when the card has no such action. */
function dataOf(card: Card | undefined, verb: string): Record<string, unknown> {
  const data = card === undefined ? undefined : actionData(card, verb);
  if (data === undefined) throw new Error(`preparing the state: the card has no ${verb} action`);
  return data;
}

/**
 * Puts the state a team works in before the run, through the bot's own HTTP interface and with the
 * mix's own steps: the bot installed in every team by its leader (the owner), with the stand-in
 * connector listing the team's people (the reserve too) as its roster, so each of them acts for the
 * team from their personal chat; the leader may edit the team's `indstillinger`; registrations on the
 * board, and decided screenings (the intensive share has something to count). The first screening
 * also tells how many sections the questionnaire has. Then the goals, as the goals flow sets them
 * up: the leader chooses the indicators (`mål opsæt`), every goal member joins (`mål tilmeld`), and
 * the leader sets each member's weekly goals from the current week, so the log cards show them.
 */
export async function seedState(
  target: LoadTarget,
  connector: FakeConnector,
  users: VirtualUsersPool,
  nextSequence: () => number,
  perTeam: { openings: number; screenings: number },
): Promise<SeededState> {
  let turns = 0;
  const run = async (steps: readonly LoadStep[], flow: FlowState): Promise<void> => {
    for (const step of steps) {
      const body = step.build(flow);
      if (body === undefined) throw new Error(`preparing the state: nothing to send for ${step.kind}`);
      const reply = await expectTurn(target, flow.user, body, step.kind, step.marker);
      turns += 1;
      flow.lastCard = step.keepsCard === true ? firstCard(reply) : undefined;
    }
  };

  for (const team of users.teams) {
    await joinTeam(target.baseUrl, connector, leaderOf(team), users.rosterOf(team), {
      teamId: team,
      tenantId: LOAD_TENANT_ID,
    });
    // Only a leader's settings card offers to save them.
    await expectTurn(target, leaderOf(team), { text: 'indstillinger' }, 'indstillinger', '"verb":"settings.save"');
    turns += 2;
  }

  const first: FlowState = { user: users.take('caseworker'), sequence: nextSequence() };
  await run([SCREENING_OPEN_STEP], first);
  const started = await expectTurn(
    target,
    first.user,
    { value: { verb: 'screening.start', caseReference: `L-${first.sequence}` } },
    'screening.start',
    'Afsnit 1 af ',
  );
  turns += 1;
  const sectionCount = Number(/Afsnit 1 af (\d+)"/.exec(started)?.[1]);
  if (!Number.isInteger(sectionCount) || sectionCount < 1) throw new Error('preparing the state: no section count');
  first.lastCard = firstCard(started);
  await run(screeningSteps(sectionCount).slice(2), first);
  users.giveBack('caseworker', first.user);

  const screenings = perTeam.screenings * users.teams.length;
  for (let index = 1; index < screenings; index += 1) {
    const flow: FlowState = { user: users.take('caseworker'), sequence: nextSequence() };
    await run(screeningSteps(sectionCount), flow);
    users.giveBack('caseworker', flow.user);
  }
  const openings = perTeam.openings * users.teams.length;
  for (let index = 0; index < openings; index += 1) {
    await run([REGISTER_STEP], { user: users.take('consultant'), sequence: nextSequence() });
  }
  const goalMembers = await seedGoals(users, async (user, body, kind, marker) => {
    const reply = await expectTurn(target, user, body, kind, marker);
    turns += 1;
    return firstCard(reply);
  });
  return { sectionCount, openings, screenings, goalMembers, turns };
}

type SeedTurn = (user: LoadUser, body: TurnBody, kind: string, marker: string) => Promise<Card | undefined>;

/** The goals of every team (see seedState); returns how many members joined. */
async function seedGoals(users: VirtualUsersPool, turn: SeedTurn): Promise<number> {
  for (const team of users.teams) {
    const leader = leaderOf(team);
    const setup = await turn(leader, { text: 'mål opsæt' }, 'mål opsæt', '"verb":"goals.indicators"');
    await turn(
      leader,
      { value: { ...dataOf(setup, 'goals.indicators'), indicators: GOAL_INDICATORS.join(',') } },
      'goals.indicators',
      '"text":"Gemt: teamet m',
    );
  }
  for (const member of users.goalMembers) {
    await turn(member, { text: 'mål tilmeld' }, 'mål tilmeld', '"text":"Du er med i m');
  }
  const openGoals = new Map<string, Record<string, unknown>>();
  for (const team of users.teams) {
    const setup = await turn(leaderOf(team), { text: 'mål opsæt' }, 'mål opsæt', '"verb":"goals.memberGoalsOpen"');
    openGoals.set(team, dataOf(setup, 'goals.memberGoalsOpen'));
  }
  for (const [index, member] of users.goalMembers.entries()) {
    const leader = leaderOf(member.teamId);
    // Each form carries the plan's etag as it is now, so every save builds on the one before.
    const form = await turn(
      leader,
      { value: { ...openGoals.get(member.teamId), goalMember: member.id } },
      'goals.memberGoalsOpen',
      '"verb":"goals.memberGoals"',
    );
    const values: Record<string, unknown> = { ...dataOf(form, 'goals.memberGoals') };
    // fromWeek keeps what the card proposes (the current week); the goals vary a little per member.
    cardInputs(form).forEach((input, position) => {
      values[input.id] = input.id === 'fromWeek' ? String(input.node.value) : String(2 + ((index + position) % 5));
    });
    await turn(leader, { value: values }, 'goals.memberGoals', '"text":"Gemt: ugentlige m');
  }
  return users.goalMembers.length;
}
