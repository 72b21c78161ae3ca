import assert from 'node:assert/strict';
import { runCli } from '../../../bot/cli/cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text) }, out, err };
}

interface CapacityOutput {
  inputs: Record<string, unknown>;
  intensiveCitizens: number;
  talksPerFullTimeYear: number;
  general: { perYear: number; talksPerYear: number }[];
  intensive: { perYear: number; intensiveTalks: number; onTimeTalks: number; talksPerYear: number }[];
  table: { fullTimeYears: number[]; rows: { talksPerDay: number; talks: number[] }[] };
  chosen: { scenario: string; talksPerYear: number; fullTimeYears: number; wholeFullTimeYears: number };
  answer: string;
}

async function capacity(...args: string[]) {
  const { io, out, err } = capture();
  const code = await runCli(['capacity', ...args], io);
  return { code, err: err.join('\n'), output: code === 0 ? (JSON.parse(out.join('')) as CapacityOutput) : undefined };
}

describe('CLI: capacity', () => {
  it('when the seed example is given in full, then it exits 0 with the seed talks, table and the answer', async () => {
    const { code, err, output } = await capacity(
      '--citizens',
      '330',
      '--days',
      '3',
      '--weeks',
      '44',
      '--per-day',
      '5',
      '--share',
      '30',
      '--intensive',
      '24',
    );
    assert.equal(err, '');
    assert.equal(code, 0);
    assert.ok(output !== undefined);
    assert.deepEqual(
      output.general.map((row) => [row.perYear, row.talksPerYear]),
      [
        [4, 1320],
        [6, 1980],
        [12, 3960],
      ],
    );
    assert.deepEqual(
      output.intensive.map((row) => [row.perYear, row.intensiveTalks, row.onTimeTalks, row.talksPerYear]),
      [
        [24, 2376, 924, 3300],
        [12, 1188, 924, 2112],
        [6, 594, 924, 1518],
      ],
    );
    assert.deepEqual(output.table.rows[0]?.talks, [132, 264, 396, 528, 660, 792, 924, 1056, 1188]);
    assert.deepEqual(output.table.rows[7]?.talks, [1056, 2112, 3168, 4224, 5280, 6336, 7392, 8448, 9504]);
    assert.deepEqual(output.chosen, {
      scenario: 'intensive-24',
      label: 'Intensiveret to gange i måneden (24 samtaler om året), resten rettidigt',
      talksPerYear: 3300,
      fullTimeYears: 5,
      wholeFullTimeYears: 5,
    });
    assert.match(
      output.answer,
      /giver 3\.300 samtaler om året\..*klarer 660 samtaler, så scenariet kræver 5 årsværk\.$/,
    );
  });

  it('when no flags are given, then the seed example with its defaults is calculated', async () => {
    const { code, output } = await capacity();
    assert.equal(code, 0);
    assert.deepEqual(output?.inputs, {
      citizens: 330,
      talkDaysPerWeek: 3,
      weeksPerFullTimeYear: 44,
      talksPerDay: 4,
      intensiveSharePercent: 30,
      scenario: 'intensive-24',
    });
    assert.equal(output?.chosen.fullTimeYears, 6.25);
  });

  it('when a general frequency is chosen with --flag=value, then that scenario is answered, rounded to two decimals', async () => {
    const { code, output } = await capacity('--general=12', '--per-day=3,5');
    assert.equal(code, 0);
    assert.equal(output?.chosen.scenario, 'general-12');
    assert.equal(output?.chosen.talksPerYear, 3960);
    assert.equal(output?.chosen.fullTimeYears, 8.57);
    assert.equal(output?.chosen.wholeFullTimeYears, 9);
  });

  it('when inputs are negative, a share is over 100 % and days are zero, then it exits 2 naming each flag and field in Danish', async () => {
    const { code, err, output } = await capacity('--citizens', '-330', '--share', '120', '--days', '0');
    assert.equal(code, 2);
    assert.equal(output, undefined);
    assert.deepEqual(err.split('\n'), [
      '--citizens: Antal borgere: må ikke være negativ – skriv et helt tal fra 1 til 100.000.',
      '--days: Antal dage med samtaler: kan ikke være 0 – skriv et helt tal fra 1 til 5.',
      '--share: Andel med behov for intensiveret indsats (%): kan ikke være over 100 % – skriv en procent fra 0 til 100, fx 30.',
    ]);
  });

  it('when the flags are wrong in form, then it exits 2 saying what is wrong and how to use it', async () => {
    for (const [args, reason] of [
      [['--intensive', '24', '--general', '5'], /^--general: vælg 4, 6 eller 12 samtaler om året \(fik 5\)/],
      [['--general', '5'], /^--intensive\/--general: Scenarie: vælg 4, 6, 12/],
      [['--borgere', '330'], /Ukendt tilvalg: --borgere/],
      [['--weeks'], /--weeks mangler en værdi/],
      [['330'], /Uventet argument: 330/],
      [['--per-day', 'tre'], /--per-day: Antal samtaler pr\. dag: "tre" er ikke et tal/],
    ] as const) {
      const { code, err } = await capacity(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, reason);
    }
  });

  it('when every flag of the documented interface is given, then the answer is for the intensive scenario', async () => {
    const { code, output } = await capacity(
      ...['--citizens', '330', '--days', '3', '--weeks', '44', '--per-day', '4', '--share', '30'],
      ...['--intensive', '24', '--general', '4'],
    );
    assert.equal(code, 0);
    assert.equal(output?.chosen.talksPerYear, 3300);
    assert.equal(output?.chosen.fullTimeYears, 6.25);
  });
});
