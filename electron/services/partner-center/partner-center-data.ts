import { randomUUID } from 'node:crypto';
import type { Language } from '../../../shared/i18n/languages';
import type { CustomerRow, UserRow } from '../../../shared/partner-center/rows';
import type { CachedRows, SyncEvent } from '../../../shared/partner-center/sync-shapes';
import type { Profile } from '../../../shared/profiles/profile';
import type { SecretVault } from '../secrets/secret-vault';
import { classifyError } from '../sam/classify-error';
import type { TokenService } from '../sam/token-service';
import { removeProfileCaches } from './cache-files';
import { partnerCenterClientFor } from './client-for-profile';
import { createEncryptedCache, type EncryptedCache } from './encrypted-cache';
import type { PartnerCenterClientTiming } from './partner-center-client';
import { syncCustomers, syncUsersOfCustomer, type SyncProgress } from './partner-center-sync';
import { toCustomerRow, toUserRow } from './rows';

/**
 * A profile's Partner Center data for the window: what the encrypted offline cache holds (at once, with no network),
 * and a sync from Partner Center that streams page by page and replaces the cache when complete. One sync per
 * profile (customers) or per customer (users) at a time: a second request joins the running one.
 */
export type { CachedRows, SyncEvent };

export interface SyncStarted {
  readonly syncId: string;
  readonly alreadyRunning: boolean;
}

export interface PartnerCenterDataDeps {
  readonly userDataDirectory: string;
  readonly vault: SecretVault;
  readonly tokens: TokenService;
  readonly getProfile: (id: string) => Promise<Profile>;
  readonly now: () => Date;
  readonly defaultLanguage: Language;
  /** Partner Center request timeouts and retries; the client's defaults when absent (tests shorten them). */
  readonly clientTiming?: PartnerCenterClientTiming;
}

const locales: Record<Language, string> = { en: 'en-US', sv: 'sv-SE' };
const usersCacheName = (customerId: string): string => `users-${customerId.toLowerCase()}`;

export function createPartnerCenterData(deps: PartnerCenterDataDeps) {
  const running = new Map<string, { readonly syncId: string; readonly controller: AbortController }>();
  const cacheOf = (profileId: string, name: string): EncryptedCache => createEncryptedCache({ directory: deps.userDataDirectory, vault: deps.vault, profileId, name, now: deps.now });

  async function cached<T>(profileId: string, name: string): Promise<CachedRows<T>> {
    try {
      const read = await cacheOf(profileId, name).read<T[]>();
      if (read.status !== 'ok') return read;
      return { status: 'ok', asOf: read.data.asOf, rows: Array.isArray(read.data.value) ? read.data.value : [] };
    } catch (error) {
      return { status: 'unavailable', error: classifyError(error).code };
    }
  }

  /** Starts `work` unless the same key is already syncing; its outcome becomes the last event. */
  function start<T>(key: string, emit: (event: SyncEvent<T>, syncId: string) => void, work: (signal: AbortSignal, onPage: (rows: readonly T[], progress: SyncProgress) => void) => Promise<{ loaded: number; cached: boolean }>): SyncStarted {
    const current = running.get(key);
    if (current) return { syncId: current.syncId, alreadyRunning: true };
    const syncId = randomUUID();
    const controller = new AbortController();
    running.set(key, { syncId, controller });
    const onPage = (rows: readonly T[], progress: SyncProgress): void => {
      // Partner Center's totalCount describes a page, not the listing; a total no larger than what arrived says nothing.
      const total = progress.total !== null && progress.total > progress.loaded ? progress.total : null;
      emit({ state: 'page', rows, loaded: progress.loaded, total }, syncId);
    };
    void work(controller.signal, onPage)
      .then(
        ({ loaded, cached: wasCached }) => emit({ state: 'done', loaded, asOf: deps.now().toISOString(), cached: wasCached }, syncId),
        (error: unknown) => {
          const failure = classifyError(error);
          emit(controller.signal.aborted || failure.code === 'cancelled' ? { state: 'cancelled' } : { state: 'failed', error: failure.code, detail: failure.detail }, syncId);
        },
      )
      .finally(() => running.delete(key));
    return { syncId, alreadyRunning: false };
  }

  /** Writes the cache when it can; a keychain that refuses loses the offline copy, never the sync. */
  async function writeQuietly(cache: EncryptedCache, rows: readonly unknown[]): Promise<boolean> {
    try {
      await cache.write(rows, deps.now());
      return true;
    } catch {
      return false;
    }
  }

  async function clientOf(profileId: string, language: Language | undefined) {
    const profile = await deps.getProfile(profileId);
    return partnerCenterClientFor(profile, deps, () => locales[language ?? deps.defaultLanguage], deps.clientTiming);
  }

  function cancel(key: string): boolean {
    const current = running.get(key);
    current?.controller.abort();
    return current !== undefined;
  }

  return {
    cachedCustomers: (profileId: string) => cached<CustomerRow>(profileId, 'customers'),
    cachedUsers: (profileId: string, customerId: string) => cached<UserRow>(profileId, usersCacheName(customerId)),

    /** Fails at once (profile-not-found) for an unknown profile; everything later arrives through `emit`. */
    async syncCustomers(profileId: string, language: Language | undefined, emit: (event: SyncEvent<CustomerRow>, syncId: string) => void): Promise<SyncStarted> {
      await deps.getProfile(profileId);
      return start<CustomerRow>(`customers:${profileId}`, emit, async (signal, onPage) => {
        const client = await clientOf(profileId, language);
        const rows = await syncCustomers<CustomerRow>({ client, signal, map: toCustomerRow, onPage, now: deps.now });
        return { loaded: rows.length, cached: await writeQuietly(cacheOf(profileId, 'customers'), rows) };
      });
    },
    async syncUsers(profileId: string, customerId: string, language: Language | undefined, emit: (event: SyncEvent<UserRow>, syncId: string) => void): Promise<SyncStarted> {
      await deps.getProfile(profileId);
      return start<UserRow>(`users:${profileId}:${customerId.toLowerCase()}`, emit, async (signal, onPage) => {
        const client = await clientOf(profileId, language);
        const rows = await syncUsersOfCustomer<UserRow>({ client, customerId, signal, map: toUserRow, onPage, now: deps.now });
        return { loaded: rows.length, cached: await writeQuietly(cacheOf(profileId, usersCacheName(customerId)), rows) };
      });
    },
    cancelCustomers: (profileId: string) => cancel(`customers:${profileId}`),
    cancelUsers: (profileId: string, customerId: string) => cancel(`users:${profileId}:${customerId.toLowerCase()}`),

    /** Stops the profile's syncs and deletes its cache files (the profile is being removed). */
    async forgetProfile(profileId: string): Promise<void> {
      for (const [key, sync] of running) if (key.includes(`:${profileId}`)) sync.controller.abort();
      await removeProfileCaches(deps.userDataDirectory, profileId);
    },
  };
}

export type PartnerCenterData = ReturnType<typeof createPartnerCenterData>;
