import assert from 'node:assert/strict';
import { containsCprShape } from '../../../rules/shared/cpr-shape';

describe('containsCprShape', () => {
  const cprs: [string, string][] = [
    ['with a dash', 'borgeren 311299-9999 sagde'],
    ['ten digits in a row', 'Firma 0101901234'],
    ['with a space', 'ref 010190 1234'],
    ['with a dot', '010190.1234'],
    ['with spaces around the dash', 'Borger har cpr 010190 - 1234 oplyst'],
    ['with an en dash', 'Borger cpr 010190–1234'],
    ['with a slash', 'Vej 1, 010190/1234'],
    ['in pairs', 'Lager 01 01 90 12 34'],
    ['in other groups', 'cpr 0101 90 1234'],
    ['across a line break', 'linje1\n010190\n-1234'],
    ['in full-width digits', '０１０１９０-１２３４'],
    ['after other numbers', 'tlf 20 30 40 50 010190 1234'],
    ['glued to letters', 'abc0101901234def'],
    ['a replacement number (day + 60)', '610190-1234'],
  ];
  for (const [how, text] of cprs) {
    it(`when a CPR number is written ${how}, then it is found`, () => {
      assert.equal(containsCprShape(text), true, text);
    });
  }

  const others: [string, string][] = [
    ['a phone number', 'ring 12 34 56 78'],
    ['a phone number with the country code', 'ring +45 12 34 56 78'],
    ['a CVR number', 'CVR 12345678'],
    ['a journal number', 'J.nr. 2026-0042'],
    ['eleven digits', '12345678901'],
    ['ten digits that cannot start with a date', '9999999999'],
    ['a date and a time', '01.01.2026 kl. 10.30'],
    ['two separate numbers', 'plads 010190, lokale 1234'],
  ];
  for (const [what, text] of others) {
    it(`when the text holds ${what}, then it is not taken for a CPR number`, () => {
      assert.equal(containsCprShape(text), false, text);
    });
  }
});
