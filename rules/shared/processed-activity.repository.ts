/**
 * Remembers which incoming activities were handled, because Teams re-delivers an activity when the
 * bot was slow to answer, and a repeated card submit must not act twice.
 */
export interface ProcessedActivityRepository {
  /**
   * Claims the activity for handling. Resolves true the first time an activity id is seen in a
   * conversation and false for every later delivery of the same id.
   */
  claim(conversationId: string, activityId: string, at: Date): Promise<boolean>;
  /** Deletes claims older than `before` (the store may not expire them by itself). Returns how many. */
  purgeOlderThan(before: Date): Promise<number>;
}
