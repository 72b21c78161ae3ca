import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { runSeed } from '../../../bot/cli/seed.main';
import { seedTeams, yearProfile } from '../../../bot/cli/seed/seed-profile';
import type { SeedResult } from '../../../bot/cli/seed/year.seeder';
import { loadConfig } from '../../../bot/config/app-config';
import { openSqliteStorage, SQLITE_FILE, type Storage } from '../../../bot/storage/storage';
import { isoWeekOfDate } from '../../../rules/goals/iso-week';
import { containsCprShape } from '../../../rules/shared/cpr-shape';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

const ENV = { PATH: process.env.PATH };

/** Ids the bot makes (random UUIDs, keyed references) and instants are not made-up text: they are left out. */
const MACHINE_FIELDS = new Set(['id', 'entityId', 'screeningId', 'subjectKey', 'etag']);
const INSTANT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

/** A random id the bot makes: its digits may, by chance, read as a CPR number. */
const RANDOM_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every string in a stored document that a person could have typed or the seed made up (random ids taken out). */
function madeUpTexts(value: unknown, key = ''): string[] {
  if (typeof value === 'string')
    return MACHINE_FIELDS.has(key) || INSTANT.test(value) ? [] : [value.replace(RANDOM_ID, 'id')];
  if (Array.isArray(value)) return value.flatMap((item) => madeUpTexts(item, key));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([field, item]) => madeUpTexts(item, field));
  return [];
}
const SEED_MAIN = path.join(__dirname, '..', '..', '..', 'bot', 'cli', 'seed.main.js');

