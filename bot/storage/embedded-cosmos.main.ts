import { startEmbeddedCosmos, type EmbeddedCosmosLogger } from './embedded-cosmos.server';

/**
 * Runs the durable embedded Cosmos server on its own, so that several bot processes can share one
 * data folder (only one process may open it). Reads DATA_DIR (default `.data`, as the bot) and
 * COSMOS_PORT (default 0, ephemeral), listens on 127.0.0.1, and prints `{"endpoint":…,"key":…}` as
 * one JSON line on stdout for the launcher to pass on as COSMOS_ENDPOINT and COSMOS_KEY.
 */
async function main(): Promise<void> {
  const dataDir = process.env['DATA_DIR'] ?? '.data';
  const port = parsePort(process.env['COSMOS_PORT']);
  const cosmos = await startEmbeddedCosmos({ dataDir, port, host: '127.0.0.1', logger: stderrLogger() });
  process.stdout.write(`${JSON.stringify({ endpoint: cosmos.endpoint, key: cosmos.key })}\n`);
  await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await cosmos.close();
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') {
    return 0;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`COSMOS_PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** Warnings go to stderr so that stdout carries nothing but the endpoint line. */
function stderrLogger(): EmbeddedCosmosLogger {
  return {
    warn(obj, msg) {
      const fields = Object.fromEntries(
        Object.entries(obj).map(([key, value]) => [key, value instanceof Error ? value.message : value]),
      );
      process.stderr.write(`${JSON.stringify({ level: 'warn', msg, ...fields })}\n`);
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', msg: error instanceof Error ? error.message : String(error) })}\n`,
  );
  process.exitCode = 1;
});
