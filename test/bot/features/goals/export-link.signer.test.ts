import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  ExportLinkSigner,
  exportLinkKey,
  type ExportLinkClaims,
} from '../../../../bot/features/goals/export-link.signer';

const AUDIT = { referenceKey: 'r'.repeat(40), developmentKey: false };
const NOW = new Date('2026-02-11T09:00:00Z');
const CLAIMS: ExportLinkClaims = {
  teamId: '19:jobklar@thread.tacv2',
  userId: 'aad-lea',
  period: { kind: 'week', from: { year: 2026, week: 7 }, to: { year: 2026, week: 7 } },
  expiresAt: new Date(NOW.getTime() + 15 * 60_000),
};

/** The token with its payload replaced by `change(payload)`, the signature kept. */
function withPayload(token: string, change: (payload: Record<string, unknown>) => Record<string, unknown>): string {
  const [payload = '', signature = ''] = token.split('.');
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${Buffer.from(JSON.stringify(change(decoded)), 'utf8').toString('base64url')}.${signature}`;
}

describe('ExportLinkSigner (links to the weekly report’s file)', () => {
  const signer = new ExportLinkSigner(exportLinkKey(AUDIT));
  const token = signer.sign(CLAIMS);

  it('when a link it signed comes back before its end, then its claims are read as signed', () => {
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/, 'URL-safe without encoding');
    assert.deepEqual(signer.verify(token, NOW), { kind: 'valid', claims: CLAIMS });
    const year = {
      ...CLAIMS,
      period: { kind: 'year' as const, from: { year: 2025, week: 1 }, to: { year: 2025, week: 52 } },
    };
    assert.deepEqual(signer.verify(signer.sign(year), NOW), { kind: 'valid', claims: year });
  });

  it('when the link’s end has come, then it is expired (a millisecond before, it is valid)', () => {
    assert.equal(signer.verify(token, new Date(CLAIMS.expiresAt.getTime() - 1)).kind, 'valid');
    assert.deepEqual(signer.verify(token, CLAIMS.expiresAt), { kind: 'expired' });
    assert.deepEqual(signer.verify(token, new Date(CLAIMS.expiresAt.getTime() + 3600_000)), { kind: 'expired' });
  });

  it('when the team, person, weeks or end in a link are changed, then the signature no longer fits and it is refused', () => {
    const changes: ((payload: Record<string, unknown>) => Record<string, unknown>)[] = [
      (payload) => ({ ...payload, t: '19:andet-team@thread.tacv2' }),
      (payload) => ({ ...payload, u: 'aad-mette' }),
      (payload) => ({ ...payload, f: '2026-W06', l: '2026-W06' }),
      (payload) => ({ ...payload, k: 'year' }),
      (payload) => ({ ...payload, e: Number(payload.e) + 86_400_000 }),
    ];
    for (const change of changes) {
      assert.deepEqual(signer.verify(withPayload(token, change), NOW), { kind: 'refused', reason: 'signature' });
    }
    const [payload, signature = ''] = token.split('.');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    assert.deepEqual(signer.verify(`${payload}.${flipped}`, NOW), { kind: 'refused', reason: 'signature' });
  });

  it('when an expired link is changed to a later end, then it is refused, not expired', () => {
    const later = withPayload(token, (payload) => ({ ...payload, e: Number(payload.e) + 86_400_000 }));
    assert.equal(signer.verify(later, new Date(CLAIMS.expiresAt.getTime() + 60_000)).kind, 'refused');
  });

  it('when a link was signed with another key (another deployment, or the audit key itself), then it is refused', () => {
    const other = new ExportLinkSigner(exportLinkKey({ referenceKey: 's'.repeat(40), developmentKey: false }));
    assert.equal(other.verify(token, NOW).kind, 'refused');
    // The link key is derived: a MAC made with the audit key as it is does not pass.
    const [payload = ''] = token.split('.');
    const withAuditKey = createHmac('sha256', AUDIT.referenceKey)
      .update('jobcenter-bot/export-link/v1.')
      .update(payload)
      .digest('base64url');
    assert.equal(signer.verify(`${payload}.${withAuditKey}`, NOW).kind, 'refused');
  });

  it('when two instances share the audit key, then each checks the other’s links; local mode’s keys are per process', () => {
    assert.equal(new ExportLinkSigner(exportLinkKey(AUDIT)).verify(token, NOW).kind, 'valid');
    const local = { referenceKey: 'local-development-only-audit-reference-key', developmentKey: true };
    const first = new ExportLinkSigner(exportLinkKey(local));
    const second = new ExportLinkSigner(exportLinkKey(local));
    assert.equal(second.verify(first.sign(CLAIMS), NOW).kind, 'refused');
  });

  it('when the token is not one at all, then it is refused as malformed, without throwing', () => {
    for (const bad of [undefined, 42, '', 'abc', 'a.b', `${'x'.repeat(2000)}.${'y'.repeat(43)}`, `${token}.x`]) {
      assert.deepEqual(signer.verify(bad, NOW), { kind: 'refused', reason: 'malformed' }, String(bad).slice(0, 40));
    }
    // Signed, but not claims this version writes (a week that does not exist).
    const key = exportLinkKey(AUDIT);
    const payload = Buffer.from(
      JSON.stringify({ v: 1, t: 't', u: 'u', k: 'week', f: '2027-W53', l: '2027-W53', e: 1 }),
    ).toString('base64url');
    const mac = createHmac('sha256', key).update('jobcenter-bot/export-link/v1.').update(payload).digest('base64url');
    assert.deepEqual(signer.verify(`${payload}.${mac}`, NOW), { kind: 'refused', reason: 'malformed' });
  });
});
