import type { AdaptiveCardJson, CardRenderer } from '../rendering/card.renderer';
import { buildGoalGridViewModel, type GoalGridInput } from './goal-grid.view-model';
import { buildGoalLogSavedViewModel, buildGoalLogViewModel, type GoalLogViewInput } from './goal-log.view-models';
import {
  buildAnnualTargetsViewModel,
  buildGoalSetupViewModel,
  buildMemberGoalsViewModel,
  type PlanCardInput,
} from './goal-plan.view-models';
import { buildGoalsNoticeViewModel, type GoalsNoticeAction } from './goals-notice.view-model';
import {
  buildMemberReportViewModel,
  buildTeamReportViewModel,
  type ReportContext,
  type ReportNotice,
  type TeamReportPart,
} from './weekly-report.view-models';
import type { LogForm } from '../../rules/goals/goals.service';
import { formatWeek } from '../../rules/goals/iso-week';
import type { WeeklyReport } from '../../rules/goals/summary-visibility';
import type { TeamWeeklySummary } from '../../rules/goals/weekly-summary';

/**
 * Teams refuses messages over about 28 KB; a report message is kept under 22 KB, which leaves room for the
 * activity around the card and stays under the card validation's 24 KB. A 25-member indicator's table and
 * trend take about 10 KB, so two indicators go in each message after the overview.
 */
export const MAX_REPORT_MESSAGE_BYTES = 22 * 1024;

function bytes(card: AdaptiveCardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Renders the goals' cards from the use cases' results. */
export class GoalCards {
  constructor(
    private readonly renderer: CardRenderer,
    private readonly context: ReportContext,
  ) {}

  logForm(input: GoalLogViewInput): AdaptiveCardJson {
    return this.renderer.render('goalLog', buildGoalLogViewModel(input));
  }

  logSaved(form: LogForm, replaced: boolean): AdaptiveCardJson {
    return this.renderer.render('goalLogSaved', buildGoalLogSavedViewModel(form, replaced));
  }

  /** Friday's reminder: the member's log card for the week, with a line saying why it came. */
  logReminder(form: LogForm, { late }: { late: boolean }): AdaptiveCardJson {
    const notice = `Påmindelse: du har ikke registreret dine tal for ${formatWeek(form.week)} endnu. Udfyld og gem dem her.${
      late ? ' (Påmindelsen kommer senere end kl. 13, fordi botten ikke kørte til tiden.)' : ''
    }`;
    return this.logForm({ form, notices: [notice], noticeStyle: 'warning' });
  }

  notice(
    kind: 'info' | 'good' | 'warning' | 'error',
    title: string,
    paragraphs: readonly string[],
    actions: readonly GoalsNoticeAction[] = [],
    weekKey?: string,
  ): AdaptiveCardJson {
    return this.renderer.render(
      'goalsNotice',
      buildGoalsNoticeViewModel({ kind, title, paragraphs, actions, ...(weekKey === undefined ? {} : { weekKey }) }),
    );
  }

  setup(input: PlanCardInput): AdaptiveCardJson {
    return this.renderer.render('goalSetup', buildGoalSetupViewModel(input));
  }

  memberGoals(input: PlanCardInput & { userId: string }): AdaptiveCardJson {
    return this.renderer.render('goalPlanForm', buildMemberGoalsViewModel(input));
  }

  /** One part of the goals grid: every member's weekly goals for every indicator. */
  teamGoals(input: GoalGridInput): AdaptiveCardJson {
    return this.renderer.render('goalGrid', buildGoalGridViewModel(input));
  }

  annualTargets(input: PlanCardInput): AdaptiveCardJson {
    return this.renderer.render('goalPlanForm', buildAnnualTargetsViewModel(input));
  }

  report(report: WeeklyReport, notice: ReportNotice = {}): AdaptiveCardJson[] {
    return report.audience === 'team'
      ? this.teamReport(report.summary, notice)
      : [this.renderer.render('weeklyReportMember', buildMemberReportViewModel(report.summary, notice))];
  }

  /** Monday's summary to the team's leaders: the team report, with a line saying why it came. */
  weeklySummary(summary: TeamWeeklySummary, { late }: { late: boolean }): AdaptiveCardJson[] {
    const notice = `Ugerapporten for ${formatWeek(summary.week)} – mandagens overblik til teamets ledere.${
      late ? ' Den kommer senere end kl. 8, fordi botten ikke kørte til tiden.' : ''
    }`;
    return this.teamReport(summary, { notices: [notice] });
  }

  /**
   * The leader's report: one message when it fits; else an overview, then the members' numbers a few
   * indicators per message, each measured as rendered so every message stays within the limit.
   */
  teamReport(summary: TeamWeeklySummary, notice: ReportNotice = {}): AdaptiveCardJson[] {
    const render = (part: TeamReportPart) =>
      this.renderer.render('weeklyReportTeam', buildTeamReportViewModel(summary, this.context, notice, part));
    const whole = render({ kind: 'whole' });
    if (bytes(whole) <= MAX_REPORT_MESSAGE_BYTES) return [whole];
    const chunks: string[][] = [];
    let current: string[] = [];
    for (const indicator of summary.indicators) {
      const attempt = [...current, indicator.indicatorId];
      const probe = render({ kind: 'members', indicatorIds: attempt, index: 1, parts: 99 });
      if (current.length > 0 && bytes(probe) > MAX_REPORT_MESSAGE_BYTES) {
        chunks.push(current);
        current = [indicator.indicatorId];
      } else {
        current = attempt;
      }
    }
    if (current.length > 0) chunks.push(current);
    const parts = chunks.length + 1;
    return [
      render({ kind: 'overview', parts }),
      ...chunks.map((indicatorIds, index) => render({ kind: 'members', indicatorIds, index: index + 1, parts })),
    ];
  }
}
