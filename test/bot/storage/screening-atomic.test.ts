import assert from 'node:assert/strict';
import sinon from 'sinon';
import { loadDefaultScreeningRuleset } from '../../../bot/screening-ruleset.loader';
import { HmacReferenceKeyer } from '../../../bot/storage/hmac-reference.keyer';
import { screeningRulesFrom } from '../../../rules/screening/default-screening-rules';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import { ScreeningService } from '../../../rules/screening/screening.service';
import { defaultTeamScreeningSettings } from '../../../rules/screening/team-screening-settings';
import { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import { openSqliteContractStorage, type ContractStorage } from '../../support/contract-store';
import { InMemoryTeamLeaders } from '../../support/in-memory.repositories';
import { CARD_ANSWERS } from '../../support/screening-answers';

/**
 * Issue 14: on SQLite, a screening's change and its audit event are one transaction. When the audit
 * event cannot be written, the change is not kept either (before, the screening moved on with no
 * record of who moved it).
 */
describe('a screening and its audit trail on SQLite', () => {
  const sandbox = sinon.createSandbox();
  let storage: ContractStorage;
  let service: ScreeningService;
  const caseworker = { teamId: 'team-1', userId: 'cw-1' };

  beforeEach(async () => {
    storage = openSqliteContractStorage('atomic');
    const ruleset = await loadDefaultScreeningRuleset();
    const { repositories } = storage;
    const clock = { now: () => new Date('2026-02-03T09:00:00Z') };
    const settings = new TeamSettingsService(
      repositories.teamSettings,
      new InMemoryTeamLeaders(),
      defaultTeamScreeningSettings(ruleset),
      repositories.audit,
      clock,
      new Set(ruleset.sectors.map((sector) => sector.id)),
    );
    let id = 0;
    service = new ScreeningService(
      screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
      repositories.screenings,
      settings,
      repositories.audit,
      new HmacReferenceKeyer('a-test-secret-of-at-least-32-characters'),
      clock,
      () => `s-${++id}`,
      undefined,
      repositories.transactor,
    );
  });
  afterEach(async () => {
    sandbox.restore();
    await storage.close();
  });

  it('when the audit event of a section cannot be written, then the section is not saved either, and saving again works', async () => {
    const started = await service.start(caseworker, 'J-ATOMIC-1');
    assert.equal(started.kind, 'started');
    const { screenings, audit } = storage.repositories;
    const before = await screenings.get('team-1', 's-1');
    assert.equal(before?.value.sectionIndex, 0);
    const record = sandbox.stub(audit, 'record').rejects(new Error('audit trail unavailable'));
    await assert.rejects(service.submitSection(caseworker, 's-1', 0, CARD_ANSWERS), /audit trail unavailable/);
    assert.equal((await screenings.get('team-1', 's-1'))?.value.sectionIndex, 0, 'the change went with its event');
    assert.equal((await screenings.get('team-1', 's-1'))?.etag, before?.etag);

    record.restore();
    const saved = await service.submitSection(caseworker, 's-1', 0, CARD_ANSWERS);
    assert.equal(saved.kind, 'step');
    assert.equal((await screenings.get('team-1', 's-1'))?.value.sectionIndex, 1);
    const events = (await audit.listFor('team-1', 's-1')).map((event) => event.detail);
    assert.equal(events.length, 2, `one event for the start, one for the saved section: ${events.join(', ')}`);
  });
});
