import assert from 'node:assert/strict';
import { RETENTION_DAYS, allowedRetentionDays } from '../../../rules/screening/retention-period';
import type { TeamScreeningSettings } from '../../../rules/screening/screening.types';
import { defaultTeamScreeningSettings } from '../../../rules/screening/team-screening-settings';
import { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import {
  InMemoryAuditTrail,
  InMemoryTeamLeaders,
  InMemoryTeamSettingsRepository,
} from '../../support/in-memory.repositories';
import { defaultRuleset } from '../screening/screening-fixtures';

describe('team settings: the retention range (spec §5: 7–365 days)', () => {
  const TEAM = 'team-1';
  const LEADER = 'leader-1';
  let repository: InMemoryTeamSettingsRepository<TeamScreeningSettings>;
  let service: TeamSettingsService;
  let defaults: TeamScreeningSettings;

  beforeEach(async () => {
    const ruleset = defaultRuleset();
    defaults = defaultTeamScreeningSettings(ruleset);
    repository = new InMemoryTeamSettingsRepository<TeamScreeningSettings>();
    const leaders = new InMemoryTeamLeaders();
    await leaders.addLeader(TEAM, LEADER);
    service = new TeamSettingsService(
      repository,
      leaders,
      defaults,
      new InMemoryAuditTrail(),
      { now: () => new Date('2026-02-03T09:00:00Z') },
      new Set(ruleset.sectors.map((sector) => sector.id)),
    );
  });

  /** A version saved before the range was narrowed (then 1–3,650 days were accepted). */
  async function storedBefore(retentionDays: number): Promise<void> {
    const settings = { ...defaults, version: 2, retentionDays };
    await repository.add({ teamId: TEAM, version: 2, settings, changedBy: LEADER, changedAt: '2025-01-01T00:00:00Z' });
  }

  it('when a leader saves a retention of 6 or 366 days, then it is refused in Danish; 7 and 365 days are saved', async () => {
    for (const retentionDays of [6, 366, 1, 3650]) {
      const outcome = await service.update(TEAM, LEADER, 1, { retentionDays });
      assert.deepEqual(
        outcome,
        {
          kind: 'invalid',
          errors: [
            { field: 'retentionDays', message: 'Opbevaring af svar (dage) skal være et helt tal mellem 7 og 365.' },
          ],
        },
        String(retentionDays),
      );
    }
    assert.equal((await service.update(TEAM, LEADER, 1, { retentionDays: 7 })).kind, 'saved');
    assert.equal((await service.update(TEAM, LEADER, 2, { retentionDays: 365 })).kind, 'saved');
    assert.equal((await service.current(TEAM)).retentionDays, 365);
  });

  it('when a team stored 3,650 days before the range was narrowed, then 365 apply, the leader is told, and a save keeps 365', async () => {
    await storedBefore(3650);
    assert.equal((await service.current(TEAM)).retentionDays, 365);
    assert.equal((await service.atVersion(TEAM, 2))?.retentionDays, 365);
    assert.deepEqual(await service.heldToRange(TEAM), [{ field: 'retentionDays', stored: 3650, applied: 365 }]);
    const saved = await service.update(TEAM, LEADER, 2, { intensiveShareCap: 0.4 });
    assert.ok(saved.kind === 'saved');
    assert.equal(saved.settings.retentionDays, 365);
    assert.deepEqual(await service.heldToRange(TEAM), []);
  });

  it('when a team stored 1 day before the range was narrowed, then 7 days apply', async () => {
    await storedBefore(1);
    assert.equal((await service.current(TEAM)).retentionDays, RETENTION_DAYS.min);
    assert.deepEqual(await service.heldToRange(TEAM), [{ field: 'retentionDays', stored: 1, applied: 7 }]);
  });

  it('when stored values are held to the range, then values inside it are kept and anything else lands on a bound', () => {
    assert.deepEqual(
      [Number.NaN, -5, 0, 6, 7, 90, 365, 366, 3650].map(allowedRetentionDays),
      [7, 7, 7, 7, 7, 90, 365, 365, 365],
    );
  });
});
