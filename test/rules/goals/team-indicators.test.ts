import assert from 'node:assert/strict';
import type { IsoWeek } from '../../../rules/goals/iso-week';
import { indicatorsIn } from '../../../rules/goals/indicator-catalog';
import {
  addTeamIndicator,
  emptyTeamIndicators,
  indicatorIdFrom,
  labelInWeek,
  renameTeamIndicator,
  retireTeamIndicator,
  teamCatalog,
  type TeamIndicators,
  type TeamIndicatorsChange,
} from '../../../rules/goals/team-indicators';
import { defaultCatalog, TEAM } from './goal-fixtures';

const base = defaultCatalog();
const stamp = (week: number) => ({ by: 'u-leader', at: '2026-02-11T09:00:00.000Z', week: { year: 2026, week } });
const week = (value: number): IsoWeek => ({ year: 2026, week: value });

function ok(change: TeamIndicatorsChange): TeamIndicators {
  assert.ok(change.ok, JSON.stringify(change));
  return change.value;
}
function problems(change: TeamIndicatorsChange): string[] {
  assert.ok(!change.ok, 'the change was accepted');
  return change.errors.map((error) => `${error.field}: ${error.message}`);
}

describe("a team's own indicators (spec §3.1)", () => {
  const empty = emptyTeamIndicators(TEAM, 'system', '2026-01-01T00:00:00.000Z');

  it('when an indicator is added, then its id comes from the label (Danish letters spelt out), never a catalogue id, and unique in the team', () => {
    assert.equal(indicatorIdFrom('Netværksmøder (CSR)'), 'egen_netvaerksmoeder_csr');
    assert.equal(indicatorIdFrom('Kanvas'), 'egen_kanvas', 'a catalogue id cannot come out');
    assert.equal(indicatorIdFrom('!!!'), 'egen_indikator');
    let own = ok(addTeamIndicator(empty, base, { label: 'Netværksmøder', group: 'afholdt', newGroup: '' }, stamp(7)));
    own = ok(addTeamIndicator(own, base, { label: 'Netværks-møder', group: 'salg', newGroup: '' }, stamp(7)));
    assert.deepEqual(
      own.indicators.map((indicator) => [indicator.id, indicator.group, indicator.labels]),
      [
        ['egen_netvaerksmoeder', 'afholdt', [{ fromWeek: '2026-W07', label: 'Netværksmøder' }]],
        ['egen_netvaerks_moeder', 'salg', [{ fromWeek: '2026-W07', label: 'Netværks-møder' }]],
      ],
    );
    own = ok(addTeamIndicator(own, base, { label: 'Netværks møder', group: 'salg', newGroup: '' }, stamp(7)));
    assert.equal(own.indicators[2]?.id, 'egen_netvaerks_moeder_2', 'a clash gets a number');
  });

  it('when the label is empty, too long, in use (any case), or CPR-shaped, or the group unknown, then each is named in Danish', () => {
    const add = (label: unknown, group: unknown = 'salg', newGroup: unknown = '') =>
      problems(addTeamIndicator(empty, base, { label, group, newGroup }, stamp(7)));
    assert.deepEqual(add('   '), ['label: Navn: skriv indikatorens navn, fx "Netværksmøder".']);
    assert.deepEqual(add(undefined), ['label: Navn: skriv indikatorens navn, fx "Netværksmøder".']);
    assert.deepEqual(add('x'.repeat(51)), ['label: Navn: højst 50 tegn (du skrev 51). Forkort navnet.']);
    assert.deepEqual(add(' JOBSAMTALER '), [
      'label: Navn: "Jobsamtaler" findes allerede som indikator. Vælg et andet navn.',
    ]);
    assert.match(add('Møde 0101901234')[0] ?? '', /^label: Navn: teksten ligner et CPR-nummer/);
    assert.deepEqual(add('Frokost', 'ukendt'), [
      'group: Gruppe: vælg en gruppe på listen, eller skriv navnet på en ny.',
    ]);
    assert.match(add('Frokost', 'salg', '010190-1234')[0] ?? '', /^newGroup: Ny gruppe: teksten ligner et CPR-nummer/);
    assert.equal(add('', 'ukendt').length, 2, 'every problem at once');
  });

  it("when a new group is typed, then it is the team's own (its heading as id), unless it is an existing group's heading or id", () => {
    const own = ok(
      addTeamIndicator(empty, base, { label: 'Frokostmøder', group: 'salg', newGroup: ' Netværk ' }, stamp(7)),
    );
    assert.deepEqual(own.groups, [{ id: 'Netværk', label: 'Netværk' }]);
    assert.equal(own.indicators[0]?.group, 'Netværk');
    const same = ok(addTeamIndicator(own, base, { label: 'Caféer', group: 'afholdt', newGroup: 'netværk' }, stamp(7)));
    assert.equal(same.groups.length, 1, 'the same heading is the same group');
    assert.equal(same.indicators[1]?.group, 'Netværk');
    const catalogueGroup = ok(
      addTeamIndicator(own, base, { label: 'Messer', group: 'afholdt', newGroup: 'jobaabninger' }, stamp(7)),
    );
    assert.equal(catalogueGroup.indicators[1]?.group, 'jobaabninger', "a catalogue group's id is that group");
  });

  it('when an indicator is renamed in week 9 and again in week 12, then each week has the label it had then, and its id stays', () => {
    let own = ok(addTeamIndicator(empty, base, { label: 'Netværksmøder', group: 'afholdt', newGroup: '' }, stamp(7)));
    own = ok(renameTeamIndicator(own, base, 'egen_netvaerksmoeder', 'Netværksmøder med virksomheder', stamp(9)));
    own = ok(renameTeamIndicator(own, base, 'egen_netvaerksmoeder', 'Netværk', stamp(12)));
    const [indicator] = own.indicators;
    assert.ok(indicator);
    assert.equal(indicator.id, 'egen_netvaerksmoeder');
    assert.deepEqual(
      [5, 7, 8, 9, 11, 12, 40].map((each) => labelInWeek(indicator, week(each))),
      [
        'Netværksmøder',
        'Netværksmøder',
        'Netværksmøder',
        'Netværksmøder med virksomheder',
        'Netværksmøder med virksomheder',
        'Netværk',
        'Netværk',
      ],
    );
    // Back to an earlier name of its own is allowed; a second rename in a week replaces that week's.
    own = ok(renameTeamIndicator(own, base, 'egen_netvaerksmoeder', 'Netværksmøder', stamp(12)));
    assert.equal(own.indicators[0]?.labels.length, 3);
    assert.equal(labelInWeek(own.indicators[0]!, week(12)), 'Netværksmøder');
    assert.deepEqual(problems(renameTeamIndicator(own, base, 'egen_netvaerksmoeder', 'Netværksmøder', stamp(13))), [
      'newLabel: Navn: indikatoren hedder allerede "Netværksmøder".',
    ]);
    assert.deepEqual(problems(renameTeamIndicator(own, base, 'kanvas', 'Kanvas 2', stamp(13))), [
      'indicatorId: Indikatoren findes ikke blandt teamets egne.',
    ]);
    assert.match(
      problems(renameTeamIndicator(own, base, 'egen_netvaerksmoeder', 'Kanvas', stamp(13)))[0] ?? '',
      /"Kanvas" findes allerede/,
    );
  });

  it("when an indicator is retired in week 9, then it is in the team's catalogue for week 9 and before, not from week 10, and never offered for a plan", () => {
    let own = ok(
      addTeamIndicator(empty, base, { label: 'Netværksmøder', group: 'salg', newGroup: 'Netværk' }, stamp(3)),
    );
    own = ok(addTeamIndicator(own, base, { label: 'Caféer', group: 'salg', newGroup: '' }, stamp(3)));
    own = ok(retireTeamIndicator(own, 'egen_netvaerksmoeder', stamp(9)));
    assert.equal(own.indicators[0]?.retiredFrom, '2026-W10');
    const ids = (catalog: ReturnType<typeof teamCatalog>) => catalog.indicators.map((indicator) => indicator.id);
    const inWeek = (value: number) => teamCatalog(base, own, { labelsIn: week(value), inUse: week(value) });
    assert.ok(ids(inWeek(9)).includes('egen_netvaerksmoeder'));
    assert.ok(!ids(inWeek(10)).includes('egen_netvaerksmoeder'));
    assert.deepEqual(
      inWeek(10).groups.map((group) => group.id),
      base.groups.map((group) => group.id),
      'a group of its own with nothing in use is left out',
    );
    const forPlans = teamCatalog(base, own, { labelsIn: week(9), inUse: 'not-retired' });
    assert.ok(!ids(forPlans).includes('egen_netvaerksmoeder'));
    // Caféer follows the catalogue's Salg indicators, so the group stays together.
    assert.deepEqual(
      indicatorsIn(forPlans, ['egen_cafeer', 'kanvas', 'virksomhedskontakter_tlf', 'aabninger_ordinaere']).map(
        (indicator) => indicator.id,
      ),
      ['kanvas', 'virksomhedskontakter_tlf', 'egen_cafeer', 'aabninger_ordinaere'],
    );
    assert.match(
      problems(retireTeamIndicator(own, 'egen_netvaerksmoeder', stamp(11)))[0] ?? '',
      /er udgået og kan ikke ændres/,
    );
    assert.match(
      problems(addTeamIndicator(own, base, { label: 'netværksmøder', group: 'salg', newGroup: '' }, stamp(11)))[0] ??
        '',
      /"Netværksmøder" findes allerede/,
      "a retired indicator's label is not given to another (history names it)",
    );
  });

  it('when the team has none, then its catalogue is the catalogue itself', () => {
    assert.equal(teamCatalog(base, undefined, { labelsIn: week(7), inUse: week(7) }), base);
    assert.equal(teamCatalog(base, empty, { labelsIn: week(7), inUse: 'not-retired' }), base);
  });
});
