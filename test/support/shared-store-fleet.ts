import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp, type RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/app-config';
import { createLogger } from '../../bot/logging/logger';
import { startFakeConnector, type FakeConnector } from './fake-connector';

/**
 * Bot instances as in a scaled-out deployment on one machine: all on one SQLite file in one data
 * folder (each instance with its own connection to it), sending what they post to one stand-in connector, on a clock the test sets. The
 * scheduler is off; a test runs the jobs with `runScheduledJobs()`.
 */
export interface SharedStoreFleet {
  /** The instances started so far, in order (the first `instances` at `before`). */
  readonly apps: RunningApp[];
  /** The data folder the instances share. */
  readonly dataDir: string;
  readonly connector: FakeConnector;
  /** Starts one more instance on the same store (e.g. a restart), kept in `apps` and stopped after the suite. */
  startInstance(): Promise<RunningApp>;
}

/**
 * Registers mocha `before`/`after` hooks that create the data folder, start the connector and `instances`
 * bots, and stop them and remove their folders. Call it inside a `describe`; use the fleet in tests.
 */
export function useSharedStoreFleet(options: {
  dirPrefix: string;
  now: () => Date;
  instances?: number;
}): SharedStoreFleet {
  const dirs: string[] = [];
  const apps: RunningApp[] = [];
  let dataDir: string | undefined;
  let connector: FakeConnector | undefined;

  const dir = (): string => {
    const created = mkdtempSync(path.join(tmpdir(), options.dirPrefix));
    dirs.push(created);
    return created;
  };
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the fleet's ${what} is used before the suite's before hook ran`);
    return value;
  };

  const fleet: SharedStoreFleet = {
    apps,
    get dataDir() {
      return started(dataDir, 'data folder');
    },
    get connector() {
      return started(connector, 'connector');
    },
    async startInstance() {
      const app = await startApp(loadConfig({ PORT: '0', DATA_DIR: fleet.dataDir }), {
        logger: createLogger('silent'),
        clock: { now: options.now },
        scheduler: false,
      });
      apps.push(app);
      return app;
    },
  };

  before(async () => {
    dataDir = dir();
    connector = await startFakeConnector();
    for (let i = 0; i < (options.instances ?? 2); i += 1) await fleet.startInstance();
  });
  after(async () => {
    for (const app of apps) await app.stop();
    await connector?.close();
    for (const created of dirs) rmSync(created, { recursive: true, force: true });
  });
  return fleet;
}
