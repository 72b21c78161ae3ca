import { TeamsInfo, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Team, TeamMember } from '../../rules/teams/team';
import type { TeamRosterSource } from '../../rules/teams/team-directory.repository';

/** Teams' page limit for the paged members call. */
const PAGE_SIZE = 500;

/**
 * Reads a team's members with the Bot Connector roster API (paged team members), from outside a
 * turn too (member events, a stale roster in a personal chat, the scheduler). Keeps only the ids and
 * the display name.
 */
export class ConnectorRosterSource implements TeamRosterSource {
  constructor(private readonly deps: { adapter: CloudAdapter; appId: string }) {}

  async membersOf(team: Team): Promise<TeamMember[]> {
    if (team.serviceUrl === undefined) throw new Error('the team has no service URL to read its roster from');
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: team.serviceUrl,
      conversation: { id: team.teamId, isGroup: true, conversationType: 'channel', tenantId: team.tenantId, name: '' },
    };
    const members: TeamMember[] = [];
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
      let continuationToken: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, team.teamId, PAGE_SIZE, continuationToken);
        for (const member of page.members) {
          members.push({ userId: member.aadObjectId ?? member.id, accountId: member.id, name: member.name ?? '' });
        }
        continuationToken = page.continuationToken === '' ? undefined : page.continuationToken;
      } while (continuationToken !== undefined);
    });
    return members;
  }
}
