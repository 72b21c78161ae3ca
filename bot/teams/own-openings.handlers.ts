import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson, CardRenderer } from '../../cards/rendering/card.renderer';
import {
  buildOpeningFormViewModel,
  buildOwnOpeningsViewModel,
  editForm,
} from '../../cards/openings/opening.view-models';
import {
  formValuesOf,
  type ManageRefusal,
  type OpeningEditor,
  type OpeningsService,
} from '../../rules/openings/openings.service';
import type { Sector } from '../../rules/screening/screening.types';
import type { CardActionTable } from './card-action.router';
import { noticeCard } from '../../cards/shared/notice.cards';
import type { CommandHandler } from './jobcenter.bot';
import type { Notice } from './openings.handlers';
import { actorOf } from './turn-actor';

/** `mine stillinger`, and changing or closing one's own registrations (a leader may change any). */
export function ownOpeningsHandlers(deps: {
  service: OpeningsService;
  renderer: CardRenderer;
  sectors: readonly Sector[];
  onBoardChanged: (teamId: string) => Promise<void>;
  isLeader: (teamId: string, userId: string) => Promise<boolean>;
}): { list: CommandHandler; actions: CardActionTable } {
  const { service, renderer, sectors } = deps;

  const editorOf = async (context: TurnContext): Promise<{ teamId: string; editor: OpeningEditor }> => {
    const { teamId, userId } = actorOf(context);
    const name = context.activity.from.name ?? 'ukendt';
    return { teamId, editor: { userId, name, isLeader: await deps.isLeader(teamId, userId) } };
  };

  const ownList = async (context: TurnContext, notice?: Notice): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    const openings = await service.listOwn(teamId, userId);
    return renderer.render('openingMine', buildOwnOpeningsViewModel(openings, sectors, notice));
  };

  const refused = (outcome: ManageRefusal): AdaptiveCardJson =>
    outcome.kind === 'not-found'
      ? noticeCard(renderer, 'warning', 'Registreringen findes ikke længere', 'Skriv **mine stillinger** for listen.')
      : noticeCard(
          renderer,
          'error',
          'Ikke din registrering',
          `${outcome.opening.companyName} er registreret af ${outcome.opening.registeredBy.name}. Kun den, der registrerede den, og teamets ledere kan rette eller lukke den. Intet er ændret.`,
        );

  const setClosed =
    (close: boolean) =>
    async (context: TurnContext, data: Readonly<Record<string, unknown>>): Promise<AdaptiveCardJson> => {
      const { teamId, editor } = await editorOf(context);
      const outcome = await service.setClosed(teamId, editor, data.openingId, close);
      if (outcome.kind === 'not-found' || outcome.kind === 'forbidden') return refused(outcome);
      if (outcome.kind !== 'unchanged') await deps.onBoardChanged(teamId);
      const name = outcome.opening.companyName;
      const notice: Notice =
        outcome.kind === 'closed'
          ? { text: `Registreringen for ${name} er lukket og er ikke længere på tavlen.`, style: 'good' }
          : outcome.kind === 'reopened'
            ? { text: `Registreringen for ${name} er åbnet igen.`, style: 'good' }
            : {
                text: `Registreringen for ${name} var allerede ${close ? 'lukket' : 'åben'} – intet er ændret.`,
                style: 'warning',
              };
      return ownList(context, notice);
    };

  const actions: CardActionTable = {
    'opening.edit': async (context, data) => {
      const { teamId, editor } = await editorOf(context);
      const outcome = await service.forEditing(teamId, editor, data.openingId);
      if (outcome.kind !== 'editable') return refused(outcome);
      const { value, etag } = outcome.opening;
      return renderer.render(
        'openingForm',
        buildOpeningFormViewModel(sectors, formValuesOf(value), [], editForm(value.id, etag, value.companyName)),
      );
    },
    'opening.update': async (context, data) => {
      const { teamId, editor } = await editorOf(context);
      const outcome = await service.update(teamId, editor, data.openingId, data.version, data);
      switch (outcome.kind) {
        case 'not-found':
        case 'forbidden':
          return refused(outcome);
        case 'invalid': {
          const openingId = typeof data.openingId === 'string' ? data.openingId : '';
          const mode = editForm(openingId, outcome.etag, outcome.typed.companyName ?? '');
          const errors = outcome.errors.map((error) => error.message);
          return renderer.render('openingForm', buildOpeningFormViewModel(sectors, outcome.typed, errors, mode));
        }
        case 'changed-meanwhile': {
          const { value, etag } = outcome.current;
          const message =
            `Registreringen er ændret af en anden, mens du rettede (nu ${value.filled} af ${value.seats} besat` +
            `${value.closed === undefined ? '' : ', lukket'}). Intet er gemt. Dine rettelser står herunder – tjek dem og gem igen.`;
          const mode = editForm(value.id, etag, value.companyName);
          return renderer.render('openingForm', buildOpeningFormViewModel(sectors, outcome.typed, [message], mode));
        }
        case 'updated':
          await deps.onBoardChanged(teamId);
          return ownList(context, { text: `Gemt: ${outcome.opening.companyName}.`, style: 'good' });
      }
    },
    'opening.close': setClosed(true),
    'opening.reopen': setClosed(false),
  };
  return { list: (context) => ownList(context), actions };
}
