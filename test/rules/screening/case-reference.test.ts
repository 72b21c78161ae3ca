import assert from 'node:assert/strict';
import { checkCaseReference } from '../../../rules/screening/case-reference';
import { CPR_VARIANTS, leaksCpr } from '../../support/cpr-variants';

describe('checkCaseReference', () => {
  const refused: [string, RegExp][] = [
    ['010190-1234', /ligner et CPR-nummer/],
    ['0101901234', /ligner et CPR-nummer/],
    ['ref 010190 1234', /ligner et CPR-nummer/],
    ['sag 010190-1234 x', /ligner et CPR-nummer/],
    ['010190.1234', /ligner et CPR-nummer/],
    ['010190 - 1234', /ligner et CPR-nummer/],
    ['01 01 90-1234', /ligner et CPR-nummer/],
    ['０１０１９０-１２３４', /ligner et CPR-nummer/],
    ['', /Sagsreference mangler/],
    ['   ', /Sagsreference mangler/],
    ['x'.repeat(41), /højst være 40 tegn/],
    ['<script>', /må kun indeholde/],
  ];
  for (const [input, message] of refused) {
    it(`when the reference is ${JSON.stringify(input.slice(0, 20))}, then it is refused in Danish`, () => {
      const check = checkCaseReference(input);
      assert.equal(check.ok, false);
      assert.ok(!check.ok);
      assert.match(check.message, message);
      assert.ok(!check.message.includes('1234'), 'the CPR number is not echoed');
    });
  }

  for (const variant of CPR_VARIANTS) {
    it(`when the reference is the CPR number ${JSON.stringify(variant)}, then it is refused without repeating it`, () => {
      const check = checkCaseReference(variant);
      assert.ok(!check.ok, 'refused');
      assert.match(check.message, /ligner et CPR-nummer/);
      assert.ok(!leaksCpr(check.message, variant), 'the CPR number is not echoed');
    });
  }

  const accepted = ['J.nr. 2026-0042', 'J-2026-102', 'Sag 17', 'ABC/123', '12345678901 ', '2026-12345'];
  for (const input of accepted) {
    it(`when the reference is ${JSON.stringify(input)}, then it is accepted`, () => {
      const check = checkCaseReference(input);
      assert.equal(check.ok, true, JSON.stringify(check));
    });
  }
});
