import { describe, expect, it } from 'vitest';
import { auditKinds } from '../audit/audit-event';
import { assessHealth } from '../health/assess-health';
import type { HealthFacts } from '../health/health-facts';
import { healthActions, healthReasons, healthStates, type HealthReason } from '../health/health-state';
import { healthEn } from './health-en';
import { healthSv } from './health-sv';
import { supportedLanguages } from './languages';
import { createTranslator } from './translator';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const at = '2025-05-31T12:00:00.000Z';
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const tables = { en: healthEn, sv: healthSv };

/**
 * Facts that between them produce every reason, so each sentence is rendered with the values the assessment really
 * gives it: a placeholder the assessment does not fill would show as raw {{name}}.
 */
const samples: readonly HealthFacts[] = [
  {
    profileId: 'a',
    stores: { value: { keyVault: 'unreadable', keychain: 'unreadable', sameToken: false }, at },
    tokenIssuedAt: { value: daysAgo(80), at },
    accessToken: { value: { user: null, mfa: false, audience: null, scopes: [], expiresAt: null }, at },
    partnerCenterProbe: { value: { ok: false, error: 'partner-center-denied' }, at },
    credentialExpiry: { value: { kind: 'secret', expiresAt: daysAgo(-3) }, at },
    lastError: { value: { code: 'client-secret-invalid', detail: {} }, at },
    lastCheck: { value: 'offline', at },
  },
  {
    profileId: 'b',
    stores: { value: { keyVault: 'absent', keychain: 'absent', sameToken: null }, at },
    credentialExpiry: { value: { kind: 'certificate', expiresAt: daysAgo(1) }, at },
    lastError: { value: { code: 'grant-revoked', detail: {} }, at },
  },
  { profileId: 'c', tokenIssuedAt: { value: daysAgo(100), at }, lastCheck: { value: 'complete', at } },
  ...(
    [
      { status: 'soft-deleted', deletedAt: at, purgeAt: daysAgo(-89) },
      { status: 'disabled', version: 'v1' },
      { status: 'missing' },
      { status: 'current', version: 'v1', notBefore: daysAgo(-2), expiresAt: daysAgo(1) },
      { status: 'unreadable', code: 'key-vault-forbidden', permission: 'get' },
    ] as const
  ).map(
    (secret): HealthFacts => ({
      profileId: 'd',
      stores: { value: { keyVault: 'absent', keychain: 'present', sameToken: null }, at },
      keyVaultSecret: { value: secret, at },
      keyVaultWriteFailed: { value: { code: 'key-vault-forbidden' }, at },
      lastCheck: { value: 'complete', at },
    }),
  ),
  { profileId: 'e', lastRedemption: { value: daysAgo(-30), at: daysAgo(-30) }, lastCheck: { value: 'complete', at } },
];

const reasonValues = new Map<HealthReason, Readonly<Record<string, string | number>>>();
for (const facts of samples) {
  for (const { reason, values } of assessHealth(facts, { now: NOW, expiringThresholdDays: 14 }).reasons) reasonValues.set(reason, values);
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();

/** Every leaf of a text tree, by dotted key. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else if (typeof value === 'object' && value !== null) for (const [inner, text] of leaves(value as object, `${prefix}${key}.`)) found.set(inner, text);
  }
  return found;
}

describe('token health texts', () => {
  it('samples every reason the assessment can give', () => {
    expect([...reasonValues.keys()].sort()).toEqual([...healthReasons].sort());
  });

  describe.each(supportedLanguages)('in %s', (language) => {
    const table = tables[language];
    const { t } = createTranslator(language);

    it('name and explain every state', () => {
      for (const state of healthStates) {
        expect(table.states[state].name.length, state).toBeGreaterThan(2);
        expect(table.states[state].explanation.length, state).toBeGreaterThan(20);
      }
      expect(Object.keys(table.states).sort()).toEqual([...healthStates].sort());
    });

    it('give every reason a sentence filled by the values the assessment gives it', () => {
      for (const reason of healthReasons) {
        const values = reasonValues.get(reason) ?? {};
        expect(placeholders(table.reasons[reason]), reason).toEqual(Object.keys(values).sort());
        const rendered = t(`health.reasons.${reason}`, values);
        expect(rendered, reason).toBe(table.reasons[reason].replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => String(values[name])));
        expect(rendered, reason).not.toContain('{{');
      }
      expect(Object.keys(table.reasons).sort()).toEqual([...healthReasons].sort());
    });

    it('label every action and every audit event kind', () => {
      for (const action of healthActions) expect(t(`health.actions.${action}`), action).toBe(table.actions[action]);
      for (const kind of auditKinds) expect(t(`health.audit.kinds.${kind}`), kind).toBe(table.audit.kinds[kind]);
      expect(Object.keys(table.actions).sort()).toEqual([...healthActions].sort());
    });
  });

  it('keep the same placeholders in Swedish as in English', () => {
    const english = leaves(healthEn);
    const swedish = leaves(healthSv);
    expect([...swedish.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) expect(placeholders(swedish.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
