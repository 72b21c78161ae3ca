import type { DecidedScreening } from './decided-screening';

/**
 * What else must happen when a screening is decided or erased (the follow-ups, spec §1.7). The
 * composition root wires it; ScreeningService calls it at the moment the screening changes, so no
 * caller of the service can forget it.
 */
export interface ScreeningLifecycleListener {
  /** The screening was decided (accepted or overridden) and is stored. */
  decided(screening: DecidedScreening): Promise<void>;
  /**
   * The screening is about to be erased on request (right to erasure): what hangs on it goes first, so
   * a failure leaves the screening in place and the leader can simply erase it again.
   */
  erasing(teamId: string, screeningId: string): Promise<void>;
  /**
   * The screening is about to lose its case reference and answers (retention): what hangs on it drops
   * them first, so a failure leaves the screening as it was and the next run tries again.
   */
  retaining(teamId: string, screeningId: string): Promise<void>;
}

/** For a ScreeningService without follow-ups (tests, the command line). */
export const NO_SCREENING_LIFECYCLE: ScreeningLifecycleListener = {
  decided: () => Promise.resolve(),
  erasing: () => Promise.resolve(),
  retaining: () => Promise.resolve(),
};
