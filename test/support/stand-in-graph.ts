import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A member as Graph's `GET /teams/{id}/members` lists it (aadUserConversationMember). */
export interface GraphMember {
  userId: string;
  displayName: string;
  roles: string[];
}

/**
 * A stand-in for Microsoft Graph's team members endpoint: pages of `pageSize`, `@odata.nextLink`
 * between them, 401 without the expected bearer token, and a status to fail with on demand.
 */
export interface StandInGraph {
  endpoint: string;
  teams: Map<string, GraphMember[]>;
  token: string;
  pageSize: number;
  /** When set, every request is answered with this status. */
  failWith: number | undefined;
  requests: string[];
  close(): Promise<void>;
}

export async function startStandInGraph(): Promise<StandInGraph> {
  const graph: StandInGraph = {
    endpoint: '',
    teams: new Map(),
    token: 'graph-token',
    pageSize: 2,
    failWith: undefined,
    requests: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', graph.endpoint);
    graph.requests.push(url.pathname + url.search);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (graph.failWith !== undefined) return send(graph.failWith, { error: { code: 'Forbidden' } });
    if (req.headers.authorization !== `Bearer ${graph.token}`) return send(401, { error: { code: 'Unauthorized' } });
    const match = /^\/v1\.0\/teams\/([^/]+)\/members$/.exec(url.pathname);
    const members = match === null ? undefined : graph.teams.get(decodeURIComponent(match[1] ?? ''));
    if (members === undefined) return send(404, { error: { code: 'NotFound' } });
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = members.slice(skip, skip + graph.pageSize);
    const next = skip + graph.pageSize < members.length ? skip + graph.pageSize : undefined;
    return send(200, {
      value: page.map((member) => ({ '@odata.type': '#microsoft.graph.aadUserConversationMember', ...member })),
      ...(next === undefined ? {} : { '@odata.nextLink': `${graph.endpoint}${url.pathname}?$skiptoken=${next}` }),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  graph.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return graph;
}
