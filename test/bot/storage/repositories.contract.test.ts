import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Installation } from '../../../rules/model/installation';
import type { InstallationRepository } from '../../../rules/ports/installation.repository';
import type { ProcessedActivityRepository } from '../../../rules/ports/processed-activity.repository';
import { CosmosInstallationRepository } from '../../../bot/storage/cosmos-installation.repository';
import { CosmosProcessedActivityRepository } from '../../../bot/storage/cosmos-processed-activity.repository';
import { openCosmosStore, type CosmosStore } from '../../../bot/storage/cosmos.store';
import {
  InMemoryInstallationRepository,
  InMemoryProcessedActivityRepository,
} from '../../support/in-memory.repositories';

interface Subject {
  installations(): InstallationRepository;
  processed(): ProcessedActivityRepository;
  close(): Promise<void>;
}

type SubjectFactory = () => Promise<Subject>;

function cosmosSubject(store: CosmosStore, cleanup: () => void): Subject {
  return {
    installations: () => new CosmosInstallationRepository(store.containers.installations),
    processed: () => new CosmosProcessedActivityRepository(store.containers.processedActivities),
    async close() {
      await store.close();
      cleanup();
    },
  };
}

const subjects: [string, SubjectFactory][] = [
  [
    'in-memory (test double)',
    () => {
      const installations = new InMemoryInstallationRepository();
      const processed = new InMemoryProcessedActivityRepository();
      return Promise.resolve({
        installations: () => installations,
        processed: () => processed,
        close: () => Promise.resolve(),
      });
    },
  ],
  [
    'embedded Cosmos server',
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-contract-'));
      const store = await openCosmosStore({
        cosmos: { endpoint: undefined, key: undefined, database: 'contract' },
        dataDir,
      });
      return cosmosSubject(store, () => rmSync(dataDir, { recursive: true, force: true }));
    },
  ],
];

const realEndpoint = process.env.COSMOS_ENDPOINT;
if (realEndpoint !== undefined && realEndpoint !== '') {
  subjects.push([
    `real Cosmos account (${new URL(realEndpoint).host})`,
    async () => {
      const store = await openCosmosStore({
        cosmos: {
          endpoint: realEndpoint,
          key: process.env.COSMOS_KEY,
          database: `contract-${randomUUID().slice(0, 8)}`,
        },
        dataDir: tmpdir(),
      });
      return cosmosSubject(store, () => undefined);
    },
  ]);
}

function installation(overrides: Partial<Installation> = {}): Installation {
  return {
    conversationId: `19:${randomUUID()}@thread.tacv2;messageid=1/2?#`,
    tenantId: 'tenant-a',
    scope: 'team',
    teamId: '19:team@thread.tacv2',
    reference: { serviceUrl: 'https://smba.example/emea/', conversation: { id: 'c' } },
    installedAt: '2026-02-03T08:00:00.000Z',
    updatedAt: '2026-02-03T08:00:00.000Z',
    ...overrides,
  };
}

for (const [name, factory] of subjects) {
  describe(`repository contract: ${name}`, function () {
    this.timeout(60_000);
    let subject: Subject;
    before(async () => {
      subject = await factory();
    });
    after(async () => {
      await subject?.close();
    });

    it('when an installation is added twice, then the first is created and the second changes nothing', async () => {
      const repo = subject.installations();
      const first = installation();
      assert.deepEqual(await repo.add(first), { created: true });
      assert.deepEqual(await repo.add({ ...first, installedAt: '2030-01-01T00:00:00.000Z' }), { created: false });
      assert.equal((await repo.get(first.tenantId, first.conversationId))?.installedAt, first.installedAt);
    });

    it('when an installation is refreshed, then the new reference is stored and installedAt is kept', async () => {
      const repo = subject.installations();
      const first = installation();
      await repo.add(first);
      const moved = {
        ...first,
        reference: { serviceUrl: 'https://smba.example/new/' },
        updatedAt: '2026-02-04T08:00:00.000Z',
      };
      await repo.refresh(moved);
      const stored = await repo.get(first.tenantId, first.conversationId);
      assert.deepEqual(stored?.reference, moved.reference);
      assert.equal(stored?.updatedAt, moved.updatedAt);
      assert.equal(stored?.installedAt, first.installedAt);
    });

    it('when a conversation never installed is refreshed, then it is stored', async () => {
      const repo = subject.installations();
      const unseen = installation({ scope: 'personal', teamId: undefined });
      await repo.refresh(unseen);
      const stored = await repo.get(unseen.tenantId, unseen.conversationId);
      assert.equal(stored?.scope, 'personal');
      assert.equal(stored?.teamId, undefined);
    });

    it('when an installation is removed, then it is gone, and removing it again is harmless', async () => {
      const repo = subject.installations();
      const first = installation();
      await repo.add(first);
      await repo.remove(first.tenantId, first.conversationId);
      assert.equal(await repo.get(first.tenantId, first.conversationId), undefined);
      await repo.remove(first.tenantId, first.conversationId);
      assert.deepEqual(await repo.add(first), { created: true });
    });

    it('when the same id is asked for in another tenant, then nothing is found', async () => {
      const repo = subject.installations();
      const first = installation();
      await repo.add(first);
      assert.equal(await repo.get('tenant-b', first.conversationId), undefined);
    });

    it('when an activity is claimed twice, even concurrently, then exactly one claim wins', async () => {
      const repo = subject.processed();
      const results = await Promise.all(
        [1, 2, 3].map(() => repo.claim('conv-1', 'activity/with?odd#chars', new Date())),
      );
      assert.deepEqual(results.filter(Boolean).length, 1);
      assert.equal(await repo.claim('conv-2', 'activity/with?odd#chars', new Date()), true);
    });

    it('when old claims are purged, then they can be claimed again and new ones stay', async () => {
      const repo = subject.processed();
      await repo.claim('conv-p', 'old', new Date('2026-01-01T00:00:00Z'));
      await repo.claim('conv-p', 'new', new Date('2026-03-01T00:00:00Z'));
      assert.ok((await repo.purgeOlderThan(new Date('2026-02-01T00:00:00Z'))) >= 1);
      assert.equal(await repo.claim('conv-p', 'old', new Date('2026-03-02T00:00:00Z')), true);
      assert.equal(await repo.claim('conv-p', 'new', new Date('2026-03-02T00:00:00Z')), false);
    });
  });
}
