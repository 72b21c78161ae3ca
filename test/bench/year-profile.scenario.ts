import { seedTeams, type SeedPerson, type SeedTeam } from '../../bot/cli/seed/seed-profile';
import { SEED_INDICATORS } from '../../bot/cli/seed/year.seeder';
import { MAX_WEEKLY_COUNT } from '../../rules/goals/weekly-log';
import { actionData, cardInputs } from '../support/card-inputs';
import { CARD_ANSWERS } from '../support/screening-answers';
import { openingRegistration } from '../load/load-mix.table';
import { sendTurn, type Card, type TurnAnswer } from './bench-turns';
import type { ActivityOptions } from '../support/activities';

/**
 * Every command and card action a team's people use, driven as the right person (a caseworker, a
 * consultant, a member, the leader) against one running bot, with the data each card gives for the
 * next step. One round goes through all of them once; the rounds move through the teams and people,
 * so what a round writes spreads as a team's work does. Each turn's wall time is filed under its name.
 */

/** Answers that mean a turn went wrong (the turn-error apology, a refused card, no team): never measured. */
const FAILED =
  /Beklager, der gik noget galt hos mig|Den knap kender jeg ikke|Kortet kunne ikke læses|ikke med i et team|Prøv igen om lidt/;

export class ScenarioFailure extends Error {}

/**
 * Two scenarios, on two bots, taking turns: one turn of one, then the same turn of the other, so both
 * figures of a command are measured within milliseconds of each other and whatever else the machine
 * does falls on both alike. A party whose round is over lets the other run on alone.
 */
export class Alternation {
  private next = 0;
  private readonly active = [false, false];
  private readonly waiting: ((() => void) | undefined)[] = [undefined, undefined];

  begin(first: 0 | 1): void {
    this.next = first;
    this.active[0] = true;
    this.active[1] = true;
  }

  async acquire(party: 0 | 1): Promise<void> {
    while (this.active[1 - party] === true && this.next !== party)
      await new Promise<void>((resolve) => (this.waiting[party] = resolve));
  }

  release(party: 0 | 1): void {
    this.next = 1 - party;
    this.wake(1 - party);
  }

  finish(party: 0 | 1): void {
    this.active[party] = false;
    this.wake(1 - party);
  }

  private wake(party: number): void {
    const waiting = this.waiting[party];
    this.waiting[party] = undefined;
    waiting?.();
  }
}

export interface StoreUnderTest {
  label: string;
  baseUrl: string;
  /** Where the bot's own sends go (the stand-in connector). */
  serviceUrl: string;
  /** Wall times by command or card action. */
  samples: Map<string, number[]>;
}

interface RoundPeople {
  team: SeedTeam;
  leader: SeedPerson;
  caseworker: SeedPerson;
  consultant: SeedPerson;
}

function peopleOfRound(round: number): RoundPeople {
  const teams = seedTeams();
  const team = teams[round % teams.length] as SeedTeam;
  const caseworkers = team.people.filter((person) => person.role === 'caseworker');
  const consultants = team.people.filter((person) => person.role === 'consultant');
  return {
    team,
    leader: team.people[0] as SeedPerson,
    caseworker: caseworkers[Math.floor(round / teams.length) % caseworkers.length] as SeedPerson,
    consultant: consultants[Math.floor(round / teams.length) % consultants.length] as SeedPerson,
  };
}

/** The values a card's inputs show (what a person who changes nothing sends back). */
function shownValues(card: Card | undefined): Record<string, unknown> {
  return Object.fromEntries(
    cardInputs(card).map((input) => [input.id, input.node.value === undefined ? '' : String(input.node.value)]),
  );
}

export class YearScenario {
  private measuring = false;

  constructor(
    private readonly store: StoreUnderTest,
    private readonly alternation: { gate: Alternation; party: 0 | 1 },
    private readonly debug: (line: string) => void = () => undefined,
  ) {}

  private async turn(
    name: string,
    person: SeedPerson,
    body: Parameters<typeof sendTurn>[1],
    /** `answer: 'message'`: a card action answered with a message beside the card (the card stays), not a card. */
    options: { marker?: string; channel?: string; answer?: 'card' | 'message' } = {},
  ): Promise<Card | undefined> {
    const activity: ActivityOptions = {
      user: { id: person.userId, name: person.name },
      serviceUrl: this.store.serviceUrl,
      ...(options.channel === undefined
        ? {}
        : { conversationType: 'channel', conversationId: options.channel, teamId: options.channel }),
    };
    const { gate, party } = this.alternation;
    await gate.acquire(party);
    let answer: TurnAnswer;
    try {
      answer = await sendTurn(this.store.baseUrl, body, activity);
    } finally {
      gate.release(party);
    }
    const expectsMessage = options.answer === 'message';
    const problem =
      answer.status !== 200
        ? `status ${answer.status}`
        : expectsMessage && !answer.text.includes('application/vnd.microsoft.activity.message')
          ? 'no message beside the card'
          : !expectsMessage && answer.cards.length === 0
            ? 'no card'
            : FAILED.test(answer.text)
              ? 'an error card'
              : options.marker !== undefined && !answer.text.includes(options.marker)
                ? `no "${options.marker}"`
                : undefined;
    this.debug(`${this.store.label} ${name} ${answer.ms.toFixed(1)} ms ${problem ?? 'ok'}`);
    if (problem !== undefined)
      throw new ScenarioFailure(
        `${this.store.label}: ${name} as ${person.userId}: ${problem}: ${answer.text.slice(0, 400)}`,
      );
    if (this.measuring) {
      const list = this.store.samples.get(name) ?? [];
      list.push(answer.ms);
      this.store.samples.set(name, list);
    }
    return answer.cards[0];
  }

