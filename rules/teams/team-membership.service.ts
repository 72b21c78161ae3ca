import type { AuditTrail } from '../shared/audit-trail';
import type { Clock } from '../shared/clock';
import { containsCprShape } from '../shared/cpr-shape';
import type { Team, TeamChoice, TeamMember } from './team';
import type { TeamDirectoryRepository, TeamOwnerSource, TeamRosterSource } from './team-directory.repository';
import { tenantPseudoTeamId, type LegacyTeamData } from './legacy-team-data';

/** Where a turn happens, as far as the team goes. */
export type TurnPlace =
  /** A channel of a team: the team is given. */
  | { kind: 'channel'; tenantId: string; team: InstalledTeam }
  /** A personal or group chat: the person acts for one of their teams. */
  | { kind: 'chat'; tenantId: string };

/** What Teams says about a team when the bot is added to it (or in a channel's activity). */
export interface InstalledTeam {
  teamId: string;
  aadGroupId: string | undefined;
  name: string | undefined;
  serviceUrl: string | undefined;
}

/** The team a turn acts for. */
export type TurnTeam =
  | { kind: 'team'; teamId: string }
  /** Several teams and no (valid) choice yet: the person is asked once. */
  | { kind: 'choose'; teams: TeamChoice[] }
  /** The person is in no team that has the bot (or not a member of this channel's team). */
  | { kind: 'none' };

export interface TeamMembershipOptions {
  /** A roster older than this is read again before it decides access. */
  rosterMaxAgeMs: number;
  /** Owners are cached for minutes, not days: a demoted owner stops leading within this. */
  ownersMaxAgeMs: number;
}

/** A person not on a roster read this recently is not re-checked (a stranger's every message would read it). */
const RECHECK_MISSING_MEMBER_MS = 60_000;

/** Default: a roster is re-read after an hour (member events refresh it at once), owners after 5 minutes. */
export const DEFAULT_MEMBERSHIP_OPTIONS: TeamMembershipOptions = {
  rosterMaxAgeMs: 60 * 60_000,
  ownersMaxAgeMs: 5 * 60_000,
};

/** The team's leaders as members: owners (from Teams), co-leaders (named by a leader), and who else is in it. */
export interface TeamLeadership {
  owners: TeamMember[];
  coLeaders: TeamMember[];
  /** Every member who is not an owner: the people a leader may name co-leader. */
  members: TeamMember[];
}

export type CoLeaderOutcome = { kind: 'saved'; coLeaders: string[] } | { kind: 'forbidden' } | { kind: 'conflict' };

/**
 * Teams, members and leaders (spec §0). The team is the Teams team; members come from its roster;
 * leaders are its owners plus the co-leaders a leader names. Nobody becomes leader by asking.
 */
export class TeamMembershipService {
  /** Owners per team with when they were read; instance state, so each bot process caches on its own. */
  private readonly owners = new Map<string, { owners: readonly string[]; readAt: number }>();

  constructor(
    private readonly directory: TeamDirectoryRepository,
    private readonly rosterSource: TeamRosterSource,
    private readonly ownerSource: TeamOwnerSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly options: TeamMembershipOptions = DEFAULT_MEMBERSHIP_OPTIONS,
    private readonly legacy?: LegacyTeamData,
  ) {}

