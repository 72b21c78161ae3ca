import { AGEING_LABELS } from '../../rules/openings/opening-ageing';
import type { BoardEntry, OpeningBoard } from '../../rules/openings/opening-board';
import { OPENING_RESULT_LABELS, OPENING_RESULTS, isOpen, openSeats, type Opening } from '../../rules/openings/opening';
import type { Sector } from '../../rules/screening/screening.types';
import { countOf, formatCount, formatDate } from '../shared/formatting';

/** What the form is for: a new registration, or changing a stored one (its id and the version shown). */
export interface OpeningFormMode {
  heading: string;
  intro: string;
  submitTitle: string;
  verb: 'opening.register' | 'opening.update';
  openingId: string | null;
  version: string | null;
}

export const REGISTER_FORM: OpeningFormMode = {
  heading: 'Ny stilling eller virksomhedskontakt',
  intro: 'Registrér kontakten, også når den ikke gav en åbning. Skriv aldrig CPR-numre eller borgeres navne.',
  submitTitle: 'Registrér',
  verb: 'opening.register',
  openingId: null,
  version: null,
};

/** The form for changing a stored registration, tied to the version it shows. */
export function editForm(openingId: string, version: string, companyName: string): OpeningFormMode {
  return {
    heading: `Ret registrering: ${companyName}`,
    intro: 'Ret felterne og gem. Registreringsdatoen og hvem der registrerede, ændres ikke.',
    submitTitle: 'Gem ændringer',
    verb: 'opening.update',
    openingId,
    version,
  };
}

/** The registration form: the choices, what was typed, and the errors (every property set; null = absent). */
export function buildOpeningFormViewModel(
  sectors: readonly Sector[],
  typed: Readonly<Record<string, string>> = {},
  errors: readonly string[] = [],
  mode: OpeningFormMode = REGISTER_FORM,
) {
  const value = (field: string): string | null =>
    typed[field] === undefined || typed[field] === '' ? null : (typed[field] ?? null);
  return {
    ...mode,
    errors: [...errors],
    companyName: value('companyName'),
    cvr: value('cvr'),
    address: value('address'),
    phone: value('phone'),
    email: value('email'),
    contactPerson: value('contactPerson'),
    sector: value('sector'),
    result: value('result'),
    jobFunction: value('jobFunction'),
    seats: value('seats'),
    filled: value('filled'),
    note: value('note'),
    sectors: sectors.map((sector) => ({ title: sector.label, value: sector.id })),
    results: OPENING_RESULTS.map((result) => ({ title: OPENING_RESULT_LABELS[result], value: result })),
  };
}

const STYLE_OF_COLOUR = { roed: 'attention', gul: 'warning', ny: 'default' } as const;

function entryView(entry: BoardEntry<Opening>, sectorLabel: (id: string) => string, part: number) {
  const { opening } = entry;
  const what = [opening.jobFunction, OPENING_RESULT_LABELS[opening.result]].filter(
    (part) => part !== undefined && part !== '',
  );
  return {
    id: opening.id,
    /** The board message (0-based) the entry is on: `Besat +1` answers with that message, redrawn. */
    part,
    style: STYLE_OF_COLOUR[entry.colour],
    heading: `${opening.companyName} · ${what.join(' · ')}`,
    details: `${AGEING_LABELS[entry.colour]} · ${ageText(entry.ageDays)} · ${openSeatsText(entry.openSeats, opening.seats)}`,
    origin: `${sectorLabel(opening.sector)} · registreret ${formatDate(opening.date)} af ${opening.registeredBy.name}`,
  };
}

/** At most this many new openings are named; the rest are counted (they are all on the board below). */
const MAX_NEW_LINES = 10;

function newLines(board: OpeningBoard<Opening>, sectorLabel: (id: string) => string): string[] {
  const lines = board.newSinceLastPost
    .slice(0, MAX_NEW_LINES)
    .map((entry) => `${entry.opening.companyName} (${sectorLabel(entry.opening.sector)})`);
  const more = board.newSinceLastPost.length - lines.length;
  return more > 0 ? [...lines, `… og ${more} til`] : lines;
}

/** Bars in the sector chart: Teams' chart renderer refuses a bar chart with more than four entries. */
export const MAX_CHARTED_SECTORS = 4;

/** The sectors the chart draws: those with most open seats (the board lists them largest first). */
function charted(board: OpeningBoard<Opening>) {
  return board.openSeatsBySector.slice(0, MAX_CHARTED_SECTORS);
}

/**
 * One message of the board: a part of the open openings, and (on the first part) the overview: the chart
 * of open seats per sector (with a table for clients that cannot draw charts; no chart when nothing is
 * open), the new openings and the sectors contacted without an opening. `noticePart` is the message the
 * notice goes on (the one a click is answered with).
 */
