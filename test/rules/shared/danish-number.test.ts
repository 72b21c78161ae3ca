import assert from 'node:assert/strict';
import { formatDanishNumber, parseDanishDecimal, parseDanishNumber } from '../../../rules/shared/danish-number';

describe('Danish numbers', () => {
  const read: [string, number][] = [
    ['1,5', 1.5],
    ['1.5', 1.5],
    ['2', 2],
    [' 3 ', 3],
    ['-1', -1],
    ['0,25', 0.25],
    ['1.000', 1000],
    ['1 000', 1000],
    ['12.500.000', 12_500_000],
  ];
  for (const [text, expected] of read) {
    it(`when "${text}" is read, then it is ${expected}`, () => {
      assert.equal(parseDanishDecimal(text), expected);
      assert.equal(parseDanishNumber(text), expected);
    });
  }

  for (const text of [
    '',
    ' ',
    'halvandet',
    '1,5,5',
    '1.5.5',
    '1,',
    ',5',
    '1 ,5',
    '1½',
    '1e3',
    '0x10',
    'Infinity',
    '3 %',
  ]) {
    it(`when "${text}" is read as a decimal, then it is not a number`, () => {
      assert.equal(parseDanishDecimal(text), undefined);
    });
  }

  it('when a percentage is read as a number, then the sign is dropped; as a decimal it is refused', () => {
    assert.equal(parseDanishNumber('30 %'), 30);
    assert.equal(parseDanishNumber('2,5%'), 2.5);
    assert.equal(parseDanishDecimal('30 %'), undefined);
  });

  it('when a number is formatted, then it has a decimal comma and thousands points', () => {
    assert.equal(formatDanishNumber(1.5), '1,5');
    assert.equal(formatDanishNumber(1320), '1.320');
  });
});
