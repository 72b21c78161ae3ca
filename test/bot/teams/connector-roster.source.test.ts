import assert from 'node:assert/strict';
import { createAdapter } from '../../../bot/app';
import { loadConfig } from '../../../bot/config/app-config';
import { ConnectorRosterSource } from '../../../bot/teams/connector-roster.source';
import type { Team } from '../../../rules/teams/team';
import { startFakeConnector, type FakeConnector } from '../../support/fake-connector';

describe('team roster through the Bot Connector (a stand-in connector)', () => {
  let connector: FakeConnector;
  let team: Team;
  beforeEach(async () => {
    connector = await startFakeConnector();
    team = {
      teamId: '19:jobklar@thread.tacv2',
      tenantId: 'tenant-1',
      aadGroupId: 'group-jobklar',
      name: 'Jobklar 30+',
      serviceUrl: connector.url,
      installedBy: undefined,
      installedAt: '2026-12-07T08:00:00.000Z',
      coLeaders: [],
    };
  });
  afterEach(() => connector.close());

  it('when the team has more members than a page, then every page is read and each member keeps only ids and name', async () => {
    connector.rosterPageSize = 2;
    connector.rosters.set(team.teamId, [
      { id: '29:a', aadObjectId: 'aad-a', name: 'Anne' },
      { id: '29:b', aadObjectId: 'aad-b', name: 'Bo' },
      { id: '29:c', aadObjectId: 'aad-c', name: 'Cem' },
    ]);
    const source = new ConnectorRosterSource({ adapter: createAdapter(loadConfig({})), appId: '' });
    assert.deepEqual(await source.membersOf(team), [
      { userId: 'aad-a', accountId: '29:a', name: 'Anne' },
      { userId: 'aad-b', accountId: '29:b', name: 'Bo' },
      { userId: 'aad-c', accountId: '29:c', name: 'Cem' },
    ]);
    assert.deepEqual(connector.rosterReads, [team.teamId, team.teamId]);
  });

  it('when Teams does not know the team, then reading fails rather than returning an empty team', async () => {
    const source = new ConnectorRosterSource({ adapter: createAdapter(loadConfig({})), appId: '' });
    await assert.rejects(source.membersOf(team));
  });
});
