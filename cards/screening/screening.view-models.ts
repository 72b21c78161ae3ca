import { followUpsForScreening } from '../../rules/follow-ups/follow-up';
import { decidedScreeningOf } from '../../rules/screening/decided-screening';
import type { IntensiveShare } from '../../rules/screening/intensive-share';
import { describeIntensiveShare } from '../../rules/screening/intensive-share';
import { OVERRIDE_REASON_LABELS, type ScreeningRecord } from '../../rules/screening/screening-record';
import type { AnswerError, Question, ScreeningResult } from '../../rules/screening/screening.types';
import { formatDate, typedNumber } from '../shared/formatting';
import { formatCalendarDate } from '../goals/goal-formatting';
import { TRACK_LABELS, trackLabel } from './track-labels';

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
  const held = result.criteria.filter((criterion) => criterion.holds && criterion.weight > 0);
  const best = result.archetypes.find((archetype) => archetype.id === result.bestArchetype);
  const typedString = (key: string) =>
    typeof input.typed[key] === 'string' && input.typed[key] !== '' ? (input.typed[key] as string) : null;
  return {
    heading: `${heading(input.screening)} · Resultat`,
    trackLabel: trackLabel(result.track),
    trackDescription: TRACK_LABELS[result.track]?.description ?? '',
    warnings: result.warnings,
    explanation: result.explanation,
    criteriaText:
      held.length === 0
        ? 'Ingen.'
        : `${held.map((criterion) => criterion.label).join(', ')} (risikoscore ${result.riskScore}).`,
    archetypeText:
      best === undefined
        ? 'Borgeren matcher ingen af teamets arketyper.'
        : `${best.name} – match ${Math.round(best.score * 100)} %${best.atRisk ? ', i risiko for langtidsledighed' : ''}. Tidlige indsatser:`,
    interventions: best === undefined ? [] : result.interventions,
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
    overrideTracks: Object.keys(TRACK_LABELS)
      .filter((track) => track !== result.track)
      .map((track) => ({ title: trackLabel(track), value: track })),
    reasons: Object.entries(OVERRIDE_REASON_LABELS).map(([value, title]) => ({ title, value })),
    typedTrack: typedString('finalTrack'),
    typedReason: typedString('reasonCode'),
    typedText: typedString('reasonText'),
  };
}

export function buildDecidedViewModel(input: {
  screening: ScreeningRecord;
  capacity: IntensiveShare;
  windowDays: number;
}) {
  const { screening } = input;
  const decision = screening.decision;
  const facts = [
    { title: 'Sagsreference', value: referenceOf(screening) },
    { title: 'Anbefalet', value: trackLabel(screening.summary?.recommendedTrack ?? '') },
    { title: 'Endeligt spor', value: trackLabel(decision?.finalTrack ?? '') },
    {
      title: 'Beslutning',
      value: decision?.kind === 'overridden' ? 'Anbefalingen er fraveget' : 'Anbefalingen er accepteret',
    },
    ...(decision?.reasonCode === undefined
      ? []
      : [{ title: 'Årsag', value: OVERRIDE_REASON_LABELS[decision.reasonCode] }]),
    ...(decision?.reasonText === undefined ? [] : [{ title: 'Begrundelse', value: decision.reasonText }]),
    { title: 'Dato', value: formatDate(decision?.decidedAt ?? screening.updatedAt) },
  ];
  const decided = decidedScreeningOf(screening);
  if (decided !== undefined) {
    const dates = followUpsForScreening(decided).map(
      (followUp) => `efter ${followUp.weeks} uger (${formatCalendarDate(followUp.dueDate)})`,
    );
    facts.push({
      title: 'Opfølgning',
      value: `${dates.join(', ')}: sagsbehandleren får en påmindelse og registrerer, hvordan det går borgeren`,
    });
  }
  return {
    heading: heading(screening),
    facts,
    ...capacityView(input.capacity, input.windowDays),
    footer: 'Svarene slettes automatisk efter teamets opbevaringsperiode; tallene til teamets statistik bevares.',
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
    : `Afgjort ${formatDate(decision.decidedAt)}: ${trackLabel(decision.finalTrack)}`;
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
        { title: 'Startet', value: formatDate(value.createdAt) },
        { title: 'Status', value: statusText(value) },
      ],
      screeningId: value.id,
      etag,
    })),
    onlyId: only?.value.id ?? '',
    onlyEtag: only?.etag ?? '',
  };
}
