import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CosmosOpeningRepository } from '../../../bot/storage/cosmos-opening.repository';
import { openCosmosStore, type CosmosStore } from '../../../bot/storage/cosmos.store';
import { loadDefaultScreeningRuleset } from '../../../bot/screening-ruleset.loader';
import { OpeningsService } from '../../../rules/openings-case/openings.service';
import type { OpeningRepository } from '../../../rules/ports/opening.repository';
import { InMemoryOpeningRepository } from '../../support/in-memory.repositories';

const consultant = { userId: 'vk-1', name: 'Vera Konsulent' };

/** A valid form as the card submits it (strings). CVR 10150817 passes the modulus-11 check. */
function form(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    companyName: 'Smedie A/S',
    cvr: '10150817',
    phone: '+45 12 34 56 78',
    email: 'kontakt@smedie.dk',
    contactPerson: 'Ole',
    sector: 'industri',
    result: 'ordinaer_aabning',
    jobFunction: 'Smed',
    seats: '1',
    filled: '0',
    ...overrides,
  };
}

const subjects: [string, () => Promise<{ repo: OpeningRepository; close(): Promise<void> }>][] = [
  ['in-memory', () => Promise.resolve({ repo: new InMemoryOpeningRepository(), close: () => Promise.resolve() })],
  [
    'embedded Cosmos',
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-openings-'));
      const store: CosmosStore = await openCosmosStore({
        cosmos: { endpoint: undefined, key: undefined, database: 'o' },
        dataDir,
      });
      return {
        repo: new CosmosOpeningRepository(store.containers.openings),
        async close() {
          await store.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  ],
];

for (const [name, factory] of subjects) {
  describe(`OpeningsService over ${name}`, function () {
    this.timeout(30_000);
    let subject: { repo: OpeningRepository; close(): Promise<void> };
    let now = new Date('2026-02-03T09:00:00Z');
    let service: OpeningsService;
    before(async () => {
      subject = await factory();
      const { sectors } = await loadDefaultScreeningRuleset();
      service = new OpeningsService(subject.repo, sectors, { now: () => now }, randomUUID);
    });
    after(async () => subject?.close());

    it('when a form has a bad CVR and phone, then each is named in Danish and the typed values come back', async () => {
      const outcome = await service.register('team-1', consultant, form({ cvr: '12345678', phone: '1234' }));
      assert.equal(outcome.kind, 'invalid');
      assert.ok(outcome.kind === 'invalid');
      assert.deepEqual(outcome.errors.map((error) => error.field).sort(), ['cvr', 'phone']);
      assert.ok(outcome.errors.every((error) => error.message.startsWith(error.label)));
      assert.equal(outcome.typed.companyName, 'Smedie A/S');
      assert.equal(outcome.typed.cvr, '12345678');
    });

    it('when two people click Besat +1 on the last seat at once, then filled equals seats and one is told it was already filled', async () => {
      const registered = await service.register('team-2', consultant, form({ seats: '2', filled: '1' }));
      assert.ok(registered.kind === 'registered');
      const outcomes = await Promise.all([
        service.fill('team-2', registered.opening.id),
        service.fill('team-2', registered.opening.id),
      ]);
      assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['already-full', 'filled']);
      const stored = await subject.repo.get('team-2', registered.opening.id);
      assert.equal(stored?.value.filled, 2);
      assert.deepEqual(await service.fill('team-2', 'no-such-id'), { kind: 'not-found' });
    });

    it('when openings age, then the board lists red before yellow before new, and filled ones leave it', async () => {
      const team = `team-${randomUUID()}`;
      now = new Date('2026-01-01T09:00:00Z');
      const red = await service.register(team, consultant, form({ companyName: 'Rød' }));
      now = new Date('2026-01-09T09:00:00Z');
      const yellow = await service.register(team, consultant, form({ companyName: 'Gul' }));
      now = new Date('2026-01-16T09:00:00Z');
      await service.register(team, consultant, form({ companyName: 'Ny' }));
      const filled = await service.register(team, consultant, form({ companyName: 'Besat' }));
      await service.register(
        team,
        consultant,
        form({
          companyName: 'Ingen',
          result: 'ingen_aabning',
          sector: 'handel',
          jobFunction: '',
          seats: '',
          filled: '',
        }),
      );
      assert.ok(red.kind === 'registered' && yellow.kind === 'registered' && filled.kind === 'registered');
      await service.fill(team, filled.opening.id);
      const board = await service.board(team);
      assert.deepEqual(
        board.open.map((entry) => `${entry.opening.companyName}:${entry.colour}`),
        ['Rød:roed', 'Gul:gul', 'Ny:ny'],
      );
      assert.deepEqual(
        board.sectorsWithoutOpening.map((sector) => sector.sectorId),
        ['handel'],
      );
      assert.equal(board.openSeatsBySector[0]?.count, 3);
    });
  });
}
