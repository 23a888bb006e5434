import { localCloudProfileRecord } from '../../testing/local-cloud-profile';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RefreshGrant } from '../../../emulators/entra/entra-state';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { driveSignIn } from '../../../emulators/testing/sign-in-driver';
import type { Profile } from '../../../shared/profiles/profile';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import type { ConsentProgress } from './consent-steps';
import { createConsentService, type ConsentDeps } from './consent-service';
import { SamError } from './sam-error';
import { createTokenService, type AccessToken } from './token-service';

/**
 * Token redemption under concurrency, against the local Entra ID and Key Vault with the real msal-node and the real
 * keychain. Entra is watched from inside the emulator: every refresh token redeemed and every one issued is
 * recorded, and a refresh token is made single-use (a second redemption of the same token fails loudly instead of
 * silently succeeding, as Entra's grace period would let it).
 */
let cloud: LocalCloud;
let keychain: SecretVault;
const created: Profile[] = [];

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 31, customers: 3, maxUsersPerCustomer: 1 } });
  keychain = createKeychain(`SAM Desk concurrency test ${randomUUID()}`);
});
afterAll(() => cloud.close());

beforeEach(() => {
  cloud.state.reset();
  cloud.entra.reset();
  cloud.keyVault.reset();
});
afterEach(async () => {
  unwatch();
  for (const profile of created.splice(0)) for (const account of Object.values(secretAccounts)) await keychain.delete(account(profile.id));
});

const refreshAccount = (profile: Profile): string => secretAccounts.refreshToken(profile.id);

/** The test's keychain, with some of its operations replaced to act mid-redemption. */
const keychainWith = (overrides: Partial<SecretVault>): SecretVault => ({
  get: (account) => keychain.get(account),
  set: (account, value) => keychain.set(account, value),
  delete: (account) => keychain.delete(account),
  ...overrides,
});

/** A consent service for one profile, the MFA admin signing in; `storeInTurn` as sam-desk-services wires it. */
const consentServiceFor = (profile: Profile, vault: SecretVault = keychain, storeInTurn?: ConsentDeps['storeInTurn']) =>
  createConsentService({ getProfile: async () => profile, vault, now: () => new Date(), pages: { success: 'ok', failure: 'no' }, openBrowser: signInAs(), ...(storeInTurn ? { storeInTurn } : {}) });

async function newProfile(name: string, secretName: string): Promise<Profile> {
  const { world } = cloud.state;
  const profile: Profile = localCloudProfileRecord(cloud, { displayName: name, secretName: secretName });
  created.push(profile);
  await keychain.set(secretAccounts.clientSecret(profile.id), world.app.clientSecret);
  return profile;
}

/** A profile with its own real consent: the admin signs in with MFA, the refresh token lands in Key Vault and the keychain. */
async function consentedProfile(name: string, secretName: string): Promise<Profile> {
  const profile = await newProfile(name, secretName);
  expect((await consentServiceFor(profile).consent(profile.id)).state).toBe('succeeded');
  return profile;
}

/** The browser: the MFA admin signs in and lands on the loopback redirect. */
function signInAs(): (url: string) => void {
  const admin = cloud.state.world.admins[0] ?? expect.fail('no admin');
  return (url) => void driveSignIn(url, { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode }).then(({ redirectedTo }) => fetch(redirectedTo));
}

interface EntraWatch {
  /** Refresh tokens presented to the token endpoint, in order. */
  readonly redeemed: string[];
  /** Refresh tokens Entra issued, in order. */
  readonly issued: string[];
  /** Refresh tokens presented a second time (refused: each is single-use here). */
  readonly doubleSpent: string[];
  /** Called as Entra looks a refresh token up, before it answers: lets a test act mid-redemption. */
  onRedeem: (token: string) => void;
  grant(token: string): RefreshGrant | undefined;
}

let unwatch: () => void = () => undefined;

