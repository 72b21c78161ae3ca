import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logging/logger';
import type { LogLevel } from '../../bot/config/app-config';

/** The bot's own logger writing into `lines` (one JSON line each), for tests that read what was logged. */
export function capturingLogger(level: LogLevel = 'debug', lines: string[] = []) {
  const logger = createLogger(
    level,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    }),
  );
  return { logger, lines };
}
