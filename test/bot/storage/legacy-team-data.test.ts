import assert from 'node:assert/strict';
import { CosmosLegacyTeamData } from '../../../bot/storage/cosmos-legacy-team-data';
import { CosmosScreeningRepository } from '../../../bot/storage/cosmos-screening.repository';
import { CosmosTeamSettingsRepository } from '../../../bot/storage/cosmos-team-settings.repository';
import { openContractStore } from '../../support/contract-store';
import { screeningRecord } from '../../support/screening-record.fixture';

describe('data stored for the whole tenant, moved to its team (embedded Cosmos server)', function () {
  this.timeout(30_000);
  const FROM = 'tenant:local';
  const TO = '19:jobklar@thread.tacv2';

  it('when the tenant pseudo-team has data, then every document moves to the team, and one the team already has stays', async () => {
    const { store, close } = await openContractStore('legacy', undefined, undefined);
    try {
      const screenings = new CosmosScreeningRepository(store.containers.screenings);
      const settings = new CosmosTeamSettingsRepository<{ cap: number }>(store.containers.teamSettings);
      await screenings.create(screeningRecord({ id: 's-1', teamId: FROM, caseReference: 'J-1' }));
      await screenings.create(screeningRecord({ id: 's-2', teamId: FROM, caseReference: 'J-2' }));
      const version = (teamId: string, cap: number) => ({
        teamId,
        version: 2,
        settings: { cap },
        changedBy: 'leder',
        changedAt: '2026-12-01T08:00:00.000Z',
      });
      await settings.add(version(FROM, 40));
      // The team saved its own version 2 already: the old one must not overwrite it, nor be lost.
      await settings.add(version(TO, 25));

      const legacy = new CosmosLegacyTeamData(store.containers);
      assert.equal(await legacy.count(FROM), 3);
      assert.deepEqual(await legacy.move(FROM, TO), { moved: 2, kept: 1 });

      assert.equal((await screenings.get(TO, 's-1'))?.value.caseReference, 'J-1');
      assert.equal((await screenings.get(TO, 's-2'))?.value.teamId, TO);
      assert.equal(await screenings.get(FROM, 's-1'), undefined);
      assert.equal((await settings.current(TO))?.settings.cap, 25, "the team's own version is kept");
      assert.equal((await settings.current(FROM))?.settings.cap, 40, 'the old version stays where it was');
      assert.equal(await legacy.count(FROM), 1);
    } finally {
      await close();
    }
  });
});
