import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../project-paths';
import { appPackageProblems, buildManifest, zipAppPackage, type AppPackageParams } from './app-package';

const EXIT_INVALID = 2;

/**
 * `npm run package -- --bot-id <guid> --domain <host> [--app-id <guid>] [--version 1.0.0]
 * [--developer <name>] [--out <file.zip>]`: builds the Teams app package to upload.
 * BOT_ID and BOT_DOMAIN in the environment work too.
 */
function main(): number {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        'bot-id': { type: 'string' },
        domain: { type: 'string' },
        'app-id': { type: 'string' },
        version: { type: 'string' },
        developer: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  const params: Partial<AppPackageParams> = {
    botId: values['bot-id'] ?? process.env.BOT_ID,
    domain: values.domain ?? process.env.BOT_DOMAIN,
    ...(values['app-id'] !== undefined && { appId: values['app-id'] }),
    ...(values.version !== undefined && { version: values.version }),
    ...(values.developer !== undefined && { developerName: values.developer }),
  };
  const problems = appPackageProblems(params);
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\n`);
    return EXIT_INVALID;
  }
  const source = path.join(projectRoot(), 'deployment', 'appPackage');
  const template = JSON.parse(readFileSync(path.join(source, 'manifest.template.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const manifest = buildManifest(template, params as AppPackageParams);
  const zip = zipAppPackage(manifest, {
    color: readFileSync(path.join(source, 'color.png')),
    outline: readFileSync(path.join(source, 'outline.png')),
  });
  const out = path.resolve(values.out ?? path.join(projectRoot(), 'deployment', 'build', 'jobcenterbot-app.zip'));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip);
  process.stdout.write(`${JSON.stringify({ file: out, appId: manifest.id, version: manifest.version }, null, 2)}\n`);
  return 0;
}

process.exitCode = main();
