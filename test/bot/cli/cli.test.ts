import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../bot/cli/cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

describe('CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jobcenter-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when "rules check" runs on the project rules folder, then it exits 0 and says ok', async () => {
    const { io, out } = capture();
    assert.equal(await runCli(['rules', 'check'], io), 0);
    assert.equal((JSON.parse(out.join('')) as { ok: boolean }).ok, true);
  });

  it('when a rules folder holds malformed JSON, then it exits 2 naming the file, line and column', async () => {
    writeFileSync(path.join(dir, 'criteria.json'), '{\n  "criteria": [\n    { "id": "over_40", }\n  ]\n}\n');
    const { io, err } = capture();
    assert.equal(await runCli(['rules', 'check', dir], io), 2);
    assert.match(err.join('\n'), /criteria\.json \(linje 3, kolonne \d+\): ugyldig JSON/);
  });

  it('when a rules folder holds a file with no known schema, then it exits 2 naming the file', async () => {
    writeFileSync(path.join(dir, 'kriterier.json'), '{}');
    const { io, err } = capture();
    assert.equal(await runCli(['rules', 'check', dir], io), 2);
    assert.match(err.join('\n'), /kriterier\.json .*ukendt regelfil/);
  });

  it('when the folder does not exist or the command is unknown, then it exits 2 with a Danish reason', async () => {
    const missing = capture();
    assert.equal(await runCli(['rules', 'check', path.join(dir, 'nope')], missing.io), 2);
    assert.match(missing.err.join(''), /Mappen findes ikke/);
    const unknown = capture();
    assert.equal(await runCli(['frobnicate'], unknown.io), 2);
    assert.match(unknown.err.join(''), /Ukendt kommando: frobnicate/);
  });
});
