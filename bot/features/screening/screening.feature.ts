import { randomUUID } from 'node:crypto';
import { ScreeningCards } from '../../../cards/screening/screening.cards';
import type { FollowUpService } from '../../../rules/follow-ups/follow-up.service';
import { screeningRulesFrom } from '../../../rules/screening/default-screening-rules';
import { ScreeningEvaluator } from '../../../rules/screening/engine/screening.evaluator';
import { ScreeningService } from '../../../rules/screening/screening.service';
import type { TeamSettingsService } from '../../../rules/teams/team-settings.service';
import { logFailure, type AreaDeps, type Feature } from '../feature';
import { screeningHandlers } from './screening.handlers';

/** The first-interview screening (`screening`, `vis screening`, `slet screening`, `revisionsspor`). */
export function screeningArea(
  { repositories, membership, ruleset, renderer, clock, logger, referenceKeyer }: AreaDeps,
  settings: TeamSettingsService,
  followUps: FollowUpService,
): { service: ScreeningService; feature: Feature } {
  const service = new ScreeningService(
    screeningRulesFrom(ruleset, new ScreeningEvaluator(ruleset)),
    repositories.screenings,
    settings,
    repositories.audit,
    referenceKeyer,
    clock,
    randomUUID,
    {
      // The decision is stored already: a failure here must not turn it into an error for the
      // caseworker. The daily catch-up (retention job) schedules what is missing.
      decided: (decided) =>
        followUps.scheduleFor(decided).then(() => undefined, logFailure(logger, 'scheduling follow-ups failed')),
      // Erasure must take the follow-ups (they hold the case reference): a failure stops the erasure.
      erasing: async (teamId, screeningId) => {
        await followUps.forgetScreening(teamId, screeningId);
      },
      // Retention must take the case reference off the follow-ups too: a failure stops it for this screening.
      retaining: async (teamId, screeningId) => {
        await followUps.forgetCaseReference(teamId, screeningId);
      },
    },
    repositories.transactor,
  );
  const sectorOptions = ruleset.sectors.map((sector) => ({ title: sector.label, value: sector.id }));
  return { service, feature: screeningHandlers(service, new ScreeningCards(renderer, sectorOptions), membership) };
}