  private action(name: string, person: SeedPerson, card: Card | undefined, extra: Record<string, unknown> = {}) {
    const data = actionData(card, name);
    if (data === undefined)
      throw new ScenarioFailure(`${this.store.label}: the card before ${name} has no ${name} action`);
    return this.turn(name, person, { verb: name, data: { ...data, ...extra } });
  }

  /** One round of everything (alternating with the other party); `measure` false for the warm-up. */
  async round(round: number, measure: boolean): Promise<void> {
    this.measuring = measure;
    const people = peopleOfRound(round);
    try {
      await this.everyone(people);
      const reference = await this.screening(people, round);
      await this.screeningRecords(people, reference);
      await this.followUps(people);
      await this.openings(people, round);
      await this.goals(people);
      await this.leaderGoals(people);
      await this.leaderSettings(people);
    } finally {
      this.alternation.gate.finish(this.alternation.party);
    }
  }

  private async everyone({ caseworker, leader, team }: RoundPeople): Promise<void> {
    await this.turn('hjælp', caseworker, { text: 'hjælp' }, { marker: 'Viser denne oversigt' });
    await this.turn('help.show', caseworker, { verb: 'help.show', data: {} }, { marker: 'Viser denne oversigt' });
    const calculator = await this.turn('ressourceberegner', leader, { text: 'ressourceberegner' });
    await this.action('capacity.calculate', leader, calculator, shownValues(calculator));
    await this.turn('skift team', caseworker, { text: 'skift team' });
    await this.turn('team.choose', caseworker, { verb: 'team.choose', data: { teamId: team.teamId } });
  }

