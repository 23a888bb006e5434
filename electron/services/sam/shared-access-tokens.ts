import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { decodeJwtClaims } from './jwt-claims';

/**
 * Access tokens shared by every SAM Desk process on this computer (the window, each `sam-desk` call, the scheduler),
 * kept in the OS keychain, never in a file: one process redeems the refresh token and the others reuse its access
 * token until shortly before it expires, so ten CLI calls in a minute redeem once (and write one Key Vault version).
 *
 * Which token line an entry belongs to. A reconsent, a profile edit or a removal (the token service's forget()) must
 * stop every process from reusing an access token of the line it supersedes. Comparing an entry with the refresh
 * token the stores hold (by digest) would cost a Key Vault read per call for a Key Vault-only profile, and would turn
 * an entry away whenever automation elsewhere rotated the token within the same line. So each profile has a line id in
 * the keychain instead: a random id that forget() replaces. A redemption reads it before it reads the refresh token
 * (a token read after a reconsent's save is then never filed under the older line) and checks it again just before
 * it shares the access token (a redemption that a forget() overtook keeps its token to itself); a reader reuses an
 * entry only while its line is the current one. That costs two keychain reads per reuse and no network. A process
 * reusing a token it holds in memory checks the line too, but reads it at most once per `lineTiming.recheckMs` (a read
 * per call would slow a 50,000-customer sync, which asks for the token once a page): a forget() elsewhere reaches a
 * running window within that second.
 *
 * An entry is trusted only when everything checks out: the format, the profile, the resource, the scope asked for,
 * the tenant and app (in the entry and in the token's own claims), the line, and an expiry later than the margin and
 * not absurdly far away. Anything else (bad JSON, another shape, another profile's token, an expired one) is
 * ignored, and the next redemption overwrites it.
 */
const FORMAT = 'sam-desk.access-token.v1';
/** Entra's access tokens live about an hour, at most 28 hours (continuous access evaluation): a later expiry is not Entra's. */
const MAX_LIFETIME_MS = 28 * 3_600_000;
/** Resources besides Partner Center with a shared token per profile; beyond that each process keeps its own in memory. */
const MAX_SHARED_RESOURCES = 32;

const entrySchema = z
  .object({
    format: z.literal(FORMAT),
    profileId: z.string(),
    resource: z.string().nullable(),
    scope: z.string(),
    tenantId: z.string(),
    clientId: z.string(),
    line: z.string(),
    token: z.string().min(1),
    expiresOn: z.iso.datetime(),
    scopes: z.array(z.string()).max(200),
  })
  .strict();
const resourcesSchema = z.array(z.string().min(1)).max(MAX_SHARED_RESOURCES);

/** How long a line read from the keychain stands for the access tokens a process holds in memory. Tests shorten it. */
export const lineTiming = { recheckMs: 1_000 };

/** What an access token must have been redeemed for before anyone may reuse it. */
export interface AccessTokenBinding {
  readonly profileId: string;
  /** Undefined for Partner Center. */
  readonly resource: string | undefined;
  /** The scope the redemption asked Entra for. */
  readonly scope: string;
  readonly tenantId: string;
  readonly clientId: string;
}

export interface SharedAccessToken {
  readonly token: string;
  readonly expiresOn: Date;
  readonly scopes: readonly string[];
}

/** A shared access token as read, with the line it belongs to. */
export interface SharedAccessTokenEntry extends SharedAccessToken {
  readonly line: string;
}

const sameId = (value: unknown, expected: string): boolean => typeof value === 'string' && value.toLowerCase() === expected.toLowerCase();