  /**
   * The bot was added to a team, or an activity names a team the bot has not recorded: keeps the team
   * (the first install records who installed it) and reads its members.
   */
  async installed(tenantId: string, installed: InstalledTeam, installedBy: string | undefined): Promise<Team> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const stored = await this.directory.getTeam(installed.teamId);
      const at = this.clock.now().toISOString();
      const team: Team =
        stored === undefined
          ? {
              teamId: installed.teamId,
              tenantId,
              aadGroupId: installed.aadGroupId,
              name: installed.name ?? installed.teamId,
              serviceUrl: installed.serviceUrl,
              installedBy,
              installedAt: at,
              coLeaders: [],
            }
          : {
              ...stored.value,
              aadGroupId: installed.aadGroupId ?? stored.value.aadGroupId,
              name: installed.name ?? stored.value.name,
              serviceUrl: installed.serviceUrl ?? stored.value.serviceUrl,
              ...(stored.value.removedAt === undefined ? {} : { installedAt: at, installedBy }),
              removedAt: undefined,
            };
      // The roster is read before anything is kept: a team Teams does not know leaves no record.
      const members = await this.readRoster(team);
      const unchanged = stored !== undefined && sameTeam(stored.value, team);
      if (unchanged || (await this.directory.saveTeam(team, stored?.etag))) {
        await this.directory.saveRoster({ teamId: team.teamId, members, refreshedAt: this.clock.now().toISOString() });
        return team;
      }
    }
    throw new Error('team record kept changing');
  }

  /**
   * Data stored before teams were real (under the tenant's pseudo-team) goes to the tenant's team when
   * the tenant has exactly one; with several it stays, untouched, until a leader takes it over.
   * Resolves what happened, for the log.
   */
  async adoptTenantData(tenantId: string): Promise<{ moved: number; kept: number } | 'none' | 'several-teams'> {
    if (this.legacy === undefined) return 'none';
    const from = tenantPseudoTeamId(tenantId);
    if ((await this.legacy.count(from)) === 0) return 'none';
    const teams = await this.directory.teamsOfTenant(tenantId);
    const [only] = teams;
    if (only === undefined || teams.length > 1) return 'several-teams';
    return this.legacy.move(from, only);
  }

  /** How many documents of the team's tenant still lie under the tenant pseudo-team (0: none). */
  async tenantDataLeft(teamId: string): Promise<number> {
    const team = await this.activeTeam(teamId);
    if (team === undefined || this.legacy === undefined) return 0;
    return this.legacy.count(tenantPseudoTeamId(team.tenantId));
  }

  /**
   * A leader takes what the tenant stored before teams were real into their team (`overtag gamle
   * data`), when the tenant has several teams and so it could not be moved by itself. Audited.
   */
  async takeOverTenantData(
    teamId: string,
    actorId: string,
  ): Promise<{ kind: 'moved'; moved: number; kept: number } | { kind: 'forbidden' } | { kind: 'none' }> {
    if (!(await this.isLeader(teamId, actorId))) return { kind: 'forbidden' };
    const team = await this.activeTeam(teamId);
    if (team === undefined || this.legacy === undefined) return { kind: 'none' };
    const from = tenantPseudoTeamId(team.tenantId);
    if ((await this.legacy.count(from)) === 0) return { kind: 'none' };
    const { moved, kept } = await this.legacy.move(from, teamId);
    await this.recordTeamChange(teamId, actorId, 'tenant-data', `taken-over:${moved}:kept:${kept}`);
    return { kind: 'moved', moved, kept };
  }

  /** The bot was removed from the team: its data stays, but nobody acts for it. */
  async removed(teamId: string): Promise<void> {
    const stored = await this.directory.getTeam(teamId);
    if (stored === undefined || stored.value.removedAt !== undefined) return;
    await this.directory.saveTeam({ ...stored.value, removedAt: this.clock.now().toISOString() }, stored.etag);
    await this.directory.saveRoster({ teamId, members: [], refreshedAt: this.clock.now().toISOString() });
  }

  /** Members were added to or removed from the team: read the roster again, so access changes at once. */
  async membersChanged(teamId: string): Promise<void> {
    const team = await this.activeTeam(teamId);
    if (team !== undefined) await this.refreshRoster(team);
  }

  /** The team this person acts for in this turn. */
  async teamForTurn(userId: string, place: TurnPlace): Promise<TurnTeam> {
    if (place.kind === 'channel') {
      const team = await this.channelTeam(place);
      if (team === undefined || team.tenantId !== place.tenantId) return { kind: 'none' };
      return (await this.isMember(team, userId)) ? { kind: 'team', teamId: team.teamId } : { kind: 'none' };
    }
    const teams = await this.teamsOf(userId, place.tenantId);
    if (teams.length === 0) return { kind: 'none' };
    if (teams.length === 1) return { kind: 'team', teamId: teams[0]!.teamId };
    const chosen = await this.directory.chosenTeam(place.tenantId, userId);
    if (chosen !== undefined && teams.some((team) => team.teamId === chosen)) return { kind: 'team', teamId: chosen };
    return { kind: 'choose', teams };
  }

  /** The teams of this tenant this person can act for (installed, and they are on its roster), by name. */
  async teamsOf(userId: string, tenantId: string): Promise<TeamChoice[]> {
    const choices: TeamChoice[] = [];
    for (const teamId of await this.directory.teamsOf(userId)) {
      const team = await this.activeTeam(teamId);
      if (team === undefined || team.tenantId !== tenantId) continue;
      if (await this.isMember(team, userId)) choices.push({ teamId, name: team.name });
    }
    return choices.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  }

  /** Remembers the team a person acts for in their personal chat; false when they are not its member. */
  async choose(tenantId: string, userId: string, teamId: unknown): Promise<boolean> {
    if (typeof teamId !== 'string') return false;
    if (!(await this.teamsOf(userId, tenantId)).some((team) => team.teamId === teamId)) return false;
    await this.directory.chooseTeam(tenantId, userId, teamId);
    return true;
  }

  /** A leader is a member who owns the team in Teams or was named co-leader by a leader. */
  async isLeader(teamId: string, userId: string): Promise<boolean> {
    return (await this.leaders(teamId)).includes(userId);
  }

  /** The team's leaders who are still its members (the Monday summary goes to each). */
  async leaders(teamId: string): Promise<string[]> {
    const team = await this.activeTeam(teamId);
    if (team === undefined) return [];
    const members = new Set((await this.currentRoster(team)).map((member) => member.userId));
    const leaders = new Set([...(await this.ownersOf(team)), ...team.coLeaders]);
    return [...leaders].filter((userId) => members.has(userId)).sort();
  }

  /** Who leads the team and who could be named co-leader, for the settings card. */
  async leadershipOf(teamId: string): Promise<TeamLeadership> {
    const team = await this.activeTeam(teamId);
    if (team === undefined) return { owners: [], coLeaders: [], members: [] };
    const members = await this.currentRoster(team);
    const owners = new Set(await this.ownersOf(team));
    const coLeaders = new Set(team.coLeaders);
    return {
      owners: members.filter((member) => owners.has(member.userId)),
      coLeaders: members.filter((member) => coLeaders.has(member.userId) && !owners.has(member.userId)),
      members: members.filter((member) => !owners.has(member.userId)),
    };
  }

  /** The team's members as last read. */
  async members(teamId: string): Promise<TeamMember[]> {
    const team = await this.activeTeam(teamId);
    return team === undefined ? [] : this.currentRoster(team);
  }

  /**
   * A leader names the co-leaders (members only; recorded in the audit trail). 'conflict' when
   * another leader changed them meanwhile.
   */
  async setCoLeaders(teamId: string, actorId: string, coLeaders: readonly string[]): Promise<CoLeaderOutcome> {
    if (!(await this.isLeader(teamId, actorId))) return { kind: 'forbidden' };
    const stored = await this.directory.getTeam(teamId);
    if (stored === undefined) return { kind: 'forbidden' };
    const members = new Set((await this.currentRoster(stored.value)).map((member) => member.userId));
    const next = [...new Set(coLeaders)].filter((userId) => members.has(userId)).sort();
    if (!(await this.directory.saveTeam({ ...stored.value, coLeaders: next }, stored.etag)))
      return { kind: 'conflict' };
    await this.recordTeamChange(teamId, actorId, 'co-leaders', `co-leaders:${next.length}`);
    return { kind: 'saved', coLeaders: next };
  }

  /**
   * The team of a channel turn. One the bot has no record of (installed before teams were kept, or the
   * install event was lost) is kept now, if Teams lists its members; if it does not, it is nobody's team.
   */
  private async channelTeam(place: Extract<TurnPlace, { kind: 'channel' }>): Promise<Team | undefined> {
    const known = await this.activeTeam(place.team.teamId);
    if (known !== undefined) return known;
    try {
      return await this.installed(place.tenantId, place.team, undefined);
    } catch {
      return undefined;
    }
  }

  /** A leader's change to the team (its co-leaders, its old data), in the audit trail. */
  private recordTeamChange(teamId: string, actorId: string, entityId: string, detail: string): Promise<void> {
    const at = this.clock.now().toISOString();
    return this.audit.record({ teamId, at, actorId, action: 'update', entity: 'settings', entityId, detail });
  }

  private async activeTeam(teamId: string): Promise<Team | undefined> {
    const stored = await this.directory.getTeam(teamId);
    return stored === undefined || stored.value.removedAt !== undefined ? undefined : stored.value;
  }

  /**
   * A person missing from a roster read more than a minute ago gets one fresh read, so someone just
   * added to the team is let in even if the member event was lost.
   */
  private async isMember(team: Team, userId: string): Promise<boolean> {
    const has = (members: readonly TeamMember[]) => members.some((member) => member.userId === userId);
    const stored = await this.directory.roster(team.teamId);
    if (stored !== undefined && has(stored.members))
      return this.rosterAge(stored.refreshedAt) <= this.options.rosterMaxAgeMs || has(await this.refreshRoster(team));
    if (stored !== undefined && this.rosterAge(stored.refreshedAt) < RECHECK_MISSING_MEMBER_MS) return false;
    return has(await this.refreshRoster(team));
  }

  private rosterAge(refreshedAt: string): number {
    return this.clock.now().getTime() - Date.parse(refreshedAt);
  }

  private async currentRoster(team: Team): Promise<TeamMember[]> {
    const stored = await this.directory.roster(team.teamId);
    if (stored !== undefined && this.rosterAge(stored.refreshedAt) <= this.options.rosterMaxAgeMs)
      return stored.members;
    return this.refreshRoster(team);
  }

  private async refreshRoster(team: Team): Promise<TeamMember[]> {
    const members = await this.readRoster(team);
    await this.directory.saveRoster({ teamId: team.teamId, members, refreshedAt: this.clock.now().toISOString() });
    return members;
  }

  /** The members as Teams lists them; a display name shaped like a CPR number is not kept (the id stands in). */
  private async readRoster(team: Team): Promise<TeamMember[]> {
    return (await this.rosterSource.membersOf(team)).map((member) =>
      containsCprShape(member.name) ? { ...member, name: '' } : member,
    );
  }

  private async ownersOf(team: Team): Promise<readonly string[]> {
    const now = this.clock.now().getTime();
    const cached = this.owners.get(team.teamId);
    if (cached !== undefined && now - cached.readAt <= this.options.ownersMaxAgeMs) return cached.owners;
    const owners = await this.ownerSource.ownersOf(team);
    this.owners.set(team.teamId, { owners, readAt: now });
    return owners;
  }
}

function sameTeam(a: Team, b: Team): boolean {
  return (
    a.aadGroupId === b.aadGroupId && a.name === b.name && a.serviceUrl === b.serviceUrl && a.removedAt === b.removedAt
  );
}
