import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SQLInputValue } from 'node:sqlite';
import sinon from 'sinon';
import { SqliteDocumentStore } from '../../../bot/storage/sqlite/sqlite-document.store';
import { sqliteRepositories } from '../../../bot/storage/sqlite/sqlite.repositories';

/**
 * "An index for every query the repositories make" (issue 14): every query the SQLite repositories
 * run is recorded and its plan read back; none may scan a table (a scan grows with history). Reading
 * a partial index whole (the rows retention has still to reduce) is allowed: it shrinks as it works.
 */
describe('the SQLite repositories’ queries', () => {
  let dir: string;
  let store: SqliteDocumentStore;
  const sandbox = sinon.createSandbox();

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jobcenter-plans-'));
    store = new SqliteDocumentStore(path.join(dir, 'jobcenter.sqlite'), { checkpointDelayMs: 0 });
  });
  afterEach(() => {
    sandbox.restore();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when every repository query is run, then SQLite answers each from an index, never by scanning a table', async () => {
    const queries = new Map<string, SQLInputValue[]>();
    const rows = sandbox.spy(store, 'rows');
    const r = sqliteRepositories(store);
    const week = { year: 2026, week: 7 };
    await Promise.all([
      r.screenings.listUnfinished('t', 'cw'),
      r.screenings.listByReference('t', 'J-1'),
      r.screenings.listByCaseworker('t', 'cw', '2026-01-01'),
      r.screenings.listDecidedSince('t', '2026-01-01'),
      r.screenings.listDecidedBetween('t', '2026-01-01', '2026-02-01'),
      r.screenings.listToRetainCreatedBefore('t', '2026-01-01'),
      r.screenings.listTeamsToRetain(),
      r.audit.listFor('t', 'e'),
      r.audit.listBySubject('t', 'k'),
      r.teamSettings.current('t'),
      r.teamDirectory.teamsOf('u'),
      r.teamDirectory.teamsOfTenant('tenant'),
      r.installations.findPersonal('tenant', 'u'),
      r.processedActivities.purgeOlderThan(new Date('2026-01-01')),
      r.openings.listForBoard('t', '2026-01-01'),
      r.meetings.list(),
      r.channelLosses.list(),
      r.goalPlans.listTeamIds(2026),
      r.weeklyLogs.listBetween('t', week, week),
      r.followUps.listAwaitingReminder('2026-01-01'),
      r.followUps.listDueBetween('t', '2026-01-01', '2026-02-01'),
      r.followUps.listAwaitingOutcome('t', 'cw', '2026-01-01'),
      r.followUps.deleteForScreening('t', 's'),
      r.legacyTeamData.count('t'),
    ]);
    for (const call of rows.getCalls()) {
      const [sql, ...parameters] = call.args as [string, ...SQLInputValue[]];
      queries.set(sql, parameters);
    }
    assert.ok(queries.size >= 20, `only ${queries.size} queries were recorded`);
    rows.restore();
    const scans: string[] = [];
    for (const [sql, parameters] of queries) {
      const plan = store
        .rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, ...parameters)
        .map((step) => step.detail);
      // "SCAN t" reads the whole table; "SCAN t USING [COVERING] INDEX i" reads a (partial) index whole;
      // "SEARCH t USING PRIMARY KEY (partition=?)" reads every row the team ever stored. Only moving a
      // whole team's rows (the store's list, ordered by id) may read them so.
      const wholeTeam = /ORDER BY id$/u.test(sql.trim());
      const scanning = (step: string) =>
        /^SCAN \w+$/u.test(step) ||
        /^SCAN \w+ USING (COVERING )?INDEX (?!screenings_to_retain)/u.test(step) ||
        (!wholeTeam && /USING (PRIMARY KEY|INDEX sqlite_autoindex_\w+) \(partition=\?\)$/u.test(step));
      if (plan.some(scanning)) scans.push(`${sql.replace(/\s+/gu, ' ')}\n    ${plan.join(' | ')}`);
    }
    assert.deepEqual(scans, [], `queries that scan:\n${scans.join('\n')}`);
  });
});
