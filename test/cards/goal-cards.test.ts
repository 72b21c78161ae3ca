import assert from 'node:assert/strict';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { buildGoalLogViewModel } from '../../cards/goals/goal-log.view-models';
import { formatPeriod, formatShare } from '../../cards/goals/goal-formatting';
import { GoalCards, MAX_REPORT_MESSAGE_BYTES } from '../../cards/goals/goal.cards';
import { GoalAnswerCards } from '../../cards/goals/goal-answers.cards';
import { GoalPlanCards } from '../../cards/goals/goal-plan.cards';
import { parseWeekArgument } from '../../rules/commands/week-argument.parser';
import { loadIndicatorCatalogFile } from '../../bot/indicator-catalog.loader';
import { reportFor } from '../../rules/goals/summary-visibility';
import { cardFullText } from '../support/bot-under-test';
import { cardProblems } from '../support/card-validator';
import { ARCHETYPE_NAMES, largeTeamSummary, logForm, teamSummary } from './goal-card-fixtures';

describe('the goals cards', () => {
  const cards = new GoalCards(new CardRenderer(), { archetypeNames: ARCHETYPE_NAMES });

  it('when a team week is reported, then it is one message with Danish figures, flags, tracks and archetype names', () => {
    const messages = cards.teamReport(teamSummary());
    assert.equal(messages.length, 1);
    const text = cardFullText(messages[0]);
    // The team's table (Real / mål, %); exactly 80 % is not flagged. weekly-report.cards.test.ts reads the tables.
    assert.match(text, /Kanvas\n16 \/ 20\n80 %\n/, 'exactly 80 % is not flagged');
    assert.match(text, /Jobåbninger – ordinære job\n3 \/ 4\n⚠ 75 %/);
    assert.match(text, /Ali Yilmaz\n4 \/ 10\n⚠ 40 %/);
    assert.match(text, /årsmål 1\.060 \(6 % nået, 46 % af det forventede til nu\) ⚠ bagud/);
    assert.match(text, /Intensiv andel \(90 dage\): 50 % \(1 af 2\) · loft 30 % ⚠ over loftet/, "the gauge's fallback");
    assert.match(text, /Fravigelser\n50 % \(1 af 2\)/);
    assert.match(text, /Hyppigste årsager\nKapacitet \(1\)/);
    assert.match(
      text,
      /Åbne pr\. 15\. feb\. 2026\nrød 1 \(1 plads\) · gul 0 \(0 pladser\) · under 7 dage 1 \(1 plads\)/,
    );
    assert.match(
      text,
      /Den ledige med sprogbarriere og uden netværk\n1 af 1 \(100 %\) · i risiko 1 af 1 \(100 %\) · øvrige –/,
    );
    assert.match(text, /Ingen arketype\n/);
    assert.match(
      text,
      /Opfølgninger 39 uger efter screeningen \(17\. feb\. 2025 – 15\. feb\. 2026\): 1 af 2 besvarede \(50 %\) er stadig ledig\./,
    );
    assert.doesNotMatch(text, /sprogbarriere\n/, 'archetypes by name, not id');
  });

  it('when the open openings are counted just after midnight in Copenhagen, then their date is that day, not the UTC one', () => {
    const summary = teamSummary();
    const justAfterMidnight = { ...summary, openings: { ...summary.openings, ageingAsOf: '2026-03-09T23:30:00.000Z' } };
    const text = cardFullText(cards.teamReport(justAfterMidnight)[0]);
    assert.match(text, /Åbne pr\. 10\. mar\. 2026\n/);
  });

  it('when a large team is reported, then it comes as several valid messages within the limit and no member figure is lost or doubled', () => {
    const summary = largeTeamSummary();
    const messages = cards.teamReport(summary);
    assert.ok(messages.length >= 2);
    for (const message of messages) {
      assert.deepEqual(cardProblems(message), []);
      assert.ok(Buffer.byteLength(JSON.stringify(message)) <= MAX_REPORT_MESSAGE_BYTES);
    }
    const [overview, ...parts] = messages.map(cardFullText);
    assert.match(overview ?? '', /Ugerapport uge 7 2026 \(1\/\d+\)/);
    assert.match(overview ?? '', /Hver indikators udvikling og medarbejdernes tal følger i de næste beskeder/);
    assert.match(overview ?? '', /Screeninger i ugen/);
    assert.doesNotMatch(overview ?? '', /Medarbejder nummer/);
    const memberLines = parts.join('\n').match(/Medarbejder nummer \d+ Hansen-Østergaard\n/g) ?? [];
    assert.equal(memberLines.length, 30 * summary.indicators.length);
    assert.match(parts[0] ?? '', /Ugerapport uge 7 2026: pr\. indikator \(2\/\d+\)/);
  });

  it("when a member's report is rendered, then only their own numbers are on it", () => {
    const [card] = cards.report(reportFor({ userId: 'u-mette', isLeader: false }, teamSummary()));
    const text = cardFullText(card);
    assert.match(text, /Dine tal uge 7 2026/);
    assert.match(text, /Kanvas\n12 \/ 10\n120 %/);
    assert.match(text, /Under 80 % af dit mål: Jobåbninger – ordinære job/);
    assert.doesNotMatch(text, /Ali|Real 16|Screeninger|Opfølgning/);
  });

  it('when the log card is built, then goals and what the bot counted are in the labels and typed numbers are kept', () => {
    const view = buildGoalLogViewModel({ form: logForm(), typed: { kanvas: '12,5', aabninger_ordinaere: 'mange' } });
    assert.deepEqual(
      view.groups.map((group) => [
        group.label,
        group.indicators.map((indicator) => [indicator.label, indicator.value]),
      ]),
      [
        ['Salg', [['Kanvas (mål 10)', 12.5]]],
        ['Jobåbninger', [['Jobåbninger – ordinære job (mål 2 · botten har talt 2)', null]]],
      ],
    );
    assert.equal(buildGoalLogViewModel({ form: logForm() }).groups[1]?.indicators[0]?.value, 2, 'prefilled');
  });

  it('when figures are formatted, then they read the Danish way', () => {
    assert.equal(formatShare(0.834), '83 %');
    assert.equal(formatShare(12.5), '1.250 %');
    assert.equal(formatPeriod({ from: '2026-02-09', to: '2026-02-15' }), 'Man. 9. feb. – søn. 15. feb. 2026');
    assert.equal(formatPeriod({ from: '2026-12-28', to: '2027-01-03' }), 'Man. 28. dec. 2026 – søn. 3. jan. 2027');
  });

  it('when a week cannot be used, then the example is said once; when a member only asks for the set-up, then no "Intet er gemt" is said', async () => {
    const answers = new GoalAnswerCards(cards);
    const parsed = parseWeekArgument('uge 60', 'ugerapport');
    assert.equal(parsed.kind, 'invalid');
    const week = cardFullText(answers.weekProblem(parsed.kind === 'invalid' ? parsed.message : '', 'ugerapport'));
    assert.equal(week.match(/Skriv fx/gu)?.length, 1, week);
    const unknown = cardFullText(answers.unknownCardWeek());
    assert.match(unknown, /Kortet har en uge, botten ikke kender\.\nSkriv fx \*\*mål\*\*/);

    const plans = new GoalPlanCards(cards, await loadIndicatorCatalogFile(), {
      now: () => new Date('2026-12-07T09:00:00Z'),
    });
    assert.doesNotMatch(cardFullText(plans.notLeader()), /Intet er gemt/, 'nothing was attempted');
    assert.match(cardFullText(plans.notLeader(true)), /Kun teamets ledere kan sætte målstyringen op\. Intet er gemt\./);
  });
});
