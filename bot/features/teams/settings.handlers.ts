import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson, CardRenderer } from '../../../cards/rendering/card.renderer';
import { buildSettingsViewModel } from '../../../cards/teams/settings.view-model';
import { cprRefusal, holdsCprShape, withoutCprShapes } from '../../../rules/shared/cpr-shape';
import type { SettingsChange, TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { actorOf } from '../../teams/turn-actor';

type Sectors = readonly { id: string; label: string }[];

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
  const sensitive = data.sensitiveCriterion;
  if (sensitive === 'true' || sensitive === true) change.sensitiveCriterionEnabled = true;
  else if (sensitive === 'false' || sensitive === false) change.sensitiveCriterionEnabled = false;
  else if (holdsCprShape(sensitive)) errors.push(cprRefusal('Kriteriet "anden etnisk baggrund"'));
  else if (sensitive !== undefined) errors.push('Kriteriet "anden etnisk baggrund" skal være slået til eller fra.');
  return { change, errors };
}

/** `indstillinger` and the settings form's save. */
export function settingsHandlers(service: TeamSettingsService, renderer: CardRenderer, sectors: Sectors) {
  const card = async (
    context: TurnContext,
    notices: string[],
    noticeKind: 'info' | 'warning' | 'error',
    typed?: Readonly<Record<string, unknown>>,
  ): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    const settings = await service.current(teamId);
    const canEdit = await service.isLeader(teamId, userId);
    // What was typed comes back, except a CPR-shaped value: its field comes back empty.
    const shown = typed === undefined ? undefined : withoutCprShapes(typed);
    return renderer.render(
      'settings',
      buildSettingsViewModel({ settings, sectors, canEdit, notices, noticeKind, typed: shown }),
    );
  };
  const show: CommandHandler = async (context) => {
    const { teamId, userId } = actorOf(context);
    const notices = {
      appointed: ['Teamet havde ingen leder i botten, så du er nu registreret som leder og kan ændre indstillingerne.'],
      leader: [],
      'not-leader': ['Kun teamets ledere kan ændre indstillingerne.'],
    }[await service.leadership(teamId, userId)];
    return card(context, notices, 'info');
  };
  const actions: CardAction[] = [
    {
      verb: 'settings.save',
      safeToRepeat: true,
      handle: async (context, data) => {
        const { teamId, userId } = actorOf(context);
        const { change, errors } = parseSettingsSubmit(data);
        if (errors.length > 0) return card(context, errors, 'error', data);
        const outcome = await service.update(teamId, userId, data.version, change);
        switch (outcome.kind) {
          case 'saved':
            return card(
              context,
              [`Gemt som version ${outcome.settings.version}.`, ...outcome.warnings],
              outcome.warnings.length > 0 ? 'warning' : 'info',
            );
          case 'invalid':
            return card(
              context,
              outcome.errors.map((error) => error.message),
              'error',
              data,
            );
          case 'conflict':
            // The overview shows what is stored now; the form keeps what this leader typed, on the newest version.
            return card(
              context,
              [
                'Indstillingerne er ændret af en anden, siden kortet blev vist. Intet er gemt. Oversigten viser de nyeste; felterne viser dine ændringer – gem igen, hvis de skal gælde.',
              ],
              'warning',
              data,
            );
          case 'forbidden':
            return card(context, ['Kun teamets ledere kan ændre indstillingerne. Intet er gemt.'], 'error');
        }
      },
    },
  ];
  return { commands: { indstillinger: show }, actions };
}
