import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../../cards/rendering/card.renderer';
import type { GoalAnswerCards } from '../../../cards/goals/goal-answers.cards';
import type { GoalPlanCards, PlanChange, PlanScreen } from '../../../cards/goals/goal-plan.cards';
import { isoWeekAt, parseWeekKey, type IsoWeek } from '../../../rules/goals/iso-week';
import type { GoalsService, PlanUpdateOutcome } from '../../../rules/goals/goals.service';
import type { IndicatorCatalog } from '../../../rules/goals/indicator';
import type { Clock } from '../../../rules/shared/clock';
import { cprRefusal, holdsCprShape } from '../../../rules/shared/cpr-shape';
import type { Actor } from '../../../rules/teams/actor';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import { choicesOf } from '../../teams/choice-set.parser';
import { membersChangeFromChecklist, planPartOf, planYearOf } from './goal-plan-submit.parser';
import { gridCellsOf } from '../../../cards/goals/goal-grid.view-model';
import { actorOf } from '../../teams/turn-actor';

export interface GoalsHandlerDeps {
  service: GoalsService;
  leaders: Pick<TeamSettingsService, 'isLeader'>;
  answers: GoalAnswerCards;
  /** The plan cards with a team's catalogue (the catalogue's indicators and the team's own it may choose). */
  planCardsFor: (catalog: IndicatorCatalog) => GoalPlanCards;
  clock: Clock;
}

type Data = Readonly<Record<string, unknown>>;

/**
 * `mål`, `mål tilmeld`, `mål opsæt`, `ugerapport` and their cards' verbs: each reads the turn, calls
 * GoalsService and renders what it answers. Plan cards carry the plan's year and etag.
 */
