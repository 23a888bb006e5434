import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_HEADER } from '../../emulators/control/routes';
import { startLocalCloud, type LocalCloud } from '../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../emulators/testing/global-setup';
import { localCloudProfile } from '../../emulators/testing/profile-input';
import { followSignIn } from '../../emulators/testing/sign-in-driver';
import type { Envelope } from '../../shared/ipc/errors';
import { samEn } from '../../shared/i18n/sam-en';
import { samSv } from '../../shared/i18n/sam-sv';
import type { SamErrorCode } from '../../shared/sam/error-codes';
import { compose, type Composition } from '../compose';
import type { Logger } from '../services/logger';
import { createPartnerCenterData } from '../services/partner-center/partner-center-data';
import { keyVaultTiming } from '../services/sam/key-vault-store';
import { msalTiming } from '../services/sam/msal-network';
import { createSamDeskServices, type SamDeskServices } from '../services/sam-desk-services';
import { createKeychain } from '../services/secrets/keychain';
import { secretAccounts, type SecretVault } from '../services/secrets/secret-vault';
import { exampleShapes, faultCases, type FaultCase, type FaultRuleBody } from './fault-cases';

/**
 * The fault matrix (fault-cases.ts) through the app as the window gets it: the composed dispatcher over the real
 * services, msal-node, SecretClient, fetch and OS keychain, against the local Microsoft cloud bent by its control API.
 * After every case: the operation ended with a code that has a remedy (never `internal`), the app still answers, and
 * the refresh token held before the fault — or its rotated successor, in every store the profile uses — is still
 * there, and still redeems.
 */
const KEY_VAULT_DEADLINE_MS = 1_500;
/** Entra requests' deadline here: past the 1.5 s delays the matrix expects to be waited out, short of a hung one. */
const ENTRA_DEADLINE_MS = 2_500;
const CASE_BUDGET_MS = 8_000;
/** Partner Center's client with shorter timeouts and retries, and a page bound a never-ending listing reaches in a second. */
const clientTiming = { retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 1_000 }, timeoutMs: 800, tokenTimeoutMs: 2_500, maxPages: 20 };

type ProfileKind = 'both' | 'vault-only';
type Outcome = { readonly ok: true; readonly saved?: { keyVault: { status: string; error?: string }; keychain: { status: string; error?: string } } | null; readonly refreshedFrom?: string } | { readonly ok: false; readonly error: SamErrorCode; readonly detail: unknown };

let cloud: LocalCloud;
let keychain: SecretVault;
let services: SamDeskServices;
let composition: Composition;
const profiles = {} as Record<ProfileKind, { id: string; secretName: string }>;
const loggedErrors: string[] = [];
const listeners = new Set<(event: string, payload: unknown) => void>();
const results: Array<{ label: string; outcome: string; ms: number; survived: boolean }> = [];
const savedTiming = { ...keyVaultTiming };
const savedMsalTiming = { ...msalTiming };
let customerId = '';
let directory = '';

const logger: Logger = { info: () => undefined, warn: () => undefined, error: (event, fields) => loggedErrors.push(`${event} ${JSON.stringify(fields)}`) };
const dispatch = (method: string, request: unknown): Promise<Envelope> => composition.dispatch(method, request);

