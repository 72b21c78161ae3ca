import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../bot/cli/cli';
import { rulesDataDir } from '../../../bot/project-paths';

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

  it('when the indicator file repeats an id, then rules check exits 2 naming the file and the place', async () => {
    const indicators = JSON.parse(readFileSync(path.join(rulesDataDir(), 'indicators.json'), 'utf8')) as {
      indicators: { id: string }[];
    };
    const [first, second] = indicators.indicators;
    assert.ok(first !== undefined && second !== undefined);
    second.id = first.id;
    writeFileSync(path.join(dir, 'indicators.json'), JSON.stringify(indicators));
    const { io, err } = capture();
    assert.equal(await runCli(['rules', 'check', dir], io), 2);
    assert.match(err.join('\n'), /^indicators\.json \(\/indicators\/1/m);
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
