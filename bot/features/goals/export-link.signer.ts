import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseWeekKey, weekKey } from '../../../rules/goals/iso-week';
import type { ExportPeriod } from '../../../rules/goals/report-export';
import type { AuditConfig } from '../../config/app-config';

/** What a link to the weekly report's file names: the team, its leader who asked, the weeks, and its end. */
export interface ExportLinkClaims {
  teamId: string;
  userId: string;
  period: ExportPeriod;
  expiresAt: Date;
}

export type ExportLinkVerdict =
  | { kind: 'valid'; claims: ExportLinkClaims }
  /** Not a token this bot signed with its key, or changed since: nothing in it is trusted. */
  | { kind: 'refused'; reason: 'malformed' | 'signature' }
  /** Signed by the bot, but past its end. */
  | { kind: 'expired' };

/** Separates these MACs from any other use of the key. */
const MAC_CONTEXT = 'jobcenter-bot/export-link/v1.';
const MAC_BYTES = 32;
/** Far longer than any link the bot makes (ids of a few dozen characters). */
const MAX_TOKEN_LENGTH = 1024;
const TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/u;
const MAX_ID_LENGTH = 200;

/**
 * The key of the links: derived (HKDF-SHA-256) from AUDIT_REFERENCE_KEY, so a deployment has one secret
 * and every instance signs and checks the same links, while a link's MAC says nothing about the audit
 * trail's key and the other way round. Local mode has no secret (its audit key is known to all): a random
 * key per process, so a link works only on the bot that made it, which is also the one it points at.
 */
export function exportLinkKey(audit: Pick<AuditConfig, 'referenceKey' | 'developmentKey'>): Buffer {
  if (audit.developmentKey) return randomBytes(MAC_BYTES);
  return Buffer.from(hkdfSync('sha256', audit.referenceKey, 'jobcenter-bot', 'export-link-v1', MAC_BYTES));
}

interface Payload {
  v: 1;
  t: string;
  u: string;
  k: ExportPeriod['kind'];
  f: string;
  l: string;
  e: number;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= MAX_ID_LENGTH;
}

/**
 * Signs and checks the links to the weekly report's file (`GET /exports/<token>`): an HMAC-SHA-256 over
 * the claims, which travel in the token (base64url JSON), so nothing about a link is stored. A token is a
 * bearer credential for minutes; the file is still refused when its leader no longer leads the team.
 */
export class ExportLinkSigner {
  constructor(private readonly key: Buffer) {}

  sign(claims: ExportLinkClaims): string {
    const payload: Payload = {
      v: 1,
      t: claims.teamId,
      u: claims.userId,
      k: claims.period.kind,
      f: weekKey(claims.period.from),
      l: weekKey(claims.period.to),
      e: claims.expiresAt.getTime(),
    };
    const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${encoded}.${this.mac(encoded).toString('base64url')}`;
  }

  verify(token: unknown, now: Date): ExportLinkVerdict {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { kind: 'refused', reason: 'malformed' };
    const match = TOKEN.exec(token);
    if (match === null) return { kind: 'refused', reason: 'malformed' };
    const [, encoded = '', signature = ''] = match;
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== MAC_BYTES || !timingSafeEqual(given, this.mac(encoded))) {
      return { kind: 'refused', reason: 'signature' };
    }
    const claims = this.claimsOf(encoded);
    if (claims === undefined) return { kind: 'refused', reason: 'malformed' };
    return now.getTime() >= claims.expiresAt.getTime() ? { kind: 'expired' } : { kind: 'valid', claims };
  }

  private mac(encoded: string): Buffer {
    return createHmac('sha256', this.key).update(MAC_CONTEXT).update(encoded).digest();
  }

  /** The claims of a signed payload; undefined when it is not one this version writes. */
  private claimsOf(encoded: string): ExportLinkClaims | undefined {
    let payload: Partial<Payload>;
    try {
      payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Payload>;
    } catch {
      return undefined;
    }
    if (typeof payload !== 'object' || payload === null || payload.v !== 1) return undefined;
    const from = typeof payload.f === 'string' ? parseWeekKey(payload.f) : undefined;
    const to = typeof payload.l === 'string' ? parseWeekKey(payload.l) : undefined;
    if (!isId(payload.t) || !isId(payload.u) || from === undefined || to === undefined) return undefined;
    if (payload.k !== 'week' && payload.k !== 'year') return undefined;
    if (typeof payload.e !== 'number' || !Number.isSafeInteger(payload.e)) return undefined;
    return {
      teamId: payload.t,
      userId: payload.u,
      period: { kind: payload.k, from, to },
      expiresAt: new Date(payload.e),
    };
  }
}
