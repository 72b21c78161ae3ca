import assert from 'node:assert/strict';
import { capturingLogger } from '../../support/capturing-logger';

describe('logger', () => {
  it('when an activity with text, card values and attachments is logged, then none of them reach the log', () => {
    const { logger, lines } = capturingLogger('info');
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