export function goalsHandlers({ service, leaders, answers, planCardsFor, clock }: GoalsHandlerDeps) {
  const isLeader = (actor: Actor) => () => leaders.isLeader(actor.teamId, actor.userId);
  const teamPlanCards = async (context: TurnContext) =>
    planCardsFor(await service.planCatalog(actorOf(context).teamId));

  const showLog = async (context: TurnContext, args: string): Promise<AdaptiveCardJson> => {
    const actor = actorOf(context);
    const selection = service.selectWeek(args, 'mål', 'log');
    if (!selection.ok) return answers.weekProblem(selection.message, 'mål');
    return answers.log(await service.logForm(actor, selection.week), isLeader(actor));
  };

  const join = async (context: TurnContext): Promise<AdaptiveCardJson> =>
    answers.join(await service.join(actorOf(context), context.activity.from.name ?? ''));

  const showReport = async (context: TurnContext, args: string): Promise<AdaptiveCardJson[]> => {
    const actor = actorOf(context);
    const selection = service.selectWeek(args, 'ugerapport', 'report');
    if (!selection.ok) return [answers.weekProblem(selection.message, 'ugerapport')];
    return answers.report(await service.report(actor, selection.week));
  };

  // ---- the leader's plan ----

  /** Opens the set-up (leaders only: the team's owners and co-leaders). */
  const openSetup = async (context: TurnContext, year?: number): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    const planCards = await teamPlanCards(context);
    if (!(await leaders.isLeader(teamId, userId))) return planCards.notLeader();
    return planCards.setupOpened(await service.plan(teamId, year ?? isoWeekAt(clock.now()).year));
  };

  const openPlanForm = async (context: TurnContext, data: Data, screen: PlanScreen): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    const planCards = await teamPlanCards(context);
    const year = planYearOf(data.year);
    if (year === undefined) return planCards.unreadable('year');
    if (!(await leaders.isLeader(teamId, userId))) return planCards.notLeader();
    return planCards.formOpened(screen, await service.plan(teamId, year));
  };

  const changePlan = async (
    context: TurnContext,
    data: Data,
    change: PlanChange,
    save: (actor: Actor, year: number) => Promise<PlanUpdateOutcome>,
  ): Promise<AdaptiveCardJson> => {
    const planCards = await teamPlanCards(context);
    const year = planYearOf(data.year);
    if (year === undefined) return planCards.unreadable('year');
    return planCards.changed(change, await save(actorOf(context), year), data);
  };

  const weekFromCard = (raw: unknown): IsoWeek | 'malformed' | undefined => {
    if (raw === undefined || raw === '') return undefined;
    return (typeof raw === 'string' ? parseWeekKey(raw) : undefined) ?? 'malformed';
  };

  const commands: {
    maal: CommandHandler;
    maal_tilmeld: CommandHandler;
    maal_opsaet: CommandHandler;
    ugerapport: CommandHandler;
  } = {
    maal: showLog,
    maal_tilmeld: join,
    maal_opsaet: (context) => openSetup(context),
    ugerapport: showReport,
  };

  const actions: CardAction[] = [
    {
      verb: 'goals.logOpen',
      safeToRepeat: true,
      handle: async (context, data) => {
        const week = weekFromCard(data.weekKey);
        if (week === 'malformed') return answers.unknownCardWeek();
        const actor = actorOf(context);
        return week === undefined
          ? showLog(context, '')
          : answers.log(await service.logForm(actor, week), isLeader(actor));
      },
    },
    {
      verb: 'goals.log',
      safeToRepeat: false,
      handle: async (context, data) => {
        const actor = actorOf(context);
        return answers.log(await service.submitLog(actor, data.weekKey, data), isLeader(actor));
      },
    },
    { verb: 'goals.join', safeToRepeat: false, handle: join },
    { verb: 'goals.setup', safeToRepeat: true, handle: (context, data) => openSetup(context, planYearOf(data.year)) },
    {
      verb: 'goals.indicators',
      safeToRepeat: false,
      handle: async (context, data) => {
        const chosen = choicesOf(data.indicators);
        if (chosen === undefined) return (await teamPlanCards(context)).unreadable('indicators');
        return changePlan(context, data, { kind: 'indicators' }, (actor, year) =>
          service.chooseIndicators(actor, year, data.etag, chosen),
        );
      },
    },
    {
      verb: 'goals.members',
      safeToRepeat: false,
      handle: async (context, data) => {
        const planCards = await teamPlanCards(context);
        const year = planYearOf(data.year);
        if (year === undefined) return planCards.unreadable('year');
        const ticked = choicesOf(data.members);
        if (ticked === undefined) return planCards.unreadable('members');
        const actor = actorOf(context);
        const view = await service.plan(actor.teamId, year);
        const change = membersChangeFromChecklist(view.plan, ticked, data.membersFromWeek);
        // Checked whole: "010190,1234" is a CPR number before it is split into two ids nobody has.
        const outcome: PlanUpdateOutcome = holdsCprShape(data.members)
          ? (await leaders.isLeader(actor.teamId, actor.userId))
            ? { kind: 'invalid', view, errors: [{ field: 'members', message: cprRefusal('Medarbejdere') }] }
            : { kind: 'forbidden' }
          : await service.updateMembers(actor, year, data.etag, change);
        return planCards.changed({ kind: 'members', fromWeek: data.membersFromWeek, change }, outcome, data);
      },
    },
    {
      verb: 'goals.memberGoalsOpen',
      safeToRepeat: true,
      handle: (context, data) =>
        openPlanForm(context, data, {
          kind: 'memberGoals',
          userId: typeof data.goalMember === 'string' ? data.goalMember : '',
        }),
    },
    {
      verb: 'goals.memberGoals',
      safeToRepeat: false,
      handle: (context, data) => {
        const userId = typeof data.userId === 'string' ? data.userId : '';
        return changePlan(context, data, { kind: 'memberGoals', userId, fromWeek: data.fromWeek }, (actor, year) =>
          service.setMemberGoals(actor, year, data.etag, userId, data.fromWeek, data),
        );
      },
    },
    {
      verb: 'goals.teamGoalsOpen',
      safeToRepeat: true,
      handle: (context, data) => openPlanForm(context, data, { kind: 'teamGoals', part: planPartOf(data.part) }),
    },
    {
      verb: 'goals.teamGoals',
      safeToRepeat: false,
      handle: (context, data) => {
        const cells = gridCellsOf(data);
        const memberIds = [...new Set(cells.map((cell) => cell.userId))];
        const change = { kind: 'teamGoals', part: planPartOf(data.part), fromWeek: data.fromWeek, memberIds } as const;
        return changePlan(context, data, change, (actor, year) =>
          service.setTeamGoals(actor, year, data.etag, data.fromWeek, cells),
        );
      },
    },
    {
      verb: 'goals.targetsOpen',
      safeToRepeat: true,
      handle: (context, data) => openPlanForm(context, data, { kind: 'annualTargets' }),
    },
    {
      verb: 'goals.targets',
      safeToRepeat: false,
      handle: (context, data) =>
        changePlan(context, data, { kind: 'annualTargets' }, (actor, year) =>
          service.setAnnualTargets(actor, year, data.etag, data),
        ),
    },
  ];

  return { commands, actions };
}
