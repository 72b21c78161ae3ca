import assert from 'node:assert/strict';
import { OPENING_FORM_FIELDS } from '../../../rules/openings/opening';
import {
  checkCvr,
  checkDanishPhone,
  checkEmail,
  isValidCvrChecksum,
  parseOpeningForm,
} from '../../../rules/openings/opening.validation';
import { CPR_VARIANTS, leaksCpr } from '../../support/cpr-variants';
import { defaultSectors } from './opening-fixtures';

const SECTOR_IDS = defaultSectors().map((sector) => sector.id);
const NOW = new Date('2026-04-14T07:12:00.000Z');

/** A complete, valid form as an Adaptive Card submits it (every value a string). */
function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    verb: 'openings.register',
    companyName: 'Jensens Maskinfabrik ApS',
    cvr: '10150817',
    address: 'Industrivej 4, 7400 Herning',
    phone: '12 34 56 78',
    email: 'hr@jensens.dk',
    contactPerson: 'Mette Hansen',
    sector: 'industri',
    result: 'ordinaer_aabning',
    jobFunction: 'CNC-operatør',
    seats: '3',
    filled: '',
    note: 'Start 1. maj.\nVil gerne se kandidater fra Herning.',
    ...overrides,
  };
}

/** The typed values a form with these inputs must come back with. */
function typedOf(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(OPENING_FORM_FIELDS.map((field) => [field, String(raw[field] ?? '')]));
}

