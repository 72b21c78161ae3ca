import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../../../cards/rendering/card.renderer';
import type { NoticeStyle } from '../../../cards/goals/goal-log.view-models';
import type { GoalFieldError } from '../../../rules/goals/count-input';
import { findMember } from '../../../rules/goals/goal-plan';
import { cprRefusal, holdsCprShape, withoutCprShapes } from '../../../rules/shared/cpr-shape';
import type { IndicatorCatalog } from '../../../rules/goals/indicator';
import { formatWeek, isoWeekAt, parseWeekKey, type IsoWeek } from '../../../rules/goals/iso-week';
import type {
  GoalsService,
  JoinOutcome,
  LogFormOutcome,
  LogSubmitOutcome,
  PlanUpdateOutcome,
  PlanView,
  ReportOutcome,
} from '../../../rules/goals/goals.service';
import type { Clock } from '../../../rules/shared/clock';
import type { Actor } from '../../../rules/teams/actor';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { CardAction } from '../../teams/card-action.router';
import type { CommandHandler } from '../../teams/jobcenter.bot';
import type { GoalCards } from '../../../cards/goals/goal.cards';
import { choicesOf, membersChangeFromChecklist, planYearOf } from './goal-plan-submit.parser';
import { actorOf } from '../../teams/turn-actor';

export interface GoalsHandlerDeps {
  service: GoalsService;
  leaders: Pick<TeamSettingsService, 'isLeader' | 'leadership'>;
  cards: GoalCards;
  catalog: IndicatorCatalog;
  clock: Clock;
}

type Data = Readonly<Record<string, unknown>>;

const CONFLICT_NOTICE =
  'Målstyringen er ændret af en anden, siden kortet blev vist. Intet er gemt – kortet viser nu den nyeste udgave med dine ændringer i felterne; tjek dem og gem igen.';

/**
 * `mål`, `mål tilmeld`, `mål opsæt`, `ugerapport` and their cards' verbs: each reads the turn, calls
 * GoalsService and renders what it answers. Plan cards carry the plan's year and etag.
 */
