import type { AuditTrail } from '../shared/audit-trail';
import type { Clock } from '../shared/clock';
import type { TeamLeaders } from './team-leaders';
import type { TeamSettingsRepository } from './team-settings.repository';
import type { TeamScreeningSettings, Track } from '../screening/screening.types';
import { holdsCprShape } from '../shared/cpr-shape';
import { formatDanishNumber } from '../shared/danish-number';
import { RETENTION_DAYS, withAllowedRetention } from '../screening/retention-period';

/** The settings a leader changes in chat (`indstillinger`). */
export interface SettingsChange {
  intensiveShareCap?: number;
  capacityWindowDays?: number;
  retentionDays?: number;
  affectedSectors?: string[];
  sensitiveCriterionEnabled?: boolean;
  /** The team's display labels of the tracks (what caseworkers and citizens read). */
  trackLabels?: Partial<Record<Track, string>>;
}

/** The longest display label of a track. */
const TRACK_LABEL_MAX = 60;

/** A stored setting outside today's allowed range, and the value that applies instead. */
export interface HeldSetting {
  field: 'retentionDays';
  stored: number;
  applied: number;
}

export type SettingsUpdateOutcome =
  | { kind: 'saved'; settings: TeamScreeningSettings; warnings: string[] }
  | { kind: 'invalid'; errors: { field: string; message: string }[] }
  | { kind: 'conflict' }
  | { kind: 'forbidden' };

/** The sensitive criterion (spec §1.2 no. 4): special-category data under GDPR art. 9. */
export const SENSITIVE_CRITERION = 'anden_etnisk_baggrund';

export const SENSITIVE_WARNING =
  'Du har slået kriteriet "anden etnisk baggrund" til. Etnisk oprindelse er en særlig kategori af personoplysninger (GDPR art. 9): ' +
  'spørgsmålet stilles og svaret gemmes kun, når der er hjemmel og et klart formål. Det er registreret, at du har slået det til.';

/**
 * A team's screening settings: the stored newest version, or the defaults from the rule files. Every
 * change makes a new version; only the team's leaders may change them.
 */
export class TeamSettingsService {
  constructor(
    private readonly repository: TeamSettingsRepository<TeamScreeningSettings>,
    private readonly leaders: TeamLeaders,
    private readonly defaults: TeamScreeningSettings,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly sectorIds: ReadonlySet<string>,
  ) {}

  /** The settings in force, with a retention saved before its range was narrowed held to the range. */
  async current(teamId: string): Promise<TeamScreeningSettings> {
    return withAllowedRetention((await this.repository.current(teamId))?.settings ?? this.defaults);
  }

  /** The settings a screening was made with (the defaults are version 1), held to today's ranges like `current`. */
  async atVersion(teamId: string, version: number): Promise<TeamScreeningSettings | undefined> {
    if (version === this.defaults.version) return withAllowedRetention(this.defaults);
    const stored = (await this.repository.get(teamId, version))?.settings;
    return stored === undefined ? undefined : withAllowedRetention(stored);
  }

  /**
   * Stored values the bot does not apply as they are, because they were saved when a wider range was
   * allowed: the retention (once 1–3,650 days, now 7–365) is held to the range until a leader saves the
   * settings again. The settings card shows them, so the leader sees what applies and can choose.
   */
  async heldToRange(teamId: string): Promise<HeldSetting[]> {
    const stored = (await this.repository.current(teamId))?.settings ?? this.defaults;
    const applied = withAllowedRetention(stored);
    return applied.retentionDays === stored.retentionDays
      ? []
      : [{ field: 'retentionDays', stored: stored.retentionDays, applied: applied.retentionDays }];
  }

  async isLeader(teamId: string, userId: string): Promise<boolean> {
    return (await this.leaders.leaders(teamId)).includes(userId);
  }

