import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../../bot/logging/logger';

function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    }),
  );
  return { logger, lines };
}

describe('logger', () => {
  it('when an activity with text, card values and attachments is logged, then none of them reach the log', () => {
    const { logger, lines } = capturingLogger();
    logger.info(
      {
        activity: {
          type: 'message',
          text: 'borgerens svar',
          value: { age: 'alder-hemmelig' },
          attachments: [{ content: 'kort' }],
          from: { id: 'u', name: 'Navn Navnesen' },
        },
        text: 'fri tekst',
        value: { answer: 'ja' },
        nested: { deeper: { text: 'dybt', value: 'dybere' } },
      },
      'turn',
    );
    const log = lines.join('');
    for (const secret of [
      'borgerens svar',
      'alder-hemmelig',
      'kort',
      'Navn Navnesen',
      'fri tekst',
      '"ja"',
      'dybt',
      'dybere',
    ]) {
      assert.ok(!log.includes(secret), `log contains ${secret}: ${log}`);
    }
    assert.match(log, /"type":"message"/);
  });
});
