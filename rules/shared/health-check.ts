/** Something whose health the bot reports on /healthz. */
export interface HealthCheck {
  readonly name: string;
  /** Resolves when healthy, rejects with the reason otherwise. */
  check(): Promise<void>;
}
