import { MAX_WEEKLY_COUNT } from '../../rules/goals/weekly-log';
import { actionData, cardInputs } from '../support/card-inputs';
import { CARD_ANSWERS } from '../support/screening-answers';

/** What a person sends in one turn, beyond the envelope: a text command or a card submit. */
export type TurnBody = { text: string } | { value: Record<string, unknown> };

export type Card = Record<string, unknown>;

export interface LoadUser {
  id: string;
  name: string;
  /** The Teams team the person works in (on its roster); they write to the bot from their personal chat. */
  teamId: string;
}

/** The state of one run of a flow by one virtual user. */
export interface FlowState {
  user: LoadUser;
  /** Unique in the run: makes case references and company names distinct. */
  sequence: number;
  /** The card of this flow's previous reply, for steps that submit it. */
  lastCard?: Card;
}

export interface LoadStep {
  /** How the step is named in the report. */
  kind: string;
  /** The turn to send; undefined when the previous reply gave nothing to submit (the cycle restarts). */
  build(flow: FlowState): TurnBody | undefined;
  /** A cheap check: text every expected reply contains (ASCII, so a split multibyte character cannot hide it). */
  marker: string;
  /** Whether the reply's card is kept for the next step. */
  keepsCard?: boolean;
}

export type LoadRole = 'caseworker' | 'consultant' | 'member' | 'anyone';

/** One thing people do with the bot, as the turns it takes, and how often it happens. */
export interface LoadFlow {
  name: string;
  /** Runs per cycle of a connection's script (every cycle is the same list of turns). */
  perCycle: number;
  /**
   * Who does it. A caseworker is held by one flow at a time, so `screening` never offers to resume;
   * a member is someone in the team's goals (the seed makes them join).
   */
  role: LoadRole;
  steps: LoadStep[];
}

const RESULTS = [
  { result: 'ordinaer_aabning', jobFunction: 'Lagermedarbejder', seats: '2' },
  { result: 'praktikplads', jobFunction: 'Kontorelev', seats: '1' },
  { result: 'loentilskud', jobFunction: 'Pedelmedhjælper', seats: '1' },
  { result: 'ordinaer_aabning', jobFunction: 'Buschauffør', seats: '3' },
  { result: 'ingen_aabning', jobFunction: '', seats: '0' },
] as const;
const SECTORS = ['industri', 'handel', 'transport', 'bygge_anlaeg', 'hotel_restauration'] as const;

/** A registration as a consultant fills in the form; results and sectors vary with the sequence. */
export function openingRegistration(sequence: number): Record<string, unknown> {
  const variant = RESULTS[sequence % RESULTS.length] ?? RESULTS[0];
  return {
    verb: 'opening.register',
    companyName: `Virksomhed ${sequence} ApS`,
    cvr: '10150817',
    phone: '+45 12 34 56 78',
    email: `job${sequence}@virksomhed.dk`,
    // The sector moves on every few registrations, so every sector meets every result.
    sector: SECTORS[Math.floor(sequence / RESULTS.length) % SECTORS.length],
    result: variant.result,
    jobFunction: variant.jobFunction,
    seats: variant.seats,
    filled: '0',
  };
}

/** A section card filled in as the caseworker would: its action data plus an answer for each input. */
function filledSection(card: Card | undefined): TurnBody | undefined {
  const data = card === undefined ? undefined : actionData(card, 'screening.section');
  if (card === undefined || data === undefined) return undefined;
  const values: Record<string, unknown> = { ...data };
  for (const input of cardInputs(card)) values[input.id] = CARD_ANSWERS[input.id] ?? '';
  return { value: values };
}

/**
 * The indicators every team measures itself on in the run: three the bot prefills from what it has
 * stored (the member's decided screenings, and their registered openings of two results) and two only
 * the member knows, so a log card costs what it costs in a team that uses the prefill.
 */
export const GOAL_INDICATORS = [
  'individuelle_samtaler',
  'kanvas',
  'virksomhedskontakter_tlf',
  'aabninger_ordinaere',
  'aabninger_praktik',
] as const;

/**
 * A log card filled in as a member would: what the card shows is kept (the bot's own count, or what
 * the member logged before in the week), an empty field gets a count that varies with the sequence.
 * A very long run can have a consultant register more openings in a week than a log takes; the
 * member then writes the most it takes.
 */
