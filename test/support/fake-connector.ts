import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorPost {
  path: string;
  body: Record<string, unknown>;
}

/** A request the connector holds unanswered, as a slow Teams would. */
export interface HeldPost extends ConnectorPost {
  /** True once the sender went away before an answer (e.g. its process was killed). */
  closed: boolean;
  /** Answers it (if the sender is still there) and records it among the posts. */
  answer(status?: number): void;
}

/**
 * A stand-in for the Bot Framework connector: records every activity the bot posts, and answers with
 * `status` (200, or e.g. 403 as Teams does once the bot is removed from the team).
 */
export interface FakeConnector {
  url: string;
  posts: ConnectorPost[];
  server: Server;
  status: number;
  /** Statuses for the next requests, before falling back to `status`. */
  upcoming: number[];
  /**
   * How many of the next requests to hold unanswered (counted down). A held request is not in `posts`
   * unless answered: a post Teams never acknowledged is, for the test, a post that did not happen.
   */
  holdNext: number;
  held: HeldPost[];
  /**
   * Team rosters the connector answers `GET /v3/conversations/{teamId}/pagedmembers` with, in pages
   * of `rosterPageSize` (as Teams does, with a continuation token between them).
   */
  rosters: Map<string, RosterMember[]>;
  /** Team details the connector answers `GET /v3/teams/{teamId}` with (404 for a team not here). */
  teams: Map<string, { name: string; aadGroupId: string }>;
  rosterPageSize: number;
  /** Every roster read, by team id. */
  rosterReads: string[];
  close(): Promise<void>;
}

/** A team member as the Bot Connector lists them. */
export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const posts: ConnectorPost[] = [];
  const held: HeldPost[] = [];
  const connector: FakeConnector = {
    url: '',
    posts,
    server: undefined as unknown as Server,
    status: 200,
    upcoming: [],
    holdNext: 0,
    held,
    rosters: new Map(),
    teams: new Map(),
    rosterPageSize: 500,
    rosterReads: [],
    close: () =>
      new Promise<void>((resolve) => {
        connector.server.closeAllConnections();
        connector.server.close(() => resolve());
      }),
  };
  const respond = (res: ServerResponse, status: number, count: number): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        status === 200
          ? { id: `posted-${count}` }
          : {
              error: {
                code: 'BotNotInConversationRoster',
                message: 'The bot is not part of the conversation roster.',
              },
            },
      ),
    );
  };
  connector.server = createServer((req, res) => {
    if (req.method === 'GET') {
      answerRosterRead(connector, req.url ?? '', res);
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const post: ConnectorPost = { path: req.url ?? '', body: parseBody(body) };
      if (connector.holdNext > 0) {
        connector.holdNext -= 1;
        const entry: HeldPost = {
          ...post,
          closed: false,
          answer(status = 200) {
            if (entry.closed) return;
            posts.push(post);
            respond(res, status, posts.length);
          },
        };
        res.once('close', () => {
          if (!res.writableEnded) entry.closed = true;
        });
        held.push(entry);
        return;
      }
      posts.push(post);
      respond(res, connector.upcoming.shift() ?? connector.status, posts.length);
    });
  });
  await new Promise<void>((resolve) => connector.server.listen(0, '127.0.0.1', resolve));
  connector.url = `http://127.0.0.1:${(connector.server.address() as AddressInfo).port}/`;
  return connector;
}

function answerRosterRead(connector: FakeConnector, path: string, res: ServerResponse): void {
  const url = new URL(path, 'http://connector');
  const details = /^\/v3\/teams\/([^/]+)$/.exec(url.pathname);
  if (details !== null) {
    const teamId = decodeURIComponent(details[1] ?? '');
    const team = connector.teams.get(teamId);
    res.writeHead(team === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(team === undefined ? { error: { code: 'NotFound' } } : { id: teamId, ...team }));
    return;
  }
  const match = /\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(url.pathname);
  const teamId = match === null ? undefined : decodeURIComponent(match[1] ?? '');
  const members = teamId === undefined ? undefined : connector.rosters.get(teamId);
  res.writeHead(members === undefined ? 404 : 200, { 'content-type': 'application/json' });
  if (members === undefined || teamId === undefined) {
    res.end(JSON.stringify({ error: { code: 'NotFound', message: 'The team is not known.' } }));
    return;
  }
  connector.rosterReads.push(teamId);
  const start = Number(url.searchParams.get('continuationToken') ?? '0');
  const end = start + connector.rosterPageSize;
  res.end(
    JSON.stringify({
      members: members.slice(start, end).map((member) => ({ ...member, userRole: 'user', tenantId: 'tenant' })),
      ...(end < members.length ? { continuationToken: String(end) } : {}),
    }),
  );
}

function parseBody(body: string): Record<string, unknown> {
  if (body === '') return {};
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { unparsable: body };
  }
}
