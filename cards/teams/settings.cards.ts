import type { TeamScreeningSettings } from '../../rules/screening/screening.types';
import type { CoLeaderOutcome, TeamLeadership } from '../../rules/teams/team-membership.service';
import type { SettingsUpdateOutcome } from '../../rules/teams/team-settings.service';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildSettingsViewModel, type SettingsViewInput } from './settings.view-model';

type Typed = Readonly<Record<string, unknown>>;

/** What the settings card shows on every answer: the stored settings, and whether this person may change them. */
export interface SettingsShown {
  settings: TeamScreeningSettings;
  canEdit: boolean;
  leadership: TeamLeadership;
}

/** The team's settings card (`indstillinger`) and its answers to a save. */
export class SettingsCards {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly sectors: SettingsViewInput['sectors'],
  ) {}

  /** `indstillinger`, with a line for someone who may read but not change the settings. */
  shown(shown: SettingsShown): AdaptiveCardJson {
    return this.card(shown, shown.canEdit ? [] : ['Kun teamets ledere kan ændre indstillingerne.'], 'info');
  }

  /** A form the bot could not read (e.g. a number that is not one): the errors, with what was typed. */
  unreadable(shown: SettingsShown, errors: string[], typed: Typed): AdaptiveCardJson {
    return this.card(shown, errors, 'error', typed);
  }

  /** The answer to a save: the new version and its warnings, or why nothing was saved. */
  saved(shown: SettingsShown, outcome: SettingsUpdateOutcome, typed: Typed): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'saved':
        return this.card(
          shown,
          [`Gemt som version ${outcome.settings.version}.`, ...outcome.warnings],
          outcome.warnings.length > 0 ? 'warning' : 'info',
        );
      case 'invalid':
        return this.card(
          shown,
          outcome.errors.map((error) => error.message),
          'error',
          typed,
        );
      case 'conflict':
        // The overview shows what is stored now; the form keeps what this leader typed, on the newest version.
        return this.card(
          shown,
          [
            'Indstillingerne er ændret af en anden, siden kortet blev vist. Intet er gemt. Oversigten viser de nyeste; felterne viser dine ændringer – gem igen, hvis de skal gælde.',
          ],
          'warning',
          typed,
        );
      case 'forbidden':
        return this.card(shown, ['Kun teamets ledere kan ændre indstillingerne. Intet er gemt.'], 'error');
    }
  }

  /** The answer to `Gem medledere`. */
  coLeadersSaved(shown: SettingsShown, outcome: CoLeaderOutcome | { kind: 'unreadable' }): AdaptiveCardJson {
    switch (outcome.kind) {
      case 'saved':
        return this.card(shown, ['Medlederne er gemt.'], 'info');
      case 'conflict':
        return this.card(
          shown,
          [
            'Medlederne er ændret af en anden leder, siden kortet blev vist. Intet er gemt. Se de nyeste herover og gem igen.',
          ],
          'warning',
        );
      case 'forbidden':
        return this.card(shown, ['Kun teamets ledere kan vælge medledere. Intet er gemt.'], 'error');
      case 'unreadable':
        return this.card(shown, ['Listen over medledere kunne ikke læses. Intet er gemt.'], 'error');
    }
  }

  private card(
    { settings, canEdit, leadership }: SettingsShown,
    notices: string[],
    noticeKind: SettingsViewInput['noticeKind'],
    typed?: Typed,
  ): AdaptiveCardJson {
    return this.renderer.render(
      'settings',
      buildSettingsViewModel({ settings, sectors: this.sectors, canEdit, notices, noticeKind, typed, leadership }),
    );
  }
}
