import assert from 'node:assert/strict';
import type { CapacityInputs } from '../../../rules/capacity/capacity';
import { calculateCapacity, intensiveCitizensOf, talksPerYear } from '../../../rules/capacity/capacity.calculator';
import { describeCapacityAnswer } from '../../../rules/capacity/capacity-answer';

/** The seed's worked example (seed 003, "Ressourceberegner"): 330 citizens, 3 days, 44 weeks, 30 %. */
const SEED_INPUTS: CapacityInputs = {
  citizens: 330,
  talkDaysPerWeek: 3,
  weeksPerFullTimeYear: 44,
  talksPerDay: 4,
  intensiveSharePercent: 30,
  scenario: { kind: 'intensive', perYear: 24 },
};

/** "Generelt for hele målgruppen", typed from the seed: frequency, talks a year. */
const SEED_GENERAL = [
  ['Rettidighed', 4, 1320],
  ['Hver anden måned', 6, 1980],
  ['Hver måned', 12, 3960],
] as const;

/** "Intensiveret for en andel af målgruppen", typed from the seed: frequency, intensive, on time, total. */
const SEED_INTENSIVE = [
  ['To gange i måneden', 24, 2376, 924, 3300],
  ['Hver måned', 12, 1188, 924, 2112],
  ['Hver anden måned', 6, 594, 924, 1518],
] as const;

/** The seed's "Årsværk" table, typed from the seed: talks per day 1–8 down, full-time years 1–9 across. */
const SEED_TABLE: readonly (readonly number[])[] = [
  [132, 264, 396, 528, 660, 792, 924, 1056, 1188],
  [264, 528, 792, 1056, 1320, 1584, 1848, 2112, 2376],
  [396, 792, 1188, 1584, 1980, 2376, 2772, 3168, 3564],
  [528, 1056, 1584, 2112, 2640, 3168, 3696, 4224, 4752],
  [660, 1320, 1980, 2640, 3300, 3960, 4620, 5280, 5940],
  [792, 1584, 2376, 3168, 3960, 4752, 5544, 6336, 7128],
  [924, 1848, 2772, 3696, 4620, 5544, 6468, 7392, 8316],
  [1056, 2112, 3168, 4224, 5280, 6336, 7392, 8448, 9504],
];

