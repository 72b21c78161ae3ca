import { followUpsForScreening } from '../../rules/follow-ups/follow-up';
import { decidedScreeningOf } from '../../rules/screening/decided-screening';
import type { IntensiveShare } from '../../rules/screening/intensive-share';
import { describeIntensiveShare } from '../../rules/screening/intensive-share';
import { OVERRIDE_REASON_LABELS, type ScreeningRecord } from '../../rules/screening/screening-record';
import type { AnswerError, Question, ScreeningResult } from '../../rules/screening/screening.types';
import { formatDate, typedNumber } from '../shared/formatting';
import { formatCalendarDate } from '../goals/goal-formatting';
import { TRACK_DESCRIPTIONS, TRACKS, trackLabel } from './track-labels';
import { answerFacts, journalNoteOf, storedResultOf } from './journal-note';

export interface Option {
  title: string;
  value: string;
}

/** A form field as the section template places it; every property set (null = absent). */
export interface FieldViewModel {
  /**
   * `number` (Input.Number) for whole numbers; `decimal` (Input.Text) for numbers with decimals, because a
   * number box drops or rejects a decimal comma in some clients ("1,5" is cleared in the Agents Playground),
   * while a text box sends what was typed, which the questionnaire reads with a comma or a point.
   */
  kind: 'number' | 'decimal' | 'choice';
  id: string;
  label: string;
  help: string;
  min: number | null;
  max: number | null;
  numberValue: number | null;
  /** A decimal field's text: the answer with a decimal comma ("1,5"), or what was typed when it did not fit. */
  textValue: string | null;
  choiceValue: string | null;
  choiceStyle: 'compact' | 'expanded';
  options: Option[];
  required: boolean;
  errorMessage: string;
}

/** The answer values a yes/no question's choice set sends (and the parser reads). */
export const YES_NO_OPTIONS: readonly Option[] = [
  { title: 'Ja', value: 'ja' },
  { title: 'Nej', value: 'nej' },
];

/** The screening's case reference, or that retention removed it (spec §5). */
export function referenceOf(record: Pick<ScreeningRecord, 'caseReference'>): string {
  return record.caseReference ?? '(sagsreferencen er slettet)';
}

/**
 * A date as a fact's value: "den 6. dec. 2026". Alone, "6. dec. 2026" starts like a numbered Markdown
 * list item, which Teams draws indented as a list.
 */
function factDate(iso: string): string {
  return `den ${formatDate(iso)}`;
}

function heading(record: ScreeningRecord): string {
  return `Screening · ${referenceOf(record)}`;
}

export function buildReferenceViewModel(error: string, reference: string) {
  return {
    title: 'Ny screening',
    intro:
      'Skriv din egen reference til sagen, fx et journalnummer. Skriv aldrig CPR-nummer eller navn – botten gemmer ingen af delene.',
    error,
    reference,
  };
}

function optionsOf(question: Question, sectors: readonly Option[]): Option[] {
  if (question.type === 'yesno') return [...YES_NO_OPTIONS];
  if (question.optionsFrom === 'sectors') return [...sectors];
  return (question.options ?? []).map((option) => ({ title: option.label, value: option.id }));
}

type ShownValue = Pick<FieldViewModel, 'numberValue' | 'textValue' | 'choiceValue'>;

function shownValue(question: Question, value: unknown): ShownValue {
  const none: ShownValue = { numberValue: null, textValue: null, choiceValue: null };
  if (value === undefined || value === null || value === '') return none;
  if (question.type === 'integer') return { ...none, numberValue: typedNumber(value) };
  if (question.type === 'number') {
    // A stored answer is shown the Danish way; a typed text that did not fit comes back as it was typed.
    return { ...none, textValue: typeof value === 'number' ? String(value).replace('.', ',') : String(value) };
  }
  if (question.type === 'yesno' && typeof value === 'boolean') return { ...none, choiceValue: value ? 'ja' : 'nej' };
  return { ...none, choiceValue: String(value) };
}

/**
 * The values of a section's view model that differ between screenings of the same section: which
 * screening it is and what was answered. Everything else is the section's shape (see
 * `CardRenderer.renderWithSlots`).
 */
