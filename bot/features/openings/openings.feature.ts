import { randomUUID } from 'node:crypto';
import { OpeningCards } from '../../../cards/openings/opening.cards';
import { CurrentBoardService } from '../../../rules/morning-meeting/current-board.service';
import { OpeningsService } from '../../../rules/openings/openings.service';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import type { PersonalChatSend } from '../../teams/personal-chat.sender';
import { logFailure, type AreaDeps, type Feature } from '../feature';
import { createBoardCards, type BoardCards } from './board-cards';
import { openingsHandlers } from './openings.handlers';
import { ownOpeningsHandlers } from './own-openings.handlers';

/** Job openings and the board (`ny stilling`, `stillinger`, `mine stillinger`). */
export function openingsArea(
  { repositories, ruleset, renderer, sender, logger, membership }: AreaDeps,
  settings: TeamSettingsService,
  { service, boardCards }: OpeningsBoard,
  refreshBoard: (teamId: string) => Promise<void>,
  sendPersonal: PersonalChatSend,
): { feature: Feature } {
  const cards = new OpeningCards(renderer, ruleset.sectors);
  const isLeader = (teamId: string, userId: string) => settings.isLeader(teamId, userId);
  // A failed refresh must not fail the click that caused it: the next post shows the numbers anyway.
  const onBoardChanged = (teamId: string) => refreshBoard(teamId).catch(logFailure(logger, 'board refresh failed'));
  const shared = openingsHandlers({
    service,
    cards,
    renderer,
    boardCards,
    installations: repositories.installations,
    sender,
    onBoardChanged,
    // A send Teams failed (after the sender's retries) is told to the consultant, who keeps the answer.
    sendPersonal: (teamId, userId, cards) =>
      sendPersonal(teamId, userId, cards).catch((error: unknown) => {
        logFailure(logger, 'candidate answer not sent')(error);
        return 'failed' as const;
      }),
    memberName: async (teamId, userId) =>
      (await membership.members(teamId)).find((member) => member.userId === userId)?.name,
  });
  const own = ownOpeningsHandlers({ service, cards, onBoardChanged, isLeader });
  return {
    feature: { commands: { ...shared.commands, ...own.commands }, actions: [...shared.actions, ...own.actions] },
  };
}

/** The openings use case and the team's board as cards (for `stillinger`, the buttons and the morning post). */
export interface OpeningsBoard {
  service: OpeningsService;
  boardCards: BoardCards;
}

export function openingsBoard({ repositories, ruleset, renderer, clock }: AreaDeps): OpeningsBoard {
  const service = new OpeningsService(repositories.openings, ruleset.sectors, clock, randomUUID);
  const boards = new CurrentBoardService(service, repositories.postedBoards, clock);
  return { service, boardCards: createBoardCards(boards, renderer, ruleset.sectors, clock) };
}
