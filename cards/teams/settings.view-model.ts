import type { TeamScreeningSettings } from '../../rules/screening/screening.types';
import type { TeamLeadership } from '../../rules/teams/team-membership.service';
import { formatPercent, typedNumber } from '../shared/formatting';

export interface SettingsViewInput {
  settings: TeamScreeningSettings;
  sectors: readonly { id: string; label: string }[];
  canEdit: boolean;
  notices: readonly string[];
  noticeKind: 'info' | 'warning' | 'error';
  /**
   * What the leader typed, shown again when it had errors; a field typed empty (or emptied because it
   * held a CPR number) comes back empty.
   */
  typed?: Readonly<Record<string, unknown>>;
  /** The team's leaders and the members a leader may name co-leaders. */
  leadership: TeamLeadership;
}

const SENSITIVE = 'anden_etnisk_baggrund';

function namesOf(people: readonly { name: string }[]): string {
  return people.length === 0 ? 'Ingen' : people.map((person) => person.name).join(', ');
}

/** The settings card: the current values for everyone, and the form for leaders. */
export function buildSettingsViewModel(input: SettingsViewInput) {
  const { settings, typed } = input;
  const sectorLabel = new Map(input.sectors.map((sector) => [sector.id, sector.label]));
  const sensitive = settings.criteria[SENSITIVE]?.enabled === true;
  const typedOr = <T>(key: string, fallback: T): T | string => {
    const value = typed?.[key];
    return typeof value === 'string' ? value : fallback;
  };
  return {
    versionText: `Version ${settings.version}`,
    notices: [...input.notices],
    noticeStyle: input.noticeKind === 'info' ? 'good' : input.noticeKind === 'warning' ? 'warning' : 'attention',
    facts: [
      { title: 'Loft for intensiv andel', value: formatPercent(settings.intensiveShareCap) },
      { title: 'Periode for intensiv andel', value: `${settings.capacityWindowDays} dage` },
      { title: 'Opbevaring af svar', value: `${settings.retentionDays} dage` },
      {
        title: 'Konjunkturramte brancher',
        value:
          settings.affectedSectors.length === 0
            ? 'Ingen'
            : settings.affectedSectors.map((id) => sectorLabel.get(id) ?? id).join(', '),
      },
      { title: 'Kriteriet "anden etnisk baggrund"', value: sensitive ? 'Slået til' : 'Slået fra' },
      { title: 'Ledere (ejere i Teams)', value: namesOf(input.leadership.owners) },
      { title: 'Medledere', value: namesOf(input.leadership.coLeaders) },
    ],
    memberChoices: input.leadership.members.map((member) => ({ title: member.name, value: member.userId })),
    coLeaderIds: input.leadership.coLeaders.map((member) => member.userId).join(','),
    canEdit: input.canEdit,
    capPercent: typedNumber(typedOr('intensiveSharePercent', Math.round(settings.intensiveShareCap * 100))),
    windowDays: typedNumber(typedOr('capacityWindowDays', settings.capacityWindowDays)),
    retentionDays: typedNumber(typedOr('retentionDays', settings.retentionDays)),
    affectedSectors: typedOr('affectedSectors', settings.affectedSectors.join(',')),
    sensitiveValue: typedOr('sensitiveCriterion', sensitive ? 'true' : 'false'),
    sectors: input.sectors.map((sector) => ({ title: sector.label, value: sector.id })),
    version: settings.version,
  };
}
