import type { LoadRole, LoadUser } from './load-mix.table';

/**
 * The people of the run: a few teams (each a tenant: the bot counts every conversation of a tenant
 * as one team), each with caseworkers and consultants. A caseworker is lent to one screening at a
 * time and comes back when it is decided; when all are busy a new one joins, so the run never waits
 * for a person. Consultants, goal members and anyone else are taken in turn. The goal members are
 * the people there from the start (the seed makes each of them join the team's goals); a caseworker
 * who joins during the run is not one.
 */
export class VirtualUsersPool {
  private readonly freeCaseworkers: LoadUser[] = [];
  private readonly consultants: LoadUser[] = [];
  private readonly everyone: LoadUser[] = [];
  /** The people there from the start, who are in their team's goals. */
  readonly goalMembers: readonly LoadUser[];
  private nextConsultant = 0;
  private nextMember = 0;
  private nextAnyone = 0;
  private joined = 0;

  constructor(
    readonly teams: readonly string[],
    caseworkersPerTeam: number,
    consultantsPerTeam: number,
  ) {
    for (let index = 0; index < caseworkersPerTeam; index += 1)
      for (const team of teams) this.freeCaseworkers.push(this.person('cw', team));
    for (let index = 0; index < consultantsPerTeam; index += 1)
      for (const team of teams) this.consultants.push(this.person('vk', team));
    this.everyone.push(...this.freeCaseworkers, ...this.consultants);
    this.goalMembers = [...this.everyone];
  }

  take(role: LoadRole): LoadUser {
    if (role === 'caseworker') {
      const free = this.freeCaseworkers.shift();
      if (free !== undefined) return free;
      const team = this.teams[this.joined % this.teams.length] ?? 'load-team';
      const joined = this.person('cw', team);
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

  /** Everyone who took part, new caseworkers included. */
  get size(): number {
    return this.everyone.length;
  }

  private person(prefix: 'cw' | 'vk', tenantId: string): LoadUser {
    this.joined += 1;
    const id = `${prefix}-${this.joined}`;
    return { id, name: `${prefix === 'cw' ? 'Sagsbehandler' : 'Konsulent'} ${this.joined}`, tenantId };
  }
}