function filledLog(card: Card | undefined, sequence: number): TurnBody | undefined {
  const data = card === undefined ? undefined : actionData(card, 'goals.log');
  if (card === undefined || data === undefined) return undefined;
  const values: Record<string, unknown> = { ...data };
  cardInputs(card).forEach((input, index) => {
    const shown = input.node.value;
    values[input.id] = String(typeof shown === 'number' ? Math.min(shown, MAX_WEEKLY_COUNT) : (sequence + index) % 10);
  });
  return { value: values };
}

export const HELP_STEP: LoadStep = {
  kind: 'hjælp',
  build: () => ({ text: 'hjælp' }),
  marker: 'Viser denne oversigt over kommandoer',
};

export const BOARD_STEP: LoadStep = {
  kind: 'stillinger',
  build: () => ({ text: 'stillinger' }),
  marker: '"text":"Tavlen',
};

export const SCREENING_OPEN_STEP: LoadStep = {
  kind: 'screening',
  build: () => ({ text: 'screening' }),
  marker: '"text":"Ny screening"',
};

export const REGISTER_STEP: LoadStep = {
  kind: 'opening.register',
  build: (flow) => ({ value: openingRegistration(flow.sequence) }),
  marker: '"text":"Registreret"',
};

/** `mål`: the member's log card for the current week, kept to submit. */
export const GOAL_LOG_OPEN_STEP: LoadStep = {
  kind: 'mål',
  build: () => ({ text: 'mål' }),
  marker: '"text":"Dine tal for uge ',
  keepsCard: true,
};

/** The week's numbers from the card `mål` gave (`goals.log`); submitting the week again replaces its log. */
export const GOAL_LOG_STEP: LoadStep = {
  kind: 'goals.log',
  build: (flow) => filledLog(flow.lastCard, flow.sequence),
  marker: '"text":"Ugens tal er gemt"',
};

/**
 * A whole screening, as a caseworker does it: `screening`, the case reference, every section (each
 * submit must advance: the next section, or after the last the recommendation), then accepting it.
 */
export function screeningSteps(sectionCount: number): LoadStep[] {
  const sections = Array.from({ length: sectionCount }, (_, index): LoadStep => ({
    kind: 'screening.section',
    build: (flow) => filledSection(flow.lastCard),
    marker: index + 1 < sectionCount ? `Afsnit ${index + 2} af ${sectionCount}"` : '"text":"Anbefalet indsats"',
    keepsCard: true,
  }));
  return [
    SCREENING_OPEN_STEP,
    {
      kind: 'screening.start',
      build: (flow) => ({ value: { verb: 'screening.start', caseReference: `L-${flow.sequence}` } }),
      marker: `Afsnit 1 af ${sectionCount}"`,
      keepsCard: true,
    },
    ...sections,
    {
      kind: 'screening.accept',
      build: (flow) => {
        const data = flow.lastCard === undefined ? undefined : actionData(flow.lastCard, 'screening.accept');
        return data === undefined ? undefined : { value: data };
      },
      marker: '"text":"Screening gemt"',
    },
  ];
}

/**
 * The mix, per cycle of 50 turns of one virtual user: a screening takes 2 + sections + 1 turns, so with
 * 5 sections 3 screenings give 15 section submits (30 %) and 9 turns around them (18 %); hjælp,
 * stillinger, registrations and goal logging share the other 52 % as 12 : 6 : 4 : 4 turns (24, 12, 8
 * and 8 %). Goal logging is two runs of `mål` and its submit: rarer than help, as often as a registration.
 */
export function loadMix(sectionCount: number): LoadFlow[] {
  return [
    { name: 'hjælp', perCycle: 12, role: 'anyone', steps: [HELP_STEP] },
    { name: 'screening', perCycle: 3, role: 'caseworker', steps: screeningSteps(sectionCount) },
    { name: 'stillinger', perCycle: 6, role: 'anyone', steps: [BOARD_STEP] },
    { name: 'registration', perCycle: 4, role: 'consultant', steps: [REGISTER_STEP] },
    { name: 'mål', perCycle: 2, role: 'member', steps: [GOAL_LOG_OPEN_STEP, GOAL_LOG_STEP] },
  ];
}
