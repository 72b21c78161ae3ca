import assert from 'node:assert/strict';
import { drawBoard } from '../../cards/openings/board.cards';
import { candidateAnswerOutcomeCard, candidateNoticeCard } from '../../cards/openings/candidate.cards';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import type { CandidateOffer } from '../../rules/openings/candidate-notifier';
import type { Opening } from '../../rules/openings/opening';
import { buildOpeningBoard } from '../../rules/openings/opening-board';
import type { Sector } from '../../rules/screening/screening.types';
import { cardFullText } from '../support/bot-under-test';
import { cardInputs } from '../support/card-inputs';
import { cardProblems } from '../support/card-validator';
import { chartsIn, withChartsAsFallbacks } from '../support/chart-schema';

const SECTORS = [
  { id: 'handel', label: 'Handel' },
  { id: 'industri', label: 'Industri' },
  { id: 'liberale', label: 'Liberale, videnskabelige og tekniske tjenesteydelser' },
  { id: 'bygge', label: 'Bygge og anlæg' },
] as unknown as Sector[];
const NOW = new Date('2026-02-10T07:30:00Z');

function opening(id: string, fields: Partial<Opening>): Opening {
  return {
    id,
    teamId: 't',
    date: '2026-02-02T09:00:00Z',
    companyName: `Firma ${id} ApS`,
    cvr: '10150817',
    sector: 'handel',
    result: 'ordinaer_aabning',
    jobFunction: 'Sælger',
    seats: 1,
    filled: 0,
    registeredBy: { userId: 'vk', name: 'Vera Konsulent' },
    ...fields,
  };
}

const renderer = new CardRenderer();
const draw = (openings: Opening[]) =>
  drawBoard(renderer, buildOpeningBoard(openings, NOW, undefined, { sectors: SECTORS }), SECTORS, NOW);

describe('the board card', () => {
  it('when seats are open in three sectors, then it draws them as a horizontal bar chart, largest first, with a table for clients without charts', () => {
    const [card, ...more] = draw([
      opening('a', { sector: 'industri', seats: 4, filled: 1 }),
      opening('b', { sector: 'handel', seats: 2 }),
      opening('c', { sector: 'liberale', seats: 1 }),
      opening('d', { sector: 'handel', seats: 2, filled: 2 }),
      opening('e', { sector: 'bygge', result: 'ingen_aabning', seats: 0 }),
    ]);
    assert.deepEqual(more, []);
    assert.deepEqual(cardProblems(card), []);
    const charts = chartsIn(card);
    assert.equal(charts.length, 1);
    assert.equal(charts[0]?.type, 'Chart.HorizontalBar');
    assert.deepEqual(charts[0]?.data, [
      { x: 'Industri', y: 3 },
      { x: 'Handel', y: 2 },
      { x: 'Liberale, videnskabelige og tekniske tjenesteydelser', y: 1 },
    ]);
    // What a client without charts shows: the same figures as a table, and no text bars.
    const fallback = cardFullText(withChartsAsFallbacks(card, []));
    assert.match(
      fallback,
      /Ledige pladser pr\. branche\nBranche\nLedige pladser\nIndustri\n3\nHandel\n2\nLiberale, videnskabelige og tekniske tjenesteydelser\n1/,
    );
    assert.doesNotMatch(JSON.stringify(card), /█|Monospace/);
    // A sector contacted without an opening stays a line of text.
    assert.match(cardFullText(card), /Kontaktet uden åbning \(14 dage\)\n- Bygge og anlæg: 1 kontakt/);
  });

  it('when nothing is open, then there is no chart (a chart with no points is invalid) and the card is still valid', () => {
    const [card] = draw([opening('e', { sector: 'bygge', result: 'ingen_aabning', seats: 0 })]);
    assert.deepEqual(chartsIn(card), []);
    assert.deepEqual(cardProblems(card), []);
    assert.doesNotMatch(cardFullText(card), /Ledige pladser pr\. branche/);
    assert.match(cardFullText(card), /0 åbne stillinger/);
  });

  it('when it is read on a shared screen, then it is full width, headings are not small, and ageing shows as container colours', () => {
    const [card] = draw([
      opening('old', { date: '2026-01-20T09:00:00Z' }),
      opening('mid', { date: '2026-02-01T09:00:00Z' }),
      opening('new', { date: '2026-02-09T09:00:00Z' }),
    ]);
    assert.deepEqual((card as { msteams?: unknown }).msteams, { width: 'Full' });
    const json = JSON.stringify(card);
    assert.doesNotMatch(json, /"size":"Small"/);
    assert.doesNotMatch(json, /"isSubtle":true/);
    const styles = ((card as { body: { style?: string; items?: { text?: string }[] }[] }).body ?? [])
      .filter((element) => element.items?.[0]?.text?.startsWith('Firma ') === true)
      .map((element) => [element.items?.[0]?.text?.split(' · ')[0], element.style]);
    assert.deepEqual(styles, [
      ['Firma old ApS', 'attention'],
      ['Firma mid ApS', 'warning'],
      ['Firma new ApS', 'default'],
    ]);
  });
});

describe('the candidate notice and the answer', () => {
  const offer: CandidateOffer = {
    teamId: 't',
    opening: opening('o', { companyName: 'Bageriet ApS', jobFunction: 'Bager' }),
    caseworkerName: 'Sara Sagsbehandler',
    caseworkerId: 'cw-1',
  };

  it('when the notice is new, refused, unreachable or answered, then each card is valid and shows what it should', () => {
    const open = candidateNoticeCard(renderer, offer);
    const invalid = candidateAnswerOutcomeCard(renderer, {
      kind: 'invalid',
      offer,
      error: 'Svar til Sara Sagsbehandler: skriv dit svar, før du sender.',
      typed: '',
    });
    const unreachable = candidateAnswerOutcomeCard(renderer, { kind: 'unreachable', offer, typed: 'Ring til mig' });
    const answered = candidateAnswerOutcomeCard(renderer, {
      kind: 'sent',
      answer: { offer, consultantName: 'Vera Konsulent', text: 'Ring til mig' },
    });
    for (const card of [open, invalid, unreachable, answered]) assert.deepEqual(cardProblems(card), []);
    assert.deepEqual(
      [open, invalid, unreachable, answered].map((card) => cardInputs(card).map((input) => input.node.value ?? '')),
      [[''], [''], ['Ring til mig'], []],
    );
    assert.match(cardFullText(invalid), /Svar til Sara Sagsbehandler: skriv dit svar, før du sender\./);
    assert.match(cardFullText(unreachable), /Svaret er ikke sendt: Sara Sagsbehandler har ingen personlig chat/);
    assert.match(cardFullText(answered), /Svar sendt til Sara Sagsbehandler:\nRing til mig$/);
  });
});
