import {
  REGISTER_STEP,
  SCREENING_OPEN_STEP,
  screeningSteps,
  type FlowState,
  type LoadStep,
  type LoadUser,
  type TurnBody,
} from './load-mix.table';
import { firstCard, turnActivity } from './load-turn.envelope';
import type { VirtualUsersPool } from './virtual-users.pool';

export interface SeededState {
  /** Sections of the questionnaire, as the first section card says ("Afsnit 1 af N"). */
  sectionCount: number;
  openings: number;
  screenings: number;
  turns: number;
}

/** Sends one turn and returns the reply body, or fails naming the step if it is not the expected card. */
async function expectTurn(baseUrl: string, user: LoadUser, body: TurnBody, kind: string, marker: string) {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(turnActivity(user, body)),
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes(marker)) {
    throw new Error(`preparing the state: ${kind} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return text;
}

/**
 * Puts the state a team works in before the run, through the bot's own HTTP interface and with the
 * mix's own steps: in every team a leader (the first to open `indstillinger`), registrations on the
 * board, and decided screenings (the intensive share has something to count). The first screening
 * also tells how many sections the questionnaire has.
 */
export async function seedState(
  baseUrl: string,
  users: VirtualUsersPool,
  nextSequence: () => number,
  perTeam: { openings: number; screenings: number },
): Promise<SeededState> {
  let turns = 0;
  const run = async (steps: readonly LoadStep[], flow: FlowState): Promise<void> => {
    for (const step of steps) {
      const body = step.build(flow);
      if (body === undefined) throw new Error(`preparing the state: nothing to send for ${step.kind}`);
      const reply = await expectTurn(baseUrl, flow.user, body, step.kind, step.marker);
      turns += 1;
      flow.lastCard = step.keepsCard === true ? firstCard(reply) : undefined;
    }
  };

  for (const team of users.teams) {
    const leader = { id: `leader-${team}`, name: `Leder ${team}`, tenantId: team };
    await expectTurn(baseUrl, leader, { text: 'indstillinger' }, 'indstillinger', 'registreret som leder');
    turns += 1;
  }

  const first: FlowState = { user: users.take('caseworker'), sequence: nextSequence() };
  await run([SCREENING_OPEN_STEP], first);
  const started = await expectTurn(
    baseUrl,
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
  return { sectionCount, openings, screenings, turns };
}