/** Instruments the Entra emulator's refresh-token store (the token endpoint's only lookup of a refresh token). */
function watchEntra(): EntraWatch {
  const store = cloud.entra.refreshTokens;
  const lookup = (token: string): RefreshGrant | undefined => Map.prototype.get.call(store, token) as RefreshGrant | undefined;
  const spent = new Set<string>();
  const watch: EntraWatch = { redeemed: [], issued: [], doubleSpent: [], onRedeem: () => undefined, grant: lookup };
  Object.defineProperty(store, 'get', {
    configurable: true,
    value: (token: string): RefreshGrant | undefined => {
      watch.redeemed.push(token);
      watch.onRedeem(token);
      if (spent.has(token)) {
        watch.doubleSpent.push(token);
        return undefined;
      }
      spent.add(token);
      return lookup(token);
    },
  });
  const issue = cloud.entra.issueRefreshToken.bind(cloud.entra);
  cloud.entra.issueRefreshToken = (grant) => {
    const token = issue(grant);
    watch.issued.push(token);
    return token;
  };
  unwatch = () => {
    Reflect.deleteProperty(store, 'get');
    Reflect.deleteProperty(cloud.entra, 'issueRefreshToken');
    unwatch = () => undefined;
  };
  return watch;
}

/** The keychain, with every completed write of a profile's refresh token recorded (and a hook before each). */
function recordingVault(profile: Profile, beforeWrite: () => void = () => undefined): { vault: SecretVault; written: string[] } {
  const written: string[] = [];
  return {
    written,
    vault: keychainWith({
      set: async (account, value) => {
        if (account === refreshAccount(profile)) beforeWrite();
        await keychain.set(account, value);
        if (account === refreshAccount(profile)) written.push(value);
      },
    }),
  };
}

const callers = (count: number, acquire: () => Promise<AccessToken>): Array<Promise<AccessToken>> => Array.from({ length: count }, acquire);