describe('parseOpeningForm', () => {
  it('when every field is valid, then the draft is normalised and dated by the bot', () => {
    const result = parseOpeningForm(
      form({ cvr: '1015 0817', companyName: '  Jensens   Maskinfabrik ApS ' }),
      SECTOR_IDS,
      NOW,
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.value, {
      date: '2026-04-14T07:12:00.000Z',
      companyName: 'Jensens Maskinfabrik ApS',
      cvr: '10150817',
      address: 'Industrivej 4, 7400 Herning',
      phone: '+45 12 34 56 78',
      email: 'hr@jensens.dk',
      contactPerson: 'Mette Hansen',
      sector: 'industri',
      result: 'ordinaer_aabning',
      jobFunction: 'CNC-operatør',
      seats: 3,
      filled: 0,
      note: 'Start 1. maj.\nVil gerne se kandidater fra Herning.',
    });
  });

  it('when the optional fields are blank, then the draft leaves them out', () => {
    const result = parseOpeningForm(
      form({ address: '', phone: ' ', email: '', contactPerson: '', note: '' }),
      SECTOR_IDS,
      NOW,
    );
    assert.deepEqual(result.errors, []);
    for (const field of ['address', 'phone', 'email', 'contactPerson', 'note']) {
      assert.equal(result.value !== undefined && field in result.value, false, field);
    }
  });

  it('when the result is ingen_aabning, then seats and filled are 0 whatever was typed, and no job function is needed', () => {
    const result = parseOpeningForm(
      form({ result: 'ingen_aabning', seats: '3', filled: '9', jobFunction: '' }),
      SECTOR_IDS,
      NOW,
    );
    assert.deepEqual(result.errors, []);
    assert.equal(result.value?.seats, 0);
    assert.equal(result.value?.filled, 0);
    assert.equal(result.value?.jobFunction, undefined);
  });

  it('when numbers arrive as numbers, then they are read like typed text', () => {
    const result = parseOpeningForm(form({ seats: 2, filled: 1 }), SECTOR_IDS, NOW);
    assert.deepEqual([result.value?.seats, result.value?.filled], [2, 1]);
    assert.equal(result.typed.seats, '2');
  });

  it("when the job function matches the team's list in another case, then it takes the list's spelling", () => {
    const options = { jobFunctions: ['CNC-operatør', 'Lagermedarbejder'] };
    assert.equal(
      parseOpeningForm(form({ jobFunction: 'cnc-OPERATØR' }), SECTOR_IDS, NOW, options).value?.jobFunction,
      'CNC-operatør',
    );
    assert.equal(parseOpeningForm(form({ jobFunction: 'Smed' }), SECTOR_IDS, NOW, options).value?.jobFunction, 'Smed');
  });

  // [what, overrides, field, message]
  const invalid: [string, Record<string, unknown>, string, RegExp][] = [
    ['no company name', { companyName: '  ' }, 'companyName', /^Virksomhed: skriv virksomhedens navn\.$/],
    ['a 201-character company name', { companyName: 'x'.repeat(201) }, 'companyName', /^Virksomhed: højst 200 tegn/],
    ['no CVR', { cvr: '' }, 'cvr', /^CVR-nummer: skriv virksomhedens CVR-nummer/],
    [
      'a wrong CVR check digit',
      { cvr: '10150818' },
      'cvr',
      /^CVR-nummer: kontrolcifferet passer ikke – tjek nummeret\.$/,
    ],
    ['a 7-digit CVR', { cvr: '1015081' }, 'cvr', /^CVR-nummer: skriv 8 cifre/],
    ['a 9-digit CVR', { cvr: '101508170' }, 'cvr', /^CVR-nummer: skriv 8 cifre/],
    ['letters in the CVR', { cvr: '1O150817' }, 'cvr', /^CVR-nummer: skriv 8 cifre/],
    ['a CVR starting with 0', { cvr: '00000000' }, 'cvr', /^CVR-nummer: et CVR-nummer begynder ikke med 0/],
    ['a 7-digit phone', { phone: '1234567' }, 'phone', /^Telefon: skriv 8 cifre, evt\. med \+45\.$/],
    ['a 9-digit phone', { phone: '123456789' }, 'phone', /^Telefon: skriv 8 cifre/],
    ['a Swedish prefix', { phone: '+46 12345678' }, 'phone', /^Telefon: skriv 8 cifre/],
    ['letters in the phone', { phone: 'ring efter kl. 9' }, 'phone', /^Telefon: skriv 8 cifre/],
    ['an e-mail without a domain', { email: 'hr@jensens' }, 'email', /^E-mail: skriv en gyldig e-mailadresse/],
    [
      'a 101-character contact person',
      { contactPerson: 'y'.repeat(101) },
      'contactPerson',
      /^Kontaktperson: højst 100 tegn/,
    ],
    ['no sector', { sector: '' }, 'sector', /^Branche: vælg en branche\.$/],
    ['an unknown sector', { sector: 'rumfart' }, 'sector', /^Branche: vælg en branche fra listen\.$/],
    ['no result', { result: '' }, 'result', /^Resultat: vælg et resultat\.$/],
    ['an unknown result', { result: 'maaske' }, 'result', /^Resultat: vælg et resultat fra listen\.$/],
    ['no job function for an opening', { jobFunction: '' }, 'jobFunction', /^Jobfunktion: skriv en jobfunktion\.$/],
    ['0 seats for an opening', { seats: '0' }, 'seats', /^Antal pladser: skriv et helt tal fra 1 til 999\.$/],
    ['no seats for an opening', { seats: '' }, 'seats', /^Antal pladser:/],
    ['1.5 seats', { seats: '1.5' }, 'seats', /^Antal pladser:/],
    ['negative seats', { seats: '-2' }, 'seats', /^Antal pladser:/],
    ['1000 seats', { seats: '1000' }, 'seats', /^Antal pladser:/],
    ['seats in words', { seats: 'tre' }, 'seats', /^Antal pladser:/],
    ['more filled than seats', { seats: '3', filled: '4' }, 'filled', /^Heraf besat: skriv et helt tal fra 0 til 3\.$/],
    ['negative filled', { filled: '-1' }, 'filled', /^Heraf besat:/],
    ['a 1001-character note', { note: 'z'.repeat(1001) }, 'note', /^Note: højst 1000 tegn \(du skrev 1001\)\.$/],
  ];
  for (const [what, overrides, field, message] of invalid) {
    it(`when the form has ${what}, then ${field} is named in Danish and everything typed comes back`, () => {
      const raw = form(overrides);
      const result = parseOpeningForm(raw, SECTOR_IDS, NOW);
      assert.equal(result.value, undefined);
      assert.equal(result.errors.length, 1, JSON.stringify(result.errors));
      const [error] = result.errors;
      assert.equal(error?.field, field);
      assert.match(error?.message ?? '', message);
      assert.ok(error?.message.startsWith(`${error.label}: `));
      assert.deepEqual(result.typed, typedOf(raw));
    });
  }

  const cprShaped: [string, string][] = [
    ['note', 'Borgeren 010190-1234 kan starte'],
    ['companyName', 'Firma 0101901234'],
    ['contactPerson', 'Hans 010190 1234'],
    ['jobFunction', 'Lager 010190-1234'],
    ['address', 'Vej 1, 010190-1234'],
    ['cvr', '010190-1234'],
    ['phone', '010190-1234'],
    ['email', '0101901234@firma.dk'],
  ];
  for (const [field, value] of cprShaped) {
    it(`when ${field} holds something shaped like a CPR number, then it is refused and not sent back`, () => {
      const raw = form({ [field]: value });
      const result = parseOpeningForm(raw, SECTOR_IDS, NOW);
      assert.equal(result.value, undefined);
      assert.deepEqual(
        result.errors.map((error) => error.field),
        [field],
      );
      assert.match(result.errors[0]?.message ?? '', /ligner et CPR-nummer/);
      assert.ok(!JSON.stringify(result).includes('1234'), 'the CPR-shaped text is not echoed');
      assert.deepEqual(result.typed, { ...typedOf(raw), [field]: '' });
    });
  }

  for (const field of OPENING_FORM_FIELDS) {
    it(`when ${field} holds a CPR number in any of the review's spellings, then it alone is refused, blanked and not echoed`, () => {
      for (const variant of CPR_VARIANTS) {
        const raw = form({ [field]: variant });
        const result = parseOpeningForm(raw, SECTOR_IDS, NOW);
        assert.equal(result.value, undefined, `${JSON.stringify(variant)} was accepted`);
        assert.deepEqual(
          result.errors.map((error) => error.field),
          [field],
          JSON.stringify(variant),
        );
        assert.match(result.errors[0]?.message ?? '', /ligner et CPR-nummer/);
        assert.ok(!leaksCpr(JSON.stringify(result), variant), `${JSON.stringify(variant)} is echoed`);
        assert.deepEqual(result.typed, { ...typedOf(raw), [field]: '' });
      }
    });
  }

  it('when a contact without an opening has a CPR number in the seats, then it is refused rather than dropped silently', () => {
    const result = parseOpeningForm(form({ result: 'ingen_aabning', seats: '010190-1234' }), SECTOR_IDS, NOW);
    assert.deepEqual(
      result.errors.map((error) => error.field),
      ['seats'],
    );
    assert.equal(result.typed.seats, '');
  });

  it('when several fields are wrong, then each is reported once, in form order', () => {
    const raw = { companyName: '', cvr: 'abc', phone: '12', sector: 'x', result: 'ordinaer_aabning', seats: '0' };
    const result = parseOpeningForm(raw, SECTOR_IDS, NOW);
    assert.deepEqual(
      result.errors.map((error) => error.field),
      ['companyName', 'cvr', 'phone', 'sector', 'jobFunction', 'seats'],
    );
    assert.equal(result.typed.cvr, 'abc');
    assert.equal(result.typed.note, '');
  });

  it('when the form is empty, then the required fields are named and nothing is invented', () => {
    const result = parseOpeningForm({}, SECTOR_IDS, NOW);
    assert.deepEqual(
      result.errors.map((error) => error.field),
      ['companyName', 'cvr', 'sector', 'result'],
    );
    assert.ok(Object.values(result.typed).every((value) => value === ''));
  });
});

