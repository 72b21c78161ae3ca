import assert from 'node:assert/strict';
import { GoalCards } from '../../cards/goals/goal.cards';
import { ReportExportCards } from '../../cards/goals/report-export.cards';
import { reportExportPage } from '../../cards/goals/report-export.pages';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { cardFullText } from '../support/bot-under-test';
import { ARCHETYPE_NAMES } from './goal-card-fixtures';

describe('the cards and pages of ugerapport eksport', () => {
  const renderer = new CardRenderer();
  const cards = new ReportExportCards(renderer, new GoalCards(renderer, { archetypeNames: ARCHETYPE_NAMES }));
  const url = 'https://bot.example.dk/exports/abc.def';

  it('when a year’s link outlives the day, then the card names the date and time it ends, and the weeks of the file', () => {
    const card = cards.answer(
      {
        kind: 'link',
        period: { kind: 'year', from: { year: 2026, week: 1 }, to: { year: 2026, week: 53 } },
        expiresAt: new Date('2027-01-05T23:05:00Z'),
      },
      new Date('2027-01-05T22:55:00Z'),
      () => url,
    );
    const text = cardFullText(card);
    assert.match(
      text,
      /^Ugerapport 2026 som fil: uge 1–53\nMan\. 29\. dec\. 2025 – søn\. 3\. jan\. 2027 · hele teamet, uge for uge/,
    );
    assert.match(text, /Filen ugerapport-2026-W01-W53\.csv/);
    assert.match(text, /med uge \(fx 2026-W53\), år og ugenummer/);
    assert.match(text, /for hver uge/);
    assert.match(text, /opgjort for uge 53 2026/);
    assert.match(text, /Linket virker til 6\. jan\. 2027 kl\. 00\.05 \(15 minutter\)\./);
    assert.deepEqual(card.actions, [{ type: 'Action.OpenUrl', title: 'Hent fil', url }]);
  });

  it('when the bot does not know its public address, then the leader is told that IT must set PUBLIC_BASE_URL, with no link', () => {
    const card = cards.answer(
      {
        kind: 'link',
        period: { kind: 'week', from: { year: 2026, week: 7 }, to: { year: 2026, week: 7 } },
        expiresAt: new Date(),
      },
      new Date(),
      () => undefined,
    );
    assert.match(cardFullText(card), /^Eksporten er ikke sat op\n[\s\S]*PUBLIC_BASE_URL/);
    assert.doesNotMatch(JSON.stringify(card), /OpenUrl/);
  });

  it('when a link gives no file, then the page is Danish HTML without scripts or links', () => {
    for (const kind of ['refused', 'expired', 'unavailable'] as const) {
      const page = reportExportPage(kind);
      assert.match(page, /^<!doctype html>\n<html lang="da">/);
      assert.match(page, /<meta charset="utf-8">/);
      assert.doesNotMatch(page, /<script|<a |href|src=/);
    }
    assert.match(reportExportPage('expired'), /<h1>Linket er udløbet<\/h1>/);
  });
});