describe('one profile, many callers', () => {
  it('3 generations × 100 concurrent callers: one redemption each, the successor saved to Key Vault and the keychain before any access token is handed out', async () => {
    const secretName = 'ConcurrencyGenerations';
    const profile = await consentedProfile('Generations', secretName);
    const watch = watchEntra();
    const { vault, written } = recordingVault(profile);
    let offsetMs = 0;
    const service = createTokenService({ getProfile: async () => profile, vault, now: () => new Date(Date.now() + offsetMs) });

    const generations: ReadonlyArray<{ name: string; prepare: () => void; forceRefresh: boolean }> = [
      { name: 'first use', prepare: () => undefined, forceRefresh: false },
      { name: 'forceRefresh (after a 401)', prepare: () => undefined, forceRefresh: true },
      // SAM Desk's clock past the access token's reuse window (60 minutes, less the 5-minute margin).
      { name: 'expiry', prepare: () => (offsetMs += 56 * 60_000), forceRefresh: false },
    ];
    let current = (await keychain.get(refreshAccount(profile))) ?? expect.fail('no refresh token after consent');
    const accessTokens = new Set<string>();
    for (const [index, generation] of generations.entries()) {
      generation.prepare();
      // What each caller could see of the stores at the instant it got its access token.
      const handedOut: Array<{ keyVault: string | undefined; keychain: string | undefined }> = [];
      const results = await Promise.all(
        callers(100, () =>
          service.acquire(profile.id, { forceRefresh: generation.forceRefresh }).then((token) => {
            handedOut.push({ keyVault: cloud.keyVault.latest(secretName), keychain: written.at(-1) });
            return token;
          }),
        ),
      );
      const successor = watch.issued.at(-1) ?? expect.fail('Entra issued nothing');
      expect(service.redemptionCount(profile.id), generation.name).toBe(index + 1);
      // Entra saw exactly one redemption for this generation, of exactly the token SAM Desk had stored.
      expect(watch.redeemed, generation.name).toHaveLength(index + 1);
      expect(watch.redeemed.at(-1), generation.name).toBe(current);
      expect(watch.issued, generation.name).toHaveLength(index + 1);
      expect(successor).not.toBe(current);
      expect(handedOut).toHaveLength(100);
      expect(new Set(handedOut.map((seen) => JSON.stringify(seen)))).toEqual(new Set([JSON.stringify({ keyVault: successor, keychain: successor })]));
      expect(new Set(results.map((result) => result.token)).size, generation.name).toBe(1);
      const [first] = results;
      expect(first?.saved, generation.name).toMatchObject({ keyVault: { status: 'saved' }, keychain: { status: 'saved' }, keyVaultRetryPending: false });
      expect(first?.refreshedFrom).toBe('key-vault');
      expect(accessTokens.has(first?.token ?? ''), generation.name).toBe(false);
      accessTokens.add(first?.token ?? '');
      expect(cloud.keyVault.versionCount(secretName), generation.name).toBe(index + 2);
      expect(await keychain.get(refreshAccount(profile))).toBe(successor);
      current = successor;
    }
    expect(watch.doubleSpent).toEqual([]);
    expect(written).toEqual(watch.issued);

    // Within the reuse window, another 100 callers are answered from memory.
    const fromMemory = await Promise.all(callers(100, () => service.acquire(profile.id)));
    expect(fromMemory.every((token) => token.refreshedFrom === 'memory' && token.token === [...accessTokens].at(-1))).toBe(true);
    expect(service.redemptionCount(profile.id)).toBe(3);
    expect(watch.redeemed).toHaveLength(3);
  });

  it('callers arriving at every stage of a redemption (Entra, the keychain write, the Key Vault write) share it', async () => {
    const secretName = 'ConcurrencyStages';
    const profile = await consentedProfile('Stages', secretName);
    const watch = watchEntra();
    const late: Array<Promise<AccessToken>> = [];
    const arrive = (forceRefresh: boolean): void => void late.push(...callers(25, () => service.acquire(profile.id, { forceRefresh })));
    const { vault } = recordingVault(profile, () => arrive(false));
    const service = createTokenService({ getProfile: async () => profile, vault, now: () => new Date() });
    watch.onRedeem = () => arrive(true);
    const keyVaultSet = cloud.keyVault.set.bind(cloud.keyVault);
    cloud.keyVault.set = (name, input, now) => {
      if (name === secretName) arrive(true);
      return keyVaultSet(name, input, now);
    };
    try {
      const first = await Promise.all(callers(25, () => service.acquire(profile.id)));
      expect(late).toHaveLength(75);
      const all = [...first, ...(await Promise.all(late))];
      expect(new Set(all.map((token) => token.token)).size).toBe(1);
      expect(service.redemptionCount(profile.id)).toBe(1);
      expect(watch.redeemed).toHaveLength(1);
      expect(watch.doubleSpent).toEqual([]);
      expect(cloud.keyVault.versionCount(secretName)).toBe(2);
      expect(cloud.keyVault.latest(secretName)).toBe(watch.issued[0]);
    } finally {
      Reflect.deleteProperty(cloud.keyVault, 'set');
    }
  });

  it('redemptions for different resources of one profile take turns: each redeems the token the previous one stored', async () => {
    const secretName = 'ConcurrencyResources';
    const profile = await consentedProfile('Resources', secretName);
    const consented = (await keychain.get(refreshAccount(profile))) ?? '';
    const watch = watchEntra();
    const service = createTokenService({ getProfile: async () => profile, vault: keychain, now: () => new Date() });
    // The same API named two ways is two cache entries, so two redemptions that must not race the rotation.
    const results = await Promise.all([...callers(50, () => service.acquire(profile.id)), ...callers(50, () => service.acquire(profile.id, { resource: 'https://api.partnercenter.microsoft.com/' }))]);
    expect(new Set(results.map((token) => token.token)).size).toBe(2);
    expect(service.redemptionCount(profile.id)).toBe(2);
    expect(watch.redeemed).toEqual([consented, watch.issued[0]]);
    expect(watch.doubleSpent).toEqual([]);
    expect(cloud.keyVault.latest(secretName)).toBe(watch.issued[1]);
    expect(await keychain.get(refreshAccount(profile))).toBe(watch.issued[1]);
    expect(cloud.keyVault.versionCount(secretName)).toBe(3);
  });
});

