/** One version of a team's settings. Versions are never changed, only added. */
export interface SettingsVersion<T> {
  teamId: string;
  version: number;
  settings: T;
  changedBy: string;
  changedAt: string;
}

/** Team settings, versioned: every change makes a new version, and screenings record the one they used. */
export interface TeamSettingsRepository<T> {
  /** The newest version, or undefined when the team still runs on the defaults. */
  current(teamId: string): Promise<SettingsVersion<T> | undefined>;
  get(teamId: string, version: number): Promise<SettingsVersion<T> | undefined>;
  /**
   * Adds version `next.version`; resolves 'conflict' when that version already exists (someone else
   * saved first), so concurrent edits never overwrite each other.
   */
  add(next: SettingsVersion<T>): Promise<'added' | 'conflict'>;
}