function parseJson<T>(raw: string | null, schema: z.ZodType<T>): T | null {
  if (raw === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The token's own claims name the binding's tenant and app: a token that does not was not redeemed for it. */
function claimsMatch(token: string, binding: AccessTokenBinding): boolean {
  const claims = decodeJwtClaims(token);
  return sameId(claims.tid, binding.tenantId) && (sameId(claims.appid, binding.clientId) || sameId(claims.azp, binding.clientId));
}

async function sharedResources(vault: SecretVault, profileId: string): Promise<string[]> {
  return parseJson(await vault.get(secretAccounts.accessTokenResources(profileId)).catch(() => null), resourcesSchema) ?? [];
}

/** Every keychain account holding a part of the profile's shared access tokens: what removing the profile deletes. */
export async function sharedAccessTokenAccounts(vault: SecretVault, profileId: string): Promise<string[]> {
  const resources = await sharedResources(vault, profileId);
  return [
    secretAccounts.accessTokenLine(profileId),
    secretAccounts.accessToken(profileId),
    ...resources.map((resource) => secretAccounts.accessToken(profileId, resource)),
    secretAccounts.accessTokenResources(profileId),
  ];
}

export function createSharedAccessTokens(vault: SecretVault, now: () => Date) {
  const lineAccount = secretAccounts.accessTokenLine;
  /** The line as this process last read it, and when (performance.now()). */
  const seen = new Map<string, { readonly line: string | null; readonly at: number }>();
  const reading = new Map<string, Promise<string | null>>();
  const remember = (profileId: string, line: string | null): string | null => {
    seen.set(profileId, { line, at: performance.now() });
    return line;
  };

  /** Names the resource in the profile's list, so that removing the profile finds its token; false when the list is full. */
  async function listResource(profileId: string, resource: string): Promise<boolean> {
    const listed = await sharedResources(vault, profileId);
    if (listed.includes(resource)) return true;
    if (listed.length >= MAX_SHARED_RESOURCES) return false;
    await vault.set(secretAccounts.accessTokenResources(profileId), JSON.stringify([...listed, resource]));
    return true;
  }

  return {
    /** The profile's current line, begun when it has none; null when the keychain cannot be used (nothing is shared then). */
    async line(profileId: string): Promise<string | null> {
      try {
        const current = await vault.get(lineAccount(profileId));
        if (current) return remember(profileId, current);
        const begun = randomUUID();
        await vault.set(lineAccount(profileId), begun);
        return remember(profileId, begun);
      } catch {
        return remember(profileId, null);
      }
    },

    /** The current line for a token held in memory: as last read, if read within `lineTiming.recheckMs`; one read for concurrent callers. */
    async currentLine(profileId: string): Promise<string | null> {
      const last = seen.get(profileId);
      if (last && performance.now() - last.at < lineTiming.recheckMs) return last.line;
      const pending =
        reading.get(profileId) ??
        vault
          .get(lineAccount(profileId))
          .catch(() => null)
          .then((line) => remember(profileId, line))
          .finally(() => reading.delete(profileId));
      reading.set(profileId, pending);
      return pending;
    },

    /** The shared access token for the binding, if it is still of the current line and valid beyond the margin. */
    async read(binding: AccessTokenBinding, marginMs: number): Promise<SharedAccessTokenEntry | null> {
      const line = remember(binding.profileId, await vault.get(lineAccount(binding.profileId)).catch(() => null));
      if (!line) return null;
      const entry = parseJson(await vault.get(secretAccounts.accessToken(binding.profileId, binding.resource)).catch(() => null), entrySchema);
      if (!entry || entry.line !== line || entry.profileId !== binding.profileId || entry.resource !== (binding.resource ?? null) || entry.scope !== binding.scope) return null;
      if (!sameId(entry.tenantId, binding.tenantId) || !sameId(entry.clientId, binding.clientId) || !claimsMatch(entry.token, binding)) return null;
      const left = Date.parse(entry.expiresOn) - now().getTime();
      if (!(left > marginMs && left <= MAX_LIFETIME_MS)) return null;
      return { token: entry.token, expiresOn: new Date(entry.expiresOn), scopes: entry.scopes, line };
    },

    /** Shares a redeemed access token, unless the line moved on since `line` was read. Never throws: sharing only saves redemptions. */
    async write(binding: AccessTokenBinding, line: string, token: SharedAccessToken): Promise<void> {
      try {
        if ((await vault.get(lineAccount(binding.profileId))) !== line) return;
        if (binding.resource !== undefined && !(await listResource(binding.profileId, binding.resource))) return;
        const entry: z.infer<typeof entrySchema> = {
          format: FORMAT,
          profileId: binding.profileId,
          resource: binding.resource ?? null,
          scope: binding.scope,
          tenantId: binding.tenantId,
          clientId: binding.clientId,
          line,
          token: token.token,
          expiresOn: token.expiresOn.toISOString(),
          scopes: [...token.scopes],
        };
        await vault.set(secretAccounts.accessToken(binding.profileId, binding.resource), JSON.stringify(entry));
        // Two processes naming different resources at once may each write the list without the other's: name it again.
        if (binding.resource !== undefined) await listResource(binding.profileId, binding.resource);
      } catch {
        // Not shared: the next process redeems for itself.
      }
    },

    /** Drops one shared access token (its redemption just failed). Never throws. */
    async drop(profileId: string, resource: string | undefined): Promise<void> {
      await vault.delete(secretAccounts.accessToken(profileId, resource)).catch(() => false);
    },

    /**
     * Starts a new line and deletes the profile's shared access tokens: no process reuses one of the superseded line,
     * not even one a redemption still under way elsewhere writes afterwards. Never throws.
     */
    async forget(profileId: string): Promise<void> {
      seen.delete(profileId);
      await vault.set(lineAccount(profileId), randomUUID()).catch(() => undefined);
      const accounts = (await sharedAccessTokenAccounts(vault, profileId)).filter((account) => account !== lineAccount(profileId));
      await Promise.allSettled(accounts.map((account) => vault.delete(account)));
    },
  };
}

export type SharedAccessTokens = ReturnType<typeof createSharedAccessTokens>;
