import {
  ActivityTypes,
  StatusCodes,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type InvokeResponse,
} from 'botbuilder';
import type { AdaptiveCardJson, CardRenderer } from '../../cards/rendering/card.renderer';
import type { CommandId } from '../../rules/commands/command.catalog';
import { parseCommand } from '../../rules/commands/command.parser';
import { suggestCommands } from '../../rules/commands/command.suggester';
import type { InstallationService } from '../../rules/teams/installation.service';
import type { Clock } from '../../rules/shared/clock';
import type { Logger } from '../logging/logger';
import { CardActionTable, readCardSubmit, type CardAction } from './card-action.router';
import {
  commandSuggestionCard,
  comingSoonNotice,
  personalOnlyNotice,
  unknownActionNotice,
  unreadableCardNotice,
} from '../../cards/shared/bot-notices.cards';
import type { StaticCards } from '../../cards/shared/static.cards';
import {
  cardInvokeResponse,
  cardMessage,
  isReplyBeside,
  messageInvokeResponse,
  type CardAnswer,
} from './card-activities';
import { installationOf, teamOf, tenantIdOf, userIdOf, LOCAL_TENANT_ID } from './turn-installation';
import type { TeamChoiceCards } from '../../cards/teams/team-choice.cards';
import type { TeamMembershipService } from '../../rules/teams/team-membership.service';
import { placeOf, setTurnTeam, turnTeamOf } from './turn-actor';

/** What a text command answers with. */
export type CommandHandler = (context: TurnContext, args: string) => Promise<AdaptiveCardJson | AdaptiveCardJson[]>;

/** What the bot needs of the teams: the team of a turn, and the team events. */
export type TeamTurns = Pick<
  TeamMembershipService,
  'teamForTurn' | 'teamsOf' | 'choose' | 'installed' | 'removed' | 'membersChanged' | 'adoptTenantData'
>;

export interface JobcenterBotDeps {
  installations: InstallationService;
  /** Decides the team each turn acts for (spec §0), and keeps teams and rosters on team events. */
  teams: TeamTurns;
  teamCards: TeamChoiceCards;
  /** Handlers of the commands that are built; the others answer that they are coming. */
  commands?: Partial<Record<CommandId, CommandHandler>>;
  /** Card actions beyond the bot's own (the features' handlers). */
  actions?: readonly CardAction[];
  /** Something to tell this person before the answer, once (e.g. the morning channel was lost). */
  turnNotice?: (context: TurnContext) => Promise<AdaptiveCardJson | undefined>;
  renderer: CardRenderer;
  cards: StaticCards;
  clock: Clock;
  logger: Logger;
}

const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';
/** The verb of a "Mente du …?" button: runs its `command` text as if it were typed. */
const COMMAND_RUN_VERB = 'command.run';
/** Longer than any command with its arguments; a longer `command` is not from the bot's card. */
const MAX_COMMAND_RUN_LENGTH = 200;

/**
 * The Teams activity handler. It translates activities into calls on the domain and answers with
 * cards; decisions belong to `rules/`.
 */
export class JobcenterBot extends TeamsActivityHandler {
  /** Every card action the bot answers, by verb. */
  readonly cardActions: CardActionTable;

