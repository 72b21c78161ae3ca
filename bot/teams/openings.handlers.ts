import type { AdaptiveCardJson, CardRenderer } from '../../cards/rendering/card.renderer';
import { formatDate } from '../../cards/shared/formatting';
import {
  BOARD_OVERVIEW_BYTES,
  buildBoardViewModels,
  buildOpeningFormViewModel,
  estimateBoardEntryBytes,
} from '../../cards/openings/opening.view-models';
import type { OpeningsService } from '../../rules/openings/openings.service';
import { ownOpeningsHandlers } from './own-openings.handlers';
import { chunkForMessages } from '../../rules/openings/opening-board';
import { OPENING_RESULT_LABELS } from '../../rules/openings/opening';
import type { ConversationReference } from 'botbuilder';
import type { Clock } from '../../rules/shared/clock';
import type { InstallationRepository } from '../../rules/teams/installation.repository';
import type { PostedBoardRepository } from '../../rules/morning-meeting/morning-meeting.repository';
import type { ProactiveSender } from './proactive.sender';
import { LOCAL_TENANT_ID, tenantIdOf } from './turn-installation';
import type { Sector } from '../../rules/screening/screening.types';
import type { CardActionTable } from './card-action.router';
import { noticeCard } from '../../cards/shared/notice.cards';
import type { CommandHandler } from './jobcenter.bot';
import { actorOf } from './turn-actor';

/** Teams refuses messages over about 28 KB; a board message is kept well under. */
const MAX_BOARD_MESSAGE_BYTES = 24 * 1024;

export type Notice = { text: string; style: 'default' | 'good' | 'warning' | 'attention' };

/**
 * Where a board's "new since the last post" starts: given for the posted board itself, otherwise the
 * team's last morning post (or, if it never had one, the last 24 hours).
 */
export type NewSince = { at: Date | undefined };

export type BoardCards = (teamId: string, notice?: Notice, newSince?: NewSince) => Promise<AdaptiveCardJson[]>;

const NEW_WITHOUT_A_POST_MS = 24 * 3600 * 1000;

/** Renders a team's board as messages, each within Teams' size limit. */
export function createBoardCards(
  service: OpeningsService,
  renderer: CardRenderer,
  sectors: readonly Sector[],
  clock: Clock,
  posted: PostedBoardRepository,
): BoardCards {
  const lastPostOf = async (teamId: string): Promise<Date> => {
    const postedAt = (await posted.latest(teamId))?.postedAt;
    return postedAt === undefined ? new Date(clock.now().getTime() - NEW_WITHOUT_A_POST_MS) : new Date(postedAt);
  };
  return async (teamId, notice = { text: '', style: 'default' }, newSince) => {
    const since = newSince === undefined ? await lastPostOf(teamId) : newSince.at;
    const board = await service.board(teamId, since);
    const chunks = chunkForMessages(board.open, estimateBoardEntryBytes, MAX_BOARD_MESSAGE_BYTES, BOARD_OVERVIEW_BYTES);
    const title = `Tavlen · ${formatDate(clock.now().toISOString())}`;
    return buildBoardViewModels(board, sectors, { title, notice: notice.text, noticeStyle: notice.style, chunks }).map(
      (viewModel) => renderer.render('openingBoard', viewModel),
    );
  };
}

