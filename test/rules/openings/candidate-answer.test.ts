import assert from 'node:assert/strict';
import { checkCandidateAnswer, MAX_CANDIDATE_ANSWER_LENGTH } from '../../../rules/openings/candidate-answer';

const LABEL = 'Svar til Sara';

describe('checkCandidateAnswer', () => {
  const accepted: [string, unknown, string][] = [
    ['a short answer', 'Ring til mig', 'Ring til mig'],
    ['lines, the ends trimmed', '  Tak!\r\nRing i morgen.  ', 'Tak!\nRing i morgen.'],
    ['a phone number', 'Ring på +45 12 34 56 78', 'Ring på +45 12 34 56 78'],
    ['exactly the limit', 'x'.repeat(MAX_CANDIDATE_ANSWER_LENGTH), 'x'.repeat(MAX_CANDIDATE_ANSWER_LENGTH)],
  ];
  for (const [what, value, text] of accepted) {
    it(`when the answer is ${what}, then it is accepted as typed`, () => {
      assert.deepEqual(checkCandidateAnswer(value, LABEL), { ok: true, text });
    });
  }

  const refused: [string, unknown, RegExp, string][] = [
    ['empty', '', /^Svar til Sara: skriv dit svar, før du sender\.$/, ''],
    ['only spaces', '   \n ', /^Svar til Sara: skriv dit svar/, ''],
    ['not text', 42, /^Svar til Sara: skriv dit svar/, ''],
    ['a CPR number', 'Hun har cpr 010190-1234', /^Svar til Sara: teksten ligner et CPR-nummer/, ''],
    ['a CPR number written with O for 0', 'O1O19O 1234', /^Svar til Sara: teksten ligner et CPR-nummer/, ''],
    [
      'one character too long',
      'x'.repeat(MAX_CANDIDATE_ANSWER_LENGTH + 1),
      /^Svar til Sara: højst 1\.000 tegn – dit svar har 1\.001\./,
      'x'.repeat(MAX_CANDIDATE_ANSWER_LENGTH + 1),
    ],
  ];
  for (const [what, value, error, typed] of refused) {
    it(`when the answer is ${what}, then it is refused naming the field${typed === '' ? '' : ', and kept'}`, () => {
      const checked = checkCandidateAnswer(value, LABEL);
      assert.equal(checked.ok, false);
      if (checked.ok) return;
      assert.match(checked.error, error);
      assert.equal(checked.typed, typed);
    });
  }
});