describe('CVR, phone and e-mail checks', () => {
  const cvrs: [string, string | undefined][] = [
    ['10150817', '10150817'],
    ['29403473', '29403473'],
    ['2940 3473', '29403473'],
    [' 29 40 34 73 ', '29403473'],
    ['DK29403473', '29403473'],
    ['dk 61126228', '61126228'],
    ['20000007', '20000007'],
    ['10150818', undefined],
    ['12345678', undefined],
    ['1015081', undefined],
    ['101508170', undefined],
    ['1O150817', undefined],
    ['abcdefgh', undefined],
    ['10-15-08-17', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cvrs) {
    it(`when the CVR is ${JSON.stringify(input)}, then it is ${expected ?? 'refused'}`, () => {
      const check = checkCvr(input);
      assert.deepEqual(check.ok ? check.value : undefined, expected);
    });
  }

  it('when the weights are applied, then the sum of a valid CVR divides by 11', () => {
    // 1·2 + 0·7 + 1·6 + 5·5 + 0·4 + 8·3 + 1·2 + 7·1 = 66 = 6 · 11
    assert.equal(isValidCvrChecksum('10150817'), true);
    assert.equal(isValidCvrChecksum('10150827'), false);
    assert.equal(isValidCvrChecksum('1015081'), false);
  });

  const phones: [string, string | undefined][] = [
    ['12345678', '+45 12 34 56 78'],
    ['12 34 56 78', '+45 12 34 56 78'],
    [' 1234 5678 ', '+45 12 34 56 78'],
    ['+4512345678', '+45 12 34 56 78'],
    ['+45 12 34 56 78', '+45 12 34 56 78'],
    ['0045 12345678', '+45 12 34 56 78'],
    ['004512345678', '+45 12 34 56 78'],
    ['1234567', undefined],
    ['123456789', undefined],
    ['+45 1234567', undefined],
    ['+45 123456789', undefined],
    ['+46 12345678', undefined],
    ['45 12345678', undefined],
    ['12-34-56-78', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of phones) {
    it(`when the phone is ${JSON.stringify(input)}, then it is ${expected ?? 'refused'}`, () => {
      const check = checkDanishPhone(input);
      assert.deepEqual(check.ok ? check.value : undefined, expected);
    });
  }

  const emails: [string, boolean][] = [
    ['hr@jensens.dk', true],
    ['mette.hansen@jensens-maskinfabrik.dk', true],
    ['job+herning@sub.firma.com', true],
    ['kontakt@bøgh.dk', true],
    [' hr@jensens.dk ', true],
    ['hr@jensens', false],
    ['hr jensens.dk', false],
    ['hr@@jensens.dk', false],
    ['@jensens.dk', false],
    ['hr@jensens.d', false],
    ['hr@.dk', false],
    ['h r@jensens.dk', false],
    ['hr@jensens..dk', false],
    ['.hr@jensens.dk', false],
    ['hr@-jensens.dk', false],
    [`${'a'.repeat(250)}@x.dk`, false],
  ];
  for (const [input, ok] of emails) {
    it(`when the e-mail is ${JSON.stringify(input.slice(0, 40))}, then it is ${ok ? 'accepted' : 'refused'}`, () => {
      assert.equal(checkEmail(input).ok, ok);
    });
  }
});
