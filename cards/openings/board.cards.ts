import type { Opening } from '../../rules/openings/opening';
import { chunkForMessages, type OpeningBoard } from '../../rules/openings/opening-board';
import type { Sector } from '../../rules/screening/screening.types';
import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { formatDate } from '../shared/formatting';
import {
  BOARD_FRAME_BYTES,
  buildBoardViewModels,
  estimateBoardEntryBytes,
  estimateBoardOverviewBytes,
} from './opening.view-models';

/**
 * A line shown at the top of the board or the own-openings list (e.g. `Besat +1: …`); on a board of
 * several messages, on message `part` (0-based; the first unless given): the one a click is answered with.
 */
export type Notice = { text: string; style: 'default' | 'good' | 'warning' | 'attention'; part?: number };

/** Teams refuses messages over about 28 KB; a board message is kept well under. */
const MAX_BOARD_MESSAGE_BYTES = 24 * 1024;

/** Draws a team's board as messages, each within Teams' size limit. */
export function drawBoard(
  renderer: CardRenderer,
  board: OpeningBoard<Opening>,
  sectors: readonly Sector[],
  now: Date,
  notice: Notice = { text: '', style: 'default' },
): AdaptiveCardJson[] {
  // Every message has its title and buttons' frame; only the first carries the overview (chart, new openings).
  const chunks = chunkForMessages(
    board.open,
    estimateBoardEntryBytes,
    MAX_BOARD_MESSAGE_BYTES,
    BOARD_FRAME_BYTES,
    estimateBoardOverviewBytes(board),
  );
  const title = `Tavlen · ${formatDate(now.toISOString())}`;
  return buildBoardViewModels(board, sectors, {
    title,
    notice: notice.text,
    noticeStyle: notice.style,
    ...(notice.part === undefined ? {} : { noticePart: notice.part }),
    chunks,
  }).map((viewModel) => renderer.render('openingBoard', viewModel));
}