export const SECTION_VIEW_MODEL_SLOTS = [
  'heading',
  'screeningId',
  'fields[].numberValue',
  'fields[].textValue',
  'fields[].choiceValue',
] as const;

export function buildSectionViewModel(input: {
  screening: ScreeningRecord;
  title: string;
  intro: string | undefined;
  sectionIndex: number;
  sectionCount: number;
  questions: readonly Question[];
  values: Readonly<Record<string, unknown>>;
  errors: readonly AnswerError[];
  sectors: readonly Option[];
}) {
  const fields: FieldViewModel[] = input.questions.map((question) => {
    const options = optionsOf(question, input.sectors);
    const numeric = question.type === 'integer' || question.type === 'number';
    const range =
      numeric && question.min !== undefined && question.max !== undefined ? ` (${question.min}–${question.max})` : '';
    return {
      kind: question.type === 'number' ? 'decimal' : numeric ? 'number' : 'choice',
      id: question.id,
      label: `${question.prompt}${range}`,
      help: question.help ?? '',
      min: question.min ?? null,
      max: question.max ?? null,
      ...shownValue(question, input.values[question.id]),
      choiceStyle: options.length <= 3 ? 'expanded' : 'compact',
      options,
      required: question.required,
      errorMessage: `Udfyld: ${question.label}`,
    };
  });
  const last = input.sectionIndex + 1 === input.sectionCount;
  return {
    heading: `${heading(input.screening)} · Afsnit ${input.sectionIndex + 1} af ${input.sectionCount}`,
    title: input.title,
    intro: input.intro ?? '',
    errors: input.errors.map((error) => error.message),
    fields,
    submitTitle: last ? 'Gem og se anbefalingen' : 'Gem og fortsæt',
    screeningId: input.screening.id,
    sectionIndex: input.sectionIndex,
  };
}

function capacityView(capacity: IntensiveShare, windowDays: number) {
  return {
    capacityText: describeIntensiveShare(capacity, windowDays),
    capacityStyle: capacity.aboveCap ? 'warning' : 'default',
  };
}

export function buildResultViewModel(input: {
  screening: ScreeningRecord;
  result: ScreeningResult;
  capacity: IntensiveShare;
  windowDays: number;
  errors: readonly string[];
  typed: Readonly<Record<string, unknown>>;
}) {
  const { result } = input;
  const labels = result.trackLabels;
  const typedString = (key: string) =>
    typeof input.typed[key] === 'string' && input.typed[key] !== '' ? (input.typed[key] as string) : null;
  return {
    heading: `${heading(input.screening)} · Resultat`,
    trackLabel: trackLabel(result.track, labels),
    trackDescription: TRACK_DESCRIPTIONS[result.track] ?? '',
    warnings: result.warnings,
    explanation: result.explanation,
    notes: result.notes ?? [],
    archetypeText: describeArchetypes(result),
    interventions: result.bestArchetype === null ? [] : result.interventions,
    // The question the note answers; the sensitive criterion is in it only when the team has turned it on.
    sensitivityHeading:
      result.sensitivity.withoutSensitive === undefined
        ? 'Afgør alderen anbefalingen?'
        : 'Afgør alderen eller den etniske baggrund anbefalingen?',
    sensitivityText: result.sensitivity.note,
    ...capacityView(input.capacity, input.windowDays),
    versionText: `Regelsæt ${result.rulesetVersion} · teamindstillinger version ${result.settingsVersion}`,
    errors: [...input.errors],
    screeningId: input.screening.id,
    overrideTracks: TRACKS.filter((track) => track !== result.track).map((track) => ({
      title: trackLabel(track, labels),
      value: track,
    })),
    reasons: Object.entries(OVERRIDE_REASON_LABELS).map(([value, title]) => ({ title, value })),
    typedTrack: typedString('finalTrack'),
    typedReason: typedString('reasonCode'),
    typedText: typedString('reasonText'),
  };
}

