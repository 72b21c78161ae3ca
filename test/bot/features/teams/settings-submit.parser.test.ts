import assert from 'node:assert/strict';
import { parseSettingsSubmit } from '../../../../bot/features/teams/settings-submit.parser';
import { CPR_VARIANTS, leaksCpr } from '../../../support/cpr-variants';

describe('parseSettingsSubmit', () => {
  const form = {
    intensiveSharePercent: '30',
    capacityWindowDays: '90',
    retentionDays: '90',
    affectedSectors: 'industri',
    sensitiveCriterion: 'false',
  };
  const fields: [keyof typeof form, string][] = [
    ['intensiveSharePercent', 'Loft for intensiv andel'],
    ['capacityWindowDays', 'Periode for intensiv andel (dage)'],
    ['retentionDays', 'Opbevaring af svar (dage)'],
    ['affectedSectors', 'Konjunkturramte brancher'],
    ['sensitiveCriterion', 'Kriteriet "anden etnisk baggrund"'],
  ];
  for (const [field, label] of fields) {
    it(`when ${field} holds a CPR number, then it is refused by its Danish name and not read`, () => {
      for (const variant of CPR_VARIANTS) {
        const { change, errors } = parseSettingsSubmit({ ...form, [field]: variant });
        assert.deepEqual(
          errors,
          [`${label}: teksten ligner et CPR-nummer. Botten må ikke gemme CPR-numre – fjern det.`],
          JSON.stringify(variant),
        );
        assert.ok(!leaksCpr(JSON.stringify(change), variant), `${JSON.stringify(variant)} is read`);
      }
    });
  }

  it('when a number arrives as a number shaped like a CPR number, then it is refused too', () => {
    const { errors } = parseSettingsSubmit({ ...form, retentionDays: 3112999999 });
    assert.match(errors.join('\n'), /Opbevaring af svar \(dage\): teksten ligner et CPR-nummer/);
  });
});
