import assert from 'node:assert/strict';
import fc from 'fast-check';
import { containsCprShape, holdsCprShape } from '../../../rules/shared/cpr-shape';

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

  /** The ways a review got CPR numbers past the check (project issue 13, item 7). */
  const reviewVariants: [string, string][] = [
    ['with an underscore', '010190_1234'],
    ['with a colon', '010190:1234'],
    ['with a hash', '010190#1234'],
    ['with a four-digit year', '01-01-1990-1234'],
    ['in Arabic-Indic digits', '٠١٠١٩٠-١٢٣٤'],
    ['with a zero-width space', '010190\u200B1234'],
    ['with a zero-width space inside a group', '0101\u200B90-1234'],
    ['with a soft hyphen', '010190\u00AD1234'],
    ['with a comma', '010190,1234'],
    ['with a plus', '010190+1234'],
    ['with an asterisk', '010190*1234'],
    ['with a bar', '010190|1234'],
    ['with a tilde', '010190~1234'],
    ['with the letter O for 0', 'O1O19O-1234'],
    ['with a lower-case o for 0', 'o1o19o 1234'],
    ['with more than three separators', '0-1-0-1-9-0-1-2-3-4'],
    ['with a long run of separators', '010190 - / - 1234'],
    ['with runs of separators between pairs', '01 - - 01 - - 90 - - 12 - - 34'],
  ];
  /** More of the same kinds: other scripts, other invisible characters, other spellings of the year. */
  const moreVariants: [string, string][] = [
    ['in Extended Arabic-Indic (Persian) digits', '۰۱۰۱۹۰-۱۲۳۴'],
    ['in Devanagari digits', '०१०१९०-१२३४'],
    ['in Bengali digits', '০১০১৯০ ১২৩৪'],
    ['in Thai digits', '๐๑๐๑๙๐-๑๒๓๔'],
    ['in mathematical bold digits', '𝟎𝟏𝟎𝟏𝟗𝟎-𝟏𝟐𝟑𝟒'],
    ['in mixed scripts', '٠1०१90-１２34'],
    ['with a byte order mark', '010190\uFEFF1234'],
    ['with a zero-width joiner between every digit', [...'0101901234'].join('\u200D')],
    ['with a word joiner', '010190\u20601234'],
    ['with a right-to-left mark', '\u200F010190-\u200F1234'],
    ['with a variation selector', '0\uFE0F101901234'],
    ['with a no-break space', '010190\u00A01234'],
    ['with a narrow no-break space', '010190\u202F1234'],
    ['with an ideographic space', '010190\u30001234'],
    ['with a minus sign', '010190−1234'],
    ['with a bullet', '010190•1234'],
    ['with brackets', '(010190)[1234]'],
    ['with an apostrophe', "010190'1234"],
    ['with a four-digit year in a row', 'nr 010119901234'],
    ['with a four-digit year and dots', '01.01.1990-1234'],
    ['with a four-digit year and spaces', '01 01 1990 1234'],
    ['with a four-digit year on a leap day', '29-02-1992-1234'],
    ['with a four-digit year and a replacement day', '61-01-1990-1234'],
    ['with a four-digit year in Arabic-Indic digits', '٠١-٠١-١٩٩٠-١٢٣٤'],
    ['with the letter O inside a group with a year', '01-O1-199O-1234'],
    ['with a Cyrillic O for 0', 'О1О19О-1234'],
  ];
  for (const [how, text] of [...reviewVariants, ...moreVariants]) {
    it(`when a CPR number is written ${how}, then it is found`, () => {
      assert.equal(containsCprShape(text), true, JSON.stringify(text));
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
  /** Numbers a caseworker or a consultant writes every day; refusing them would make the forms unusable. */
  const moreOthers: [string, string][] = [
    ['a caseworker’s journal number', 'J-2026-102'],
    ['a longer journal number', 'J.nr. 2026-0042-17'],
    ['a case number with a slash', 'Sag 2026/1234-56'],
    ['a phone number with 0045', 'tlf. 0045 12 34 56 78'],
    ['a phone number written together with the country code', '+4512345678'],
    ['a VAT number', 'DK12345678'],
    ['a time', 'kl. 12.00'],
    ['a time span', 'kl. 8.15-9.30'],
    ['a week', 'uge 47'],
    ['a week and a year', 'uge 47 2026'],
    ['a week with a slash', 'uge 07/2026'],
    ['an amount', 'kr. 1.250.000,00'],
    ['an amount with øre', '12.345.678,90 kr.'],
    ['an amount whose first digits could be a date', '17.010.000,00 kr.'],
    ['an amount with spaces for thousands', '17 010 000,00 kr.'],
    ['a date', '01.01.2026'],
    ['a period in words', 'fra 01-01-2026 til 31-12-2026'],
    ['an ISO time stamp', '2026-01-15 10:30:45'],
    ['an address', 'Vestergade 12, 3. th., 8000 Aarhus C'],
    ['a postcode and a PO box', 'Postboks 101, 9012 Aalborg'],
    ['a bank account', 'reg. 1234 konto 1234567890'],
    ['twelve digits that are no date', '123456789012'],
    ['a four-digit year that is no date', '31-02-1990-1234'],
    ['a four-digit year out of range', '01-01-3000-1234'],
    ['words with o next to numbers', 'Foto 2026, Oslo 1234, Solo 47'],
    ['a room with a letter O', 'Lokale O12, kl. 10.30'],
    ['the letter O alone', 'O 1234 O'],
    ['an IBAN', 'DK50 0040 0440 1162 43'],
  ];
  for (const [what, text] of [...others, ...moreOthers]) {
    it(`when the text holds ${what}, then it is not taken for a CPR number`, () => {
      assert.equal(containsCprShape(text), false, text);
    });
  }

  describe('property: however a birth date and a serial are typed, they are found', () => {
    /** Digits 0–9 in scripts people may type them in: ASCII, full-width, Arabic-Indic, Persian, Devanagari, Bengali, Thai, mathematical bold. */
    const ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce];
    /** Characters between the groups: spaces of every width, dashes, punctuation, symbols. */
    const SEPARATORS = [...' \t\n\u00A0\u2007\u202F\u3000', ...'-‐‑‒–—―−_.,:;/\\|#*+~\'"()[]{}<>•·'];
    /** Invisible format characters: soft hyphen, zero-width space/non-joiner/joiner, marks, word joiner, BOM. */
    const FORMAT = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF'];
    const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    const birthDate = fc
      .record({
        month: fc.integer({ min: 1, max: 12 }),
        dayIndex: fc.nat(),
        year: fc.integer({ min: 1900, max: 2099 }),
        replacement: fc.boolean(),
      })
      .map(({ month, dayIndex, year, replacement }) => {
        const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
        const days = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
        const day = (dayIndex % days) + 1 + (replacement ? 60 : 0);
        return { day, month, year };
      });

    const pad = (value: number, width: number) => String(value).padStart(width, '0');

    /** The ten (DDMMYY) or twelve (DDMMYYYY) digits, split into groups at random places. */
    const spelledDigits = fc
      .record({
        date: birthDate,
        serial: fc.integer({ min: 0, max: 9999 }),
        fourDigitYear: fc.boolean(),
        cuts: fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 11 }),
      })
      .map(({ date, serial, fourDigitYear, cuts }) => {
        const year = fourDigitYear ? pad(date.year, 4) : pad(date.year % 100, 2);
        const digits = `${pad(date.day, 2)}${pad(date.month, 2)}${year}${pad(serial, 4)}`;
        const at = [...cuts.filter((cut) => cut < digits.length)].sort((a, b) => a - b);
        const groups: string[] = [];
        let from = 0;
        for (const cut of [...at, digits.length]) {
          groups.push(digits.slice(from, cut));
          from = cut;
        }
        return groups;
      });

    const typed = fc
      .record({
        groups: spelledDigits,
        separatorRuns: fc.array(fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 6 }), {
          minLength: 12,
          maxLength: 12,
        }),
        scripts: fc.array(fc.constantFrom(...ZEROS), { minLength: 12, maxLength: 12 }),
        invisible: fc.array(fc.option(fc.constantFrom(...FORMAT), { nil: undefined, freq: 3 }), {
          minLength: 12,
          maxLength: 12,
        }),
        zerosAsO: fc.array(fc.constantFrom('0', 'O', 'o'), { minLength: 12, maxLength: 12 }),
        before: fc.constantFrom('', 'Borgerens cpr er ', 'ref: ', 'Note\n'),
        after: fc.constantFrom('', ' oplyst', '.', '\nmvh'),
      })
      .map(({ groups, separatorRuns, scripts, invisible, zerosAsO, before, after }) => {
        let index = 0;
        const spelled = groups.map((group, groupIndex) => {
          const positions = [...group].map((digit) => ({ digit, position: index++ }));
          // An O stands for 0 only beside a digit of its own group (a lone "O" between separators is a word).
          const someDigitStays = positions.some(
            ({ digit, position }) => digit !== '0' || scripts[position] !== 0x30 || zerosAsO[position] === '0',
          );
          const characters = positions.map(({ digit, position }) => {
            const zero = scripts[position] ?? 0x30;
            const asLetter = digit === '0' && zero === 0x30 && someDigitStays;
            const shown = asLetter ? (zerosAsO[position] ?? '0') : String.fromCodePoint(zero + Number(digit));
            return `${shown}${invisible[position] ?? ''}`;
          });
          const separator = groupIndex < groups.length - 1 ? (separatorRuns[groupIndex] ?? [' ']).join('') : '';
          return `${characters.join('')}${separator}`;
        });
        return `${before}${spelled.join('')}${after}`;
      });

    it('when a valid birth date and four digits are joined with separator runs, Unicode digits and invisible characters, then it is always found', () => {
      // On failure fast-check prints the seed and path; replay with CPR_SEED=<seed> CPR_PATH=<path>.
      const seed = process.env['CPR_SEED'];
      const replayPath = process.env['CPR_PATH'];
      fc.assert(
        fc.property(typed, (text) => containsCprShape(text)),
        {
          numRuns: 2000,
          ...(seed === undefined ? {} : { seed: Number(seed) }),
          ...(replayPath === undefined ? {} : { path: replayPath }),
        },
      );
    });
  });
});

