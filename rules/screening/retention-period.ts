import type { TeamScreeningSettings } from './screening.types';

/**
 * How long a team keeps a screening's answers, free text and case reference, in days (spec §5: allowed
 * 7–365). The lower bound leaves a caseworker time to finish and look a screening up again; the upper
 * bound is the longest the municipality may keep them for the bot's purpose.
 */
export const RETENTION_DAYS = { min: 7, max: 365 } as const;

/**
 * The retention that applies for a stored value. Settings saved before the range was narrowed (it once
 * allowed 1–3,650 days) are held to it, so the daily retention job never keeps data longer than allowed
 * and never deletes sooner than a week; the settings card tells the leader (see TeamSettingsService).
 */
export function allowedRetentionDays(days: number): number {
  if (!Number.isFinite(days)) return RETENTION_DAYS.min;
  return Math.min(RETENTION_DAYS.max, Math.max(RETENTION_DAYS.min, Math.round(days)));
}

/** The settings with their retention held to the allowed range (the same object when it already is). */
export function withAllowedRetention(settings: TeamScreeningSettings): TeamScreeningSettings {
  const retentionDays = allowedRetentionDays(settings.retentionDays);
  return retentionDays === settings.retentionDays ? settings : { ...settings, retentionDays };
}
