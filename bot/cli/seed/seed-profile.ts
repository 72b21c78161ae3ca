/**
 * The year profile of `npm run seed`: who works in a job centre's teams and how much a year of their
 * work leaves in the bot's storage. Everything here is made up and says so ("Testperson 17", "Demo
 * Virksomhed 3 ApS"); no number in it has the shape of a CPR number. The people are fixed (the bench
 * and the tests act as them); the amounts scale with `scale` (the tests seed a hundredth).
 */

/** What each person does in the team (the bot itself knows only members and leaders). */
export type SeedRole = 'leader' | 'caseworker' | 'consultant';

export interface SeedPerson {
  /** The Teams user id (Entra object id in Teams; the channel account id in local mode). */
  userId: string;
  name: string;
  role: SeedRole;
}

export interface SeedTeam {
  teamId: string;
  name: string;
  /** The leader first (the team's owner: locally, the one who installed the bot), then the others. */
  people: SeedPerson[];
}

/** How much a year leaves, at scale 1. */
export interface SeedAmounts {
  screenings: number;
  openings: number;
  weeklyLogs: number;
  followUps: number;
  auditEvents: number;
}

export interface SeedProfile {
  tenantId: string;
  teams: SeedTeam[];
  /** The amounts to write (already scaled). */
  amounts: SeedAmounts;
  /** Share of the screenings still unfinished at the end of the year (started in its last weeks). */
  unfinishedShare: number;
  /** Random seed: the same profile writes the same data (but for ids and etags). */
  randomSeed: number;
}

export const TEAM_COUNT = 10;
export const PEOPLE_PER_TEAM = 20;
/** In each team: the leader, then caseworkers (sagsbehandlere), then consultants (virksomhedskonsulenter). */
export const CASEWORKERS_PER_TEAM = 12;

export const YEAR_AMOUNTS: SeedAmounts = {
  screenings: 6000,
  openings: 4000,
  weeklyLogs: 10_000,
  // Three per decided screening (weeks 13, 26 and 39); they come from the screenings, not on their own.
  followUps: 18_000,
  auditEvents: 60_000,
};

/** The Teams team id of demo team `n` (1-based), shaped like Teams' own. */
export function seedTeamId(n: number): string {
  return `19:demo-team-${n}@thread.tacv2`;
}

/** The user id of person `index` (0-based, the leader is 0) of demo team `n`. */
export function seedUserId(n: number, index: number): string {
  return `demo-t${n}-p${index + 1}`;
}

function roleOf(index: number): SeedRole {
  if (index === 0) return 'leader';
  return index <= CASEWORKERS_PER_TEAM ? 'caseworker' : 'consultant';
}

export function seedTeams(): SeedTeam[] {
  return Array.from({ length: TEAM_COUNT }, (_, teamIndex) => {
    const n = teamIndex + 1;
    return {
      teamId: seedTeamId(n),
      name: `Demo Team ${n}`,
      people: Array.from({ length: PEOPLE_PER_TEAM }, (_, index) => ({
        userId: seedUserId(n, index),
        name: `Testperson ${teamIndex * PEOPLE_PER_TEAM + index + 1}`,
        role: roleOf(index),
      })),
    };
  });
}

/** The year profile at a scale (1: a job centre's year; the tests use 0.01; 0: the teams and plans only). */
export function yearProfile(scale = 1, tenantId = 'local'): SeedProfile {
  if (!Number.isFinite(scale) || scale < 0 || scale > 1) throw new RangeError('scale must be from 0 to 1');
  const scaled = (amount: number) => Math.round(amount * scale);
  return {
    tenantId,
    teams: seedTeams(),
    amounts: {
      screenings: scaled(YEAR_AMOUNTS.screenings),
      openings: scaled(YEAR_AMOUNTS.openings),
      weeklyLogs: scaled(YEAR_AMOUNTS.weeklyLogs),
      followUps: scaled(YEAR_AMOUNTS.followUps),
      auditEvents: scaled(YEAR_AMOUNTS.auditEvents),
    },
    unfinishedShare: 0.03,
    randomSeed: 20261206,
  };
}

/** The case reference of the `n`th screening of the seed (1-based): a journal number, never a CPR number. */
export function seedCaseReference(year: number, n: number): string {
  return `DEMO-${year}-${n}`;
}

/** A company's name in the seed. */
export function seedCompanyName(n: number): string {
  return `Demo Virksomhed ${n} ApS`;
}
