import type { Sector } from '../screening/screening.types';
import { calendarDate, calendarDaysBetween } from '../shared/copenhagen-calendar';
import { DEFAULT_AGEING_THRESHOLDS, openingAge, type AgeingColour, type AgeingThresholds } from './opening-ageing';
import { isOpen, openSeats, type OpeningDraft } from './opening';

/** What the board reads of an opening; the full `Opening` passes through untouched. */
export type BoardOpening = Pick<OpeningDraft, 'date' | 'sector' | 'result' | 'seats' | 'filled'>;

export interface BoardEntry<T> {
  opening: T;
  ageDays: number;
  colour: AgeingColour;
  openSeats: number;
  /** Registered after the previous morning post. */
  isNew: boolean;
}

/** One bar of the "open seats per sector" chart. */
export interface SectorBar {
  sectorId: string;
  label: string;
  /** Open seats in the sector (always above 0: a sector with none is left out). */
  count: number;
}

/** A sector asked in the window that gave no opening there. */
export interface SectorWithoutOpening {
  sectorId: string;
  label: string;
  /** Contacts with result `ingen_aabning` in the window. */
  contacts: number;
  /** Calendar date (YYYY-MM-DD) of the latest such contact. */
  lastContactDate: string;
}

export interface OpeningBoard<T> {
  /** Every open opening: red first, then yellow, then the rest; oldest first within a colour. */
  open: BoardEntry<T>[];
  /** The open openings registered since the previous post, oldest first. */
  newSinceLastPost: BoardEntry<T>[];
  /** Open seats per sector, largest first; sectors with no open seat are left out. */
  openSeatsBySector: SectorBar[];
  /** Sectors contacted in the window where every contact ended in `ingen_aabning`. */
  sectorsWithoutOpening: SectorWithoutOpening[];
}

export interface BoardOptions {
  /** The team's sector list, for labels; an id no longer in it is shown as the id. */
  sectors: readonly Sector[];
  thresholds?: AgeingThresholds;
  /** Calendar days back, today included, for "contacted with no opening" (spec §2.4: 14). */
  noOpeningWindowDays?: number;
}

const COLOUR_ORDER: Readonly<Record<AgeingColour, number>> = { roed: 0, gul: 1, ny: 2 };

function byTime(a: { time: number }, b: { time: number }): number {
  return a.time - b.time;
}

/**
 * The morning board (spec §2.4) from a team's openings: what is open and how old, what is new since
 * the last post, open seats per sector as a bar chart, and the sectors asked lately without result.
 * Without a previous post (the team's first board), every open opening counts as new.
 */
export function buildOpeningBoard<T extends BoardOpening>(
  openings: readonly T[],
  now: Date,
  lastPostAt: Date | undefined,
  options: BoardOptions,
): OpeningBoard<T> {
  const thresholds = options.thresholds ?? DEFAULT_AGEING_THRESHOLDS;
  const windowDays = options.noOpeningWindowDays ?? 14;
  const labels = new Map(options.sectors.map((sector) => [sector.id, sector.label]));
  const labelOf = (sectorId: string) => labels.get(sectorId) ?? sectorId;
  const collator = new Intl.Collator('da-DK');

  const entries = openings
    .filter(isOpen)
    .map((opening) => {
      const time = Date.parse(opening.date);
      const age = openingAge(opening, now, thresholds);
      const entry: BoardEntry<T> = {
        opening,
        ageDays: age.days,
        colour: age.colour,
        openSeats: openSeats(opening),
        isNew: lastPostAt === undefined || time > lastPostAt.getTime(),
      };
      return { entry, time };
    })
    .sort(byTime);

  const open = [...entries]
    .sort((a, b) => COLOUR_ORDER[a.entry.colour] - COLOUR_ORDER[b.entry.colour] || a.time - b.time)
    .map(({ entry }) => entry);
  const newSinceLastPost = entries.filter(({ entry }) => entry.isNew).map(({ entry }) => entry);

  const seatsBySector = new Map<string, number>();
  for (const { entry } of entries) {
    const sectorId = entry.opening.sector;
    seatsBySector.set(sectorId, (seatsBySector.get(sectorId) ?? 0) + entry.openSeats);
  }
  const openSeatsBySector = [...seatsBySector]
    .filter(([, count]) => count > 0)
    .map(([sectorId, count]) => ({ sectorId, label: labelOf(sectorId), count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));

  const recent = openings.filter((opening) => {
    const days = calendarDaysBetween(new Date(opening.date), now);
    return days >= 0 && days < windowDays;
  });
  const sectorsWithOpening = new Set(
    recent.filter((opening) => opening.result !== 'ingen_aabning').map((opening) => opening.sector),
  );
  const withoutOpening = new Map<string, { contacts: number; latest: Date }>();
  for (const opening of recent) {
    if (opening.result !== 'ingen_aabning' || sectorsWithOpening.has(opening.sector)) continue;
    const date = new Date(opening.date);
    const seen = withoutOpening.get(opening.sector);
    withoutOpening.set(opening.sector, {
      contacts: (seen?.contacts ?? 0) + 1,
      latest: seen === undefined || date > seen.latest ? date : seen.latest,
    });
  }
  const sectorsWithoutOpening = [...withoutOpening]
    .map(([sectorId, seen]) => ({
      sectorId,
      label: labelOf(sectorId),
      contacts: seen.contacts,
      lastContactDate: calendarDate(seen.latest),
    }))
    .sort((a, b) => b.contacts - a.contacts || collator.compare(a.label, b.label));

  return { open, newSinceLastPost, openSeatsBySector, sectorsWithoutOpening };
}

/**
 * Splits a board's items over as few messages as possible, in order, so that each message's
 * estimated size (`overheadBytes` for the card around them, `firstExtraBytes` more on the first
 * message, which carries the overview, plus each item's estimate) stays within `maxBytes` (Teams
 * refuses messages over about 28 KB). An item that cannot fit even alone is an error: sending a
 * message Teams refuses would lose the whole post silently.
 */
export function chunkForMessages<T>(
  items: readonly T[],
  estimateBytes: (item: T) => number,
  maxBytes: number,
  overheadBytes = 0,
  firstExtraBytes = 0,
): T[][] {
  const chunks: T[][] = [];
  const budget = () => maxBytes - overheadBytes - (chunks.length === 0 ? firstExtraBytes : 0);
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = estimateBytes(item);
    if (current.length > 0 && used + size > budget()) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    if (!(size <= budget())) {
      throw new RangeError(`An item of ${size} bytes does not fit a message of ${maxBytes} bytes`);
    }
    current.push(item);
    used += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
