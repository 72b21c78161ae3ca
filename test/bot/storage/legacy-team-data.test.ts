import assert from 'node:assert/strict';
import type { TeamSettingsRepository } from '../../../rules/teams/team-settings.repository';
import { storedBackends } from '../../support/contract-store';
import { screeningRecord } from '../../support/screening-record.fixture';

for (const [backend, open] of storedBackends('legacy'))
  describe(`data stored for the whole tenant, moved to its team (${backend})`, function () {
    this.timeout(30_000);
    const FROM = 'tenant:local';
    const TO = '19:jobklar@thread.tacv2';

    it('when the tenant pseudo-team has data, then every document moves to the team, and one the team already has stays', async () => {
      const { repositories, close } = await open();
      try {
        const { screenings } = repositories;
        const settings = repositories.teamSettings as unknown as TeamSettingsRepository<{ cap: number }>;
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

        const legacy = repositories.legacyTeamData;
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