function control(path: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${cloud.endpoints.control}${path}`, { method, headers: { 'content-type': 'application/json', [CONTROL_HEADER]: '1' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function injectFault(rule: FaultRuleBody): Promise<void> {
  const withTenant = rule.path ? { ...rule, path: rule.path.replace('{tenant}', cloud.state.world.partner.tenantId) } : rule;
  const response = await control('/faults', 'POST', withTenant);
  expect(response.status, await response.clone().text()).toBe(201);
}

/** The first event (after now) that matches, or a failure after `timeoutMs`: a hang is a finding, not a wait. */
function nextEvent<T>(name: string, matches: (payload: T) => boolean, timeoutMs = CASE_BUDGET_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(`no ${name} within ${String(timeoutMs)} ms: the operation hangs`));
    }, timeoutMs);
    const listener = (event: string, payload: unknown): void => {
      if (event !== name || !matches(payload as T)) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve(payload as T);
    };
    listeners.add(listener);
  });
}

/** The handler's answer; never `internal`: every failure must reach the window as a code with a remedy. */
function value(envelope: Envelope): unknown {
  expect(envelope).toMatchObject({ ok: true });
  return (envelope as { ok: true; value: unknown }).value;
}

async function consent(profileId: string): Promise<Outcome> {
  const ended = nextEvent<{ profileId: string; state: string; saved?: unknown; error?: SamErrorCode; detail?: unknown }>('consent.progress', (event) => event.profileId === profileId && event.state !== 'step');
  expect(value(await dispatch('consent.start', { profileId, openBrowser: true }))).toEqual({ ok: true });
  const end = await ended;
  return end.state === 'succeeded' ? ({ ok: true, saved: end.saved } as Outcome) : { ok: false, error: end.error ?? 'cancelled', detail: end.detail };
}

async function sync(kind: 'customers' | 'users', profileId: string): Promise<Outcome> {
  const request = kind === 'customers' ? { profileId } : { profileId, customerId };
  let syncId = '';
  const ended = nextEvent<{ syncId: string; state: string; error?: SamErrorCode; detail?: unknown }>(`${kind}.progress`, (event) => event.syncId === syncId && event.state !== 'page');
  const started = value(await dispatch(`${kind}.sync`, request)) as { ok: boolean; syncId: string };
  expect(started).toMatchObject({ ok: true, alreadyRunning: false });
  syncId = started.syncId;
  const end = await ended;
  if (end.state === 'done') return { ok: true };
  return { ok: false, error: end.state === 'cancelled' ? 'cancelled' : (end.error ?? 'cancelled'), detail: end.detail };
}

async function operate(kase: FaultCase, profileId: string): Promise<Outcome> {
  // A fresh start of the window: no access token in memory, so every operation goes through a redemption.
  await services.tokens.forget(profileId);
  switch (kase.phase) {
    case 'consent':
      return consent(profileId);
    case 'refresh':
      return value(await dispatch('tokens.acquire', { profileId })) as Outcome;
    case 'customers':
    case 'users':
      return sync(kase.phase, profileId);
  }
}

interface Stores {
  readonly keychain: string | null;
  readonly keyVault: string | null;
  readonly versions: readonly string[];
}

async function stores(kind: ProfileKind): Promise<Stores> {
  const { id, secretName } = profiles[kind];
  const record = cloud.keyVault.secret(secretName, cloud.state.clock.nowSeconds());
  return { keychain: await keychain.get(secretAccounts.refreshToken(id)), keyVault: cloud.keyVault.latest(secretName) ?? null, versions: record?.versions.map((version) => version.value) ?? [] };
}

/** A refresh token Entra would still redeem. */
const redeemable = (token: string | null): boolean => token !== null && cloud.entra.refreshTokens.get(token)?.expired === false;

function expectRemedy(code: string): void {
  const key = code as SamErrorCode;
  expect(samEn.errors[key].remedy, `no remedy for ${code}`).not.toBe('');
  expect(samSv.errors[key].remedy, `no Swedish remedy for ${code}`).not.toBe('');
}

/**
 * The refresh token held before the fault is still in a store, or its successor is in every store the profile uses;
 * whatever a store holds is a token Entra still redeems (no garbage written over a good token).
 */
function expectNoTokenLost(kind: ProfileKind, before: Stores, after: Stores): void {
  const previous = before.keyVault ?? before.keychain;
  expect(previous).not.toBeNull();
  const held = [after.keychain, after.keyVault].filter((token): token is string => token !== null);
  expect(held.length, 'no store holds a refresh token').toBeGreaterThan(0);
  for (const token of held) expect(redeemable(token), 'a store holds a token Entra would not redeem').toBe(true);
  for (const version of after.versions) expect(version.startsWith('0.A'), 'a Key Vault version is not a refresh token').toBe(true);
  const previousKept = held.includes(previous ?? '');
  const successorEverywhere = after.keyVault !== null && (kind === 'vault-only' || after.keychain === after.keyVault);
  const show = (stores: Stores): string => `keychain ${stores.keychain?.slice(3, 9) ?? '-'}, Key Vault ${stores.keyVault?.slice(3, 9) ?? '-'} (${String(stores.versions.length)} versions)`;
  expect(previousKept || successorEverywhere, `neither the previous token nor its successor everywhere: before ${show(before)}, after ${show(after)}`).toBe(true);
}

/** Faults cleared: push a keychain-only token to Key Vault (the app's retry), then prove the token redeems. */
async function heal(kind: ProfileKind): Promise<void> {
  const { id } = profiles[kind];
  const now = await stores(kind);
  if (now.keychain !== null && now.keychain !== now.keyVault) expect(value(await dispatch('keyVault.retry', { profileId: id }))).toMatchObject({ ok: true });
  await services.tokens.forget(id);
  expect(value(await dispatch('tokens.acquire', { profileId: id }))).toMatchObject({ ok: true, refreshedFrom: 'key-vault', saved: { keyVault: { status: 'saved' } } });
  const healed = await stores(kind);
  expect(healed.keyVault).not.toBeNull();
  expect(healed.keychain).toBe(kind === 'both' ? healed.keyVault : null);
}

const cached = async (kind: 'customers' | 'users', profileId: string): Promise<unknown> => value(await dispatch(`${kind}.cached`, kind === 'customers' ? { profileId } : { profileId, customerId }));

beforeAll(async () => {
  Object.assign(keyVaultTiming, { deadlineMs: KEY_VAULT_DEADLINE_MS, maxRetries: 1, retryDelayMs: 50 });
  Object.assign(msalTiming, { requestTimeoutMs: ENTRA_DEADLINE_MS });
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 71, customers: 1_200, maxUsersPerCustomer: 40 } });
  keychain = createKeychain(`SAM Desk fault matrix ${randomUUID()}`);
  directory = mkdtempSync(join(tmpdir(), 'sam-desk-faults-'));
  const admin = cloud.state.world.admins[0] ?? expect.fail('no admin');
  const base = createSamDeskServices({
    userDataDirectory: directory,
    vault: keychain,
    // The admin's browser: walks the sign-in pages and lands on the loopback redirect.
    openBrowser: (url) => followSignIn(url, admin),
    now: () => new Date(),
    loopbackPages: { success: 'ok', failure: 'no' },
  });
  // The same services, with Partner Center's timeouts and retries shortened so the matrix runs in seconds.
  services = { ...base, partnerCenter: createPartnerCenterData({ userDataDirectory: directory, vault: keychain, tokens: base.tokens, getProfile: (id) => base.getProfile(id), now: base.now, defaultLanguage: 'en', clientTiming }) };
  composition = compose({ mode: 'browser', version: '0', platform: process.platform, cloud: 'local', isOnline: () => true, logger, services, healthSchedule: false });
  composition.bus.listen((event, payload) => {
    for (const listener of [...listeners]) listener(event, payload);
  });
  for (const kind of ['both', 'vault-only'] as const) {
    const secretName = kind === 'both' ? 'FaultMatrixRefreshToken' : 'FaultMatrixVaultOnly';
    const { input, secrets } = localCloudProfile(cloud, { displayName: `Fault matrix (${kind})`, keyVaultSecret: secretName });
    const created = value(await dispatch('profiles.create', { input: { ...input, keychain: kind === 'both' }, secrets })) as { ok: boolean; profile: { id: string } };
    expect(created.ok).toBe(true);
    profiles[kind] = { id: created.profile.id, secretName };
    const consented = await consent(created.profile.id);
    expect(consented, JSON.stringify(consented)).toMatchObject({ ok: true });
  }
  customerId = cloud.state.world.customerIdAt(0) ?? '';
  // A complete offline copy to begin with: a failed listing must leave it in place.
  for (const kind of ['customers', 'users'] as const) {
    const synced = await sync(kind, profiles.both.id);
    expect(synced, JSON.stringify(synced)).toEqual({ ok: true });
  }
}, 60_000);

afterAll(async () => {
  Object.assign(keyVaultTiming, savedTiming);
  Object.assign(msalTiming, savedMsalTiming);
  composition.dispose();
  for (const { id } of Object.values(profiles)) for (const account of Object.values(secretAccounts)) await keychain.delete(account(id));
  await cloud.close();
  rmSync(directory, { recursive: true, force: true });
  const survived = results.filter((result) => result.survived).length;
  const byService = new Map<string, number>();
  for (const result of results) byService.set(result.label.split(' ')[0] ?? '', (byService.get(result.label.split(' ')[0] ?? '') ?? 0) + 1);
  console.log(
    [
      `fault matrix: ${String(results.length)} cases, ${String(survived)} survived, tokens lost: ${String(results.length - survived)}`,
      ...[...byService].map(([service, count]) => `  ${service}: ${String(count)}`),
      ...results.map((result) => `  ${String(result.ms).padStart(5)} ms  ${result.label} → ${result.outcome}`),
    ].join('\n'),
  );
});

beforeEach(async () => {
  expect((await control('/faults', 'DELETE')).status).toBe(204);
  expect((await control('/settings', 'PATCH', exampleShapes)).status).toBe(200);
});

describe('the fault matrix', () => {
  it('has at least 30 cases over Entra ID, Key Vault and Partner Center, in consent, redemption and listing', () => {
    expect(faultCases.length).toBeGreaterThanOrEqual(30);
    for (const service of ['entra', 'keyvault', 'partnercenter'] as const) expect(faultCases.filter((kase) => kase.service === service).length).toBeGreaterThanOrEqual(10);
    for (const phase of ['consent', 'refresh', 'customers', 'users'] as const) expect(faultCases.some((kase) => kase.phase === phase)).toBe(true);
  });

  it.each(faultCases.map((kase) => [`${kase.service} ${kase.phase}: ${kase.fault}`, kase] as const))('%s', async (label, kase) => {
    const kind = kase.profile ?? 'both';
    const { id } = profiles[kind];
    const before = await stores(kind);
    const listing = kase.phase === 'customers' || kase.phase === 'users' ? kase.phase : null;
    const cacheBefore = listing ? await cached(listing, id) : null;
    for (const rule of kase.rules) await injectFault(rule);
    if (kase.settings) expect((await control('/settings', 'PATCH', kase.settings)).status).toBe(200);
    loggedErrors.length = 0;

    const started = performance.now();
    const outcome = await operate(kase, id);
    const ms = Math.round(performance.now() - started);

    // 1. The answer: done, or a code with a remedy (never `internal`, never a hang).
    expect(ms).toBeLessThan(CASE_BUDGET_MS);
    expect(loggedErrors).toEqual([]);
    if (kase.outcome === 'ok') {
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true });
    } else {
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, error: kase.outcome });
      expectRemedy(kase.outcome);
    }
    if (kase.saved) {
      expect(outcome).toMatchObject({ ok: true, saved: { keyVault: { status: kase.saved.keyVault, ...(kase.saved.error ? { error: kase.saved.error } : {}) }, keychain: { status: kase.saved.keychain } } });
      if (kase.saved.error) expectRemedy(kase.saved.error);
    }
    if (kase.from) expect(outcome).toMatchObject({ refreshedFrom: kase.from });

    // 2. The app still answers.
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, value: { name: 'SAM Desk' } });
    expect(await dispatch('health.list', {})).toMatchObject({ ok: true });

    // 3. No refresh token lost, once whatever the fault delayed has landed.
    if (kase.settleMs) await new Promise((resolve) => setTimeout(resolve, kase.settleMs));
    expect((await control('/faults', 'DELETE')).status).toBe(204);
    expect((await control('/settings', 'PATCH', exampleShapes)).status).toBe(200);
    const after = await stores(kind);
    expectNoTokenLost(kind, before, after);
    if (kase.saved?.keyVault === 'saved' && kase.saved.keychain === 'saved') {
      expect(after.keychain).toBe(after.keyVault);
      expect(after.keyVault).not.toBe(before.keyVault);
    }
    // A listing that failed leaves the last complete offline copy in place.
    if (listing && cacheBefore && !outcome.ok) expect(await cached(listing, id)).toEqual(cacheBefore);
    await heal(kind);

    results.push({ label, outcome: outcome.ok ? 'done' : outcome.error, ms, survived: true });
  });

  it('a consent cancelled while Entra holds the code exchange ends at once as cancelled, its tokens untouched', async () => {
    const { id } = profiles.both;
    const before = await stores('both');
    await injectFault({ service: 'entra', method: 'POST', bodyContains: 'grant_type=authorization_code', count: 1, fault: { type: 'delay', ms: 6_000 } });
    const exchanging = nextEvent<{ profileId: string; state: string; step?: string }>('consent.progress', (event) => event.profileId === id && event.step === 'exchanging-code');
    const ended = nextEvent<{ profileId: string; state: string; error?: string }>('consent.progress', (event) => event.profileId === id && event.state !== 'step');
    expect(value(await dispatch('consent.start', { profileId: id, openBrowser: true }))).toEqual({ ok: true });
    await exchanging;
    const cancelledAt = performance.now();
    expect(value(await dispatch('consent.cancel', { profileId: id }))).toEqual({ cancelled: true });
    expect(await ended).toMatchObject({ state: 'failed', error: 'consent-cancelled' });
    expect(performance.now() - cancelledAt).toBeLessThan(1_000);
    expect(await stores('both')).toEqual(before);
    await heal('both');
  });
});
