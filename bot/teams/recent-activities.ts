/**
 * The activity ids this instance handled lately, bounded: the cheap first check against repeated
 * deliveries, which usually come back to the same instance within seconds.
 */
export class RecentActivities {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 20_000) {}

  /** True the first time a key is offered (while it is remembered), false after. */
  firstSighting(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  forget(key: string): void {
    this.seen.delete(key);
  }
}
