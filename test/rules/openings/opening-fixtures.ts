import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Sector } from '../../../rules/screening/screening.types';
import { copenhagenInstant } from '../../../rules/shared/copenhagen-calendar';
import type { Opening } from '../../../rules/openings/opening';

/** The default sector list, read from the project's rules folder (found from dist/test/rules/openings). */
export function defaultSectors(): Sector[] {
  const file = path.resolve(__dirname, '../../../../rules/data/sectors.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { sectors: Sector[] }).sectors;
}

/** An ISO instant for a Copenhagen wall-clock time, as the bot would store it. */
export function at(date: string, time = '10:00'): string {
  return copenhagenInstant(date, time).toISOString();
}

/** A stored opening with sensible defaults; tests override what they are about. */
export function opening(overrides: Partial<Opening> = {}): Opening {
  return {
    id: 'o1',
    teamId: 'team-a',
    registeredBy: { userId: 'u-mette', name: 'Mette Hansen' },
    date: at('2026-04-01'),
    companyName: 'Jensens Maskinfabrik ApS',
    cvr: '10150817',
    sector: 'industri',
    result: 'ordinaer_aabning',
    jobFunction: 'CNC-operatør',
    seats: 1,
    filled: 0,
    ...overrides,
  };
}
