import { TestAdapter, type Activity } from 'botbuilder';
import type sinon from 'sinon';
import { CardRenderer } from '../../cards/rendering/card.renderer';
import { InstallationService } from '../../rules/teams/installation.service';
import { renderStaticCards } from '../../cards/shared/static.cards';
import { DedupeMiddleware } from '../../bot/teams/dedupe.middleware';
import { JobcenterBot } from '../../bot/teams/jobcenter.bot';
import { createTurnErrorHandler } from '../../bot/teams/turn-error.handler';
import { InMemoryInstallationRepository, InMemoryProcessedActivityRepository } from './in-memory.repositories';
import { inMemoryTeam } from './test-team';
import { TeamChoiceCards } from '../../cards/teams/team-choice.cards';
import { capturingLogger } from './capturing-logger';

/**
 * The bot wired as in the composition root, over in-memory repositories and a captured log; the
 * TestAdapter's users ('user1', 'user-1') are members of the test team, in `tenantId`.
 */
export function botUnderTest(
  sandbox: sinon.SinonSandbox,
  { members = ['user1', 'user-1'], tenantId = 'local' }: { members?: readonly string[]; tenantId?: string } = {},
) {
  const installations = new InMemoryInstallationRepository();
  const processed = new InMemoryProcessedActivityRepository();
  const { logger, lines: logLines } = capturingLogger();
  const clock = { now: sandbox.stub().returns(new Date('2026-02-03T08:30:00Z')) };
  const renderer = new CardRenderer();
  const { membership } = inMemoryTeam(clock, members, [], tenantId);
  const bot = new JobcenterBot({
    installations: new InstallationService(installations),
    teams: membership,
    teamCards: new TeamChoiceCards(renderer),
    renderer,
    cards: renderStaticCards(renderer),
    clock,
    logger,
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.use(new DedupeMiddleware(processed, clock, logger));
  adapter.onTurnError = createTurnErrorHandler(logger);
  return { adapter, bot, installations, processed, logLines, clock };
}

/** The Adaptive Card of a reply, or undefined when the reply carries none. */
export function cardOf(activity: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = activity?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') return undefined;
  return attachment.content as Record<string, unknown>;
}

/** All text shown on a card, for assertions that read like what a user sees. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title') && typeof value === 'string') texts.push(value);
        else visit(value);
      }
    }
  };
  visit(card);
  return texts.join('\n');
}

/**
 * Everything a reader sees on a card: texts and titles as in {@link cardText}, plus input labels and
 * FactSet facts ("title\nvalue"), for cards whose figures sit in facts.
 */
export function cardFullText(card: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (record.type === undefined && typeof record.title === 'string' && typeof record.value === 'string') {
        texts.push(`${record.title}\n${record.value}`);
        return;
      }
      for (const [key, value] of Object.entries(record)) {
        if ((key === 'text' || key === 'title' || key === 'label') && typeof value === 'string') texts.push(value);
        else visit(value);
      }
    }
  };
  visit(card);
  return texts.join('\n');
}
