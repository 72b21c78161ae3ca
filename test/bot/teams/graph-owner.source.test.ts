import assert from 'node:assert/strict';
import { GraphOwnerSource, GraphRequestError } from '../../../bot/teams/graph-owner.source';
import { LocalOwnerSource } from '../../../bot/teams/local-owner.source';
import type { Team } from '../../../rules/teams/team';
import { startStandInGraph, type StandInGraph } from '../../support/stand-in-graph';

const TEAM: Team = {
  teamId: '19:jobklar@thread.tacv2',
  tenantId: 'tenant-1',
  aadGroupId: 'group-jobklar',
  name: 'Jobklar 30+',
  serviceUrl: undefined,
  installedBy: 'installer',
  installedAt: '2026-12-07T08:00:00.000Z',
  coLeaders: [],
};

describe('team owners', () => {
  describe('from Microsoft Graph (a stand-in)', () => {
    let graph: StandInGraph;
    let source: GraphOwnerSource;
    beforeEach(async () => {
      graph = await startStandInGraph();
      source = new GraphOwnerSource({ endpoint: `${graph.endpoint}/`, token: () => Promise.resolve(graph.token) });
    });
    afterEach(() => graph.close());

    it('when the team has owners among several pages of members, then exactly the owners are read, from every page', async () => {
      graph.teams.set('group-jobklar', [
        { userId: 'leder-1', displayName: 'Lene', roles: ['owner'] },
        { userId: 'cw-1', displayName: 'Carl', roles: [] },
        { userId: 'cw-2', displayName: 'Cille', roles: ['guest'] },
        { userId: 'leder-2', displayName: 'Lars', roles: ['owner'] },
        { userId: 'cw-3', displayName: 'Cem', roles: [] },
      ]);
      assert.deepEqual(await source.ownersOf(TEAM), ['leder-1', 'leder-2']);
      assert.equal(graph.requests.length, 3, 'three pages of two');
      assert.equal(graph.requests[0], '/v1.0/teams/group-jobklar/members');
    });

    it('when Graph refuses (the permission was not granted), then the error names the status and nobody is taken for an owner', async () => {
      graph.failWith = 403;
      await assert.rejects(
        source.ownersOf(TEAM),
        (error: unknown) => error instanceof GraphRequestError && error.status === 403,
      );
    });

    it('when the token is wrong, then the request fails rather than reading another identity', async () => {
      source = new GraphOwnerSource({ endpoint: graph.endpoint, token: () => Promise.resolve('stolen') });
      graph.teams.set('group-jobklar', [{ userId: 'leder-1', displayName: 'Lene', roles: ['owner'] }]);
      await assert.rejects(
        source.ownersOf(TEAM),
        (error: unknown) => error instanceof GraphRequestError && error.status === 401,
      );
    });

    it('when the team has no Microsoft 365 group, then it has no owners from Graph', async () => {
      assert.deepEqual(await source.ownersOf({ ...TEAM, aadGroupId: undefined }), []);
      assert.equal(graph.requests.length, 0);
    });
  });

  describe('locally (no Graph)', () => {
    it('when LOCAL_TEAM_OWNERS is set, then those are the owners of every team', async () => {
      assert.deepEqual(await new LocalOwnerSource(['a', 'b']).ownersOf(TEAM), ['a', 'b']);
    });

    it('when it is not set, then the person who installed the bot in the team owns it', async () => {
      assert.deepEqual(await new LocalOwnerSource([]).ownersOf(TEAM), ['installer']);
      assert.deepEqual(await new LocalOwnerSource([]).ownersOf({ ...TEAM, installedBy: undefined }), []);
    });
  });
});
