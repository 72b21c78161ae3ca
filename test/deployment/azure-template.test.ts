import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../bot/project-paths';
import { HEALTH_PATH } from '../../bot/server/http.server';
import { CONTAINERS } from '../../bot/storage/container.definitions';

/**
 * The ARM template (deployment/infra/azuredeploy.json) against the app: what the app creates and
 * expects must be what Azure is told to create. The Bicep compiler cannot be installed here, so the
 * template is ARM JSON, which the Azure CLI deploys as it is.
 */
type Resource = {
  type: string;
  name: string;
  kind?: string;
  sku?: Record<string, unknown>;
  identity?: { type: string };
  properties: Record<string, unknown>;
};
type Template = {
  $schema: string;
  parameters: Record<string, { type: string; defaultValue?: unknown; allowedValues?: unknown[] }>;
  variables: Record<string, unknown>;
  resources: Resource[];
  outputs: Record<string, unknown>;
};

const root = projectRoot();
const text = readFileSync(path.join(root, 'deployment', 'infra', 'azuredeploy.json'), 'utf8');
const template = JSON.parse(text) as Template;
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

function resource(type: string): Resource {
  const found = template.resources.find((candidate) => candidate.type === type);
  assert.ok(found, `the template has a ${type}`);
  return found;
}
const site = () => resource('Microsoft.Web/sites');
const siteConfig = () => site().properties.siteConfig as Record<string, unknown>;
const appSettings = () =>
  new Map((siteConfig().appSettings as { name: string; value: string }[]).map((entry) => [entry.name, entry.value]));

describe('the Azure template', () => {
  it('when it is read, then it is an ARM deployment template whose expressions use only declared parameters and variables', () => {
    assert.match(template.$schema, /deploymentTemplate\.json#$/);
    const used = (kind: 'parameters' | 'variables') =>
      new Set([...text.matchAll(new RegExp(`${kind}\\('([^']+)'\\)`, 'g'))].map((match) => match[1] ?? ''));
    for (const name of used('parameters')) assert.ok(name in template.parameters, `parameter ${name} is declared`);
    for (const name of used('variables')) assert.ok(name in template.variables, `variable ${name} is declared`);
    for (const name of Object.keys(template.parameters))
      assert.ok(used('parameters').has(name), `parameter ${name} is used`);
    for (const match of text.matchAll(/"\[(.*)\]"/g)) {
      const expression = match[1] ?? '';
      const depth = [...expression].reduce((open, char) => open + (char === '(' ? 1 : char === ')' ? -1 : 0), 0);
      assert.equal(depth, 0, `balanced parentheses in [${expression}]`);
    }
  });

  it('when the containers are compared with the app, then names, partition keys and TTL are equal', () => {
    const declared = template.variables.containers as { name: string; partitionKeyPath: string; defaultTtl?: number }[];
    const expected = Object.values(CONTAINERS)
      .map((definition) => ({
        name: definition.id,
        partitionKeyPath: definition.partitionKeyPath,
        ...(definition.defaultTtl === undefined ? {} : { defaultTtl: definition.defaultTtl }),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(
      [...declared].sort((a, b) => a.name.localeCompare(b.name)),
      expected,
    );
    const containerResource = resource('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    assert.match(JSON.stringify(containerResource), /copyIndex\(\)\]\.partitionKeyPath/);
    assert.match(
      JSON.stringify(containerResource),
      /'defaultTtl', variables\('containers'\)\[copyIndex\(\)\]\.defaultTtl/,
    );
  });

  it('when the web app is compared with the app, then the health path and the Node version are the ones the app has', () => {
    assert.equal(template.variables.healthCheckPath, HEALTH_PATH);
    assert.equal(siteConfig().healthCheckPath, "[variables('healthCheckPath')]");
    const major = (range: string) => /(\d+)/.exec(range)?.[1];
    assert.equal(template.variables.nodeVersion, `NODE|${major(packageJson.engines.node)}-lts`);
    assert.equal(major(packageJson.devDependencies.node ?? ''), major(packageJson.engines.node));
    assert.equal(siteConfig().linuxFxVersion, "[variables('nodeVersion')]");
    const [, script] = /^node (\S+)$/.exec(String(siteConfig().appCommandLine)) ?? [];
    assert.ok(script !== undefined && existsSync(path.join(root, script)), `the start script ${script} is built`);
  });

  it('when the web app is read, then it is HTTPS only, TLS 1.2+, always on, with a system identity and the instance count as a parameter', () => {
    assert.equal(site().properties.httpsOnly, true);
    assert.equal(siteConfig().minTlsVersion, '1.2');
    assert.equal(siteConfig().alwaysOn, true);
    assert.equal(siteConfig().ftpsState, 'Disabled');
    assert.equal(site().identity?.type, 'SystemAssigned');
    assert.equal(resource('Microsoft.Web/serverfarms').sku?.capacity, "[parameters('instanceCount')]");
    assert.equal(resource('Microsoft.Web/serverfarms').properties.reserved, true, 'Linux');
  });

  it("when the app settings are read, then each is a variable the app's configuration knows, and no Cosmos key is set", () => {
    const known = new Set(
      [...readFileSync(path.join(root, 'deployment', 'env.example'), 'utf8').matchAll(/^([A-Z_]+)=/gm)].map(
        (match) => match[1],
      ),
    );
    const platform = new Set([
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
      'ApplicationInsightsAgent_EXTENSION_VERSION',
      'SCM_DO_BUILD_DURING_DEPLOYMENT',
      'WEBSITE_HEALTHCHECK_MAXPINGFAILURES',
    ]);
    for (const name of appSettings().keys()) assert.ok(known.has(name) || platform.has(name), `${name} is configured`);
    assert.ok(appSettings().has('COSMOS_ENDPOINT'));
    assert.ok(!appSettings().has('COSMOS_KEY'), 'keyless: the managed identity reads and writes');
  });

  it("when Cosmos is read, then local (key) auth is off and the web app's identity has the data-plane contributor role", () => {
    const account = resource('Microsoft.DocumentDB/databaseAccounts');
    assert.equal(account.properties.disableLocalAuth, true);
    assert.equal(account.properties.minimalTlsVersion, 'Tls12');
    assert.match(String(account.properties.capabilities), /EnableServerless/);
    assert.deepEqual(template.parameters.cosmosCapacityMode?.allowedValues, ['serverless', 'autoscale']);
    const assignment = resource('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    assert.equal(template.variables.cosmosDataContributorRoleId, '00000000-0000-0000-0000-000000000002');
    assert.match(String(assignment.properties.principalId), /Microsoft\.Web\/sites.*identity\.principalId/);
  });

  it('when the bot registration is read, then it is SingleTenant, points at /api/messages and has the Teams channel', () => {
    const bot = resource('Microsoft.BotService/botServices');
    assert.equal(bot.properties.msaAppType, 'SingleTenant');
    assert.match(String(bot.properties.endpoint), /\/api\/messages'\)\]$/);
    const channel = resource('Microsoft.BotService/botServices/channels');
    assert.equal(channel.properties.channelName, 'MsTeamsChannel');
    assert.ok(resource('Microsoft.Insights/components'));
  });
});