  constructor(private readonly deps: JobcenterBotDeps) {
    super();
    this.cardActions = new CardActionTable([
      { verb: 'help.show', safeToRepeat: true, teamFree: true, handle: () => Promise.resolve(deps.cards.help) },
      {
        verb: 'team.choose',
        safeToRepeat: true,
        teamFree: true,
        handle: (context, data) => this.choose(context, data),
      },
      ...(deps.actions ?? []),
    ]);

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.teamInstalled(context);
      await this.greetOnce(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded?.some((member) => member.id === context.activity.recipient.id)) {
        await this.teamInstalled(context);
        await this.greetOnce(context);
      } else {
        await this.membersChanged(context);
      }
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.teamRemoved(context);
      await this.forget(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((member) => member.id === context.activity.recipient.id)) {
        await this.teamRemoved(context);
        await this.forget(context);
      } else {
        await this.membersChanged(context);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
  }

  /**
   * Every turn refreshes the stored conversation reference; install and removal events are left to
   * their handlers, which add or delete it.
   */
  override async run(context: TurnContext): Promise<void> {
    if (botMembershipChange(context) === undefined) {
      await this.deps.installations.seen(installationOf(context, this.deps.clock.now()));
    }
    await super.run(context);
  }

  /**
   * Card actions are the only invokes the bot offers. Any other (a message extension, a task module,
   * sign-in, an invoke without a name) is the caller asking for something the bot does not have: a 400.
   * botbuilder would answer it with 501, a server error, and some of its dispatchers read the invoke's
   * value unchecked before getting there.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== ADAPTIVE_CARD_ACTION) return { status: StatusCodes.BAD_REQUEST };
    // The first card replaces the clicked one; the rest of a long answer (a command's pages) follow as messages.
    const [first, ...rest] = await this.answerCardActionCards(context, context.activity.value);
    if (first !== undefined && isReplyBeside(first)) {
      // The clicked card stays (the board on the meeting-room screen); Teams shows the clicker the text.
      for (const card of rest) await context.sendActivity(cardMessage(asCard(card)));
      return messageInvokeResponse(first.toast);
    }
    for (const card of rest) await context.sendActivity(cardMessage(asCard(card)));
    return cardInvokeResponse(first ?? unreadableCardNotice(this.deps.renderer));
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const text = typeof activity.text === 'string' ? TurnContext.removeRecipientMention(activity) : '';
    // Told before any answer (as before teams were real): a leader whose morning channel was lost.
    if ((await this.decideTeam(context)) === undefined) {
      const notice = await this.deps.turnNotice?.(context);
      if (notice !== undefined) await context.sendActivity(cardMessage(notice));
    }
    const answer =
      parseCommand(text).kind === 'empty' && activity.value !== undefined
        ? await this.answerCardActionCards(context, activity.value)
        : await this.answerText(context, text);
    // A long answer (the board) comes as several messages, each within Teams' size limit.
    for (const card of answer) await context.sendActivity(cardMessage(asCard(card)));
  }

  /**
   * The answer to a typed text (the @mention stripped), or to a "Mente du …?" button, which runs its
   * command the same way: the same refusals (personal chat only, no team, not a leader) apply.
   */
  private async answerText(context: TurnContext, text: string): Promise<AdaptiveCardJson[]> {
    const parsed = parseCommand(text);
    if (parsed.kind !== 'command') {
      // A near miss is named first ("Mente du **stillinger**?"), then all commands; never silence.
      const suggestion = commandSuggestionCard(this.deps.renderer, suggestCommands(text));
      return suggestion === undefined ? [this.deps.cards.helpForUnknown] : [suggestion, this.deps.cards.helpForUnknown];
    }
    if (parsed.command.id === 'hjaelp') return [this.deps.cards.help];
    if (parsed.command.personalOnly === true && isSharedConversation(context.activity.conversation.conversationType)) {
      return [personalOnlyNotice(this.deps.renderer, parsed.command)];
    }
    if (parsed.command.id === 'skift_team') return [await this.switchTeam(context)];
    if (parsed.command.teamFree !== true) {
      const refusal = await this.decideTeam(context);
      if (refusal !== undefined) return [refusal];
    }
    const handler = this.deps.commands?.[parsed.command.id];
    if (handler === undefined) return [comingSoonNotice(this.deps.renderer, parsed.command.keyword)];
    const answer = await handler(context, parsed.args);
    return Array.isArray(answer) ? answer : [answer];
  }

  /** The answer to a card click: a "Mente du …?" button runs its command; every other verb has one card. */
  private async answerCardActionCards(context: TurnContext, value: unknown): Promise<CardAnswer[]> {
    const submit = readCardSubmit(value);
    if (submit.kind === 'submit' && submit.verb === COMMAND_RUN_VERB) {
      const { command } = submit.data;
      if (typeof command !== 'string' || command.length > MAX_COMMAND_RUN_LENGTH) {
        return [unreadableCardNotice(this.deps.renderer)];
      }
      return this.answerText(context, command);
    }
    return [await this.answerCardAction(context, value)];
  }

  private async answerCardAction(context: TurnContext, value: unknown): Promise<CardAnswer> {
    const route = this.cardActions.route(value);
    switch (route.kind) {
      case 'handler': {
        if (route.action.teamFree !== true) {
          const refusal = await this.decideTeam(context);
          if (refusal !== undefined) return refusal;
        }
        return route.action.handle(context, route.data);
      }
      case 'unknown':
        this.deps.logger.warn({ verb: route.verb }, 'unknown card verb');
        return unknownActionNotice(this.deps.renderer);
      case 'malformed':
        return unreadableCardNotice(this.deps.renderer);
    }
  }

  /**
   * Decides the team this turn acts for and records it for the handlers; a card to answer with
   * instead when there is none (not in a team with the bot) or the person must choose first.
   */
  private async decideTeam(context: TurnContext): Promise<AdaptiveCardJson | undefined> {
    let team = turnTeamOf(context);
    if (team === undefined) {
      team = await this.deps.teams.teamForTurn(userIdOf(context.activity), placeOf(context.activity));
      // Decided once per turn: the notice before the answer and the answer itself act for the same team.
      setTurnTeam(context, team);
    }
    switch (team.kind) {
      case 'team':
        return undefined;
      case 'choose':
        return this.deps.teamCards.choose(team.teams);
      case 'none':
        return this.deps.teamCards.noTeam();
    }
  }

  /** `skift team`: the person's teams to choose from (or why there is nothing to choose). */
  private async switchTeam(context: TurnContext): Promise<AdaptiveCardJson> {
    const userId = userIdOf(context.activity);
    const teams = await this.deps.teams.teamsOf(userId, tenantIdOf(context.activity) ?? LOCAL_TENANT_ID);
    const [only] = teams;
    if (only === undefined) return this.deps.teamCards.noTeam();
    if (teams.length === 1) return this.deps.teamCards.onlyOne(only);
    const current = await this.deps.teams.teamForTurn(userId, placeOf(context.activity));
    return this.deps.teamCards.choose(teams, current.kind === 'team' ? current.teamId : undefined);
  }

  private async choose(context: TurnContext, data: Readonly<Record<string, unknown>>): Promise<AdaptiveCardJson> {
    const userId = userIdOf(context.activity);
    const tenantId = tenantIdOf(context.activity) ?? LOCAL_TENANT_ID;
    if (!(await this.deps.teams.choose(tenantId, userId, data.teamId))) return this.deps.teamCards.notChosen();
    const teams = await this.deps.teams.teamsOf(userId, tenantId);
    const team = teams.find((candidate) => candidate.teamId === data.teamId);
    return team === undefined ? this.deps.teamCards.notChosen() : this.deps.teamCards.chosen(team);
  }

  /** The bot was added to a team: keep the team, who added it (the local owner), and its members. */
  private async teamInstalled(context: TurnContext): Promise<void> {
    const team = teamOf(context.activity);
    if (team === undefined) return;
    const tenantId = tenantIdOf(context.activity) ?? LOCAL_TENANT_ID;
    // The install event need not name the team: its name (for the choice card) comes from the team details.
    const details = await TeamsInfo.getTeamDetails(context, team.teamId).catch(() => undefined);
    try {
      await this.deps.teams.installed(
        tenantId,
        {
          ...team,
          name: details?.name ?? team.name,
          aadGroupId: details?.aadGroupId ?? team.aadGroupId,
          serviceUrl: context.activity.serviceUrl,
        },
        userIdOf(context.activity),
      );
    } catch (error) {
      // Teams did not list the team's members (it does not know the team, or is down): nothing is kept,
      // and the team is taken up when someone writes in its channel.
      this.deps.logger.warn({ errorType: (error as Error).name }, 'team roster not read at install');
      return;
    }
    // What a tenant stored before teams were real moves to its team when it has just this one.
    const adopted = await this.deps.teams.adoptTenantData(tenantId);
    if (adopted !== 'none') this.deps.logger.info({ adopted }, 'data stored for the whole tenant handled');
  }

  private async teamRemoved(context: TurnContext): Promise<void> {
    const team = teamOf(context.activity);
    if (team !== undefined) await this.deps.teams.removed(team.teamId);
  }

  /** People joined or left the team: read its members again, so access changes at once. */
  private async membersChanged(context: TurnContext): Promise<void> {
    const team = teamOf(context.activity);
    if (team === undefined) return;
    // A roster that could not be read now is read again when it is next needed and found stale.
    await this.deps.teams
      .membersChanged(team.teamId)
      .catch((error: unknown) => this.deps.logger.warn({ errorType: (error as Error).name }, 'team roster not read'));
  }

  private async greetOnce(context: TurnContext): Promise<void> {
    const { sendWelcome } = await this.deps.installations.installed(installationOf(context, this.deps.clock.now()));
    if (sendWelcome) await context.sendActivity(cardMessage(this.deps.cards.welcome));
  }

  private async forget(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context.activity) ?? LOCAL_TENANT_ID;
    await this.deps.installations.uninstalled(tenantId, context.activity.conversation.id);
  }
}

/** Whether this turn adds or removes the bot itself. */
function botMembershipChange(context: TurnContext): 'added' | 'removed' | undefined {
  const { activity } = context;
  if (activity.type === ActivityTypes.InstallationUpdate) {
    return activity.action?.startsWith('remove') === true ? 'removed' : 'added';
  }
  if (activity.type === ActivityTypes.ConversationUpdate) {
    const isBot = (member: { id: string }) => member.id === activity.recipient.id;
    if (activity.membersAdded?.some(isBot) === true) return 'added';
    if (activity.membersRemoved?.some(isBot) === true) return 'removed';
  }
  return undefined;
}

/** A channel or group chat, where every member reads the bot's answers. */
function isSharedConversation(conversationType: string | undefined): boolean {
  return conversationType === 'channel' || conversationType === 'groupChat';
}

/** A card answer as a card to send: one that keeps the clicked card is sent as its reply. */
function asCard(answer: CardAnswer): AdaptiveCardJson {
  return isReplyBeside(answer) ? answer.replyBeside : answer;
}
