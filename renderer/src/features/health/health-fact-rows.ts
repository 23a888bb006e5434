import { REFRESH_TOKEN_INACTIVITY_DAYS } from '../../../../shared/health/health-facts';
import { formatDateTime } from '../../../../shared/i18n/relative-time';
import type { HealthEntry } from '../../store/health-entries';
import { answerText, healthRow } from './health-row';
import type { Translate } from './translate';

/** One line of a profile's facts: what SAM Desk knows, and when it learned it (how stale it may be). */
export interface FactRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly learnedAt: string;
}

const DAY_MS = 86_400_000;

/** Every fact SAM Desk holds about the profile's token, in words; facts it has not learned are left out. */
export function factRows(entry: HealthEntry, t: Translate, language: string): FactRow[] {
  // Facts dated in the future are set aside by the assessment (its reason says so): they are not shown either.
  const setAside = new Set(entry.assessment.setAside);
  const facts = Object.fromEntries(Object.entries(entry.facts).filter(([name]) => !setAside.has(name))) as HealthEntry['facts'];
  const date = (iso: string | null): string => (iso === null ? t('health.values.unknown') : formatDateTime(iso, language));
  const rows: FactRow[] = [];
  const add = (key: string, label: string, value: string, learnedAt: string): void => void rows.push({ key, label, value, learnedAt });

  if (facts.stores) {
    const { value, at } = facts.stores;
    add('keyVault', t('health.details.keyVault'), t(`health.stores.${value.keyVault}`), at);
    add('keychain', t('health.details.keychain'), t(`health.stores.${value.keychain}`), at);
    add('keyVaultInSync', t('health.details.keyVaultInSync'), answerText(healthRow(entry).keyVaultInSync, t), at);
  }
  if (facts.keyVaultSecret) add('keyVaultSecret', t('health.details.keyVaultSecret'), keyVaultSecretText(facts.keyVaultSecret.value, t, date), facts.keyVaultSecret.at);
  const proven = entry.assessment.grantProvenAt;
  if (proven) add('grantProven', t('health.details.grantProven'), date(proven), proven);
  if (facts.tokenIssuedAt) add('issuedAt', t('health.details.issuedAt'), date(facts.tokenIssuedAt.value), facts.tokenIssuedAt.at);
  if (facts.lastRedemption) add('lastRedemption', t('health.details.lastRedemption'), date(facts.lastRedemption.value), facts.lastRedemption.at);
  const window = windowEnd(entry);
  const { daysLeft, state } = entry.assessment;
  // A token refused for good has no window to end: a date months ahead beside "dead" would only mislead.
  if (window && daysLeft !== null && !(state === 'dead' && daysLeft > 0)) {
    add('windowEnds', t('health.details.windowEnds'), t('health.details.windowEndsValue', { at: formatDateTime(window.end, language), days: daysLeft }), window.learnedAt);
  }
  if (facts.accessToken) {
    const { value, at } = facts.accessToken;
    add('admin', t('health.details.admin'), value.user ?? t('health.values.unknown'), at);
    add('mfa', t('health.details.mfa'), answerText(value.mfa === null ? 'unknown' : value.mfa ? 'yes' : 'no', t), at);
    add('scopes', t('health.details.scopes'), value.scopes.length > 0 ? value.scopes.join(' ') : t('health.values.none'), at);
    add('accessTokenExpires', t('health.details.accessTokenExpires'), date(value.expiresAt), at);
  }
  if (facts.partnerCenterProbe) {
    const { value, at } = facts.partnerCenterProbe;
    add('partnerCenter', t('health.details.partnerCenter'), value.ok ? t('health.details.probeOk') : t('health.details.probeFailed', { code: value.error }), at);
  }
  if (facts.credentialExpiry?.value) {
    const { value, at } = facts.credentialExpiry;
    const kind = t(`health.details.credentialKinds.${value.kind}`);
    // An expiry SAM Desk could not read (no Graph permission) is said as such, never shown as a date.
    const text = value.expiresAt !== null ? t('health.details.credentialValue', { kind, at: formatDateTime(value.expiresAt, language) }) : value.unknown ? t(`health.details.credentialUnknown.${value.unknown}`, { kind }) : t('health.values.unknown');
    add('credentialExpires', t('health.details.credentialExpires'), text, at);
  }
  if (facts.lastError) add('lastError', t('health.details.lastError'), t(`sam.errors.${facts.lastError.value.code}.message`, facts.lastError.value.detail), facts.lastError.at);
  if (facts.lastCheck) add('lastCheck', t('health.details.lastCheck'), t(`health.details.checkResults.${facts.lastCheck.value}`), facts.lastCheck.at);
  return rows;
}

/** The Key Vault secret as automation finds it, in words. */
function keyVaultSecretText(secret: NonNullable<HealthEntry['facts']['keyVaultSecret']>['value'], t: Translate, date: (iso: string | null) => string): string {
  switch (secret.status) {
    case 'current':
      return t('health.details.secretStates.current', { version: secret.version.slice(0, 8) });
    case 'missing':
      return t('health.details.secretStates.missing');
    case 'soft-deleted':
      return t('health.details.secretStates.soft-deleted', { deletedAt: date(secret.deletedAt), purgeAt: date(secret.purgeAt) });
    case 'disabled':
      return t('health.details.secretStates.disabled');
    case 'unreadable':
      return t('health.details.secretStates.unreadable', { code: secret.code });
  }
}

/** When the 90-day inactivity window ends: from the later of the issue and the last redemption, as main counts it. */
function windowEnd(entry: HealthEntry): { readonly end: string; readonly learnedAt: string } | null {
  let latest: { readonly value: string; readonly at: string } | null = null;
  for (const fact of [entry.facts.tokenIssuedAt, entry.facts.lastRedemption]) {
    if (fact && !Number.isNaN(Date.parse(fact.value)) && (latest === null || Date.parse(fact.value) > Date.parse(latest.value))) latest = fact;
  }
  if (latest === null) return null;
  return { end: new Date(Date.parse(latest.value) + REFRESH_TOKEN_INACTIVITY_DAYS * DAY_MS).toISOString(), learnedAt: latest.at };
}