export function goalsHandlers({ service, leaders, cards, catalog, clock }: GoalsHandlerDeps) {
  const currentWeek = (): IsoWeek => isoWeekAt(clock.now());

  const weekProblem = (message: string, keyword: string): AdaptiveCardJson =>
    cards.notice('error', 'Ugen kan ikke bruges', [
      message,
      `Skriv fx **${keyword}**, **${keyword} uge 7** eller **${keyword} uge 7 2026**.`,
    ]);

  const notAMember = async (actor: Actor, week: IsoWeek): Promise<AdaptiveCardJson> => {
    const title = `Du er ikke med i målstyringen i ${formatWeek(week)}`;
    if (await leaders.isLeader(actor.teamId, actor.userId)) {
      return cards.notice(
        'info',
        title,
        [
          'Som leder sætter du teamets målstyring op med **mål opsæt**: indikatorer, medarbejdere, ugentlige mål og årsmål.',
          'Medarbejderne melder sig selv til med **mål tilmeld** i deres personlige chat med botten. Vil du selv registrere tal, kan du også melde dig til.',
        ],
        ['setup', 'join'],
      );
    }
    return cards.notice(
      'info',
      title,
      [
        'Kun dem, der er med i teamets målstyring, registrerer ugens tal.',
        'Skriv **mål tilmeld** eller tryk herunder for at være med fra denne uge. Din leder kan tage dig ud igen.',
      ],
      ['join'],
    );
  };

  const noIndicators = async (actor: Actor, week: IsoWeek): Promise<AdaptiveCardJson> => {
    const title = `Teamet har ikke valgt indikatorer for ${week.year} endnu`;
    return (await leaders.isLeader(actor.teamId, actor.userId))
      ? cards.notice(
          'info',
          title,
          ['Vælg dem med **mål opsæt**; derefter kan teamet registrere ugens tal.'],
          ['setup'],
        )
      : cards.notice('info', title, ['Din leder vælger dem med **mål opsæt**. Bagefter registrerer du ugens tal her.']);
  };

  const logAnswer = async (
    actor: Actor,
    outcome: LogFormOutcome | LogSubmitOutcome,
    keyword = 'mål',
  ): Promise<AdaptiveCardJson> => {
    switch (outcome.kind) {
      case 'form':
        return cards.logForm({ form: outcome.form });
      case 'saved':
        return cards.logSaved(outcome.form, outcome.replaced);
      case 'invalid':
        return cards.logForm({ form: outcome.form, errors: outcome.errors, typed: outcome.typed });
      case 'invalid-week':
        return weekProblem(outcome.message, keyword);
      case 'not-a-member':
        return notAMember(actor, outcome.week);
      case 'no-indicators':
        return noIndicators(actor, outcome.week);
    }
  };

  const showLog = async (context: TurnContext, args: string): Promise<AdaptiveCardJson> => {
    const actor = actorOf(context);
    const selection = service.selectWeek(args, 'mål', 'log');
    if (!selection.ok) return weekProblem(selection.message, 'mål');
    return logAnswer(actor, await service.logForm(actor, selection.week));
  };

  const join = async (context: TurnContext): Promise<AdaptiveCardJson> => {
    const outcome: JoinOutcome = await service.join(actorOf(context), context.activity.from.name ?? '');
    const week = formatWeek(outcome.week);
    switch (outcome.kind) {
      case 'joined':
        return cards.notice(
          'good',
          'Du er med i målstyringen',
          [
            `Fra ${week} registrerer du ugens tal med **mål**. Har du ikke gjort det fredag kl. 13, minder botten dig om det her.`,
            'Din leder ser dig nu i **mål opsæt** og sætter dine ugentlige mål.',
          ],
          ['log'],
        );
      case 'already-member':
        return cards.notice(
          'info',
          'Du er allerede med i målstyringen',
          ['Skriv **mål** for at registrere ugens tal.'],
          ['log'],
        );
      case 'removed':
        return cards.notice('warning', 'Din leder har taget dig ud af målstyringen', [
          `Du registrerede til og med uge ${outcome.untilWeek}. Bed din leder om at tage dig med igen i **mål opsæt**.`,
        ]);
      case 'not-set-up':
        return cards.notice('info', 'Målstyringen er ikke sat op endnu', [
          `Teamets leder vælger først indikatorerne for ${outcome.week.year} med **mål opsæt**; derefter kan du melde dig til.`,
        ]);
    }
  };

  const reportAnswer = async (actor: Actor, outcome: ReportOutcome): Promise<AdaptiveCardJson[]> => {
    switch (outcome.kind) {
      case 'report':
        return cards.report(outcome.report);
      case 'invalid-week':
        return [weekProblem(outcome.message, 'ugerapport')];
      case 'not-a-member':
        return [
          cards.notice(
            'info',
            `Du er ikke med i målstyringen i ${formatWeek(outcome.week)}`,
            [
              'Ugerapporten viser lederne hele teamets tal og medarbejderne deres egne.',
              'Skriv **mål tilmeld** for at være med fra denne uge. Er du teamets leder, så sæt målstyringen op med **mål opsæt**.',
            ],
            ['join'],
          ),
        ];
    }
  };

  const showReport = async (context: TurnContext, args: string): Promise<AdaptiveCardJson[]> => {
    const actor = actorOf(context);
    const selection = service.selectWeek(args, 'ugerapport', 'report');
    if (!selection.ok) return [weekProblem(selection.message, 'ugerapport')];
    return reportAnswer(actor, await service.report(actor, selection.week));
  };

  // ---- the leader's plan ----

  const malformedPlanCard = (problem = 'Kortet mangler året for målstyringen.'): AdaptiveCardJson =>
    cards.notice('error', 'Kortet kunne ikke læses', [
      `${problem} Intet er gemt. Skriv **mål opsæt** for et nyt kort.`,
    ]);

  const notLeader = (): AdaptiveCardJson =>
    cards.notice('error', 'Kun for ledere', [
      'Kun teamets ledere kan sætte målstyringen op. Intet er gemt.',
      'Vil du registrere dine egne tal, så skriv **mål tilmeld** og derefter **mål**.',
    ]);

  type PlanScreen = { kind: 'setup' } | { kind: 'memberGoals'; userId: string } | { kind: 'annualTargets' };

  const planCard = (
    screen: PlanScreen,
    view: PlanView,
    extra: { notices?: string[]; noticeStyle?: NoticeStyle; errors?: readonly GoalFieldError[]; typed?: Data } = {},
  ): AdaptiveCardJson => {
    const input = { view, catalog, currentWeek: currentWeek(), ...extra };
    switch (screen.kind) {
      case 'setup':
        return cards.setup(input);
      case 'memberGoals':
        return cards.memberGoals({ ...input, userId: screen.userId });
      case 'annualTargets':
        return cards.annualTargets(input);
    }
  };

  /** Opens the set-up; the first person to open it in a team without leaders becomes its leader. */
  const openSetup = async (context: TurnContext, year?: number): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    const leadership = await leaders.leadership(teamId, userId);
    if (leadership === 'not-leader') return notLeader();
    const notices =
      leadership === 'leader'
        ? []
        : ['Teamet havde ingen leder i botten, så du er nu registreret som leder og kan sætte målstyringen op.'];
    return planCard({ kind: 'setup' }, await service.plan(teamId, year ?? currentWeek().year), { notices });
  };

  const openPlanForm = async (context: TurnContext, data: Data, screen: PlanScreen): Promise<AdaptiveCardJson> => {
    const { teamId, userId } = actorOf(context);
    const year = planYearOf(data.year);
    if (year === undefined) return malformedPlanCard();
    if (!(await leaders.isLeader(teamId, userId))) return notLeader();
    const view = await service.plan(teamId, year);
    if (screen.kind === 'memberGoals' && findMember(view.plan, screen.userId) === undefined) {
      return planCard({ kind: 'setup' }, view, {
        notices: ['Vælg den medarbejder, du vil sætte mål for.'],
        noticeStyle: 'warning',
      });
    }
    return planCard(screen, view);
  };

  /**
   * The answer to a plan change: the set-up with what was saved, or the same card again with the problem
   * and what was typed, except a CPR-shaped value, whose field comes back empty.
   */
  const planAnswer = (
    outcome: PlanUpdateOutcome,
    screen: PlanScreen,
    data: Data,
    savedText: (view: PlanView) => string,
  ): AdaptiveCardJson => {
    const typed = withoutCprShapes(data);
    switch (outcome.kind) {
      case 'saved':
        return planCard({ kind: 'setup' }, outcome.view, { notices: [savedText(outcome.view)], noticeStyle: 'good' });
      case 'invalid':
        return planCard(screen, outcome.view, { errors: outcome.errors, typed });
      case 'conflict':
        return planCard(screen, outcome.view, { notices: [CONFLICT_NOTICE], noticeStyle: 'warning', typed });
      case 'forbidden':
        return notLeader();
    }
  };

  const changePlan = async (
    context: TurnContext,
    data: Data,
    screen: PlanScreen,
    change: (actor: Actor, year: number) => Promise<PlanUpdateOutcome>,
    savedText: (view: PlanView) => string,
  ): Promise<AdaptiveCardJson> => {
    const year = planYearOf(data.year);
    if (year === undefined) return malformedPlanCard();
    return planAnswer(await change(actorOf(context), year), screen, data, savedText);
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
        if (week === 'malformed') return weekProblem('Kortet har en uge, botten ikke kender.', 'mål');
        return week === undefined
          ? showLog(context, '')
          : logAnswer(actorOf(context), await service.logForm(actorOf(context), week));
      },
    },
    {
      verb: 'goals.log',
      safeToRepeat: false,
      handle: async (context, data) =>
        logAnswer(actorOf(context), await service.submitLog(actorOf(context), data.weekKey, data)),
    },
    { verb: 'goals.join', safeToRepeat: false, handle: join },
    { verb: 'goals.setup', safeToRepeat: true, handle: (context, data) => openSetup(context, planYearOf(data.year)) },
    {
      verb: 'goals.indicators',
      safeToRepeat: false,
      handle: (context, data) => {
        const chosen = choicesOf(data.indicators);
        if (chosen === undefined)
          return Promise.resolve(malformedPlanCard('Kortets valg af indikatorer har et forkert format.'));
        return changePlan(
          context,
          data,
          { kind: 'setup' },
          (actor, year) => service.chooseIndicators(actor, year, data.etag, chosen),
          (view) =>
            view.plan.indicators.length === 0
              ? 'Gemt: teamet har ingen indikatorer nu.'
              : `Gemt: teamet måler sig på ${view.plan.indicators.length} indikator${view.plan.indicators.length === 1 ? '' : 'er'}.`,
        );
      },
    },
    {
      verb: 'goals.members',
      safeToRepeat: false,
      handle: async (context, data) => {
        const year = planYearOf(data.year);
        if (year === undefined) return malformedPlanCard();
        const ticked = choicesOf(data.members);
        if (ticked === undefined) return malformedPlanCard('Kortets liste over medarbejdere har et forkert format.');
        const actor = actorOf(context);
        const view = await service.plan(actor.teamId, year);
        // Checked whole: "010190,1234" is a CPR number before it is split into two ids nobody has.
        if (holdsCprShape(data.members)) {
          if (!(await leaders.isLeader(actor.teamId, actor.userId))) return notLeader();
          const errors = [{ field: 'members', message: cprRefusal('Medarbejdere') }];
          return planCard({ kind: 'setup' }, view, { errors, typed: withoutCprShapes(data) });
        }
        const { plan } = view;
        const change = membersChangeFromChecklist(plan, ticked, data.membersFromWeek);
        return planAnswer(
          await service.updateMembers(actor, year, data.etag, change),
          { kind: 'setup' },
          data,
          () =>
            `Gemt fra uge ${String(data.membersFromWeek)}: ${change.add?.length ?? 0} taget med, ${change.remove?.length ?? 0} taget ud.`,
        );
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
        return changePlan(
          context,
          data,
          { kind: 'memberGoals', userId },
          (actor, year) => service.setMemberGoals(actor, year, data.etag, userId, data.fromWeek, data),
          (view) =>
            `Gemt: ugentlige mål for ${findMember(view.plan, userId)?.name ?? userId} fra uge ${String(data.fromWeek)}.`,
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
        changePlan(
          context,
          data,
          { kind: 'annualTargets' },
          (actor, year) => service.setAnnualTargets(actor, year, data.etag, data),
          (view) => `Gemt: teamets årsmål for ${view.plan.year}.`,
        ),
    },
  ];

  return { commands, actions };
}
