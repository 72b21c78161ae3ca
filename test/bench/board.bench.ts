import { CardRenderer } from '../../cards/rendering/card.renderer';
import {
  BOARD_FRAME_BYTES,
  buildBoardViewModels,
  estimateBoardEntryBytes,
  estimateBoardOverviewBytes,
} from '../../cards/openings/opening.view-models';
import { loadDefaultScreeningRuleset } from '../../bot/screening-ruleset.loader';
import { buildOpeningBoard, chunkForMessages } from '../../rules/openings/opening-board';
import type { Opening } from '../../rules/openings/opening';

/**
 * Building the morning board for 500 open openings, as the post does it: the board, the split into
 * messages, and every message's card. Returns the median over repeated builds and the message sizes.
 */
export async function benchBoard(count = 500, rounds = 30): Promise<{ medianMs: number; messageBytes: number[] }> {
  const { sectors } = await loadDefaultScreeningRuleset();
  const openings: Opening[] = Array.from({ length: count }, (_, index) => ({
    id: `o-${index}`,
    teamId: 't',
    date: new Date(Date.UTC(2026, 0, 1 + (index % 40), 9)).toISOString(),
    companyName: `Virksomhed ${index} ApS`,
    cvr: '10150817',
    sector: sectors[index % sectors.length]?.id ?? 'industri',
    result: 'ordinaer_aabning',
    jobFunction: 'Lagermedarbejder',
    seats: 2,
    filled: 0,
    registeredBy: { userId: 'vk', name: 'Vera Konsulent' },
  }));
  const renderer = new CardRenderer();
  const now = new Date('2026-02-10T07:30:00Z');
  const build = () => {
    const board = buildOpeningBoard(openings, now, new Date('2026-02-09T07:30:00Z'), { sectors });
    const chunks = chunkForMessages(
      board.open,
      estimateBoardEntryBytes,
      24 * 1024,
      BOARD_FRAME_BYTES,
      estimateBoardOverviewBytes(board),
    );
    return buildBoardViewModels(board, sectors, { title: 'Tavlen', notice: '', noticeStyle: 'default', chunks }).map(
      (viewModel) => renderer.render('openingBoard', viewModel),
    );
  };
  build();
  const times: number[] = [];
  let cards = build();
  for (let round = 0; round < rounds; round += 1) {
    const started = process.hrtime.bigint();
    cards = build();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    messageBytes: cards.map((card) => Buffer.byteLength(JSON.stringify(card))),
  };
}
