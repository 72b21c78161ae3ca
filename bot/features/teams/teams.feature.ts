import { SettingsCards } from '../../../cards/teams/settings.cards';
import { TenantDataCards } from '../../../cards/teams/tenant-data.cards';
import { defaultTeamScreeningSettings } from '../../../rules/screening/team-screening-settings';
import { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { AreaDeps, Feature } from '../feature';
import { settingsHandlers } from './settings.handlers';

/** The team's settings and its leaders (`indstillinger`). */
export function teamsArea({ repositories, membership, ruleset, renderer, clock }: AreaDeps): {
  settings: TeamSettingsService;
  feature: Feature;
} {
  const settings = new TeamSettingsService(
    repositories.teamSettings,
    membership,
    defaultTeamScreeningSettings(ruleset),
    repositories.audit,
    clock,
    new Set(ruleset.sectors.map((sector) => sector.id)),
  );
  return {
    settings,
    feature: settingsHandlers(
      settings,
      membership,
      new SettingsCards(renderer, ruleset.sectors),
      new TenantDataCards(renderer),
    ),
  };
}
