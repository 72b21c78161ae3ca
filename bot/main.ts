import { ConfigError, loadConfig } from './config/app-config';
import { startApp } from './app';

/** `npm run start:bot`: the bot alone, for scripts and other clients. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\nSee deployment/env.example.\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await startApp(config);
  process.stdout.write(`Bot listening: ${app.messagesUrl}\n`);
  const stop = (): void => {
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