  /**
   * Saves a change as a new version. `basedOnVersion` is the version the leader's form showed: if
   * someone saved in between, nothing is saved and the outcome is 'conflict'.
   */
  async update(
    teamId: string,
    actorId: string,
    basedOnVersion: unknown,
    change: SettingsChange,
  ): Promise<SettingsUpdateOutcome> {
    if (!(await this.isLeader(teamId, actorId))) return { kind: 'forbidden' };
    const current = await this.current(teamId);
    if (basedOnVersion !== current.version) return { kind: 'conflict' };
    const errors = validateChange(change, this.sectorIds);
    if (errors.length > 0) return { kind: 'invalid', errors };
    const wasSensitive = current.criteria[SENSITIVE_CRITERION]?.enabled === true;
    const sensitive = change.sensitiveCriterionEnabled ?? wasSensitive;
    const baseCriterion = current.criteria[SENSITIVE_CRITERION] ?? { weight: 1, enabled: false };
    const next: TeamScreeningSettings = {
      ...current,
      version: current.version + 1,
      intensiveShareCap: change.intensiveShareCap ?? current.intensiveShareCap,
      capacityWindowDays: change.capacityWindowDays ?? current.capacityWindowDays,
      retentionDays: change.retentionDays ?? current.retentionDays,
      affectedSectors: change.affectedSectors ?? current.affectedSectors,
      ...(change.trackLabels === undefined && current.trackLabels === undefined
        ? {}
        : {
            trackLabels: {
              ...this.defaults.trackLabels,
              ...current.trackLabels,
              ...trimmed(change.trackLabels),
            } as Record<Track, string>,
          }),
      criteria: { ...current.criteria, [SENSITIVE_CRITERION]: { ...baseCriterion, enabled: sensitive } },
    };
    const at = this.clock.now().toISOString();
    const added = await this.repository.add({
      teamId,
      version: next.version,
      settings: next,
      changedBy: actorId,
      changedAt: at,
    });
    if (added === 'conflict') return { kind: 'conflict' };
    const sensitiveNow = sensitive && !wasSensitive;
    await this.audit.record({
      teamId,
      at,
      actorId,
      action: 'update',
      entity: 'settings',
      entityId: `v${next.version}`,
      detail: sensitiveNow
        ? 'sensitive-criterion-enabled'
        : sensitive === wasSensitive
          ? 'changed'
          : 'sensitive-criterion-disabled',
    });
    return { kind: 'saved', settings: next, warnings: sensitiveNow ? [SENSITIVE_WARNING] : [] };
  }
}

function validateChange(change: SettingsChange, sectorIds: ReadonlySet<string>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const wholeBetween = (field: string, label: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      errors.push({
        field,
        message: `${label} skal være et helt tal mellem ${formatDanishNumber(min)} og ${formatDanishNumber(max)}.`,
      });
    }
  };
  if (change.intensiveShareCap !== undefined && !(change.intensiveShareCap >= 0 && change.intensiveShareCap <= 1)) {
    errors.push({ field: 'intensiveShareCap', message: 'Loft for intensiv andel skal være mellem 0 og 100 %.' });
  }
  wholeBetween('capacityWindowDays', 'Periode for intensiv andel (dage)', change.capacityWindowDays, 7, 365);
  wholeBetween(
    'retentionDays',
    'Opbevaring af svar (dage)',
    change.retentionDays,
    RETENTION_DAYS.min,
    RETENTION_DAYS.max,
  );
  for (const [track, label] of Object.entries(change.trackLabels ?? {})) {
    const text = label.trim();
    if (text === '' || text.length > TRACK_LABEL_MAX || holdsCprShape(text)) {
      errors.push({
        field: `trackLabels.${track}`,
        message: `Navnet på indsatsen skal være 1–${TRACK_LABEL_MAX} tegn (det var ${text.length}).`,
      });
    } else if (/d(ø|oe)dvægt|d(ø|oe)dvaegt/iu.test(text)) {
      errors.push({
        field: `trackLabels.${track}`,
        message: 'Navnet på indsatsen må ikke kalde borgeren "dødvægt": borgeren kan læse sin screening (aktindsigt).',
      });
    }
  }
  if (change.affectedSectors !== undefined) {
    const unknown = change.affectedSectors.filter((id) => !sectorIds.has(id));
    if (unknown.length > 0) {
      errors.push({
        field: 'affectedSectors',
        message: `Konjunkturramte brancher: ukendt branche (${unknown.join(', ')}).`,
      });
    }
  }
  return errors;
}

function trimmed(labels: Partial<Record<Track, string>> | undefined): Partial<Record<Track, string>> {
  return Object.fromEntries(Object.entries(labels ?? {}).map(([track, label]) => [track, label.trim()]));
}
