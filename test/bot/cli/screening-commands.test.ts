import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../bot/cli/cli';
import { LOW_RISK, RULES_DATA_DIR, SKILLED_52 } from '../../rules/screening/screening-fixtures';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

describe('CLI: screen and rules test', () => {
  let dir: string;
  const write = (name: string, content: unknown): string => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jobcenter-screening-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when "screen" gets valid answers, then it exits 0 and prints the result fields', async () => {
    const { io, out } = capture();
    assert.equal(await runCli(['screen', write('answers.json', SKILLED_52)], io), 0);
    const result = JSON.parse(out.join('')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(result), [
      'track',
      'targetGroup',
      'strategy',
      'riskScore',
      'riskLevel',
      'criteria',
      'archetypes',
      'bestArchetype',
      'explanation',
      'notes',
      'warnings',
      'rulesetVersion',
      'sensitivity',
    ]);
    assert.equal(result.track, 'selektion');
    assert.equal(result.bestArchetype, 'faglaert-lukket-virksomhed');
    assert.deepEqual((result.criteria as unknown[])[2], { id: 'over_40', label: 'over 40 år', holds: true, weight: 1 });
    assert.deepEqual(Object.keys((result.archetypes as object[])[0] ?? {}), [
      'id',
      'name',
      'score',
      'matched',
      'atRisk',
    ]);
  });

  it('when "screen" gets unknown ids or out-of-range values, then it exits 2 with the reasons in Danish', async () => {
    const { io, out, err } = capture();
    const file = write('answers.json', { ...LOW_RISK, age: 12, applicationsPerWeek: 51, hobby: 'fisk' });
    assert.equal(await runCli(['screen', file], io), 2);
    assert.deepEqual(out, []);
    assert.deepEqual(err.join('\n').split('\n'), [
      'hobby: Ukendt spørgsmål "hobby".',
      'age: Alder skal være et helt tal mellem 16 og 80.',
      'applicationsPerWeek: Ansøgninger pr. uge skal være et helt tal mellem 0 og 50.',
    ]);
  });

  it('when "screen" gets no file, a missing file or bad JSON, then it exits 2 saying so', async () => {
    for (const [args, reason] of [
      [['screen'], /Angiv en fil med svar/],
      [['screen', path.join(dir, 'nope.json')], /Filen findes ikke/],
      [['screen', write('bad.json', '{ "age": ')], /Ugyldig JSON/],
      [['screen', write('list.json', [1])], /skal indeholde et JSON-objekt/],
    ] as const) {
      const { io, err } = capture();
      assert.equal(await runCli([...args], io), 2);
      assert.match(err.join(''), reason);
    }
  });

  it('when "rules test" runs the project case table, then every case passes and it exits 0', async () => {
    const { io, out, err } = capture();
    const code = await runCli(['rules', 'test', path.join(RULES_DATA_DIR, 'cases', 'default-rules.cases.json')], io);
    assert.deepEqual(err, []);
    assert.equal(code, 0);
    const report = JSON.parse(out.join('')) as { total: number; failed: number };
    assert.ok(report.total >= 30);
    assert.equal(report.failed, 0);
  });

  it('when a case fails, then each failed expectation is reported and it exits 2', async () => {
    const file = write('cases.json', [
      { name: 'ok', answers: LOW_RISK, expect: { track: 'doedvaegt' } },
      { name: 'forkert', answers: LOW_RISK, expect: { track: 'selektion', riskScore: 4 } },
      {
        name: 'teamindstilling',
        answers: LOW_RISK,
        settings: { criteria: { over_40: { enabled: false } } },
        expect: { riskScore: 0 },
      },
    ]);
    const { io, out, err } = capture();
    assert.equal(await runCli(['rules', 'test', file], io), 2);
    assert.deepEqual(err, [
      'forkert: track forventet "selektion", fik "doedvaegt"',
      'forkert: riskScore forventet 4, fik 0',
    ]);
    assert.deepEqual(JSON.parse(out.join('')), {
      total: 3,
      passed: 2,
      failed: 1,
      failures: [
        { name: 'forkert', field: 'track', expected: 'selektion', actual: 'doedvaegt' },
        { name: 'forkert', field: 'riskScore', expected: 4, actual: 0 },
      ],
    });
  });

  it('when a case file is malformed or expects an unknown field, then it exits 2 with the reason', async () => {
    const notList = capture();
    assert.equal(await runCli(['rules', 'test', write('a.json', {})], notList.io), 2);
    assert.match(notList.err.join(''), /en JSON-liste af tilfælde/);
    const unknown = capture();
    const file = write('b.json', [{ name: 'x', answers: LOW_RISK, expect: { colour: 'blå' } }]);
    assert.equal(await runCli(['rules', 'test', file], unknown.io), 2);
    assert.match(unknown.err.join(''), /Tilfælde 1 \(x\): ukendt forventning colour/);
  });

  it('when a case has invalid answers or settings, then that case fails with the Danish reasons', async () => {
    const file = write('c.json', [
      { name: 'svar', answers: { ...LOW_RISK, age: 99 }, expect: { track: 'doedvaegt' } },
      {
        name: 'indstilling',
        answers: LOW_RISK,
        settings: { affectedSectors: ['stenalder'] },
        expect: { track: 'doedvaegt' },
      },
    ]);
    const { io, err } = capture();
    assert.equal(await runCli(['rules', 'test', file], io), 2);
    assert.deepEqual(err, [
      'svar: answers forventet "gyldige svar", fik ["Alder skal være et helt tal mellem 16 og 80."]',
      'indstilling: settings forventet "gyldige indstillinger", fik ["/affectedSectors/0: ukendt branche \\"stenalder\\""]',
    ]);
  });

  it('when "rules check" finds a schema-valid rule file with a broken cross-reference, then it exits 2 naming it', async () => {
    const { readFileSync } = await import('node:fs');
    for (const name of ['questionnaire.json', 'sectors.json']) {
      write(name, readFileSync(path.join(RULES_DATA_DIR, name), 'utf8'));
    }
    const rules = JSON.parse(readFileSync(path.join(RULES_DATA_DIR, 'screening-rules.json'), 'utf8')) as {
      defaults: { affectedSectors: string[] };
    };
    rules.defaults.affectedSectors = ['stenalder'];
    write('screening-rules.json', rules);
    const { io, err } = capture();
    assert.equal(await runCli(['rules', 'check', dir], io), 2);
    assert.deepEqual(err, ['screening-rules.json (/defaults/affectedSectors/0): ukendt branche "stenalder"']);
  });
});
