import assert from 'node:assert/strict';
import {
  awaitingOutcome,
  followUpsForScreening,
  isFollowUpOutcome,
  needsReminder,
} from '../../../rules/follow-ups/follow-up';
import { isFlaggedAtRisk } from '../../../rules/screening/decided-screening';
import { at, screening } from '../goals/goal-fixtures';

describe('follow-up scheduling', () => {
  it('when a screening is decided, then follow-ups fall due 13, 26 and 39 weeks after its date, on the same weekday', () => {
    const followUps = followUpsForScreening(screening({ id: 's1', decidedAt: at('2026-02-03', '14:00') }));
    assert.deepEqual(
      followUps.map((followUp) => [followUp.id, followUp.weeks, followUp.dueDate]),
      [
        ['s1:13', 13, '2026-05-05'],
        ['s1:26', 26, '2026-08-04'],
        ['s1:39', 39, '2026-11-03'],
      ],
    );
    assert.ok(followUps.every((followUp) => followUp.screeningDate === '2026-02-03'));
    assert.ok(
      followUps.every((followUp) => followUp.caseworkerId === 'u-mette' && followUp.caseReference === 'J-2026-1'),
    );
  });

  it('when a screening is decided just after midnight in Copenhagen, then the Copenhagen date counts', () => {
    const [first] = followUpsForScreening(screening({ decidedAt: '2026-02-03T23:30:00.000Z' }));
    assert.equal(first!.screeningDate, '2026-02-04');
    assert.equal(first!.dueDate, '2026-05-06');
  });

  it('when the follow-ups cross new year, then the dates carry on into the next year', () => {
    const followUps = followUpsForScreening(screening({ decidedAt: at('2026-10-01') }));
    assert.deepEqual(
      followUps.map((followUp) => followUp.dueDate),
      ['2026-12-31', '2027-04-01', '2027-07-01'],
    );
  });

  it('when the screening was overridden, then the follow-ups carry the final track and the best archetype', () => {
    const [first] = followUpsForScreening(
      screening({ recommendedTrack: 'doedvaegt', finalTrack: 'selektion', bestArchetype: 'sprogbarriere' }),
    );
    assert.equal(first!.track, 'selektion');
    assert.equal(first!.bestArchetype, 'sprogbarriere');
  });

  const flags: [string, string, boolean][] = [
    ['selektion', 'middel', true],
    ['doedvaegt', 'hoej', true],
    ['catch-all', 'hoej', true],
    ['catch-all', 'lav', false],
    ['doedvaegt', 'middel', false],
  ];
  for (const [recommendedTrack, riskLevel, flagged] of flags) {
    it(`when the recommendation was ${recommendedTrack} at risk ${riskLevel}, then the citizen ${flagged ? 'is' : 'is not'} flagged`, () => {
      assert.equal(isFlaggedAtRisk({ recommendedTrack, riskLevel }), flagged);
      assert.equal(followUpsForScreening(screening({ recommendedTrack, riskLevel }))[0]!.flagged, flagged);
    });
  }

  it('when a follow-up is due, then it needs a reminder until reminded or answered', () => {
    const [first] = followUpsForScreening(screening({ decidedAt: at('2026-02-03') }));
    assert.equal(needsReminder(first!, '2026-05-04'), false);
    assert.equal(needsReminder(first!, '2026-05-05'), true);
    assert.equal(needsReminder(first!, '2026-06-01'), true);
    assert.equal(needsReminder({ ...first!, remindedAt: '2026-05-05T07:00:00Z' }, '2026-05-06'), false);
    assert.equal(needsReminder({ ...first!, outcome: 'job' }, '2026-05-06'), false);
  });

  it('when listing what awaits an outcome, then only due, unanswered ones come, oldest first', () => {
    const [w13, w26, w39] = followUpsForScreening(screening({ decidedAt: at('2026-02-03') }));
    const waiting = awaitingOutcome([w39!, { ...w13!, outcome: 'job' }, w26!], '2026-09-01');
    assert.deepEqual(
      waiting.map((followUp) => followUp.weeks),
      [26],
    );
    assert.deepEqual(
      awaitingOutcome([w26!, w13!], '2026-09-01').map((followUp) => followUp.weeks),
      [13, 26],
    );
  });

  it('when an outcome arrives from a card, then only the four known values are accepted', () => {
    for (const value of ['job', 'uddannelse', 'stadig_ledig', 'andet']) assert.equal(isFollowUpOutcome(value), true);
    for (const value of ['ledig', '', undefined, 3]) assert.equal(isFollowUpOutcome(value), false);
  });
});
