import type { TeamScreeningSettings } from '../../rules/screening/screening.types';
import type { TeamLeadership } from '../../rules/teams/team-membership.service';
import { formatPercent, typedNumber } from '../shared/formatting';
import { TRACKS, trackLabel } from '../screening/track-labels';

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

/** Which of the guide's strategies each label names (leaders know them by the guide's words). */
const TRACK_HINTS: Readonly<Record<(typeof TRACKS)[number], string>> = {
  'catch-all': 'catch-all: hele målgruppen fra dag ét',
  selektion: 'selektion: tidlig, intensiv indsats til dem i risiko',
  doedvaegt: 'minimumsindsats til dem, der formentlig klarer sig selv',
};

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
  const noSectors = settings.affectedSectors.length === 0;
  return {
    versionText: `Version ${settings.version}`,
    // Until the team has chosen, the criterion "konjunkturramt branche" can never hold (spec §1.5).
    sectorPrompt:
      input.canEdit && noSectors
        ? 'Vælg først de brancher, der lige nu er ramt af konjunkturerne. Ledige fra en målgruppe, der aktuelt er udsat på grund af konjunkturudviklingen, er i risiko for langtidsledighed (Mploy 2012 i teamets kildemateriale). Vælg de brancher, hvor ledigheden stiger, eller hvor virksomheder lukker eller skærer ned i jeres område, fx industri eller bygge og anlæg i en lavkonjunktur. Indtil I vælger, tæller risikofaktoren «konjunkturramt branche» ikke med i screeningerne.'
        : '',
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
      {
        title: 'Navne på indsatserne',
        value: TRACKS.map((track) => trackLabel(track, settings.trackLabels)).join(' · '),
      },
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
    trackLabelInputs: TRACKS.map((track) => ({
      id: `trackLabel_${track}`,
      label: `Navn på indsatsen «${TRACK_HINTS[track]}»`,
      value: typedOr(`trackLabel_${track}`, trackLabel(track, settings.trackLabels)),
    })),
    sectors: input.sectors.map((sector) => ({ title: sector.label, value: sector.id })),
    version: settings.version,
  };
}
