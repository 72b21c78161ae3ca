import { AGEING_LABELS } from '../../../rules/openings/opening-ageing';
import type { BoardEntry, OpeningBoard } from '../../../rules/openings/opening-board';
import { OPENING_RESULT_LABELS, OPENING_RESULTS, type Opening } from '../../../rules/openings/opening';
import type { Sector } from '../../../rules/screening/screening.types';
import { formatDate } from '../../formatting';

/** The registration form: the choices, what was typed, and the errors (every property set; null = absent). */
export function buildOpeningFormViewModel(
  sectors: readonly Sector[],
  typed: Readonly<Record<string, string>> = {},
  errors: readonly string[] = [],
) {
  const value = (field: string): string | null =>
    typed[field] === undefined || typed[field] === '' ? null : (typed[field] ?? null);
  return {
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

function entryView(entry: BoardEntry<Opening>, sectorLabel: (id: string) => string) {
  const { opening } = entry;
  const what = [opening.jobFunction, OPENING_RESULT_LABELS[opening.result]].filter(
    (part) => part !== undefined && part !== '',
  );
  return {
    id: opening.id,
    style: STYLE_OF_COLOUR[entry.colour],
    heading: `${opening.companyName} · ${what.join(' · ')}`,
    details:
      `${AGEING_LABELS[entry.colour]} · ${entry.ageDays} dage · ${sectorLabel(opening.sector)} · ` +
      `${entry.openSeats} af ${opening.seats} ledige · registreret ${formatDate(opening.date)} af ${opening.registeredBy.name}`,
  };
}

/** At most this many new openings are named; the rest are counted (they are all on the board below). */
const MAX_NEW_LINES = 10;

function newLines(board: OpeningBoard<Opening>, sectorLabel: (id: string) => string): string[] {
  const lines = board.newSinceLastPost
    .slice(0, MAX_NEW_LINES)
    .map((entry) => `${entry.opening.companyName} (${sectorLabel(entry.opening.sector)})`);
  const more = board.newSinceLastPost.length - lines.length;
  return more > 0 ? [...lines, `… og ${more} flere`] : lines;
}

/** One message of the board: a part of the open openings, and (on the first part) the overview. */
export function buildBoardViewModels(
  board: OpeningBoard<Opening>,
  sectors: readonly Sector[],
  input: {
    title: string;
    notice: string;
    noticeStyle: 'default' | 'good' | 'warning' | 'attention';
    chunks: readonly BoardEntry<Opening>[][];
  },
) {
  const labels = new Map(sectors.map((sector) => [sector.id, sector.label]));
  const sectorLabel = (id: string) => labels.get(id) ?? id;
  const parts = input.chunks.length === 0 ? [[]] : input.chunks;
  return parts.map((chunk, index) => ({
    title: parts.length > 1 ? `${input.title} (${index + 1}/${parts.length})` : input.title,
    subtitle:
      index === 0
        ? `${board.open.length} åbne stillinger · ${board.open.reduce((sum, entry) => sum + entry.openSeats, 0)} ledige pladser`
        : 'Fortsat',
    notice: index === 0 ? input.notice : '',
    noticeStyle: input.noticeStyle,
    newLines: index === 0 ? newLines(board, sectorLabel) : [],
    entries: chunk.map((entry) => entryView(entry, sectorLabel)),
    bars:
      index === 0
        ? board.openSeatsBySector.map((bar) => `${bar.bar} ${String(bar.count).padStart(3)} ${bar.label}`)
        : [],
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

/** The first message's overview (title, new openings, bars, contacts without openings), estimated generously. */
export const BOARD_OVERVIEW_BYTES = 6 * 1024;