describe('a reconsent during a redemption', () => {
  it('wins: the older line’s successor is never stored over the reconsented token, nor its access token handed out', async () => {
    const profile = { ...(await newProfile('Reconsent race', 'unused')), keyVault: null };
    const consent = (): Promise<ConsentProgress> => consentServiceFor(profile).consent(profile.id);
    expect((await consent()).state).toBe('succeeded');
    const first = (await keychain.get(refreshAccount(profile))) ?? expect.fail('no refresh token');
    const watch = watchEntra();

    let raced = false;
    const vault = keychainWith({
      get: async (account) => {
        const value = await keychain.get(account);
        if (account === refreshAccount(profile) && !raced) {
          // The redemption has read the token; before it reaches Entra a reconsent that does not wait for this
          // process's token turn (another process: the CLI) stores a new token, and the profile's tokens are
          // forgotten, as storeNewLine does after a consent's save.
          raced = true;
          cloud.state.clock.advance(1);
          expect((await consent()).state).toBe('succeeded');
          await service.forget(profile.id);
        }
        return value;
      },
    });
    const service = createTokenService({ getProfile: async () => profile, vault, now: () => new Date() });
    const token = await service.acquire(profile.id);

    const reconsented = watch.issued[0] ?? expect.fail('the reconsent issued no refresh token');
    const stored = (await keychain.get(refreshAccount(profile))) ?? expect.fail('no refresh token');
    const lineOf = (refreshToken: string): number | undefined => watch.grant(refreshToken)?.authTime;
    expect(lineOf(reconsented)).not.toBe(lineOf(first));
    // The keychain holds the reconsent's line (its token, or that token's successor), never the older line's.
    expect(lineOf(stored)).toBe(lineOf(reconsented));
    // The access token handed out was issued with a refresh token of the reconsent's line.
    // (Entra answers access token, ID token, refresh token, in that order.)
    const answeredAt = cloud.entra.issued.indexOf(token.token);
    expect(answeredAt).toBeGreaterThanOrEqual(0);
    const issuedWith = cloud.entra.issued.slice(answeredAt).find((issued) => issued.startsWith('0.A')) ?? expect.fail('no refresh token in that answer');
    expect(lineOf(issuedWith)).toBe(lineOf(reconsented));
    expect(watch.doubleSpent).toEqual([]);
    expect((await service.acquire(profile.id)).token).toBe(token.token);
  });

  it('a reconsent that saves while a redemption past its lineage check is saving lands last: the stores keep the new line', async () => {
    const profile = { ...(await newProfile('Reconsent save race', 'unused')), keyVault: null };
    const consentWith = (vault: SecretVault): Promise<ConsentProgress> => consentServiceFor(profile, vault, (id, save) => service.storeNewLine(id, save)).consent(profile.id);
    expect((await consentServiceFor(profile).consent(profile.id)).state).toBe('succeeded');
    const watch = watchEntra();

    // The reconsent's own writes, watched: it has stored its token once its keychain write returned.
    let consentStored: () => void = () => undefined;
    const consentWrote = new Promise<void>((resolve) => (consentStored = resolve));
    const consentVault = keychainWith({
      set: async (account, value) => {
        await keychain.set(account, value);
        if (account === refreshAccount(profile)) consentStored();
      },
    });
    const race: { reconsent: Promise<ConsentProgress> | null } = { reconsent: null };
    // The redemption has its rotated token and passed its lineage check; as it writes, the admin's reconsent comes
    // back with a new token. Its write waits for the reconsent's save (or a second, if the reconsent waits for it).
    const redemptionVault = keychainWith({
      set: async (account, value) => {
        if (account === refreshAccount(profile) && race.reconsent === null) {
          cloud.state.clock.advance(1);
          race.reconsent = consentWith(consentVault);
          await Promise.race([consentWrote, new Promise((resolve) => setTimeout(resolve, 1_500))]);
        }
        await keychain.set(account, value);
      },
    });
    const service = createTokenService({ getProfile: async () => profile, vault: redemptionVault, now: () => new Date() });
    await service.acquire(profile.id);
    const reconsented = await (race.reconsent ?? expect.fail('the redemption wrote nothing'));
    expect(reconsented.state).toBe('succeeded');

    const lineOf = (refreshToken: string): number | undefined => watch.grant(refreshToken)?.authTime;
    // The redemption presented the older line's token first; the reconsent's token is the one issued on a new line.
    const reconsentToken = watch.issued.find((issued) => lineOf(issued) !== lineOf(watch.redeemed[0] ?? '')) ?? expect.fail('the reconsent issued no refresh token');
    expect(await keychain.get(refreshAccount(profile))).toBe(reconsentToken);
    // The older line's access token was forgotten with the save: the next caller redeems the new line.
    await service.acquire(profile.id);
    expect(lineOf(watch.redeemed.at(-1) ?? '')).toBe(lineOf(reconsentToken));
    expect(watch.doubleSpent).toEqual([]);
  });

  it('a profile removed during a redemption gets nothing written back: no orphaned refresh token in the keychain', async () => {
    const profile = { ...(await consentedProfile('Removed mid-flight', 'ConcurrencyRemoved')), keyVault: null };
    let removed = false;
    const vault = keychainWith({
      get: async (account) => {
        const value = await keychain.get(account);
        if (account === refreshAccount(profile) && !removed) {
          // What profiles.remove does meanwhile: forget the tokens, then delete the profile's secrets.
          removed = true;
          await service.forget(profile.id);
          for (const secret of Object.values(secretAccounts)) await keychain.delete(secret(profile.id));
        }
        return value;
      },
    });
    const service = createTokenService({ getProfile: async () => (removed ? Promise.reject(new SamError('profile-not-found')) : profile), vault, now: () => new Date() });
    await expect(service.acquire(profile.id)).rejects.toMatchObject({ code: 'profile-not-found' });
    expect(await keychain.get(refreshAccount(profile))).toBeNull();
  });
});

