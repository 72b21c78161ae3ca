import type { Sector } from '../screening/screening.types';
import { calendarDate, isIsoDate } from '../shared/copenhagen-calendar';
import { DEFAULT_AGEING_THRESHOLDS, openingAge, type AgeingColour, type AgeingThresholds } from './opening-ageing';
import { OPENING_RESULTS, isOpen, type Opening, type OpeningResult } from './opening';

/** What the statistics read of an opening. */
export type StatisticsOpening = Pick<
  Opening,
  'teamId' | 'date' | 'sector' | 'result' | 'seats' | 'filled' | 'registeredBy'
>;

export interface StatisticsPeriod {
  teamId: string;
  /** First calendar day (YYYY-MM-DD, Copenhagen), included. */
  from: string;
  /** Last calendar day, included. */
  to: string;
}

export type ResultCounts = Record<OpeningResult, number>;

/** Counts over a set of contacts. */
export interface OpeningTotals {
  /** Every registration: openings and contacts without one. */
  contacts: number;
  /** Registrations with an opening (any result but `ingen_aabning`). */
  openings: number;
  /** Contacts with result `ingen_aabning`. */
  contactsWithoutOpening: number;
  byResult: ResultCounts;
  seatsOpened: number;
  /** Places filled so far on the openings registered in the period (fills are not dated). */
  seatsFilled: number;
}

export interface SectorStatistics extends OpeningTotals {
  sectorId: string;
  label: string;
}

export interface ConsultantStatistics extends OpeningTotals {
  userId: string;
  name: string;
}

export interface OpeningStatistics extends OpeningTotals {
  teamId: string;
  from: string;
  to: string;
  /** Sectors with at least one contact, in the order of the team's sector list. */
  bySector: SectorStatistics[];
  /** Per consultant who registered, for the weekly goals' prefilled `aabninger_*` counts. */
  byConsultant: ConsultantStatistics[];
}

function emptyTotals(): OpeningTotals {
  const byResult = Object.fromEntries(OPENING_RESULTS.map((result) => [result, 0])) as ResultCounts;
  return { contacts: 0, openings: 0, contactsWithoutOpening: 0, byResult, seatsOpened: 0, seatsFilled: 0 };
}

function add(totals: OpeningTotals, opening: StatisticsOpening): void {
  totals.contacts += 1;
  totals.byResult[opening.result] += 1;
  if (opening.result === 'ingen_aabning') {
    totals.contactsWithoutOpening += 1;
    return;
  }
  totals.openings += 1;
  totals.seatsOpened += opening.seats;
  totals.seatsFilled += Math.min(opening.filled, opening.seats);
}

/**
 * The team's openings in a period (spec §2.3, §3.2): contacts, openings by sector and by result,
 * places opened and filled, and contacts without an opening. An opening belongs to the period of the
 * Copenhagen calendar day it was registered; a filled opening still counts.
 */
export function openingStatistics(
  openings: readonly StatisticsOpening[],
  period: StatisticsPeriod,
  sectors: readonly Sector[],
): OpeningStatistics {
  if (!isIsoDate(period.from) || !isIsoDate(period.to) || period.from > period.to) {
    throw new RangeError(`Invalid period: ${period.from} – ${period.to}`);
  }
  const total = emptyTotals();
  const bySector = new Map<string, OpeningTotals>();
  const byConsultant = new Map<string, ConsultantStatistics>();
  for (const opening of openings) {
    if (opening.teamId !== period.teamId) continue;
    const day = calendarDate(new Date(opening.date));
    if (day < period.from || day > period.to) continue;
    add(total, opening);
    const sector = bySector.get(opening.sector) ?? emptyTotals();
    bySector.set(opening.sector, sector);
    add(sector, opening);
    const author = opening.registeredBy;
    const consultant = byConsultant.get(author.userId) ?? {
      userId: author.userId,
      name: author.name,
      ...emptyTotals(),
    };
    byConsultant.set(author.userId, consultant);
    add(consultant, opening);
  }

  const listed = sectors.filter((sector) => bySector.has(sector.id));
  const unlisted = [...bySector.keys()]
    .filter((id) => !sectors.some((sector) => sector.id === id))
    .sort()
    .map((id) => ({ id, label: id }));
  return {
    teamId: period.teamId,
    from: period.from,
    to: period.to,
    ...total,
    bySector: [...listed, ...unlisted].map((sector) => ({
      sectorId: sector.id,
      label: sector.label,
      ...(bySector.get(sector.id) ?? emptyTotals()),
    })),
    byConsultant: [...byConsultant.values()].sort((a, b) => a.name.localeCompare(b.name, 'da-DK')),
  };
}

/** Open openings and their open places by ageing colour, for the leader's weekly summary. */
export function openByAgeing(
  openings: readonly Pick<Opening, 'date' | 'seats' | 'filled' | 'closed'>[],
  now: Date,
  thresholds: AgeingThresholds = DEFAULT_AGEING_THRESHOLDS,
): Record<AgeingColour, { openings: number; seats: number }> {
  const counts: Record<AgeingColour, { openings: number; seats: number }> = {
    ny: { openings: 0, seats: 0 },
    gul: { openings: 0, seats: 0 },
    roed: { openings: 0, seats: 0 },
  };
  for (const opening of openings.filter(isOpen)) {
    const bucket = counts[openingAge(opening, now, thresholds).colour];
    bucket.openings += 1;
    bucket.seats += opening.seats - opening.filled;
  }
  return counts;
}