describe('ressourceberegner: the seed worked example (330 citizens, 3 days, 44 weeks, 30 %)', () => {
  const calculation = calculateCapacity(SEED_INPUTS);

  it('when the general talks are calculated, then every frequency gives the seed talks a year', () => {
    assert.deepEqual(
      calculation.general.map(({ label, perYear, talksPerYear: talks }) => [label, perYear, talks]),
      SEED_GENERAL,
    );
  });

  it('when the intensive scenarios are calculated, then intensive, on-time and total talks are the seed numbers', () => {
    assert.equal(calculation.intensiveCitizens, 99);
    assert.deepEqual(
      calculation.intensive.map((row) => [
        row.label,
        row.perYear,
        row.intensiveTalks,
        row.onTimeTalks,
        row.talksPerYear,
      ]),
      SEED_INTENSIVE,
    );
  });

  it('when the table is built, then it has the seed rows (1–8 talks a day) and columns (1–9 full-time years)', () => {
    assert.deepEqual(calculation.table.fullTimeYears, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.deepEqual(
      calculation.table.rows.map((row) => row.talksPerDay),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
  });

  SEED_TABLE.forEach((seedRow, rowIndex) => {
    it(`when ${rowIndex + 1} talks a day, then each of the 9 cells equals the seed cell`, () => {
      const row = calculation.table.rows[rowIndex];
      assert.ok(row !== undefined);
      assert.equal(row.talksByFullTimeYears.length, seedRow.length);
      seedRow.forEach((seedCell, column) => {
        assert.equal(
          row.talksByFullTimeYears[column],
          seedCell,
          `${rowIndex + 1} samtaler pr. dag, ${column + 1} årsværk: want ${seedCell}`,
        );
      });
    });
  });

  it('when the table does not depend on citizens or share, then other citizens and shares give the same table', () => {
    const other = calculateCapacity({ ...SEED_INPUTS, citizens: 12, intensiveSharePercent: 80, talksPerDay: 7 });
    assert.deepEqual(other.table, calculation.table);
  });

  it('when 4 talks a day are asked for with twice a month, then 3300 talks need 6.25 full-time years (7 whole)', () => {
    assert.equal(calculation.talksPerFullTimeYear, 528);
    assert.equal(calculation.chosen.talksPerYear, 3300);
    assert.equal(calculation.chosen.fullTimeYears, 6.25);
    assert.equal(calculation.chosen.wholeFullTimeYears, 7);
    assert.equal(
      describeCapacityAnswer(calculation),
      '99 borgere (30 %) til samtale to gange i måneden (24 om året), resten rettidigt (4 om året) giver 3.300 ' +
        'samtaler om året. Ét årsværk med 4 samtaler pr. dag, 3 dage om ugen i 44 uger klarer 528 samtaler, så ' +
        'scenariet kræver 6,25 årsværk. Regnet i hele årsværk skal der bruges 7.',
    );
  });

  it('when 5 talks a day are asked for with twice a month, then it is the seed cell 3300 at exactly 5 full-time years', () => {
    const five = calculateCapacity({ ...SEED_INPUTS, talksPerDay: 5 });
    assert.equal(five.chosen.fullTimeYears, 5);
    assert.equal(SEED_TABLE[4]?.[4], 3300);
    assert.match(describeCapacityAnswer(five), /kræver 5 årsværk\.$/);
  });

  it('when a general scenario is chosen, then the answer is N × fg over s × d × w', () => {
    const monthly = calculateCapacity({ ...SEED_INPUTS, talksPerDay: 3, scenario: { kind: 'general', perYear: 12 } });
    assert.equal(monthly.chosen.talksPerYear, 3960);
    assert.equal(monthly.chosen.fullTimeYears, 10);
    assert.match(
      describeCapacityAnswer(monthly),
      /^Alle 330 borgere til samtale hver måned \(12 om året\) giver 3\.960/,
    );
  });
});

describe('ressourceberegner: formulas', () => {
  const cases: { name: string; citizens: number; share: number; want: number }[] = [
    { name: 'the seed example, 330 × 30 %', citizens: 330, share: 30, want: 99 },
    { name: 'a half that 50 × 0.29 would miss (14.499999999999998)', citizens: 50, share: 29, want: 15 },
    { name: 'a half (5 × 50 %)', citizens: 5, share: 50, want: 3 },
    { name: 'less than a half over (7 × 10 %)', citizens: 7, share: 10, want: 1 },
    { name: 'no share (330 × 0 %)', citizens: 330, share: 0, want: 0 },
    { name: 'everyone (330 × 100 %)', citizens: 330, share: 100, want: 330 },
    { name: 'a decimal share (200 × 12,5 %)', citizens: 200, share: 12.5, want: 25 },
  ];
  for (const { name, citizens, share, want } of cases) {
    it(`when round(N × p) is taken for ${name}, then it is ${want}`, () => {
      assert.equal(intensiveCitizensOf(citizens, share), want);
    });
  }

  it('when the share is 0 or 100 %, then the intensive scenario is everyone on time or everyone intensive', () => {
    assert.equal(talksPerYear(330, 0, { kind: 'intensive', perYear: 24 }), 330 * 4);
    assert.equal(talksPerYear(330, 100, { kind: 'intensive', perYear: 24 }), 330 * 24);
  });

  it('when talks per day are a decimal, then the whole full-time years are not pushed up by floating-point noise', () => {
    // 3,3 × 3 × 44 is 435.59999999999997 in floating point; 4356 talks are exactly 10 of those years.
    const calculation = calculateCapacity({
      ...SEED_INPUTS,
      citizens: 1089,
      talksPerDay: 3.3,
      scenario: { kind: 'general', perYear: 4 },
    });
    assert.equal(calculation.chosen.wholeFullTimeYears, 10);
    assert.match(describeCapacityAnswer(calculation), /kræver 10 årsværk\.$/);
  });
});