describe('many profiles', () => {
  it('20 profiles refreshed in parallel (10 callers each): one redemption per profile, each keeps its own token line, no cross-talk', async () => {
    const profiles: Profile[] = [];
    /** Each profile's sign-in time: Entra carries it from the consent into every successor, so it tells lines apart. */
    const line = new Map<string, number>();
    const before = new Map<string, string>();
    const lookup = (token: string): RefreshGrant | undefined => cloud.entra.refreshTokens.get(token);
    for (let index = 0; index < 20; index++) {
      cloud.state.clock.advance(1);
      const profile = await consentedProfile(`Partner ${String(index)}`, `ConcurrencyProfile${String(index)}`);
      const token = (await keychain.get(refreshAccount(profile))) ?? expect.fail('no refresh token after consent');
      line.set(profile.id, lookup(token)?.authTime ?? expect.fail('unknown to Entra'));
      before.set(profile.id, token);
      profiles.push(profile);
    }
    expect(new Set(line.values()).size).toBe(20);

    const watch = watchEntra();
    const byId = new Map(profiles.map((profile) => [profile.id, profile]));
    const service = createTokenService({ getProfile: async (id) => byId.get(id) ?? expect.fail(`unknown profile ${id}`), vault: keychain, now: () => new Date() });
    const results = await Promise.all(profiles.flatMap((profile) => callers(10, () => service.acquire(profile.id)).map(async (token) => ({ profile, token: await token }))));

    expect(watch.doubleSpent).toEqual([]);
    // Entra redeemed each profile's own consented token, once, and issued 20 successors.
    expect([...watch.redeemed].sort()).toEqual([...before.values()].sort());
    expect(watch.issued).toHaveLength(20);
    const after = new Map<string, string>();
    for (const profile of profiles) {
      const secretName = profile.keyVault?.secretName ?? '';
      expect(service.redemptionCount(profile.id), profile.displayName).toBe(1);
      const stored = (await keychain.get(refreshAccount(profile))) ?? expect.fail('no refresh token');
      expect(cloud.keyVault.latest(secretName), profile.displayName).toBe(stored);
      expect(cloud.keyVault.versionCount(secretName), profile.displayName).toBe(2);
      expect(stored, profile.displayName).not.toBe(before.get(profile.id));
      expect(watch.issued, profile.displayName).toContain(stored);
      // Its successor descends from its own consent, not from another profile's.
      expect(watch.grant(stored)?.authTime, profile.displayName).toBe(line.get(profile.id));
      after.set(profile.id, stored);
      const own = results.filter((result) => result.profile === profile).map((result) => result.token.token);
      expect(own).toHaveLength(10);
      expect(new Set(own).size, profile.displayName).toBe(1);
    }
    expect(new Set(after.values()).size).toBe(20);
    expect(new Set(results.map((result) => result.token.token)).size).toBe(20);
  });
});
