import { endpointsFor } from '../../../shared/profiles/clouds';
import { isGuid, type CloudChoice, type TenantLookupErrorKey } from '../../../shared/profiles/profile';

/**
 * Turns the partner tenant as typed into its tenant id. A GUID is the id (no network). A domain is looked up in
 * the OpenID configuration of the profile's cloud, `<authorityHost>/<domain>/v2.0/.well-known/openid-configuration`,
 * whose `issuer` is `<authorityHost>/<tenant id>/v2.0`. Entra answers an unknown tenant with HTTP 400 and
 * AADSTS90002. Every failure is a result with a message key naming the fix, never an exception.
 */
export type TenantLookupErrorCode = 'tenant-not-found' | 'wrong-cloud' | 'network' | 'timeout' | 'untrusted' | 'bad-answer';

export type TenantResolution =
  | { readonly ok: true; readonly tenantId: string }
  | {
      readonly ok: false;
      readonly code: TenantLookupErrorCode;
      readonly messageKey: `profiles.errors.${TenantLookupErrorKey}`;
      readonly values: Readonly<Record<string, string | number>>;
    };

export type ResolveTenant = (tenant: string, cloud: CloudChoice) => Promise<TenantResolution>;

export interface TenantResolverOptions {
  /** Defaults to the global fetch (Electron's main process and Node both have it). */
  readonly fetch?: typeof fetch;
  /** Per lookup; default 10 seconds. */
  readonly timeoutMs?: number;
}

const messageKeys: Readonly<Record<TenantLookupErrorCode, `profiles.errors.${TenantLookupErrorKey}`>> = {
  'tenant-not-found': 'profiles.errors.tenantNotFound',
  'wrong-cloud': 'profiles.errors.tenantWrongCloud',
  network: 'profiles.errors.tenantNetwork',
  timeout: 'profiles.errors.tenantTimeout',
  untrusted: 'profiles.errors.tenantUntrusted',
  'bad-answer': 'profiles.errors.tenantBadAnswer',
};

/** AADSTS90002: tenant not found; AADSTS900023: neither a valid tenant id nor a domain Entra knows. */
const TENANT_NOT_FOUND_CODES = new Set([90002, 900023]);

/** Entra's `cloud_instance_name` per known cloud: a public endpoint answers for a US Government tenant too, naming its cloud. */
const cloudInstances: Readonly<Record<Exclude<CloudChoice['kind'], 'custom'>, RegExp>> = {
  public: /^microsoftonline\.com$/i,
  usgov: /^microsoftonline\.us$/i,
  china: /microsoftonline\.cn$/i,
};

const TLS_ERRORS = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

export function createTenantResolver(options: TenantResolverOptions = {}): ResolveTenant {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  return async (tenant, cloud) => {
    const typed = tenant.trim().toLowerCase();
    if (isGuid(typed)) return { ok: true, tenantId: typed };

    const { authorityHost } = endpointsFor(cloud);
    const host = hostOf(authorityHost);
    const fail = (code: TenantLookupErrorCode, values: Readonly<Record<string, string | number>> = {}): TenantResolution => ({
      ok: false,
      code,
      messageKey: messageKeys[code],
      values: { tenant: typed, host, ...values },
    });

    let response: Response;
    let body: string;
    try {
      response = await fetchImpl(`${authorityHost}/${encodeURIComponent(typed)}/v2.0/.well-known/openid-configuration`, {
        headers: { accept: 'application/json' },
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      if (isTimeout(error)) return fail('timeout', { seconds: Math.ceil(timeoutMs / 1000) });
      if (TLS_ERRORS.has(causeCode(error) ?? '')) return fail('untrusted');
      return fail('network');
    }

    const json = parseJson(body);
    if (!response.ok) {
      const codes = (json as { error_codes?: unknown } | null)?.error_codes;
      const description = (json as { error_description?: unknown } | null)?.error_description;
      const aadsts = Array.isArray(codes) ? codes.map(Number) : typeof description === 'string' ? [...description.matchAll(/AADSTS(\d+)/g)].map((match) => Number(match[1])) : [];
      if ((response.status === 400 || response.status === 404) && aadsts.some((code) => TENANT_NOT_FOUND_CODES.has(code))) return fail('tenant-not-found');
      return fail('bad-answer', { status: response.status });
    }

    const tenantId = tenantIdFromIssuer((json as { issuer?: unknown } | null)?.issuer);
    if (tenantId === null) return fail('bad-answer', { status: response.status });
    const instance = (json as { cloud_instance_name?: unknown } | null)?.cloud_instance_name;
    if (cloud.kind !== 'custom' && typeof instance === 'string' && !cloudInstances[cloud.kind].test(instance)) return fail('wrong-cloud', { instance });
    return { ok: true, tenantId };
  };
}

/** The tenant GUID in an issuer such as https://login.microsoftonline.com/<guid>/v2.0. */
function tenantIdFromIssuer(issuer: unknown): string | null {
  if (typeof issuer !== 'string') return null;
  try {
    const segment = new URL(issuer).pathname.split('/').find((part) => part !== '');
    return segment !== undefined && isGuid(segment) ? segment.toLowerCase() : null;
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const causeName = (error as { cause?: { name?: unknown } } | null)?.cause?.name;
  return name === 'TimeoutError' || causeName === 'TimeoutError';
}

/** fetch wraps socket and TLS errors: TypeError('fetch failed') with the system error as its cause. */
function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
