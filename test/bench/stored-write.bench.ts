import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDefaultScreeningRuleset } from '../../bot/screening-ruleset.loader';
import { SqliteDocumentStore } from '../../bot/storage/sqlite/sqlite-document.store';
import { ScreeningEvaluator } from '../../rules/screening/engine/screening.evaluator';
import { summaryOfResult, type ScreeningRecord } from '../../rules/screening/screening-record';
import { defaultTeamScreeningSettings } from '../../rules/screening/team-screening-settings';
import { TYPED_ANSWERS } from '../support/screening-answers';
import { screeningRecord } from '../support/screening-record.fixture';

/**
 * CPU of one stored write in the embedded store, in this process: a conditional replace (etag) of a
 * screening as the bot stores it once evaluated (all answers and the full result: the largest
 * screening document there is), in SqliteDocumentStore as the bot opens it (WAL, synchronous=FULL, so
 * each write is its own durable transaction). Also a point read of it. Median of rounds.
 */

export interface StoredWriteFigures {
  documentBytes: number;
  /** CPU µs (user + system) per conditional replace, median of the rounds. */
  replaceCpuMicros: number;
  /** Wall µs per replace (the fsync waits are here, not in the CPU). */
  replaceWallMicros: number;
  readCpuMicros: number;
  rounds: number[];
}

async function evaluatedScreening(): Promise<ScreeningRecord> {
  const ruleset = await loadDefaultScreeningRuleset();
  const settings = defaultTeamScreeningSettings(ruleset);
  const result = await new ScreeningEvaluator(ruleset).evaluate(TYPED_ANSWERS, settings);
  return screeningRecord({
    id: '6f1c2d3e-0a4b-4c5d-8e9f-a0b1c2d3e4f5',
    teamId: '19:demo-team-1@thread.tacv2',
    caseworkerId: 'demo-t1-p2',
    caseReference: 'DEMO-2026-17',
    status: 'awaiting_decision',
    sectionIndex: ruleset.questionnaire.sections.length,
    answers: { ...TYPED_ANSWERS },
    result: result as unknown as Record<string, unknown>,
    summary: summaryOfResult(result),
    rulesetVersion: result.rulesetVersion,
  });
}

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function benchStoredWrite(
  rounds = 7,
  writesPerRound = 500,
  readsPerRound = 5000,
): Promise<StoredWriteFigures> {
  const record = await evaluatedScreening();
  const dir = mkdtempSync(path.join(tmpdir(), 'jobcenter-bench-write-'));
  const store = new SqliteDocumentStore(path.join(dir, 'jobcenter.sqlite'));
  try {
    let etag = store.create('screenings', record.teamId, record.id, record);
    if (etag === 'conflict') throw new Error('the store is not empty');
    // Warm-up: statements prepared, the page cache and the WAL grown.
    for (let i = 0; i < 200; i += 1) {
      const next = store.replace('screenings', record.teamId, record.id, record, etag);
      if (next === 'conflict') throw new Error('conflict in the warm-up');
      etag = next;
    }
    const replaceCpu: number[] = [];
    const replaceWall: number[] = [];
    const readCpu: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const documents = Array.from({ length: writesPerRound }, (_, i) => ({
        ...record,
        updatedAt: new Date(Date.UTC(2026, 11, 6, 9, 0, round * writesPerRound + i)).toISOString(),
      }));
      const cpu = cpuMicros();
      const wall = performance.now();
      for (const document of documents) {
        const next = store.replace('screenings', record.teamId, record.id, document, etag);
        if (next === 'conflict') throw new Error('conflict in a measured write');
        etag = next;
      }
      replaceCpu.push((cpuMicros() - cpu) / writesPerRound);
      replaceWall.push(((performance.now() - wall) * 1000) / writesPerRound);
      const readFrom = cpuMicros();
      for (let i = 0; i < readsPerRound; i += 1) store.get('screenings', record.teamId, record.id);
      readCpu.push((cpuMicros() - readFrom) / readsPerRound);
    }
    return {
      documentBytes: Buffer.byteLength(JSON.stringify(record)),
      replaceCpuMicros: median(replaceCpu),
      replaceWallMicros: median(replaceWall),
      readCpuMicros: median(readCpu),
      rounds: replaceCpu,
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
