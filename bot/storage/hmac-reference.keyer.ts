import { createHmac } from 'node:crypto';
import type { ReferenceKeyer } from '../../rules/screening/case-reference';

/**
 * Case references keyed with HMAC-SHA-256 (the audit trail's subject keys). The key comes from the
 * configuration (AUDIT_REFERENCE_KEY), never from the database, so the trail cannot be turned back into
 * references by trying them. The team id is part of the message: the same reference in two teams has
 * two keys.
 */
export class HmacReferenceKeyer implements ReferenceKeyer {
  constructor(private readonly key: string) {}

  keyOf(teamId: string, reference: string): string {
    return createHmac('sha256', this.key).update(teamId).update('\u0000').update(reference).digest('base64url');
  }
}
