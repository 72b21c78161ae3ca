import assert from 'node:assert/strict';
import { indicatorsIn } from '../../../rules/goals/indicator-catalog';
import { prefillCounts } from '../../../rules/goals/log-prefill';
import { opening } from '../openings/opening-fixtures';
import { TEAM, at, defaultCatalog, screening } from './goal-fixtures';

describe('prefill of the weekly log', () => {
  const catalog = defaultCatalog();
  const all = indicatorsIn(
    catalog,
    catalog.indicators.map((indicator) => indicator.id),
  );
  const week = { year: 2026, week: 7 }; // 9–15 February 2026
  const mine = { userId: 'u-mette', name: 'Mette Hansen' };
  const openings = [
    opening({
      id: 'o1',
      teamId: TEAM,
      registeredBy: mine,
      date: at('2026-02-09', '08:00'),
      result: 'ordinaer_aabning',
      seats: 3,
    }),
    opening({
      id: 'o2',
      teamId: TEAM,
      registeredBy: mine,
      date: at('2026-02-15', '23:30'),
      result: 'ordinaer_aabning',
    }),
    opening({ id: 'o3', teamId: TEAM, registeredBy: mine, date: at('2026-02-11'), result: 'praktikplads' }),
    opening({ id: 'o4', teamId: TEAM, registeredBy: mine, date: at('2026-02-11'), result: 'ingen_aabning', seats: 0 }),
    // Outside the week (Sunday before, Monday after, in Copenhagen time), another consultant, another team.
    opening({ id: 'o5', teamId: TEAM, registeredBy: mine, date: at('2026-02-08', '23:59'), result: 'loentilskud' }),
    opening({ id: 'o6', teamId: TEAM, registeredBy: mine, date: at('2026-02-16', '00:00'), result: 'loentilskud' }),
    opening({ id: 'o7', teamId: TEAM, registeredBy: { userId: 'u-ali', name: 'Ali' }, date: at('2026-02-10') }),
    opening({ id: 'o8', teamId: 'team-b', registeredBy: mine, date: at('2026-02-10') }),
  ];
  const screenings = [
    screening({ id: 's1', caseworkerId: 'u-mette', decidedAt: at('2026-02-09', '09:00') }),
    screening({ id: 's2', caseworkerId: 'u-mette', decidedAt: at('2026-02-13', '15:00') }),
    screening({ id: 's3', caseworkerId: 'u-ali', decidedAt: at('2026-02-13') }),
    screening({ id: 's4', caseworkerId: 'u-mette', decidedAt: at('2026-02-16', '00:10') }),
  ];

  it('when a consultant registered openings in the week, then each result counts its registrations, not seats', () => {
    const counts = prefillCounts({ teamId: TEAM, userId: 'u-mette', week, indicators: all, openings, screenings });
    assert.deepEqual(counts, {
      individuelle_samtaler: 2,
      aabninger_ordinaere: 2,
      aabninger_praktik: 1,
      aabninger_loentilskud: 0,
    });
  });

  it('when the plan has only some indicators, then only those are prefilled', () => {
    const counts = prefillCounts({
      teamId: TEAM,
      userId: 'u-mette',
      week,
      indicators: indicatorsIn(catalog, ['kanvas', 'aabninger_praktik']),
      openings,
      screenings,
    });
    assert.deepEqual(counts, { aabninger_praktik: 1 });
  });

  it('when the member registered nothing and screened nobody, then the prefilled counts are 0', () => {
    const counts = prefillCounts({ teamId: TEAM, userId: 'u-bo', week, indicators: all, openings, screenings });
    assert.deepEqual(counts, {
      individuelle_samtaler: 0,
      aabninger_ordinaere: 0,
      aabninger_praktik: 0,
      aabninger_loentilskud: 0,
    });
  });

  it('when the week is 2026-W53, then registrations on 2027-01-02 count in it', () => {
    const counts = prefillCounts({
      teamId: TEAM,
      userId: 'u-mette',
      week: { year: 2026, week: 53 },
      indicators: indicatorsIn(catalog, ['aabninger_loentilskud', 'individuelle_samtaler']),
      openings: [opening({ teamId: TEAM, registeredBy: mine, date: at('2027-01-02'), result: 'loentilskud' })],
      screenings: [screening({ decidedAt: at('2026-12-28') }), screening({ decidedAt: at('2027-01-04') })],
    });
    assert.deepEqual(counts, { aabninger_loentilskud: 1, individuelle_samtaler: 1 });
  });
});
