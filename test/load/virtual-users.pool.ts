import type { LoadRole, LoadUser } from './load-mix.table';

/**
 * The people of the run: a few Teams teams, each with caseworkers and consultants, and a reserve of
 * caseworkers on the team's roster who have not used the bot yet. A caseworker is lent to one
 * screening at a time and comes back when it is decided; when all are busy one from a team's reserve
 * joins (round the teams), so the run never waits for a person. Only when every reserve is used up
 * does a newcomer join who is on no roster: the bot knows no team for them, so their turns are wrong
 * replies in the report (size the reserve for the connections, see load.run.ts). Consultants, goal
 * members and anyone else are taken in turn. The goal members are the people there from the start
 * (the seed makes each of them join the team's goals); a caseworker who joins during the run is not one.
 */
export class VirtualUsersPool {
  private readonly freeCaseworkers: LoadUser[] = [];
  private readonly consultants: LoadUser[] = [];
  private readonly everyone: LoadUser[] = [];
  /** Per team, the caseworkers on its roster who have not joined the run yet. */
  private readonly reserve = new Map<string, LoadUser[]>();
  /** The people there from the start, who are in their team's goals. */
  readonly goalMembers: readonly LoadUser[];
  private nextConsultant = 0;
  private nextMember = 0;
  private nextAnyone = 0;
  private nextReserveTeam = 0;
  private joined = 0;

  constructor(
    readonly teams: readonly string[],
    caseworkersPerTeam: number,
    consultantsPerTeam: number,
    reservePerTeam = 0,
  ) {
    for (let index = 0; index < caseworkersPerTeam; index += 1)
      for (const team of teams) this.freeCaseworkers.push(this.person('cw', team));
    for (let index = 0; index < consultantsPerTeam; index += 1)
      for (const team of teams) this.consultants.push(this.person('vk', team));
    this.everyone.push(...this.freeCaseworkers, ...this.consultants);
    this.goalMembers = [...this.everyone];
    for (const team of teams)
      this.reserve.set(
        team,
        Array.from({ length: reservePerTeam }, () => this.person('cw', team)),
      );
  }

  take(role: LoadRole): LoadUser {
    if (role === 'caseworker') {
      const free = this.freeCaseworkers.shift();
      if (free !== undefined) return free;
      const joined =
        this.fromReserve() ?? this.person('cw', this.teams[this.joined % this.teams.length] ?? 'load-team');
      this.everyone.push(joined);
      return joined;
    }
    if (role === 'consultant') return this.consultants[this.nextConsultant++ % this.consultants.length] as LoadUser;
    if (role === 'member') return this.goalMembers[this.nextMember++ % this.goalMembers.length] as LoadUser;
    return this.everyone[this.nextAnyone++ % this.everyone.length] as LoadUser;
  }

  /** A caseworker whose screening is decided is free again; others need no giving back. */
  giveBack(role: LoadRole, user: LoadUser): void {
    if (role === 'caseworker') this.freeCaseworkers.push(user);
  }

  /**
   * The team's roster as the stand-in connector lists it when the bot is installed: the people there
   * from the start and the reserve, whether or not they have joined the run yet.
   */
  rosterOf(teamId: string): LoadUser[] {
    const joinedOrStarted = this.everyone.filter((user) => user.teamId === teamId);
    return [...joinedOrStarted, ...(this.reserve.get(teamId) ?? [])];
  }

  /** Everyone who took part, new caseworkers included. */
  get size(): number {
    return this.everyone.length;
  }

  /** The next team's first reserve caseworker, going round the teams; undefined when all are used up. */
  private fromReserve(): LoadUser | undefined {
    for (let tried = 0; tried < this.teams.length; tried += 1) {
      const team = this.teams[this.nextReserveTeam++ % this.teams.length] ?? '';
      const joined = this.reserve.get(team)?.shift();
      if (joined !== undefined) return joined;
    }
    return undefined;
  }

  private person(prefix: 'cw' | 'vk', teamId: string): LoadUser {
    this.joined += 1;
    const id = `${prefix}-${this.joined}`;
    return { id, name: `${prefix === 'cw' ? 'Sagsbehandler' : 'Konsulent'} ${this.joined}`, teamId };
  }
}
