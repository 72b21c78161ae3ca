/** Teams' send limits per conversation (architecture spec): 7 per second, 60 per 30 seconds. */
export const TEAMS_SEND_LIMITS: readonly { count: number; windowMs: number }[] = [
  { count: 7, windowMs: 1000 },
  { count: 60, windowMs: 30_000 },
];

/**
 * Paces sends per conversation so the bot stays under Teams' limits instead of relying on 429s.
 * `delayFor` says how long to wait before the next send; `record` notes a send.
 */
export class SendPacer {
  private readonly sent = new Map<string, number[]>();

  constructor(private readonly limits = TEAMS_SEND_LIMITS) {}

  /** Milliseconds to wait at `nowMs` before a send to this conversation is within every limit. */
  delayFor(conversationId: string, nowMs: number): number {
    const history = this.prune(conversationId, nowMs);
    let wait = 0;
    for (const { count, windowMs } of this.limits) {
      const inWindow = history.filter((at) => at > nowMs - windowMs);
      if (inWindow.length >= count) {
        const oldestThatMustExpire = inWindow[inWindow.length - count] ?? nowMs;
        wait = Math.max(wait, oldestThatMustExpire + windowMs - nowMs + 1);
      }
    }
    return wait;
  }

  record(conversationId: string, atMs: number): void {
    const history = this.sent.get(conversationId) ?? [];
    history.push(atMs);
    this.sent.set(conversationId, history);
  }

  private prune(conversationId: string, nowMs: number): number[] {
    const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
    const kept = (this.sent.get(conversationId) ?? []).filter((at) => at > nowMs - longest);
    if (kept.length === 0) this.sent.delete(conversationId);
    else this.sent.set(conversationId, kept);
    return kept;
  }
}
