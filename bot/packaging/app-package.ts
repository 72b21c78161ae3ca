import { zipSync } from 'fflate';
import { manifestCommandLists } from './manifest-commands';

/** What differs per installation: the bot's Entra app id and the host the bot answers on. */
export interface AppPackageParams {
  botId: string;
  /** Host name only, e.g. `jobcenterbot.azurewebsites.net`. */
  domain: string;
  /** The Teams app id; the bot id unless given. */
  appId?: string;
  version?: string;
  developerName?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/iu;
const SEMVER = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/u;

/** Checks the parameters; each problem is a Danish sentence naming the parameter. */
export function appPackageProblems(params: Partial<AppPackageParams>): string[] {
  const problems: string[] = [];
  if (params.botId === undefined || !GUID.test(params.botId))
    problems.push('--bot-id: skriv bottens app-id (et GUID fra app-registreringen i Entra ID).');
  if (params.appId !== undefined && !GUID.test(params.appId)) problems.push('--app-id: skal være et GUID.');
  if (params.domain === undefined || !HOST.test(params.domain))
    problems.push('--domain: skriv kun værtsnavnet, fx jobcenterbot.azurewebsites.net (uden https:// og sti).');
  if (params.version !== undefined && !SEMVER.test(params.version))
    problems.push('--version: skriv versionen som tre tal, fx 1.0.0.');
  if (params.developerName !== undefined && (params.developerName === '' || params.developerName.length > 32))
    problems.push('--developer: 1 til 32 tegn.');
  return problems;
}

/** The manifest: the template with the parameters filled in and the command lists from the catalog. */
export function buildManifest(
  template: Readonly<Record<string, unknown>>,
  params: AppPackageParams,
): Record<string, unknown> {
  const values: Record<string, string> = {
    botId: params.botId,
    appId: params.appId ?? params.botId,
    domain: params.domain,
    version: params.version ?? '1.0.0',
    developerName: params.developerName ?? 'Jobcentret',
  };
  const filled = JSON.parse(
    JSON.stringify(template).replace(/\{\{(\w+)\}\}/gu, (placeholder, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`manifest template: unknown placeholder ${placeholder}`);
      return value;
    }),
  ) as Record<string, unknown>;
  const [bot] = filled.bots as Record<string, unknown>[];
  if (bot === undefined) throw new Error('manifest template: no bot');
  bot.commandLists = manifestCommandLists();
  return filled;
}

/** The zip Teams takes: manifest.json and the two icons at its root. */
export function zipAppPackage(
  manifest: Readonly<Record<string, unknown>>,
  icons: { color: Uint8Array; outline: Uint8Array },
): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': icons.color,
    'outline.png': icons.outline,
  });
}
