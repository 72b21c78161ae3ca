import assert from 'node:assert/strict';
import { CAPACITY_DEFAULTS, CAPACITY_FIELDS } from '../../../rules/capacity/capacity';
import { parseCapacityInputs } from '../../../rules/capacity/capacity-input.validation';
import { CPR_VARIANTS, leaksCpr } from '../../support/cpr-variants';

describe('ressourceberegner: reading the inputs', () => {
  it('when the defaults are read, then they are the seed example with 4 talks a day, twice a month', () => {
    const { value, errors } = parseCapacityInputs(CAPACITY_DEFAULTS);
    assert.deepEqual(errors, []);
    assert.deepEqual(value, {
      citizens: 330,
      talkDaysPerWeek: 3,
      weeksPerFullTimeYear: 44,
      talksPerDay: 4,
      intensiveSharePercent: 30,
      scenario: { kind: 'intensive', perYear: 24 },
    });
  });

  it('when numbers are typed the Danish way or arrive as numbers, then they are read', () => {
    const { value, errors } = parseCapacityInputs({
      citizens: ' 1.200 ',
      talkDaysPerWeek: 4,
      weeksPerFullTimeYear: '43',
      talksPerDay: '3,5',
      intensiveSharePercent: '27,5 %',
      scenario: 'general-6',
    });
    assert.deepEqual(errors, []);
    assert.deepEqual(value, {
      citizens: 1200,
      talkDaysPerWeek: 4,
      weeksPerFullTimeYear: 43,
      talksPerDay: 3.5,
      intensiveSharePercent: 27.5,
      scenario: { kind: 'general', perYear: 6 },
    });
  });

  const invalid: { name: string; field: string; typed: string; message: string }[] = [
    {
      name: 'negative citizens',
      field: 'citizens',
      typed: '-330',
      message: 'Antal borgere: må ikke være negativ – skriv et helt tal fra 1 til 100.000.',
    },
    {
      name: 'a share over 100 %',
      field: 'intensiveSharePercent',
      typed: '130',
      message:
        'Andel med behov for intensiveret indsats (%): kan ikke være over 100 % – skriv en procent fra 0 til 100, fx 30.',
    },
    {
      name: 'a negative share',
      field: 'intensiveSharePercent',
      typed: '-5',
      message:
        'Andel med behov for intensiveret indsats (%): må ikke være negativ – skriv en procent fra 0 til 100, fx 30.',
    },
    {
      name: 'zero days',
      field: 'talkDaysPerWeek',
      typed: '0',
      message: 'Antal dage med samtaler: kan ikke være 0 – skriv et helt tal fra 1 til 5.',
    },
    {
      name: 'six days',
      field: 'talkDaysPerWeek',
      typed: '6',
      message: 'Antal dage med samtaler: må højst være 5 – skriv et helt tal fra 1 til 5.',
    },
    {
      name: 'zero weeks',
      field: 'weeksPerFullTimeYear',
      typed: '0',
      message: 'Antal uger pr. årsværk: kan ikke være 0 – skriv et helt tal fra 1 til 52.',
    },
    {
      name: 'half a week',
      field: 'weeksPerFullTimeYear',
      typed: '43,5',
      message: 'Antal uger pr. årsværk: skal være et helt tal – skriv et helt tal fra 1 til 52.',
    },
    {
      name: 'zero talks a day',
      field: 'talksPerDay',
      typed: '0',
      message: 'Antal samtaler pr. dag: kan ikke være 0 – skriv et tal fra 1 til 20, fx 3,5.',
    },
    {
      name: 'a word for citizens',
      field: 'citizens',
      typed: 'mange',
      message: 'Antal borgere: "mange" er ikke et tal – skriv et helt tal fra 1 til 100.000.',
    },
    {
      name: 'an empty field',
      field: 'weeksPerFullTimeYear',
      typed: '',
      message: 'Antal uger pr. årsværk: skriv et helt tal fra 1 til 52.',
    },
    {
      name: 'an unknown scenario',
      field: 'scenario',
      typed: 'intensive-52',
      message: 'Scenarie: vælg 4, 6, 12 samtaler om året for alle, eller 24, 12, 6 for den intensiverede andel.',
    },
  ];
  for (const { name, field, typed, message } of invalid) {
    it(`when the form has ${name}, then it is refused with a Danish message naming the field`, () => {
      const result = parseCapacityInputs({ ...CAPACITY_DEFAULTS, [field]: typed });
      assert.equal(result.value, undefined);
      assert.deepEqual(
        result.errors.map((error) => [error.field, error.message]),
        [[field, message]],
      );
      assert.equal(result.typed[field as keyof typeof result.typed], typed, 'what was typed comes back');
    });
  }

  it('when several fields are wrong, then each is reported at once, in the order of the form', () => {
    const result = parseCapacityInputs({
      ...CAPACITY_DEFAULTS,
      citizens: '-1',
      talkDaysPerWeek: '0',
      intensiveSharePercent: '101',
    });
    assert.deepEqual(
      result.errors.map((error) => error.label),
      ['Antal borgere', 'Antal dage med samtaler', 'Andel med behov for intensiveret indsats (%)'],
    );
    assert.deepEqual(result.typed, {
      ...CAPACITY_DEFAULTS,
      citizens: '-1',
      talkDaysPerWeek: '0',
      intensiveSharePercent: '101',
    });
  });

  it('when nothing is sent, then every field is reported', () => {
    assert.equal(parseCapacityInputs({}).errors.length, 6);
  });

  for (const field of CAPACITY_FIELDS) {
    it(`when ${field} holds a CPR number, then it is refused by name, not quoted, and comes back empty`, () => {
      for (const variant of CPR_VARIANTS) {
        const result = parseCapacityInputs({ ...CAPACITY_DEFAULTS, [field]: variant });
        assert.equal(result.value, undefined, `${JSON.stringify(variant)} was accepted`);
        assert.deepEqual(
          result.errors.map((error) => [error.field, error.message]),
          [
            [
              field,
              `${result.errors[0]?.label}: teksten ligner et CPR-nummer. Botten må ikke gemme CPR-numre – fjern det.`,
            ],
          ],
          JSON.stringify(variant),
        );
        assert.equal(result.typed[field], '');
        assert.ok(!leaksCpr(JSON.stringify(result), variant), `${JSON.stringify(variant)} is echoed`);
      }
    });
  }
});