  /** A caseworker's whole screening (and one left unfinished); resolves its case reference. */
  private async screening({ caseworker }: RoundPeople, round: number): Promise<string> {
    // Whether or not it offers an unfinished screening, a new one is started.
    await this.turn('screening', caseworker, { text: 'screening' });
    const form = await this.turn('screening.new', caseworker, { verb: 'screening.new', data: {} });
    const reference = `BENCH-${round}-${caseworker.userId}`;
    // Two screenings: one whose recommendation is accepted, one overridden.
    for (const decision of ['accept', 'override'] as const) {
      const opened =
        decision === 'accept'
          ? form
          : await this.turn('screening.new', caseworker, { verb: 'screening.new', data: {} });
      const caseReference = decision === 'accept' ? reference : `${reference}-A`;
      let card = await this.action('screening.start', caseworker, opened, { caseReference });
      for (let section = 0; actionData(card, 'screening.section') !== undefined; section += 1) {
        if (section > 10) throw new ScenarioFailure('the screening does not end');
        const values = Object.fromEntries(cardInputs(card).map((input) => [input.id, CARD_ANSWERS[input.id] ?? '']));
        card = await this.action('screening.section', caseworker, card, values);
      }
      if (decision === 'accept') {
        await this.action('screening.accept', caseworker, card);
      } else {
        const recommended = JSON.stringify(card).match(/"finalTrack","value":"([^"]+)"/)?.[1];
        await this.action('screening.override', caseworker, card, {
          finalTrack: ['doedvaegt', 'catch-all', 'selektion'].find((track) => track !== recommended),
          reasonCode: 'faglig_vurdering',
          reasonText: 'Borgeren har selv fundet et forløb.',
        });
      }
    }
    // One more, interrupted after its start: `screening` then offers it, and it is resumed.
    const next = await this.turn('screening.new', caseworker, { verb: 'screening.new', data: {} });
    await this.action('screening.start', caseworker, next, { caseReference: `${reference}-B` });
    const offer = await this.turn('screening', caseworker, { text: 'screening' });
    await this.action('screening.resume', caseworker, offer);
    return reference;
  }

  private async screeningRecords({ caseworker, leader }: RoundPeople, reference: string): Promise<void> {
    await this.turn('vis screening', caseworker, { text: `vis screening ${reference}` }, { marker: reference });
    await this.turn('revisionsspor', leader, { text: `revisionsspor ${reference}` });
    const confirm = await this.turn('slet screening', leader, { text: `slet screening ${reference}` });
    await this.action('screening.erase', leader, confirm, { answer: 'slet' });
  }

  private async followUps({ caseworker }: RoundPeople): Promise<void> {
    const list = await this.turn('opfølgning', caseworker, { text: 'opfølgning' });
    // Every caseworker of the year has due follow-ups (the empty store is given some); a small test seed may not.
    if (actionData(list, 'followup.outcome') === undefined) {
      this.debug(`${this.store.label}: ${caseworker.userId} has no follow-up to record`);
      return;
    }
    await this.action('followup.outcome', caseworker, list, { outcome: 'job' });
  }

  private async openings({ consultant, caseworker }: RoundPeople, round: number): Promise<void> {
    await this.turn('ny stilling', consultant, { text: 'ny stilling' });
    const registered = await this.turn(
      'opening.register',
      consultant,
      { verb: 'opening.register', data: { ...openingRegistration(round * 5 + 1) } },
      { marker: 'Registreret' },
    );
    await this.turn('stillinger', consultant, { text: 'stillinger' }, { marker: 'Tavlen' });
    const own = await this.turn('mine stillinger', consultant, { text: 'mine stillinger' });
    const form = await this.action('opening.edit', consultant, own);
    await this.action('opening.update', consultant, form, { ...shownValues(form), note: `Opdateret i runde ${round}` });
    const openingId = actionData(own, 'opening.edit')?.openingId;
    await this.turn(
      'opening.candidate',
      caseworker,
      { verb: 'opening.candidate', data: { openingId } },
      { answer: 'message' },
    );
    await this.turn('opening.fill', consultant, { verb: 'opening.fill', data: { openingId } });
    await this.turn('opening.close', consultant, { verb: 'opening.close', data: { openingId } });
    await this.turn('opening.reopen', consultant, { verb: 'opening.reopen', data: { openingId } });
    void registered;
  }

  private async goals({ caseworker }: RoundPeople): Promise<void> {
    const log = await this.turn('mål', caseworker, { text: 'mål' }, { marker: 'Dine tal for uge ' });
    const values: Record<string, unknown> = {};
    cardInputs(log).forEach((input, index) => {
      const shown = input.node.value;
      values[input.id] = String(typeof shown === 'number' ? Math.min(shown, MAX_WEEKLY_COUNT) : index % 7);
    });
    await this.action('goals.log', caseworker, log, values);
    const earlier = actionData(log, 'goals.logOpen');
    if (earlier !== undefined) await this.turn('goals.logOpen', caseworker, { verb: 'goals.logOpen', data: earlier });
    await this.turn('mål tilmeld', caseworker, { text: 'mål tilmeld' });
    await this.turn('goals.join', caseworker, { verb: 'goals.join', data: {} });
    await this.turn('ugerapport (medarbejder)', caseworker, { text: 'ugerapport' });
  }

  private async leaderGoals({ leader, caseworker }: RoundPeople): Promise<void> {
    await this.turn('ugerapport (leder)', leader, { text: 'ugerapport' });
    let setup = await this.turn('mål opsæt', leader, { text: 'mål opsæt' });
    const year = actionData(setup, 'goals.indicators')?.year;
    await this.turn('goals.setup', leader, { verb: 'goals.setup', data: { year } });
    await this.action('goals.indicators', leader, setup, { indicators: SEED_INDICATORS.join(',') });
    setup = await this.turn('mål opsæt', leader, { text: 'mål opsæt' });
    await this.action('goals.members', leader, setup, shownValues(setup));
    setup = await this.turn('mål opsæt', leader, { text: 'mål opsæt' });
    const goalsForm = await this.action('goals.memberGoalsOpen', leader, setup, { goalMember: caseworker.userId });
    await this.action('goals.memberGoals', leader, goalsForm, shownValues(goalsForm));
    setup = await this.turn('mål opsæt', leader, { text: 'mål opsæt' });
    const targets = await this.action('goals.targetsOpen', leader, setup);
    await this.action('goals.targets', leader, targets, shownValues(targets));
  }

  private async leaderSettings({ leader, team }: RoundPeople): Promise<void> {
    const settings = await this.turn('indstillinger', leader, { text: 'indstillinger' });
    await this.action('settings.save', leader, settings, shownValues(settings));
    const again = await this.turn('indstillinger', leader, { text: 'indstillinger' });
    await this.action('team.coLeaders', leader, again, shownValues(again));
    await this.turn('overtag gamle data', leader, { text: 'overtag gamle data' });
    await this.turn('morgenmøde her', leader, { text: 'morgenmøde her' }, { channel: team.teamId });
    await this.turn('morgenmøde nu', leader, { text: 'morgenmøde nu' }, { channel: team.teamId });
  }
}
