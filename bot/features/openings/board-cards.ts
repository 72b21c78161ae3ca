import { drawBoard, type Notice } from '../../../cards/openings/board.cards';
import type { AdaptiveCardJson, CardRenderer } from '../../../cards/rendering/card.renderer';
import type { CurrentBoardService, NewSince } from '../../../rules/morning-meeting/current-board.service';
import type { Sector } from '../../../rules/screening/screening.types';
import type { Clock } from '../../../rules/shared/clock';

/** A team's board as messages: `stillinger`, the morning post and the board's buttons answer with it. */
export type BoardCards = (teamId: string, notice?: Notice, newSince?: NewSince) => Promise<AdaptiveCardJson[]>;

export function createBoardCards(
  boards: CurrentBoardService,
  renderer: CardRenderer,
  sectors: readonly Sector[],
  clock: Clock,
): BoardCards {
  return async (teamId, notice, newSince) =>
    drawBoard(renderer, await boards.board(teamId, newSince), sectors, clock.now(), notice);
}