/** The best archetype with how many characteristics fit, or the closest when none matches. */
function describeArchetypes(result: ScreeningResult): string {
  const best = result.archetypes.find((archetype) => archetype.id === result.bestArchetype);
  const fit = (archetype: ScreeningResult['archetypes'][number]) =>
    `${Math.round(archetype.score * 100)} % af kendetegnene passer`;
  if (best !== undefined)
    return `${best.name}: ${fit(best)}${best.atRisk ? '; typen er i risiko for langtidsledighed' : ''}. Tidlige indsatser:`;
  const closest = [...result.archetypes].sort((a, b) => b.score - a.score)[0];
  return closest === undefined || closest.score === 0
    ? 'Borgeren ligner ingen af teamets arketyper.'
    : `Borgeren ligner ingen af teamets arketyper nok til at matche; tættest er ${closest.name}, hvor ${fit(closest)}.`;
}

/**
 * A decided screening: just decided (`decided`, with the team's intensive share after it), or shown
 * again (`view`: `vis screening`, titled by its reference, with the answers). Both carry the reasons
 * and the journal note while retention has not removed them.
 */
export function buildDecidedViewModel(
  input: {
    screening: ScreeningRecord;
    capacity: IntensiveShare;
    windowDays: number;
    questions: readonly Question[];
  },
  mode: 'decided' | 'view' = 'decided',
  sectors: readonly Option[] = [],
) {
  const { screening } = input;
  const decision = screening.decision;
  const result = storedResultOf(screening);
  const labels = result?.trackLabels;
  const facts = [
    { title: 'Sagsreference', value: referenceOf(screening) },
    { title: 'Startet', value: factDate(screening.createdAt) },
    { title: 'Anbefalet', value: trackLabel(screening.summary?.recommendedTrack ?? '', labels) },
    { title: 'Indsats', value: trackLabel(decision?.finalTrack ?? '', labels) },
    {
      title: 'Beslutning',
      value: decision?.kind === 'overridden' ? 'Anbefalingen er fraveget' : 'Anbefalingen er fulgt',
    },
    ...(decision?.reasonCode === undefined
      ? []
      : [{ title: 'Årsag', value: OVERRIDE_REASON_LABELS[decision.reasonCode] }]),
    ...(decision?.reasonText === undefined ? [] : [{ title: 'Begrundelse', value: decision.reasonText }]),
    { title: 'Afgjort', value: factDate(decision?.decidedAt ?? screening.updatedAt) },
  ];
  const decided = decidedScreeningOf(screening);
  if (decided !== undefined && mode === 'decided') {
    const dates = followUpsForScreening(decided).map(
      (followUp) => `efter ${followUp.weeks} uger (${formatCalendarDate(followUp.dueDate)})`,
    );
    facts.push({
      title: 'Opfølgning',
      value: `${dates.join(', ')}: du får en påmindelse og registrerer, hvordan det går borgeren`,
    });
  }
  const kept = result !== undefined;
  return {
    heading: heading(screening),
    title: mode === 'view' ? `Screening ${referenceOf(screening)}` : 'Screening gemt',
    facts,
    reasons: result?.explanation ?? [],
    answers: mode === 'view' ? answerFacts(screening.answers, input.questions, sectors) : [],
    journalNote: journalNoteOf(screening),
    showCapacity: mode === 'decided',
    ...capacityView(input.capacity, input.windowDays),
    footer: kept
      ? 'Svarene og begrundelsen slettes automatisk efter teamets opbevaringsperiode; tallene til teamets statistik bevares.'
      : 'Svarene, begrundelsen og sagsreferencen er slettet efter teamets opbevaringsperiode; kun tallene til teamets statistik er bevaret.',
  };
}

/** `mine screeninger`: the caseworker's own screenings, newest first, each with where it stands. */
export function buildMyScreeningsViewModel(input: {
  screenings: readonly ScreeningRecord[];
  days: number;
  sectionCount: number;
}) {
  return {
    intro:
      input.screenings.length === 0
        ? `Du har ikke startet nogen screeninger de seneste ${input.days / 7} uger. Skriv **screening** for at starte en.`
        : `Dine screeninger de seneste ${input.days / 7} uger, nyeste først.`,
    screenings: input.screenings.map((screening) => ({
      heading: `${referenceOf(screening)} · startet ${formatDate(screening.createdAt)}`,
      status:
        screening.status === 'in_progress'
          ? `I gang – du er nået til afsnit ${Math.min(screening.sectionIndex + 1, input.sectionCount)} af ${input.sectionCount}`
          : screening.status === 'awaiting_decision'
            ? 'Anbefalingen venter på din beslutning'
            : statusText(screening),
      screeningId: screening.status === 'decided' ? '' : screening.id,
    })),
    footer: 'Skriv vis screening og sagsreferencen for at se en screening med svar, begrundelse og journalnotat.',
  };
}

