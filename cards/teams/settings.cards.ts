import type { TeamScreeningSettings } from '../../rules/screening/screening.types';
import type { CoLeaderOutcome, TeamLeadership } from '../../rules/teams/team-membership.service';
import { RETENTION_DAYS } from '../../rules/screening/retention-period';
import type { HeldSetting, SettingsUpdateOutcome } from '../../rules/teams/team-settings.service';
import { formatCount } from '../shared/formatting';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildSettingsViewModel, type SettingsViewInput } from './settings.view-model';

type Typed = Readonly<Record<string, unknown>>;

/** What the settings card shows on every answer: the stored settings, and whether this person may change them. */
export interface SettingsShown {
  settings: TeamScreeningSettings;
  canEdit: boolean;
  leadership: TeamLeadership;
  /** Stored values held to today's allowed range (saved when a wider one was allowed). */
  held?: readonly HeldSetting[];
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
    { settings, canEdit, leadership, held = [] }: SettingsShown,
    notices: string[],
    noticeKind: SettingsViewInput['noticeKind'],
    typed?: Typed,
  ): AdaptiveCardJson {
    const heldNotices = held.map((setting) => heldText(setting, canEdit));
    return this.renderer.render(
      'settings',
      buildSettingsViewModel({
        settings,
        sectors: this.sectors,
        canEdit,
        notices: [...heldNotices, ...notices],
        noticeKind: heldNotices.length > 0 && noticeKind === 'info' ? 'warning' : noticeKind,
        typed,
        leadership,
      }),
    );
  }
}

/** Why a stored value is not the one that applies, and (to a leader) what to do about it. */
function heldText(setting: HeldSetting, canEdit: boolean): string {
  const text =
    `Opbevaring af svar er gemt som ${formatCount(setting.stored)} dage, men skal nu være mellem ` +
    `${RETENTION_DAYS.min} og ${RETENTION_DAYS.max} dage. Botten sletter derfor svarene efter ${formatCount(setting.applied)} dage.`;
  return canEdit ? `${text} Gem indstillingerne for at bekræfte det, eller skriv et andet antal dage.` : text;
}
