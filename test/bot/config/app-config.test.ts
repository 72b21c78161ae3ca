import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../../bot/config/app-config';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const AUDIT_KEY = 'k'.repeat(32);

describe('loadConfig', () => {
  it('when nothing is set, then it is local mode on 127.0.0.1:3978 with embedded storage', () => {
    const config = loadConfig({});
    assert.equal(config.identity, undefined);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 3978);
    assert.equal(config.cosmos.endpoint, undefined);
    assert.equal(config.cosmos.database, 'jobcenter');
    assert.equal(config.dataDir, '.data');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.teams.graphEndpoint, 'https://graph.microsoft.com');
    assert.deepEqual(config.teams.localTeamOwners, []);
    assert.equal(config.audit.developmentKey, true, 'local mode keys references with a development key');
  });

  it('when LOCAL_TEAM_OWNERS lists user ids in local mode, then those own every team', () => {
    assert.deepEqual(loadConfig({ LOCAL_TEAM_OWNERS: ' aad-lene, aad-lars ,' }).teams.localTeamOwners, [
      'aad-lene',
      'aad-lars',
    ]);
  });

  it('when an app id, password and tenant are set, then auth is on, all interfaces listen and the tenant is allowed', () => {
    const config = loadConfig({
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: TENANT,
      AUDIT_REFERENCE_KEY: AUDIT_KEY,
    });
    assert.equal(config.identity?.appType, 'SingleTenant');
    assert.deepEqual(config.audit, { referenceKey: AUDIT_KEY, developmentKey: false });
    assert.equal(config.host, '0.0.0.0');
    assert.deepEqual(config.allowedTenantIds, [TENANT]);
  });

  it('when PUBLIC_BASE_URL is set or App Service names the host, then the links to the report file use it; locally without it, none is configured', () => {
    const azure = {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: TENANT,
      AUDIT_REFERENCE_KEY: AUDIT_KEY,
    };
    assert.equal(loadConfig({}).publicBaseUrl, undefined, 'locally: the bot’s own address, once it listens');
    assert.equal(loadConfig({ WEBSITE_HOSTNAME: 'x.azurewebsites.net' }).publicBaseUrl, undefined);
    assert.equal(loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:3978/' }).publicBaseUrl, 'http://127.0.0.1:3978');
    assert.equal(loadConfig(azure).publicBaseUrl, undefined);
    assert.equal(
      loadConfig({ ...azure, WEBSITE_HOSTNAME: 'Jobcenterbot.azurewebsites.net' }).publicBaseUrl,
      'https://jobcenterbot.azurewebsites.net',
    );
    assert.equal(loadConfig({ ...azure, WEBSITE_HOSTNAME: 'evil.example/x?' }).publicBaseUrl, undefined);
    assert.equal(
      loadConfig({
        ...azure,
        WEBSITE_HOSTNAME: 'x.azurewebsites.net',
        PUBLIC_BASE_URL: 'https://bot.kommune.dk/jobcenter/',
      }).publicBaseUrl,
      'https://bot.kommune.dk/jobcenter',
    );
  });

  const invalid: [Record<string, string>, string][] = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MICROSOFT_APP_ID: 'not-a-guid' }, 'MICROSOFT_APP_ID'],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TENANT_ID: TENANT }, 'MICROSOFT_APP_PASSWORD'],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x' }, 'MICROSOFT_APP_TENANT_ID'],
    [
      {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'x',
        MICROSOFT_APP_TENANT_ID: TENANT,
        MICROSOFT_APP_TYPE: 'MultiTenant',
      },
      'MICROSOFT_APP_TYPE',
    ],
    [{ MICROSOFT_APP_PASSWORD: 'x' }, 'MICROSOFT_APP_PASSWORD'],
    [{ ALLOWED_TENANT_IDS: 'contoso' }, 'ALLOWED_TENANT_IDS'],
    [{ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT'],
    [{ COSMOS_ENDPOINT: 'ftp://x' }, 'COSMOS_ENDPOINT'],
    [{ COSMOS_KEY: 'k' }, 'COSMOS_KEY'],
    [{ COSMOS_DATABASE: 'bad name!' }, 'COSMOS_DATABASE'],
    [{ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TENANT_ID: TENANT }, 'AUDIT_REFERENCE_KEY'],
    [{ AUDIT_REFERENCE_KEY: 'too-short' }, 'AUDIT_REFERENCE_KEY'],
    [{ GRAPH_ENDPOINT: 'graph' }, 'GRAPH_ENDPOINT'],
    [{ PUBLIC_BASE_URL: 'bot.example.dk' }, 'PUBLIC_BASE_URL'],
    [{ PUBLIC_BASE_URL: 'ftp://bot.example.dk' }, 'PUBLIC_BASE_URL'],
    [{ PUBLIC_BASE_URL: 'https://bot.example.dk/?x=1' }, 'PUBLIC_BASE_URL'],
    [{ PUBLIC_BASE_URL: 'https://user:pw@bot.example.dk' }, 'PUBLIC_BASE_URL'],
    [
      {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'x',
        MICROSOFT_APP_TENANT_ID: TENANT,
        AUDIT_REFERENCE_KEY: AUDIT_KEY,
        PUBLIC_BASE_URL: 'http://bot.example.dk',
      },
      'PUBLIC_BASE_URL',
    ],
    [
      {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'x',
        MICROSOFT_APP_TENANT_ID: TENANT,
        GRAPH_ENDPOINT: 'http://graph.example',
      },
      'GRAPH_ENDPOINT',
    ],
    // With authentication on, nobody may be made an owner by a setting.
    [
      {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'x',
        MICROSOFT_APP_TENANT_ID: TENANT,
        LOCAL_TEAM_OWNERS: 'aad-lene',
      },
      'LOCAL_TEAM_OWNERS',
    ],
  ];
  for (const [env, variable] of invalid) {
    it(`when ${JSON.stringify(env)}, then the error names ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError && error.variable === variable && error.message.startsWith(variable),
      );
    });
  }
});
