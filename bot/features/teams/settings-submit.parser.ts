import { cprRefusal, holdsCprShape } from '../../../rules/shared/cpr-shape';
import type { Track } from '../../../rules/screening/screening.types';
import type { SettingsChange } from '../../../rules/teams/team-settings.service';

/**
 * Reads the settings form. Numbers arrive as strings; a bad one is reported by its Danish field name,
 * and so is a value shaped like a CPR number, which is never read.
 */
export function parseSettingsSubmit(data: Readonly<Record<string, unknown>>): {
  change: SettingsChange;
  errors: string[];
} {
  const errors: string[] = [];
  const change: SettingsChange = {};
  const number = (key: string, label: string): number | undefined => {
    const raw = data[key];
    if (raw === undefined || raw === '') return undefined;
    if (holdsCprShape(raw)) {
      errors.push(cprRefusal(label));
      return undefined;
    }
    const value =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(raw)
          ? Number(raw.replace(',', '.'))
          : NaN;
    if (!Number.isFinite(value)) errors.push(`${label} skal være et tal.`);
    return Number.isFinite(value) ? value : undefined;
  };
  const percent = number('intensiveSharePercent', 'Loft for intensiv andel');
  if (percent !== undefined) change.intensiveShareCap = percent / 100;
  const window = number('capacityWindowDays', 'Periode for intensiv andel (dage)');
  if (window !== undefined) change.capacityWindowDays = window;
  const retention = number('retentionDays', 'Opbevaring af svar (dage)');
  if (retention !== undefined) change.retentionDays = retention;
  const sectors = data.affectedSectors;
  // Checked whole: "010190,1234" is a CPR number before it is split into two unknown sectors.
  if (holdsCprShape(sectors)) errors.push(cprRefusal('Konjunkturramte brancher'));
  else if (typeof sectors === 'string')
    change.affectedSectors = sectors
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
  else if (sectors !== undefined) errors.push('Konjunkturramte brancher har et forkert format.');
  const labels: Partial<Record<Track, string>> = {};
  for (const track of ['doedvaegt', 'catch-all', 'selektion'] as const) {
    const raw = data[`trackLabel_${track}`];
    if (raw === undefined) continue;
    if (holdsCprShape(raw)) errors.push(cprRefusal('Navnet på indsatsen'));
    else if (typeof raw === 'string') labels[track] = raw;
    else errors.push('Navnet på indsatsen har et forkert format.');
  }
  if (Object.keys(labels).length > 0) change.trackLabels = labels;
  const sensitive = data.sensitiveCriterion;
  if (sensitive === 'true' || sensitive === true) change.sensitiveCriterionEnabled = true;
  else if (sensitive === 'false' || sensitive === false) change.sensitiveCriterionEnabled = false;
  else if (holdsCprShape(sensitive)) errors.push(cprRefusal('Kriteriet "anden etnisk baggrund"'));
  else if (sensitive !== undefined) errors.push('Kriteriet "anden etnisk baggrund" skal være slået til eller fra.');
  return { change, errors };
}
