import assert from 'node:assert/strict';
import { followUpsForScreening, type FollowUp, type FollowUpOutcome } from '../../../rules/follow-ups/follow-up';
import { followUpOutcomes } from '../../../rules/follow-ups/follow-up-outcomes';
import type { DecidedScreening } from '../../../rules/screening/decided-screening';
import { at, screening } from '../goals/goal-fixtures';

/** The week-39 follow-up of a screening decided on 2025-05-12 (due 2026-02-09), with an outcome. */
function final(id: string, outcome: FollowUpOutcome | undefined, overrides: Partial<DecidedScreening> = {}): FollowUp {
  const week39 = followUpsForScreening(screening({ id, decidedAt: at('2025-05-12'), ...overrides }))[2]!;
  return outcome === undefined ? week39 : { ...week39, outcome };
}

describe('follow-up outcomes at week 39', () => {
  const selektionFlagged = { recommendedTrack: 'selektion', finalTrack: 'selektion', bestArchetype: 'sprogbarriere' };
  const doedvaegtNotFlagged = { recommendedTrack: 'doedvaegt', finalTrack: 'doedvaegt', riskLevel: 'lav' };
  const doedvaegtFlagged = { recommendedTrack: 'doedvaegt', finalTrack: 'doedvaegt', riskLevel: 'hoej' };
  const followUps = [
    final('a', 'stadig_ledig', selektionFlagged),
    final('b', 'job', selektionFlagged),
    final('c', 'stadig_ledig', doedvaegtFlagged),
    final('d', 'job', doedvaegtNotFlagged),
    final('e', 'uddannelse', doedvaegtNotFlagged),
    final('f', 'stadig_ledig', doedvaegtNotFlagged),
    final('g', undefined, doedvaegtNotFlagged),
  ];

  it('when outcomes are recorded, then per track the flagged and not-flagged still unemployed are counted', () => {
    const summary = followUpOutcomes(followUps, '2025-02-17', '2026-02-15');
    assert.deepEqual(summary.all, { answered: 6, stillUnemployed: 3, share: 0.5 });
    assert.equal(summary.unanswered, 1);
    assert.deepEqual(summary.byTrack, [
      {
        key: 'doedvaegt',
        all: { answered: 4, stillUnemployed: 2, share: 0.5 },
        flagged: { answered: 1, stillUnemployed: 1, share: 1 },
        notFlagged: { answered: 3, stillUnemployed: 1, share: 1 / 3 },
      },
      {
        key: 'selektion',
        all: { answered: 2, stillUnemployed: 1, share: 0.5 },
        flagged: { answered: 2, stillUnemployed: 1, share: 0.5 },
        notFlagged: { answered: 0, stillUnemployed: 0, share: undefined },
      },
    ]);
  });

  it('when outcomes are grouped per archetype, then screenings without one are under "ingen"', () => {
    const summary = followUpOutcomes(followUps, '2025-02-17', '2026-02-15');
    assert.deepEqual(
      summary.byArchetype.map((entry) => [entry.key, entry.all.answered, entry.all.stillUnemployed]),
      [
        ['ingen', 4, 2],
        ['sprogbarriere', 2, 1],
      ],
    );
  });

  it('when follow-ups at weeks 13 and 26, or due outside the period, exist, then they are not counted', () => {
    const [w13, w26] = followUpsForScreening(screening({ id: 'x', decidedAt: at('2025-10-01') }));
    const late = final('late', 'stadig_ledig');
    const summary = followUpOutcomes(
      [{ ...w13!, outcome: 'stadig_ledig' }, { ...w26!, outcome: 'stadig_ledig' }, late],
      '2025-02-17',
      '2026-02-08',
    );
    assert.deepEqual(summary.all, { answered: 0, stillUnemployed: 0, share: undefined });
    assert.deepEqual(summary.byTrack, []);
  });
});
