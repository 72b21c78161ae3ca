import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/app-config';
import { createLogger } from '../../bot/logging/logger';
import { installActivity } from '../support/activities';
import { exited, MAIN_SCRIPT, spawnBot } from '../support/bot-process';
import { cardOf, cardText } from '../support/bot-under-test';
import { postActivity } from '../support/running-bot';

type Replies = { activities: { attachments?: { contentType: string; content: unknown }[] }[] };

/** The app installed in personal chat `a:install-<id>`, delivered as activity `activityId`. */
const installEvent = (id: string, activityId = id) =>
  installActivity('add', { id: activityId, conversationId: `a:install-${id}` });

describe('the bot process', function () {
  this.timeout(90_000);
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jobcenter-process-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('when it is killed with SIGKILL right after acknowledged writes, then a restart still has every one', async () => {
    const first = await spawnBot({ DATA_DIR: dataDir });
    const ids = Array.from({ length: 20 }, (_, index) => `k${index}`);
    for (const id of ids) {
      const { json } = await postActivity(first.baseUrl, installEvent(id));
      assert.match(cardText(cardOf((json as Replies).activities[0] as never)), /Velkommen/, 'first install welcomes');
    }
    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await spawnBot({ DATA_DIR: dataDir });
    try {
      for (const id of ids) {
        const { status, json } = await postActivity(second.baseUrl, installEvent(id, `${id}-again`));
        assert.equal(status, 200);
        assert.deepEqual((json as Replies).activities, [], `installation ${id} was lost: the bot welcomed again`);
      }
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await exited(second.child), 0, 'SIGTERM stops the bot cleanly');
    }
  });

  it('when a variable has a wrong value, then the start stops with a message naming it', async () => {
    const child = spawn(process.execPath, [MAIN_SCRIPT], {
      env: { PATH: process.env.PATH, PORT: 'abc', DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    assert.equal(await exited(child), 1);
    assert.match(stderr, /Configuration error: PORT: must be a whole number/);
  });

  it('when a rule file is broken, then the start stops naming the file and the place in it', async () => {
    const rulesDir = path.join(dataDir, 'rules');
    rmSync(rulesDir, { recursive: true, force: true });
    mkdirSync(rulesDir);
    writeFileSync(path.join(rulesDir, 'criteria.json'), '{ "criteria": [ }');
    await assert.rejects(
      startApp(loadConfig({ PORT: '0', DATA_DIR: path.join(dataDir, 'store') }), {
        logger: createLogger('silent'),
        rulesDir,
      }),
      /criteria\.json \(linje 1, kolonne \d+\): ugyldig JSON/,
    );
  });
});