/** A reference the team has used already: said before a new screening starts with it. */
export function buildReferenceInUseViewModel(input: {
  reference: string;
  existing: readonly { createdAt: string; status: ScreeningRecord['status']; own: boolean }[];
  resumable?: string;
}) {
  const several = input.existing.length > 1;
  return {
    title: 'Sagsreferencen er brugt før',
    intro: `Teamet har ${several ? `${input.existing.length} screeninger` : 'en screening'} med sagsreferencen ${input.reference}:`,
    existing: input.existing.map(
      (entry) =>
        `${entry.own ? 'Din' : 'En kollegas'}, startet ${formatDate(entry.createdAt)}: ${
          entry.status === 'decided'
            ? 'afgjort'
            : entry.status === 'awaiting_decision'
              ? 'venter på beslutning'
              : 'i gang'
        }`,
    ),
    advice:
      input.resumable === undefined
        ? 'Er det den samme borger, så brug den screening, der er. Start kun en ny, hvis borgeren skal screenes igen.'
        : 'Fortsæt den screening, du er i gang med, hvis det er den samme borger.',
    reference: input.reference,
    resumable: input.resumable ?? '',
  };
}

export function buildResumeViewModel(screening: ScreeningRecord, sectionCount: number) {
  const where =
    screening.status === 'awaiting_decision'
      ? 'Anbefalingen er klar og venter på din beslutning.'
      : `Du er nået til afsnit ${Math.min(screening.sectionIndex + 1, sectionCount)} af ${sectionCount}.`;
  return {
    text: `Sagsreference ${referenceOf(screening)}, startet ${formatDate(screening.createdAt)}. ${where}`,
    screeningId: screening.id,
  };
}

const STATUS_LABELS: Readonly<Record<Exclude<ScreeningRecord['status'], 'decided'>, string>> = {
  in_progress: 'I gang – ikke alle afsnit er besvaret',
  awaiting_decision: 'Svarene er gemt; anbefalingen venter på sagsbehandlerens beslutning',
};

function statusText(screening: ScreeningRecord): string {
  if (screening.status !== 'decided') return STATUS_LABELS[screening.status];
  const decision = screening.decision;
  return decision === undefined
    ? 'Afgjort'
    : `Afgjort ${formatDate(decision.decidedAt)}: ${trackLabel(decision.finalTrack, storedResultOf(screening)?.trackLabels)}`;
}

/**
 * `slet screening`: the screenings with the reference, each named by reference, date and status, to
 * confirm once ("Slet") or not ("Fortryd"). Each button carries the screening's id and the version shown,
 * so a confirmation of a screening that changed since erases nothing.
 */
export function buildErasureViewModel(screenings: readonly { value: ScreeningRecord; etag: string }[], notice = '') {
  const several = screenings.length > 1;
  const only = screenings[0];
  return {
    title: several ? `Slet en af ${screenings.length} screeninger?` : 'Slet screeningen?',
    notice,
    intro: `${
      several
        ? 'Teamet har flere screeninger med sagsreferencen. Den, du vælger, slettes permanent'
        : 'Screeningen slettes permanent'
    } på borgerens anmodning, sammen med dens opfølgninger. Revisionssporet beholder, at den er slettet, af hvem og hvornår – aldrig svarene eller sagsreferencen.`,
    several,
    screenings: screenings.map(({ value, etag }) => ({
      facts: [
        { title: 'Sagsreference', value: referenceOf(value) },
        { title: 'Startet', value: factDate(value.createdAt) },
        { title: 'Status', value: statusText(value) },
      ],
      screeningId: value.id,
      etag,
    })),
    onlyId: only?.value.id ?? '',
    onlyEtag: only?.etag ?? '',
  };
}
