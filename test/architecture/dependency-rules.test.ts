import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ICruiseOptions, ICruiseResult, IViolation } from 'dependency-cruiser' with {
  'resolution-mode': 'import',
};

// The allow-lists in .dependency-cruiser.cjs, run through dependency-cruiser's API with that same config: on small
// fixture rooms written into a fresh temp directory (so they can break the rules without touching the real tree),
// and on the real tree, which must pass.

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** dependency-cruiser is ESM only ("import" in its exports); tsc (module node16) keeps this import() as is. */
async function cruiseWithTheRepoConfig(
  baseDir: string,
  roots: string[],
  extra: Partial<ICruiseOptions> = {},
): Promise<ICruiseResult> {
  const [{ cruise }, { default: extractDepcruiseOptions }, { default: extractTSConfig }] = await Promise.all([
    import('dependency-cruiser'),
    import('dependency-cruiser/config-utl/extract-depcruise-options'),
    import('dependency-cruiser/config-utl/extract-ts-config'),
  ]);
  const options = await extractDepcruiseOptions(path.join(repoRoot, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(path.join(repoRoot, 'tsconfig.json'));
  const { output } = await cruise(roots, { ...options, ...extra, baseDir }, {}, { tsConfig });
  assert.ok(typeof output === 'object', 'the default output type is the cruise result itself');
  return output;
}

/** Each fixture file and the import lines it holds; every file exports something so it is a module. */
const fixtures: Record<string, string[]> = {
  'rules/model.ts': [],
  'rules/uses-the-engine.ts': [
    "import { Engine } from 'json-rules-engine';",
    "import type { Verdict } from './model.js';",
  ],
  'rules/reads-a-file.ts': ["import { readFileSync } from 'node:fs';"],
  'rules/logs.ts': ["import pino from 'pino';"],
  'rules/gets-a-token.ts': ["import type { TokenCredential } from '@azure/identity';"],
  'rules/renders-a-card.ts': ["import { card } from '../cards/card.js';"],
  'rules/calls-an-adapter.ts': ["import { adapter } from '../bot/adapter.js';"],
  'rules/bare-own-path.ts': ["import { verdict } from 'rules/model';"],
  'rules/cycle-a.ts': ["import { b } from './cycle-b.js';"],
  'rules/cycle-b.ts': ["import { a } from './cycle-a.js';"],
  'cards/card.ts': [
    "import { Template } from 'adaptivecards-templating';",
    "import type { Verdict } from '../rules/model.js';",
    "import template from './templates/card.json';",
  ],
  'cards/sends.ts': ["import { CardFactory } from 'botbuilder';"],
  'cards/calls-an-adapter.ts': ["import { adapter } from '../bot/adapter.js';"],
  'bot/adapter.ts': ["import restify from 'restify';", "import { card } from '../cards/card.js';"],
  'bot/cycle-a.ts': ["import { b } from './cycle-b.js';"],
  'bot/cycle-b.ts': ["import { a } from './cycle-a.js';"],
};

describe('architecture: what each room may import (.dependency-cruiser.cjs)', function () {
  this.timeout(60_000);

  let fixtureDir: string;
  let result: ICruiseResult;

  before(async () => {
    fixtureDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-depcheck-'));
    for (const [file, imports] of Object.entries(fixtures)) {
      mkdirSync(path.dirname(path.join(fixtureDir, file)), { recursive: true });
      const name = path.basename(file, '.ts').replace(/\W/g, '_');
      writeFileSync(path.join(fixtureDir, file), [...imports, `export const ${name} = 1;`, ''].join('\n'));
    }
    mkdirSync(path.join(fixtureDir, 'cards', 'templates'));
    writeFileSync(path.join(fixtureDir, 'cards', 'templates', 'card.json'), '{ "type": "AdaptiveCard" }\n');
    // The packages resolve as node_modules/<name>/… under the fixture rooms, as they do in the real tree.
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(fixtureDir, 'node_modules'), 'dir');
    result = await cruiseWithTheRepoConfig(fixtureDir, ['rules', 'cards', 'bot'], { preserveSymlinks: true });
  });

  after(() => {
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  /** The errors reported for one fixture file, as `rule name -> imported module`. */
  function errorsFrom(file: string): string[] {
    return result.summary.violations
      .filter((violation: IViolation) => violation.from === file && violation.rule.severity === 'error')
      .map((violation: IViolation) => `${violation.rule.name} -> ${violation.to}`)
      .sort();
  }

  // `resolved` is how dependency-cruiser names the target: built-ins by their bare name, packages by their file.
  const notAllowed: { file: string; imported: string; resolved: RegExp }[] = [
    { file: 'rules/reads-a-file.ts', imported: 'node:fs', resolved: /^fs$/ },
    { file: 'rules/logs.ts', imported: 'pino', resolved: /^node_modules\/pino\// },
    { file: 'rules/gets-a-token.ts', imported: '@azure/identity', resolved: /^node_modules\/@azure\/identity\// },
    { file: 'rules/renders-a-card.ts', imported: 'cards/', resolved: /^cards\/card\.ts$/ },
    { file: 'rules/calls-an-adapter.ts', imported: 'bot/', resolved: /^bot\/adapter\.ts$/ },
    { file: 'cards/sends.ts', imported: 'botbuilder', resolved: /^node_modules\/botbuilder\// },
    { file: 'cards/calls-an-adapter.ts', imported: 'bot/', resolved: /^bot\/adapter\.ts$/ },
  ];
  for (const { file, imported, resolved } of notAllowed) {
    it(`when ${file} imports ${imported}, then that import is an error (not in the allow-list)`, () => {
      const errors = errorsFrom(file);
      assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
      const [rule, target] = (errors[0] ?? '').split(' -> ');
      assert.equal(rule, 'not-in-allowed');
      assert.match(target ?? '', resolved);
    });
  }

  it('when the SDK import is type-only, then it still counts (tsPreCompilationDeps)', () => {
    const module = result.modules.find((candidate) => candidate.source === 'rules/gets-a-token.ts');
    const dependency = module?.dependencies.find((candidate) => candidate.module === '@azure/identity');
    assert.ok(dependency?.dependencyTypes.includes('type-only'), JSON.stringify(dependency));
    assert.equal(dependency?.valid, false);
  });

  it('when a rules/ file imports json-rules-engine and its own model, then there is no error', () => {
    assert.deepEqual(errorsFrom('rules/uses-the-engine.ts'), []);
  });

  it('when a cards/ file imports rules/, adaptivecards-templating and its JSON template, then there is no error', () => {
    assert.deepEqual(errorsFrom('cards/card.ts'), []);
  });

  it('when bot/ imports an SDK and cards/, then there is no error', () => {
    assert.deepEqual(errorsFrom('bot/adapter.ts'), []);
  });

  it('when an import does not resolve (a bare rules/… path), then it is an error even though it looks like rules/', () => {
    assert.deepEqual(errorsFrom('rules/bare-own-path.ts'), ['not-to-unresolvable -> rules/model']);
  });

  for (const room of ['rules', 'bot']) {
    it(`when two files in ${room}/ import each other, then the cycle is an error`, () => {
      // A cycle is reported once, on one of its edges.
      const errors = [...errorsFrom(`${room}/cycle-a.ts`), ...errorsFrom(`${room}/cycle-b.ts`)];
      assert.equal(errors.length, 1, `expected one error, got ${JSON.stringify(errors)}`);
      assert.match(errors[0] ?? '', new RegExp(`^no-circular -> ${room}/cycle-[ab]\\.ts$`));
    });
  }

  it('when the real bot, rules, cards and test are cruised, then there is no error and no cycle', async () => {
    const real = await cruiseWithTheRepoConfig(repoRoot, ['bot', 'rules', 'cards', 'test']);
    const errors = real.summary.violations
      .filter((violation: IViolation) => violation.rule.severity === 'error')
      .map((violation: IViolation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`);
    assert.deepEqual(errors, []);
    assert.equal(real.summary.error, 0);
    assert.ok(real.summary.totalCruised > 100, `cruised ${real.summary.totalCruised} modules`);
  });
});
