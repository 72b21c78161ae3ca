import { startCosmosEmulator } from './cosmos-emulator';

/**
 * The Cosmos emulator test double as a process of its own (for tests that freeze or kill the storage
 * server under a running bot): prints `{"endpoint":…,"key":…}` as one line and runs until SIGTERM.
 */
async function main(): Promise<void> {
  const emulator = await startCosmosEmulator();
  process.stdout.write(`${JSON.stringify({ endpoint: emulator.endpoint, key: emulator.key })}\n`);
  await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await emulator.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