export function buildBoardViewModels(
  board: OpeningBoard<Opening>,
  sectors: readonly Sector[],
  input: {
    title: string;
    notice: string;
    noticeStyle: 'default' | 'good' | 'warning' | 'attention';
    noticePart?: number;
    chunks: readonly BoardEntry<Opening>[][];
  },
) {
  const labels = new Map(sectors.map((sector) => [sector.id, sector.label]));
  const sectorLabel = (id: string) => labels.get(id) ?? id;
  const parts = input.chunks.length === 0 ? [[]] : input.chunks;
  // A board that lost a message (the clicked opening left it) shows the notice on its last one.
  const noticePart = Math.min(input.noticePart ?? 0, parts.length - 1);
  return parts.map((chunk, index) => ({
    title: parts.length > 1 ? `${input.title} (${index + 1}/${parts.length})` : input.title,
    subtitle:
      index === 0
        ? `${countOf(board.open.length, 'åben stilling', 'åbne stillinger')} · ${countOf(
            board.open.reduce((sum, entry) => sum + entry.openSeats, 0),
            'ledig plads',
            'ledige pladser',
          )}`
        : 'Fortsat',
    notice: index === noticePart ? input.notice : '',
    noticeStyle: input.noticeStyle,
    newLines: index === 0 ? newLines(board, sectorLabel) : [],
    entries: chunk.map((entry) => entryView(entry, sectorLabel, index)),
    // The chart's points as Teams' Chart.HorizontalBar reads them, and the same figures as table rows. The chart
    // holds the sectors with most open seats (Teams' renderer draws at most four bars); the others follow as text.
    sectorSeats: index === 0 ? charted(board).map((sector) => ({ x: sector.label, y: sector.count })) : [],
    sectorRows:
      index === 0 ? charted(board).map((sector) => ({ sector: sector.label, seats: formatCount(sector.count) })) : [],
    otherSectorsText:
      index === 0 && board.openSeatsBySector.length > MAX_CHARTED_SECTORS
        ? `Øvrige brancher: ${board.openSeatsBySector
            .slice(MAX_CHARTED_SECTORS)
            .map((sector) => `${sector.label} ${formatCount(sector.count)}`)
            .join(' · ')}`
        : '',
    noOpening:
      index === 0
        ? board.sectorsWithoutOpening.map(
            (sector) =>
              `${sector.label}: ${sector.contacts} kontakt${sector.contacts === 1 ? '' : 'er'}, senest ${formatDate(`${sector.lastContactDate}T12:00:00Z`)}`,
          )
        : [],
  }));
}

/**
 * Bytes one opening adds to a board message: its container, texts and button (measured at ~950 bytes with its two buttons
 * around the texts), plus the texts themselves. Generous, so a message never exceeds its budget.
 */
export function estimateBoardEntryBytes(entry: BoardEntry<Opening>): number {
  const { opening } = entry;
  const texts = `${opening.companyName}${opening.jobFunction ?? ''}${opening.registeredBy.name}${opening.id}`;
  return 1000 + 2 * Buffer.byteLength(texts, 'utf8');
}

/** Bytes of every board message around its openings (title, subtitle, notice), generously. */
export const BOARD_FRAME_BYTES = 2 * 1024;

/**
 * Bytes the first message's overview adds (chart and its table, new openings, contacts without openings),
 * estimated generously from what it will hold: a few hundred bytes per line plus its texts.
 */
export function estimateBoardOverviewBytes(board: OpeningBoard<Opening>): number {
  const text = (value: string) => 2 * Buffer.byteLength(value, 'utf8');
  const sectors = board.openSeatsBySector.reduce((sum, sector) => sum + 350 + text(sector.label), 0);
  const newLines = board.newSinceLastPost
    .slice(0, MAX_NEW_LINES)
    .reduce((sum, entry) => sum + 150 + text(entry.opening.companyName), 0);
  const contacts = board.sectorsWithoutOpening.reduce((sum, sector) => sum + 200 + text(sector.label), 0);
  return 1024 + sectors + newLines + contacts;
}

/** `mine stillinger`: the person's registrations with their state, and buttons to change or close them. */
export function buildOwnOpeningsViewModel(
  openings: readonly Opening[],
  sectors: readonly Sector[],
  notice: { text: string; style: 'default' | 'good' | 'warning' | 'attention' } = { text: '', style: 'default' },
) {
  const labels = new Map(sectors.map((sector) => [sector.id, sector.label]));
  return {
    subtitle:
      openings.length === 0
        ? 'Du har ingen åbne registreringer og ingen fra de sidste 14 dage. Skriv **ny stilling** for at registrere.'
        : 'Dine åbne stillinger og kontakter fra de sidste 14 dage, nyeste først.',
    notice: notice.text,
    noticeStyle: notice.style,
    entries: openings.map((opening) => {
      const state =
        opening.closed !== undefined
          ? `Lukket ${formatDate(opening.closed.at)}`
          : opening.result === 'ingen_aabning'
            ? 'Kontakt uden åbning'
            : isOpen(opening)
              ? openSeatsText(openSeats(opening), opening.seats)
              : 'Alle pladser besat';
      return {
        id: opening.id,
        style: opening.closed === undefined && isOpen(opening) ? 'default' : 'emphasis',
        heading: `${opening.companyName} · ${OPENING_RESULT_LABELS[opening.result]}`,
        details: `${state} · ${labels.get(opening.sector) ?? opening.sector} · registreret ${formatDate(opening.date)}`,
        toggleTitle: opening.closed === undefined ? 'Luk' : 'Genåbn',
        toggleVerb: opening.closed === undefined ? 'opening.close' : 'opening.reopen',
      };
    }),
  };
}

/** "1 af 2 pladser ledig", "2 af 3 pladser ledige": "ledige" alone would read as unemployed citizens. */
function openSeatsText(open: number, seats: number): string {
  return `${formatCount(open)} af ${countOf(seats, 'plads', 'pladser')} ${open === 1 ? 'ledig' : 'ledige'}`;
}

/** How long an opening has been on the board: "fra i dag", "1 dag gammel", "16 dage gammel". */
function ageText(days: number): string {
  return days === 0 ? 'fra i dag' : `${countOf(days, 'dag', 'dage')} gammel`;
}
