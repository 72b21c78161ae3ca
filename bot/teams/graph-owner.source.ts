import type { Team } from '../../rules/teams/team';
import type { TeamOwnerSource } from '../../rules/teams/team-directory.repository';

/** A bearer token for Microsoft Graph (the app's own, via client credentials or managed identity). */
export type GraphTokenProvider = () => Promise<string>;

interface ConversationMember {
  roles?: unknown;
  userId?: unknown;
}

interface MembersPage {
  value?: ConversationMember[];
  '@odata.nextLink'?: string;
}

/** Graph answered something other than 200 (e.g. 403: the RSC permission was not granted). */
export class GraphRequestError extends Error {
  readonly code = 'GRAPH_REQUEST_FAILED';
  constructor(readonly status: number) {
    super(`Microsoft Graph answered ${status}`);
    this.name = 'GraphRequestError';
  }
}

/**
 * A team's owners from Microsoft Graph: `GET /teams/{aadGroupId}/members`, the members whose roles
 * include `owner`, with the app's token (resource-specific consent `TeamMember.Read.Group`).
 */
export class GraphOwnerSource implements TeamOwnerSource {
  constructor(
    private readonly deps: {
      /** e.g. https://graph.microsoft.com (GRAPH_ENDPOINT; tests point it at a stand-in). */
      endpoint: string;
      token: GraphTokenProvider;
      fetch?: typeof fetch;
    },
  ) {}

  async ownersOf(team: Team): Promise<string[]> {
    if (team.aadGroupId === undefined) return [];
    const doFetch = this.deps.fetch ?? fetch;
    const owners: string[] = [];
    let url: string | undefined =
      `${this.deps.endpoint.replace(/\/+$/, '')}/v1.0/teams/${encodeURIComponent(team.aadGroupId)}/members`;
    while (url !== undefined) {
      const response = await doFetch(url, {
        headers: { authorization: `Bearer ${await this.deps.token()}`, accept: 'application/json' },
        signal: AbortSignal.timeout(10_000),
      });
      if (response.status !== 200) throw new GraphRequestError(response.status);
      const page = (await response.json()) as MembersPage;
      for (const member of page.value ?? []) {
        const isOwner = Array.isArray(member.roles) && member.roles.includes('owner');
        if (isOwner && typeof member.userId === 'string') owners.push(member.userId);
      }
      url = page['@odata.nextLink'];
    }
    return owners;
  }
}
