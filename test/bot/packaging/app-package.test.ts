import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { appPackageProblems, buildManifest, zipAppPackage } from '../../../bot/packaging/app-package';
import { projectRoot } from '../../../bot/project-paths';
import { parseCommand } from '../../../rules/commands/command.parser';

const root = projectRoot();
const source = path.join(root, 'deployment', 'appPackage');
const template = JSON.parse(readFileSync(path.join(source, 'manifest.template.json'), 'utf8')) as Record<
  string,
  unknown
>;
const schema = JSON.parse(
  readFileSync(
    require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json'),
    'utf8',
  ),
) as Record<string, unknown>;
const params = { botId: '8f0c2b9e-3c1d-4a5e-9b7f-1a2b3c4d5e6f', domain: 'jobcenterbot.azurewebsites.net' };

type CommandList = { scopes: string[]; commands: { title: string; description: string }[] };

/** Width, height and colour type from a PNG's IHDR chunk. */
function pngHeader(file: Buffer): { width: number; height: number; colourType: number } {
  assert.equal(file.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20), colourType: file.readUInt8(25) };
}

describe('the Teams app package', () => {
  const manifest = buildManifest(template, params);
  const lists = (manifest.bots as { commandLists: CommandList[] }[])[0]?.commandLists ?? [];

  it('when the manifest is built, then it passes the Teams manifest schema v1.30', async () => {
    assert.equal(manifest.manifestVersion, '1.30');
    const failures = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
    assert.deepEqual(failures, []);
  });

  it('when a schema rule is broken, then the validation used above reports it (the check can fail)', async () => {
    const broken = { ...manifest, name: { short: 'Et alt for langt navn på en Teams-app, over 30 tegn' } };
    const failures = await AppManifestUtils.validateAgainstSchema(broken as never, schema as never);
    assert.ok(failures.length > 0);
  });

  it('when the parameters are filled in, then the bot id, app id and domain are where Teams looks for them', () => {
    assert.equal(manifest.id, params.botId);
    assert.equal((manifest.bots as { botId: string }[])[0]?.botId, params.botId);
    assert.deepEqual(manifest.validDomains, [params.domain]);
    assert.match(
      String((manifest.developer as { privacyUrl: string }).privacyUrl),
      /^https:\/\/jobcenterbot\.azurewebsites\.net\//,
    );
    assert.doesNotMatch(JSON.stringify(manifest), /\{\{/);
    // Leaders are the team's owners, read from Graph with resource-specific consent (spec §0).
    assert.deepEqual(manifest.authorization, {
      permissions: { resourceSpecific: [{ name: 'TeamMember.Read.Group', type: 'Application' }] },
    });
    assert.equal((manifest.webApplicationInfo as { id: string }).id, params.botId);
    assert.equal(
      buildManifest(template, { ...params, appId: '11111111-2222-4333-8444-555555555555' }).id,
      '11111111-2222-4333-8444-555555555555',
    );
  });

  it('when the command lists are read, then each scope has Danish commands the bot understands, and screening is only personal', () => {
    assert.deepEqual(
      lists
        .map((list) => list.scopes)
        .flat()
        .sort(),
      ['groupChat', 'personal', 'team'],
    );
    for (const list of lists) {
      assert.ok(list.commands.length > 0 && list.commands.length <= 12);
      for (const command of list.commands) {
        assert.equal(parseCommand(command.title).kind, 'command', command.title);
        assert.ok(command.description.length > 0);
      }
    }
    const titles = (scope: string) =>
      lists.find((list) => list.scopes.includes(scope))?.commands.map((c) => c.title) ?? [];
    assert.ok(titles('personal').includes('screening'));
    assert.ok(!titles('team').includes('screening') && !titles('groupChat').includes('screening'));
    assert.ok(titles('team').includes('morgenmøde her'));
  });

  it('when the icons are read, then the colour icon is 192×192 and the outline 32×32 with transparency', () => {
    const color = pngHeader(readFileSync(path.join(source, 'color.png')));
    const outline = pngHeader(readFileSync(path.join(source, 'outline.png')));
    assert.deepEqual([color.width, color.height], [192, 192]);
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.equal(outline.colourType, 6, 'RGBA: a transparent background');
  });

  it('when the package is zipped, then it holds exactly the manifest and the two icons at its root', () => {
    const zip = zipAppPackage(manifest, {
      color: readFileSync(path.join(source, 'color.png')),
      outline: readFileSync(path.join(source, 'outline.png')),
    });
    const files = unzipSync(zip);
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(files['manifest.json'])), manifest);
  });

  it('when parameters are missing or malformed, then each is named in Danish', () => {
    assert.deepEqual(appPackageProblems(params), []);
    const problems = appPackageProblems({ botId: 'abc', domain: 'https://bot.example.dk/api', version: '1.0' });
    assert.equal(problems.length, 3);
    assert.match(problems[0] ?? '', /^--bot-id: /);
    assert.match(problems[1] ?? '', /^--domain: /);
    assert.match(problems[2] ?? '', /^--version: /);
  });

  it('when `npm run package` runs with parameters, then it writes the zip; without, it exits 2 naming what is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'app-package-'));
    try {
      const script = path.join(root, 'dist', 'bot', 'packaging', 'app-package.main.js');
      const out = path.join(dir, 'app.zip');
      execFileSync(process.execPath, [script, '--bot-id', params.botId, '--domain', params.domain, '--out', out], {
        env: { PATH: process.env.PATH },
      });
      assert.equal(unzipSync(readFileSync(out))['manifest.json'] !== undefined, true);
      assert.throws(
        () => execFileSync(process.execPath, [script], { env: { PATH: process.env.PATH }, stdio: 'pipe' }),
        (error: { status: number; stderr: Buffer }) => error.status === 2 && /--bot-id/.test(error.stderr.toString()),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
