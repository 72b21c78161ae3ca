import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/app-config';
import { loadIndicatorCatalogFile } from '../indicator-catalog.loader';
import { loadDefaultScreeningRuleset } from '../screening-ruleset.loader';
import { HmacReferenceKeyer } from '../storage/hmac-reference.keyer';
import { OLD_JOURNAL } from '../storage/sqlite/journal-import';
import { openSqliteStorage, SQLITE_FILE } from '../storage/storage';
import { yearProfile } from './seed/seed-profile';
import { YearSeeder, type SeedCounts, type SeedResult } from './seed/year.seeder';

/**
 * `npm run seed -- --profile year [--data-dir DIR] [--force]`: fills a data folder with a job centre's
 * year (10 teams of 20 people, their screenings, openings, goals, follow-ups and audit trail), written
 * through the bot's repositories and use cases, for benchmarks and demonstrations. Made-up people and
 * companies only. Refuses a folder that holds data unless --force (which deletes that data first).
 * `--scale` (0–1) makes a smaller year, for tests; `--service-url` is where the teams' rosters are read
 * again (the Bot Connector; the bench points it at its stand-in).
 */

const EXIT_INVALID = 2;
const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

export interface SeedIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE =
  'Brug: npm run seed -- --profile year [--data-dir MAPPE] [--force]\n' +
  '  --profile year   et jobcenters år: 10 teams á 20 personer, 6.000 screeninger, 4.000 registreringer,\n' +
  '                   10.000 ugelogs, 18.000 opfølgninger og 60.000 hændelser i revisionssporet\n' +
  '  --data-dir       datamappen (standard: DATA_DIR eller .data)\n' +
  '  --force          slet data, der allerede ligger i mappen, og seed forfra';

/** The data files a folder may hold: the SQLite file (with its WAL) and an old embedded-server journal. */
function dataFilesIn(dataDir: string): string[] {
  return [SQLITE_FILE, `${SQLITE_FILE}-wal`, `${SQLITE_FILE}-shm`, OLD_JOURNAL]
    .map((name) => path.join(dataDir, name))
    .filter((file) => existsSync(file));
}

const COUNT_LABELS: Readonly<Record<keyof SeedCounts, string>> = {
  teams: 'teams',
  people: 'personer (på teamenes rostere)',
  installations: 'installationer (teamkanaler og personlige chats)',
  screenings: 'screeninger',
  decidedScreenings: '  heraf afgjort',
  unfinishedScreenings: '  heraf i gang',
  retainedScreenings: '  heraf reduceret efter opbevaringsperioden',
  openings: 'registreringer (stillinger og virksomhedskontakter)',
  openingsWithPlaces: '  heraf med pladser',
  filledPlaces: 'besatte pladser',
  closedOpenings: 'lukkede stillinger',
  goalPlans: 'målplaner',
  weeklyLogs: 'ugelogs',
  followUps: 'opfølgninger',
  followUpOutcomes: '  heraf med udfald',
  followUpReminders: '  påmindelser (kun registreret, intet sendt)',
  settingsChanges: 'ændringer af teamindstillinger',
  auditEvents: 'hændelser i revisionssporet',
};

export function formatCounts(counts: SeedCounts): string[] {
  return (Object.keys(COUNT_LABELS) as (keyof SeedCounts)[]).map(
    (key) => `  ${COUNT_LABELS[key].padEnd(52)} ${counts[key].toLocaleString('da-DK').padStart(7)}`,
  );
}

/** Runs the seed command; resolves the exit code and, when it seeded, what it wrote. */
export async function runSeed(
  args: readonly string[],
  io: SeedIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; result?: SeedResult }> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        profile: { type: 'string' },
        'data-dir': { type: 'string' },
        force: { type: 'boolean', default: false },
        scale: { type: 'string', default: '1' },
        'service-url': { type: 'string', default: DEFAULT_SERVICE_URL },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return { code: EXIT_INVALID };
  }
  if (values.profile !== 'year') {
    io.err(`Angiv en profil: --profile year.\n${USAGE}`);
    return { code: EXIT_INVALID };
  }
  const scale = Number(values.scale);
  if (!Number.isFinite(scale) || scale < 0 || scale > 1) {
    io.err(`--scale skal være et tal fra 0 til 1, ikke "${values.scale}".`);
    return { code: EXIT_INVALID };
  }
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`Konfigurationsfejl: ${error.message}`);
    return { code: EXIT_INVALID };
  }
  const dataDir = path.resolve(values['data-dir'] ?? config.dataDir);
  const existing = dataFilesIn(dataDir);
  if (existing.length > 0 && !values.force) {
    io.err(
      `Mappen ${dataDir} indeholder allerede data (${existing.map((file) => path.basename(file)).join(', ')}). ` +
        'Seed skriver kun i en mappe uden data; brug --force for at slette de eksisterende data og seede forfra.',
    );
    return { code: EXIT_INVALID };
  }
  for (const file of existing) rmSync(file, { force: true });

  const started = performance.now();
  const [ruleset, indicators] = await Promise.all([loadDefaultScreeningRuleset(), loadIndicatorCatalogFile()]);
  // The bot's own storage and the bot's own key for case references, so what is written is what it reads.
  const storage = openSqliteStorage({ dataDir, cosmos: config.cosmos });
  let result: SeedResult;
  try {
    io.out(`Seeder et jobcenters år i ${storage.location} (skala ${scale}) …`);
    result = await new YearSeeder({
      profile: yearProfile(scale),
      repositories: storage.repositories,
      ruleset,
      indicators,
      referenceKeyer: new HmacReferenceKeyer(config.audit.referenceKey),
      end: new Date(),
      serviceUrl: values['service-url'],
      progress: (line) => io.out(`  ${line}`),
    }).run();
  } finally {
    await storage.close();
  }
  const seconds = (performance.now() - started) / 1000;
  io.out(
    [
      `Skrevet gennem repositorierne, ${result.from} – ${result.to}:`,
      ...formatCounts(result.counts),
      `Tid: ${seconds.toFixed(1)} s`,
    ].join('\n'),
  );
  return { code: 0, result };
}

if (require.main === module) {
  runSeed(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then(
    ({ code }) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `Seed fejlede: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
