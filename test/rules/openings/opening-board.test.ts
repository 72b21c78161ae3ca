import assert from 'node:assert/strict';
import { copenhagenInstant } from '../../../rules/shared/copenhagen-calendar';
import { buildOpeningBoard, chunkForMessages } from '../../../rules/openings/opening-board';
import { at, defaultSectors, opening } from './opening-fixtures';

const SECTORS = defaultSectors();
const NOW = copenhagenInstant('2026-04-15', '08:30');
const LAST_POST = copenhagenInstant('2026-04-14', '08:30');

const OPENINGS = [
  opening({ id: 'A', date: at('2026-04-01', '09:00'), seats: 2, sector: 'industri' }),
  opening({ id: 'B', date: at('2026-03-30', '09:00'), seats: 1, sector: 'handel' }),
  opening({ id: 'C', date: at('2026-04-08', '10:00'), seats: 3, filled: 1, sector: 'industri' }),
  opening({ id: 'D', date: at('2026-04-05', '10:00'), seats: 1, sector: 'transport' }),
  opening({ id: 'E', date: at('2026-04-14', '12:00'), seats: 2, sector: 'handel' }),
  opening({ id: 'F', date: at('2026-04-14', '08:00'), seats: 1, sector: 'industri' }),
  opening({ id: 'G', date: at('2026-03-01'), seats: 2, filled: 2, sector: 'industri' }),
  opening({ id: 'H', date: at('2026-04-10'), result: 'ingen_aabning', seats: 0, sector: 'bygge_anlaeg' }),
  opening({ id: 'H2', date: at('2026-04-13'), result: 'ingen_aabning', seats: 0, sector: 'bygge_anlaeg' }),
  opening({ id: 'I', date: at('2026-04-10'), result: 'ingen_aabning', seats: 0, sector: 'handel' }),
  opening({ id: 'J', date: at('2026-04-01', '23:59'), result: 'ingen_aabning', seats: 0, sector: 'landbrug' }),
  opening({ id: 'K', date: at('2026-04-02', '00:01'), result: 'ingen_aabning', seats: 0, sector: 'energi' }),
];

describe('buildOpeningBoard', () => {
  const board = buildOpeningBoard(OPENINGS, NOW, LAST_POST, { sectors: SECTORS });

  it('when openings have different ages, then red comes first, then yellow, then the rest, oldest first within each', () => {
    assert.deepEqual(
      board.open.map((entry) => [entry.opening.id, entry.colour, entry.ageDays]),
      [
        ['B', 'roed', 16],
        ['A', 'roed', 14],
        ['D', 'gul', 10],
        ['C', 'gul', 7],
        ['F', 'ny', 1],
        ['E', 'ny', 1],
      ],
    );
  });

  it('when an opening is filled or is a contact without an opening, then it is not on the board', () => {
    const ids = board.open.map((entry) => entry.opening.id);
    for (const id of ['G', 'H', 'I', 'J', 'K']) assert.ok(!ids.includes(id), id);
  });

  it('when an opening was registered after the last post, then it is new; one registered before is not', () => {
    assert.deepEqual(
      board.newSinceLastPost.map((entry) => entry.opening.id),
      ['E'],
    );
    assert.equal(board.open.find((entry) => entry.opening.id === 'F')?.isNew, false);
  });

  it('when there was no previous post, then every open opening is new', () => {
    const first = buildOpeningBoard(OPENINGS, NOW, undefined, { sectors: SECTORS });
    assert.deepEqual(
      first.newSinceLastPost.map((entry) => entry.opening.id),
      ['B', 'A', 'D', 'C', 'F', 'E'],
    );
  });

  it('when seats are open in several sectors, then the bars count open seats, largest first', () => {
    assert.deepEqual(board.openSeatsBySector, [
      { sectorId: 'industri', label: 'Industri', count: 5 },
      { sectorId: 'handel', label: 'Handel', count: 3 },
      { sectorId: 'transport', label: 'Transport', count: 1 },
    ]);
  });

  it('when sectors were contacted without result, then those asked in the last 14 days with no opening there are listed', () => {
    // handel also had an opening in the window; landbrug's contact was 14 days ago (outside); energi's 13 (inside).
    assert.deepEqual(board.sectorsWithoutOpening, [
      { sectorId: 'bygge_anlaeg', label: 'Bygge og anlæg', contacts: 2, lastContactDate: '2026-04-13' },
      { sectorId: 'energi', label: 'Energiforsyning', contacts: 1, lastContactDate: '2026-04-02' },
    ]);
  });

  it('when a sector id is no longer in the list, then the board shows the id rather than failing', () => {
    const unknown = buildOpeningBoard([opening({ sector: 'rumfart' })], NOW, LAST_POST, { sectors: SECTORS });
    assert.equal(unknown.openSeatsBySector[0]?.label, 'rumfart');
  });

  it('when there are no openings, then the board is empty', () => {
    assert.deepEqual(buildOpeningBoard([], NOW, LAST_POST, { sectors: SECTORS }), {
      open: [],
      newSinceLastPost: [],
      openSeatsBySector: [],
      sectorsWithoutOpening: [],
    });
  });
});

describe('chunkForMessages', () => {
  it('when 300 items do not fit one message, then no chunk exceeds the max and nothing is lost or reordered', () => {
    // Deterministic sizes between 200 and 2,199 bytes.
    const items = Array.from({ length: 300 }, (_, index) => ({ id: index, bytes: 200 + ((index * 7919) % 2000) }));
    const maxBytes = 27_000;
    const overhead = 3_000;
    const chunks = chunkForMessages(items, (item) => item.bytes, maxBytes, overhead);
    assert.ok(chunks.length > 1);
    for (const chunk of chunks) {
      assert.ok(chunk.length > 0);
      assert.ok(overhead + chunk.reduce((sum, item) => sum + item.bytes, 0) <= maxBytes);
    }
    assert.deepEqual(chunks.flat(), items);
    // Greedy: each chunk was closed only because the next item would not fit.
    chunks.slice(0, -1).forEach((chunk, index) => {
      const next = chunks[index + 1]?.[0];
      assert.ok(next !== undefined);
      assert.ok(overhead + chunk.reduce((sum, item) => sum + item.bytes, 0) + next.bytes > maxBytes);
    });
  });

  it('when items fit exactly, then a chunk is filled to the limit', () => {
    const chunks = chunkForMessages([1, 2, 3, 4, 5, 6, 7], () => 10, 30);
    assert.deepEqual(chunks, [[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('when the first message carries an overview, then it holds fewer items and the others are filled to the limit', () => {
    const chunks = chunkForMessages([1, 2, 3, 4, 5, 6, 7, 8], () => 10, 40, 10, 20);
    assert.deepEqual(chunks, [[1], [2, 3, 4], [5, 6, 7], [8]]);
  });

  it('when there is nothing to send, then there are no chunks', () => {
    assert.deepEqual(
      chunkForMessages([], () => 10, 30),
      [],
    );
  });

  it('when one item cannot fit a message even alone, then it is an error rather than a message Teams refuses', () => {
    assert.throws(() => chunkForMessages([1, 2], (item) => item * 20, 30), RangeError);
    assert.throws(() => chunkForMessages([1], () => 10, 30, 25), RangeError);
  });
});