describe('containsCprShape on everyday numbers (property)', () => {
  const digits = (length: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((list) => list.join(''));
  const pairs = (text: string) => text.replace(/(\d{2})(?=\d)/gu, '$1 ');
  const everyday = fc.oneof(
    digits(8).map((phone) => `ring på +45 ${pairs(phone)}`),
    digits(8).map((phone) => `tlf. 0045 ${pairs(phone)}`),
    digits(8).map((cvr) => `CVR ${cvr}`),
    fc
      .record({ year: fc.integer({ min: 2000, max: 2099 }), serial: fc.integer({ min: 1, max: 9999 }) })
      .map(({ year, serial }) => `J-${year}-${serial}`),
    fc
      .record({ hours: fc.integer({ min: 0, max: 23 }), minutes: fc.integer({ min: 0, max: 59 }) })
      .map(({ hours, minutes }) => `kl. ${hours}.${String(minutes).padStart(2, '0')}`),
    fc.integer({ min: 1, max: 53 }).map((week) => `uge ${week}`),
    fc.integer({ min: 0, max: 99_999_999 }).map((amount) => `${amount.toLocaleString('da-DK')},00 kr.`),
  );

  it('when a text holds a phone, CVR or journal number, a time, a week or an amount, then it is never taken for a CPR number', () => {
    fc.assert(
      fc.property(everyday, (text) => !containsCprShape(text)),
      { numRuns: 2000 },
    );
  });
});

describe('holdsCprShape', () => {
  it('when a submitted value is a CPR-shaped text, number or list, then it is found', () => {
    assert.equal(holdsCprShape('010190-1234'), true);
    assert.equal(holdsCprShape(3112999999), true);
    assert.equal(holdsCprShape(['kanvas', '010190-1234']), true);
  });
  it('when a submitted value is something else, then it is not', () => {
    for (const value of [undefined, null, true, 12, 'J-2026-102', ['kanvas', 'aabninger'], { a: '010190-1234' }]) {
      assert.equal(holdsCprShape(value), false, JSON.stringify(value));
    }
  });
});