/** `ny stilling`, `stillinger`, and the form's and the board's buttons. */
export function openingsHandlers(deps: {
  service: OpeningsService;
  renderer: CardRenderer;
  sectors: readonly Sector[];
  boardCards: BoardCards;
  installations: InstallationRepository;
  sender: ProactiveSender;
  /** Called after a change that today's posted board should show (e.g. `Besat +1`). */
  onBoardChanged: (teamId: string) => Promise<void>;
  isLeader: (teamId: string, userId: string) => Promise<boolean>;
}) {
  const { service, renderer, sectors, boardCards } = deps;
  const notify = deps;
  const form = (typed?: Readonly<Record<string, string>>, errors?: readonly string[]) =>
    renderer.render('openingForm', buildOpeningFormViewModel(sectors, typed, errors));

  const own = ownOpeningsHandlers(deps);
  const commands: { ny_stilling: CommandHandler; stillinger: CommandHandler; mine_stillinger: CommandHandler } = {
    ny_stilling: () => Promise.resolve(form()),
    stillinger: (context) => boardCards(actorOf(context).teamId),
    mine_stillinger: own.list,
  };

  const actions: CardActionTable = {
    ...own.actions,
    'opening.register': async (context, data) => {
      const { teamId, userId } = actorOf(context);
      const name = context.activity.from.name ?? 'ukendt';
      const outcome = await service.register(teamId, { userId, name }, data);
      if (outcome.kind === 'invalid')
        return form(
          outcome.typed,
          outcome.errors.map((error) => error.message),
        );
      const { opening } = outcome;
      return noticeCard(
        renderer,
        'info',
        'Registreret',
        `${opening.companyName}: ${OPENING_RESULT_LABELS[opening.result]}${opening.seats > 0 ? `, ${opening.seats} plads${opening.seats === 1 ? '' : 'er'}` : ''}. Skriv **stillinger** for at se tavlen, eller **mine stillinger** for at rette eller lukke registreringen.`,
      );
    },
    'opening.candidate': async (context, data) => {
      const opening = await service.get(actorOf(context).teamId, data.openingId);
      if (opening === undefined) {
        return noticeCard(
          renderer,
          'warning',
          'Stillingen findes ikke længere',
          'Skriv **stillinger** for den aktuelle tavle.',
        );
      }
      const caseworker = context.activity.from.name ?? 'En kollega';
      const consultant = opening.registeredBy;
      const about = `${opening.companyName}${opening.jobFunction === undefined ? '' : ` (${opening.jobFunction})`}`;
      const text = `${caseworker} har en kandidat til ${about}.`;
      const tenantId = tenantIdOf(context.activity) ?? LOCAL_TENANT_ID;
      const personal = await notify.installations.findPersonal(tenantId, consultant.userId);
      if (personal !== undefined) {
        const reference = personal.reference as Partial<ConversationReference>;
        // A send Teams fails (after the sender's retries) falls back to the mention below; the
        // sender has logged it, and the caseworker is not told the bot's storage failed.
        const outcome = await notify.sender
          .send(reference, [{ type: 'message', text }])
          .then((result) => result.outcome)
          .catch(() => 'failed' as const);
        if (outcome === 'sent') {
          return noticeCard(
            renderer,
            'info',
            'Besked sendt',
            `${consultant.name} har fået besked i en personlig chat: "${text}"`,
          );
        }
      }
      // No personal chat with the bot: tell the consultant here, mentioned so that Teams notifies them.
      const mention = `<at>${consultant.name}</at>`;
      await context.sendActivity({
        type: 'message',
        text: `${mention} ${text}`,
        entities: [{ type: 'mention', text: mention, mentioned: { id: consultant.userId, name: consultant.name } }],
      });
      return noticeCard(
        renderer,
        'info',
        'Besked sendt',
        `${consultant.name} er nævnt i samtalen med beskeden: "${text}"`,
      );
    },
    'opening.fill': async (context, data) => {
      const { teamId } = actorOf(context);
      const outcome = await service.fill(teamId, data.openingId);
      if (outcome.kind === 'filled') await deps.onBoardChanged(teamId);
      const notice: Notice =
        outcome.kind === 'filled'
          ? {
              text: `Besat +1: ${outcome.opening.companyName} har nu ${outcome.opening.filled} af ${outcome.opening.seats} besat.`,
              style: 'good',
            }
          : outcome.kind === 'already-full'
            ? {
                text: `Alle pladser hos ${outcome.opening.companyName} var allerede besat – intet er ændret.`,
                style: 'warning',
              }
            : outcome.kind === 'closed'
              ? {
                  text: `Registreringen for ${outcome.opening.companyName} er lukket af ${outcome.opening.closed?.by.name ?? 'en kollega'} – intet er ændret.`,
                  style: 'warning',
                }
              : { text: 'Stillingen findes ikke længere. Tavlen herunder er den aktuelle.', style: 'warning' };
      const [first] = await boardCards(teamId, notice);
      return first ?? noticeCard(renderer, 'info', 'Tavlen', notice.text);
    },
  };
  return { commands, actions };
}
