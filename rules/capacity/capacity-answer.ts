import { ON_TIME_TALKS_PER_YEAR } from './capacity';
import type { CapacityCalculation } from './capacity.calculator';
import { formatDanishNumber as n } from '../shared/danish-number';

function count(value: number, singular: string, plural: string): string {
  return `${n(value)} ${value === 1 ? singular : plural}`;
}

/** The chosen scenario in words: "99 borgere (30 %) til samtale to gange i måneden, resten rettidigt". */
export function describeChosenScenario(calculation: CapacityCalculation): string {
  const { inputs, chosen, intensiveCitizens } = calculation;
  const { frequency } = chosen;
  if (chosen.scenario.kind === 'general') {
    return `Alle ${count(inputs.citizens, 'borger', 'borgere')} til samtale ${frequency.phrase} (${frequency.perYear} om året)`;
  }
  return (
    `${count(intensiveCitizens, 'borger', 'borgere')} (${n(inputs.intensiveSharePercent)} %) til samtale ` +
    `${frequency.phrase} (${frequency.perYear} om året), resten rettidigt (${ON_TIME_TALKS_PER_YEAR} om året)`
  );
}

/**
 * The answer in one Danish paragraph: the chosen scenario's talks a year, what one full-time year
 * holds, and the full-time years needed — also as whole full-time years, the way the seed's table is read.
 */
export function describeCapacityAnswer(calculation: CapacityCalculation): string {
  const { inputs, chosen, talksPerFullTimeYear } = calculation;
  const years = chosen.fullTimeYears;
  // Said only when it adds something: 6,25 årsværk are 7 whole ones, 5 are 5.
  const whole =
    n(years) === n(chosen.wholeFullTimeYears)
      ? ''
      : ` Regnet i hele årsværk skal der bruges ${n(chosen.wholeFullTimeYears)}.`;
  return (
    `${describeChosenScenario(calculation)} giver ${count(chosen.talksPerYear, 'samtale', 'samtaler')} om året. ` +
    `Ét årsværk med ${count(inputs.talksPerDay, 'samtale', 'samtaler')} pr. dag, ` +
    `${count(inputs.talkDaysPerWeek, 'dag', 'dage')} om ugen i ${count(inputs.weeksPerFullTimeYear, 'uge', 'uger')} ` +
    `klarer ${count(talksPerFullTimeYear, 'samtale', 'samtaler')}, så scenariet kræver ${n(years)} årsværk.${whole}`
  );
}
