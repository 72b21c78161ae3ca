import type { Installation } from '../../rules/teams/installation';

const MAX_REMEMBERED = 10_000;

/**
 * The reference last written per conversation, so a turn whose reference has not changed costs no
 * write. Bounded; forgetting an entry only costs one extra write.
 */
export class InstallationWriteCache {
  private readonly lastWritten = new Map<string, string>();

  unchanged(installation: Installation): boolean {
    return this.lastWritten.get(key(installation.tenantId, installation.conversationId)) === fingerprint(installation);
  }

  remember(installation: Installation): void {
    const entry = key(installation.tenantId, installation.conversationId);
    this.lastWritten.delete(entry);
    this.lastWritten.set(entry, fingerprint(installation));
    if (this.lastWritten.size > MAX_REMEMBERED) {
      const oldest = this.lastWritten.keys().next().value;
      if (oldest !== undefined) this.lastWritten.delete(oldest);
    }
  }

  forget(tenantId: string, conversationId: string): void {
    this.lastWritten.delete(key(tenantId, conversationId));
  }
}

function key(tenantId: string, conversationId: string): string {
  return `${tenantId}\u0000${conversationId}`;
}

function fingerprint(installation: Installation): string {
  return JSON.stringify([installation.reference, installation.teamId ?? null]);
}

/** An installation as stored (either backend): absent optional fields may be null. */
export function toInstallation(stored: Installation): Installation {
  return {
    conversationId: stored.conversationId,
    tenantId: stored.tenantId,
    scope: stored.scope,
    teamId: stored.teamId ?? undefined,
    userId: stored.userId ?? undefined,
    reference: stored.reference,
    installedAt: stored.installedAt,
    updatedAt: stored.updatedAt,
  };
}
