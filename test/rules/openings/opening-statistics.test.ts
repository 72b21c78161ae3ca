import assert from 'node:assert/strict';
import { copenhagenInstant } from '../../../rules/shared/copenhagen-calendar';
import { openByAgeing, openingStatistics } from '../../../rules/openings/opening-statistics';
import { at, defaultSectors, opening } from './opening-fixtures';

const SECTORS = defaultSectors();
const METTE = { userId: 'u-mette', name: 'Mette Hansen' };
const ALI = { userId: 'u-ali', name: 'Ali Nielsen' };

const OPENINGS = [
  opening({ id: '1', date: at('2026-04-01', '00:30'), sector: 'industri', seats: 3, filled: 3, registeredBy: METTE }),
  opening({
    id: '2',
    date: at('2026-04-07'),
    sector: 'industri',
    result: 'praktikplads',
    seats: 2,
    filled: 1,
    registeredBy: ALI,
  }),
  opening({
    id: '3',
    date: at('2026-04-15'),
    sector: 'handel',
    result: 'loentilskud',
    seats: 1,
    filled: 0,
    registeredBy: METTE,
  }),
  opening({
    id: '4',
    date: at('2026-04-20'),
    sector: 'handel',
    result: 'ingen_aabning',
    seats: 0,
    filled: 0,
    registeredBy: ALI,
  }),
  opening({
    id: '5',
    date: at('2026-04-30', '23:59'),
    sector: 'transport',
    result: 'ingen_aabning',
    seats: 0,
    registeredBy: ALI,
  }),
  // Outside the period: the last minute of 31 March and the first of 1 May, Copenhagen time.
  opening({ id: '6', date: at('2026-03-31', '23:59'), sector: 'industri', seats: 5, registeredBy: METTE }),
  opening({ id: '7', date: at('2026-05-01', '00:00'), sector: 'industri', seats: 5, registeredBy: METTE }),
  // Another team.
  opening({ id: '8', teamId: 'team-b', date: at('2026-04-10'), sector: 'industri', seats: 4, registeredBy: METTE }),
];

describe('openingStatistics', () => {
  const stats = openingStatistics(OPENINGS, { teamId: 'team-a', from: '2026-04-01', to: '2026-04-30' }, SECTORS);

  it('when a team asks for a period, then only its registrations on those Copenhagen days count, both ends included', () => {
    assert.equal(stats.contacts, 5);
    assert.equal(stats.openings, 3);
    assert.equal(stats.contactsWithoutOpening, 2);
    assert.deepEqual(stats.byResult, { ingen_aabning: 2, ordinaer_aabning: 1, praktikplads: 1, loentilskud: 1 });
  });

  it('when openings have been filled, then seats opened and filled add up, filled ones included', () => {
    assert.equal(stats.seatsOpened, 6);
    assert.equal(stats.seatsFilled, 4);
  });

  it('when openings span sectors, then each sector has its own totals, in the order of the sector list', () => {
    assert.deepEqual(
      stats.bySector.map((s) => [
        s.sectorId,
        s.label,
        s.contacts,
        s.openings,
        s.seatsOpened,
        s.seatsFilled,
        s.contactsWithoutOpening,
      ]),
      [
        ['industri', 'Industri', 2, 2, 5, 4, 0],
        ['handel', 'Handel', 2, 1, 1, 0, 1],
        ['transport', 'Transport', 1, 0, 0, 0, 1],
      ],
    );
    assert.deepEqual(stats.bySector[0]?.byResult, {
      ingen_aabning: 0,
      ordinaer_aabning: 1,
      praktikplads: 1,
      loentilskud: 0,
    });
  });

  it('when several consultants registered, then each gets their own counts by result', () => {
    assert.deepEqual(
      stats.byConsultant.map((c) => [
        c.name,
        c.contacts,
        c.byResult.ordinaer_aabning,
        c.byResult.praktikplads,
        c.byResult.loentilskud,
        c.contactsWithoutOpening,
      ]),
      [
        ['Ali Nielsen', 3, 0, 1, 0, 2],
        ['Mette Hansen', 2, 1, 0, 1, 0],
      ],
    );
  });

  it('when the period is one day, then only that day counts', () => {
    const day = openingStatistics(OPENINGS, { teamId: 'team-a', from: '2026-03-31', to: '2026-03-31' }, SECTORS);
    assert.deepEqual([day.contacts, day.seatsOpened, day.seatsFilled], [1, 5, 0]);
  });

  it('when nothing was registered, then every count is 0', () => {
    const none = openingStatistics(OPENINGS, { teamId: 'team-c', from: '2026-04-01', to: '2026-04-30' }, SECTORS);
    assert.deepEqual(
      [none.contacts, none.openings, none.seatsOpened, none.bySector, none.byConsultant],
      [0, 0, 0, [], []],
    );
  });

  it('when the period is backwards or malformed, then it is refused', () => {
    assert.throws(
      () => openingStatistics([], { teamId: 'team-a', from: '2026-04-30', to: '2026-04-01' }, SECTORS),
      RangeError,
    );
    assert.throws(
      () => openingStatistics([], { teamId: 'team-a', from: '2026-04-31', to: '2026-05-01' }, SECTORS),
      RangeError,
    );
  });
});

describe('openByAgeing', () => {
  it('when open openings have different ages, then they are counted by colour with their open seats', () => {
    const counts = openByAgeing(
      OPENINGS.filter((o) => o.teamId === 'team-a'),
      copenhagenInstant('2026-04-21', '08:00'),
    );
    // 1 is full; 2 (14 days) and 6 (21 days) red; 3 (6 days) new; 4 and 5 have no seats; 7, registered
    // after now, counts as age 0.
    assert.deepEqual(counts, {
      roed: { openings: 2, seats: 6 },
      gul: { openings: 0, seats: 0 },
      ny: { openings: 2, seats: 6 },
    });
  });
});