describe('seed command (npm run seed)', function () {
  // Seeding a hundredth of the year writes a few thousand documents, each durably.
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jobcenter-seed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('when a hundredth of the year profile is seeded into an empty folder', () => {
    let result: SeedResult;
    let storage: Storage;
    let seedDir: string;
    before(async () => {
      seedDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-seed-year-'));
      const { io, err } = capture();
      const ran = await runSeed(['--profile', 'year', '--data-dir', seedDir, '--scale', '0.01'], io, ENV);
      assert.equal(ran.code, 0, err.join('\n'));
      assert.ok(ran.result !== undefined);
      result = ran.result;
      storage = openSqliteStorage({ dataDir: seedDir, cosmos: loadConfig(ENV).cosmos });
    });
    after(async () => {
      await storage.close();
      rmSync(seedDir, { recursive: true, force: true });
    });

    it('then it wrote the scaled amounts it was asked for, and says so', () => {
      const amounts = yearProfile(0.01).amounts;
      const { counts } = result;
      assert.equal(counts.teams, 10);
      assert.equal(counts.people, 200);
      assert.equal(counts.screenings, amounts.screenings);
      assert.equal(counts.openings, amounts.openings);
      assert.equal(counts.weeklyLogs, amounts.weeklyLogs);
      assert.equal(counts.decidedScreenings + counts.unfinishedScreenings, counts.screenings);
      assert.ok(counts.unfinishedScreenings > 0 && counts.unfinishedScreenings < counts.screenings / 10);
      assert.equal(counts.followUps, 3 * counts.decidedScreenings);
      assert.ok(counts.followUpOutcomes > 0 && counts.followUpOutcomes < counts.followUps);
      assert.ok(counts.retainedScreenings > 0, 'screenings older than the retention period are reduced');
      // The audit trail is filled up to the target by views; it may pass it by the events of one screening.
      assert.ok(counts.auditEvents >= amounts.auditEvents && counts.auditEvents < amounts.auditEvents + 50);
    });

    it('then the repositories find every team, its roster and its leader, and each person in their team', async () => {
      const { teamDirectory } = storage.repositories;
      const teams = seedTeams();
      assert.deepEqual((await teamDirectory.teamsOfTenant('local')).sort(), teams.map((team) => team.teamId).sort());
      for (const team of teams) {
        const stored = await teamDirectory.getTeam(team.teamId);
        assert.equal(stored?.value.installedBy, team.people[0]?.userId, 'the leader installed the bot');
        const roster = await teamDirectory.roster(team.teamId);
        assert.equal(roster?.members.length, 20);
        // Read "now": the bot reads a roster again only when it is an hour old.
        assert.ok(Date.now() - Date.parse(roster?.refreshedAt ?? '') < 10 * 60_000);
        for (const person of team.people) assert.deepEqual(await teamDirectory.teamsOf(person.userId), [team.teamId]);
      }
    });

    it('then the repositories count the screenings, follow-ups, openings, weekly logs and audit events it reported', async () => {
      const { screenings, followUps, openings, weeklyLogs, goalPlans, audit } = storage.repositories;
      let decided = 0;
      let unfinished = 0;
      let followUpCount = 0;
      let outcomes = 0;
      let openingCount = 0;
      let logs = 0;
      let plans = 0;
      let auditEvents = 0;
      for (const team of seedTeams()) {
        const decidedOfTeam = await screenings.listDecidedBetween(team.teamId, '2000-01-01', '2999-12-31');
        decided += decidedOfTeam.length;
        const ids = decidedOfTeam.map((screening) => screening.id);
        for (const person of team.people) {
          const open = await screenings.listUnfinished(team.teamId, person.userId);
          unfinished += open.length;
          ids.push(...open.map((screening) => screening.id));
        }
        for (const id of ids) auditEvents += (await audit.listFor(team.teamId, id)).length;
        auditEvents += (await audit.listFor(team.teamId, 'v2')).length;
        const due = await followUps.listDueBetween(team.teamId, '2000-01-01', '2999-12-31');
        followUpCount += due.length;
        outcomes += due.filter((followUp) => followUp.outcome !== undefined).length;
        openingCount += (await openings.listForBoard(team.teamId, '2000-01-01')).length;
        logs += (await weeklyLogs.listBetween(team.teamId, { year: 2000, week: 1 }, { year: 2999, week: 1 })).length;
        for (const year of new Set([isoWeekOfDate(result.from).year, isoWeekOfDate(result.to).year]))
          if ((await goalPlans.get(team.teamId, year)) !== undefined) plans += 1;
      }
      const { counts } = result;
      assert.deepEqual(
        { decided, unfinished, followUpCount, outcomes, openingCount, logs, plans, auditEvents },
        {
          decided: counts.decidedScreenings,
          unfinished: counts.unfinishedScreenings,
          followUpCount: counts.followUps,
          outcomes: counts.followUpOutcomes,
          openingCount: counts.openings,
          logs: counts.weeklyLogs,
          plans: counts.goalPlans,
          auditEvents: counts.auditEvents,
        },
      );
    });

    it('then a screening still within the retention period is found by its reference, decided through the rules engine', async () => {
      const [newest] = result.screenings.slice(-1);
      assert.ok(newest !== undefined);
      const [found] = await storage.repositories.screenings.listByReference(newest.teamId, newest.caseReference);
      assert.equal(found?.status, 'decided');
      assert.ok(found?.summary?.recommendedTrack !== undefined && found.result !== undefined);
      assert.ok(found.decision?.decidedBy === newest.caseworkerId);
    });

    it('then no text it made up holds anything shaped like a CPR number', () => {
      const db = new DatabaseSync(path.join(seedDir, SQLITE_FILE), { readOnly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%body%'").all();
        let bodies = 0;
        for (const { name } of tables as { name: string }[]) {
          for (const row of db.prepare(`SELECT body FROM ${name}`).all() as { body: string }[]) {
            bodies += 1;
            for (const text of madeUpTexts(JSON.parse(row.body)))
              assert.ok(!containsCprShape(text), `${name}: ${JSON.stringify(text)}`);
          }
        }
        assert.ok(bodies > 1000);
      } finally {
        db.close();
      }
    });
  });

  it('when the folder already holds data, then it refuses in Danish with exit 2 and leaves it as it was', () => {
    writeFileSync(path.join(dir, SQLITE_FILE), 'not ours');
    const ran = spawnSync(process.execPath, [SEED_MAIN, '--profile', 'year', '--data-dir', dir], {
      env: ENV,
      encoding: 'utf8',
    });
    assert.equal(ran.status, 2);
    assert.match(ran.stderr, /indeholder allerede data \(jobcenter\.sqlite\).*--force/);
    assert.equal(readFileSync(path.join(dir, SQLITE_FILE), 'utf8'), 'not ours');
  });

  it('when --force is given for a folder with data, then the data is replaced by the seed', async () => {
    writeFileSync(path.join(dir, SQLITE_FILE), 'not ours');
    const { io, err } = capture();
    const ran = await runSeed(['--profile', 'year', '--data-dir', dir, '--scale', '0', '--force'], io, ENV);
    assert.equal(ran.code, 0, err.join('\n'));
    assert.equal(ran.result?.counts.teams, 10);
    assert.equal(ran.result?.counts.screenings, 0);
  });

  it('when no profile or a scale outside 0–1 is given, then it exits 2 with a Danish reason', async () => {
    const none = capture();
    assert.equal((await runSeed(['--data-dir', dir], none.io, ENV)).code, 2);
    assert.match(none.err.join(''), /Angiv en profil/);
    const scale = capture();
    assert.equal((await runSeed(['--profile', 'year', '--data-dir', dir, '--scale', '2'], scale.io, ENV)).code, 2);
    assert.match(scale.err.join(''), /--scale skal være et tal fra 0 til 1/);
  });
});
