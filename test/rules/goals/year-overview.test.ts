import assert from 'node:assert/strict';
import { parseYearArgument, yearOverview, type YearOverview } from '../../../rules/goals/year-overview';
import { defaultCatalog, goal, log, member, plan } from './goal-fixtures';

const catalog = defaultCatalog();
const leader = { userId: 'u-leader', isLeader: true };
const mette = { userId: 'u-mette', isLeader: false };

/** 2026 has 53 ISO weeks. Mette and Ali log Kanvas weeks 1–3; the team's annual target for Kanvas is 530 (10 a week). */
const year = plan({
  annualTargets: { kanvas: 530 },
  members: [member('u-mette', 'Mette Hansen'), member('u-ali', 'Ali Yilmaz', 1, 2)],
  goals: [goal('u-mette', 'kanvas', 4), goal('u-ali', 'kanvas', 6), goal('u-mette', 'aabninger_ordinaere', 1)],
});
const logs = [
  log('u-mette', { year: 2026, week: 1 }, { kanvas: 5 }),
  log('u-mette', { year: 2026, week: 2 }, { kanvas: 3, aabninger_ordinaere: 1 }),
  log('u-ali', { year: 2026, week: 2 }, { kanvas: 6 }),
  log('u-mette', { year: 2026, week: 3 }, { kanvas: 4 }),
  // A week not yet counted, and another team's log: neither is in the year to week 3.
  log('u-mette', { year: 2026, week: 4 }, { kanvas: 100 }),
  log('u-mette', { year: 2026, week: 2 }, { kanvas: 100 }, 'team-b'),
];

function overview(viewer: { userId: string; isLeader: boolean }, today = { year: 2026, week: 3 }): YearOverview {
  const result = yearOverview({ viewer, plan: year, logs, catalog, today });
  assert.ok(result !== undefined);
  return result;
}

describe('the year overview (mål år)', () => {
  it("when a leader opens the current year in week 3, then the team's Real to date is set against the target pro-rated to 3 of 53 weeks", () => {
    const result = overview(leader);
    assert.equal(result.audience, 'team');
    assert.deepEqual(result.through, { year: 2026, week: 3 });
    assert.equal(result.inProgress, true);
    const [kanvas, openings] = result.indicators;
    assert.equal(kanvas?.label, 'Kanvas');
    assert.equal(kanvas?.real, 18, '5 + 3 + 6 + 4; week 4 and the other team do not count');
    assert.equal(kanvas?.annualTarget, 530);
    assert.equal(kanvas?.expectedByNow, 30, '530 × 3 / 53');
    assert.equal(kanvas?.shareOfTarget, 18 / 530);
    assert.equal(kanvas?.pace, 0.6);
    assert.equal(kanvas?.behind, true, '60 % is below 80 %');
    assert.equal(kanvas?.goalsToDate, 10 + 10 + 4, "Ali's goal only while he logs (weeks 1–2)");
    assert.deepEqual(
      kanvas?.trend.map((point) => [point.label, point.real, point.expected]),
      [
        ['uge 1', 5, 10],
        ['uge 2', 14, 20],
        ['uge 3', 18, 30],
      ],
    );
    assert.equal(openings?.annualTarget, undefined);
    assert.equal(openings?.expectedByNow, undefined, 'no target, nothing expected');
    assert.equal(openings?.behind, false);
  });

  it('when the goals were set up in week 49, then the target is expected from week 49, as in the weekly report, and a team on pace is not behind', () => {
    const december = plan({
      annualTargets: { kanvas: 530 },
      members: [member('u-mette', 'Mette Hansen', 49)],
      goals: [goal('u-mette', 'kanvas', 10, 49)],
    });
    const result = yearOverview({
      viewer: leader,
      plan: december,
      logs: [
        log('u-mette', { year: 2026, week: 49 }, { kanvas: 10 }),
        log('u-mette', { year: 2026, week: 50 }, { kanvas: 9 }),
      ],
      catalog,
      today: { year: 2026, week: 50 },
    });
    const kanvas = result?.indicators[0];
    assert.equal(kanvas?.expectedByNow, 20, '530 × 2 / 53: weeks 49–50, not 1–50');
    assert.equal(kanvas?.pace, 19 / 20);
    assert.equal(kanvas?.behind, false);
    const trend = kanvas?.trend ?? [];
    const before = trend.filter((point) => point.week < 49);
    assert.ok(before.length > 0);
    assert.ok(
      before.every((point) => point.expected === 0),
      'nothing expected before the team measured',
    );
    assert.equal(trend.at(-1)?.expected, 20);
  });

  it('when a member opens it, then they see their own Real against their own goals summed, and nobody else', () => {
    const result = overview(mette);
    assert.equal(result.audience, 'member');
    assert.equal(result.name, 'Mette Hansen');
    const [kanvas, openings] = result.indicators;
    assert.equal(kanvas?.real, 12);
    assert.equal(kanvas?.annualTarget, undefined, 'a member has no annual target');
    assert.equal(kanvas?.expectedByNow, 12);
    assert.equal(kanvas?.pace, 1);
    assert.equal(kanvas?.behind, false);
    assert.equal(openings?.real, 1);
    assert.equal(openings?.expectedByNow, 3);
    assert.equal(
      yearOverview({
        viewer: { userId: 'u-stranger', isLeader: false },
        plan: year,
        logs,
        catalog,
        today: { year: 2026, week: 3 },
      }),
      undefined,
    );
  });

  it("when a past year is opened, then every week counts and the trend has a point per month (by the week's Thursday)", () => {
    const result = overview(leader, { year: 2027, week: 10 });
    assert.deepEqual(result.through, { year: 2026, week: 53 });
    assert.equal(result.inProgress, false);
    const trend = result.indicators[0]?.trend ?? [];
    assert.deepEqual(
      trend.map((point) => point.label),
      ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    );
    // Week 5 of 2026 runs 26 Jan – 1 Feb: its Thursday is 29 January. Week 53 ends the year.
    assert.equal(trend[0]?.week, 5);
    assert.equal(trend.at(-1)?.week, 53);
    assert.equal(trend.at(-1)?.expected, 530);
    assert.equal(result.indicators[0]?.real, 118, 'week 4 counts now');
  });

  it('when the year argument is read, then nothing is this year, four digits a year, anything else a Danish example', () => {
    assert.deepEqual(parseYearArgument(''), { ok: true, year: undefined });
    assert.deepEqual(parseYearArgument(' 2025 '), { ok: true, year: 2025 });
    for (const text of ['25', 'sidste år', '2025 uge 3', '1999']) {
      assert.deepEqual(parseYearArgument(text), {
        ok: false,
        message: 'Skriv "mål år" for i år eller fx "mål år 2025" for et andet år.',
      });
    }
  });
});
