import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/app-config';

export type { Logger } from 'pino';

/**
 * Paths that may carry what a person typed or chose. Logs must never contain answers, so these are
 * removed wherever they appear in a logged object, however deep (pino's wildcards cover one level
 * each, hence the repetition).
 */
const REDACTED_PATHS = [
  'text',
  'value',
  'attachments',
  'body',
  'activity.text',
  'activity.value',
  'activity.attachments',
  'activity.from.name',
  'err.activity',
  'err.body',
  'err.request',
  'err.response',
  '*.text',
  '*.value',
  '*.attachments',
  '*.body',
  '*.*.text',
  '*.*.value',
  '*.*.body',
];

/** Builds the process logger: JSON lines on stdout, personal data redacted. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'jobcenter-bot' },
      redact: { paths: REDACTED_PATHS, remove: true },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
