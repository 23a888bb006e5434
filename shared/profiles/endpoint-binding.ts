import { z } from 'zod';
import { endpointsFor } from './clouds';
import type { CloudChoice, KeyVaultTarget } from './profile';

/**
 * The places and the identity a profile's secrets and tokens are bound to: the sign-in host, tenant and app they
 * were entered or consented for, and the services their tokens go to (Partner Center, Microsoft Graph, Key Vault).
 * A client secret, a certificate password and a refresh token may only ever be used with the binding they were
 * stored under; editing a profile into other endpoints needs the secret to be entered again (profile-service.ts), and
 * main compares the binding with the profile right before each use (electron/services/sam/endpoint-binding.ts).
 *
 * URLs are kept normalized (lower-case origin, no trailing slash; a vault as its origin plus "/"), so that the same
 * address typed twice is the same binding.
 */
export interface EndpointBinding {
  /** The Entra authority's origin, e.g. https://login.microsoftonline.com. */
  readonly authorityHost: string;
  readonly tenantId: string;
  readonly clientId: string;
  /** Partner Center's API base without /v1. */
  readonly partnerCenterUrl: string;
  /** Microsoft Graph's base without /v1.0, or null: the profile reads nothing from Graph. */
  readonly graphUrl: string | null;
  /** The vault holding the refresh token, or null: the profile keeps it in the keychain only. */
  readonly keyVaultUrl: string | null;
}

export type BindingField = keyof EndpointBinding;

export const bindingFields: readonly BindingField[] = ['authorityHost', 'tenantId', 'clientId', 'partnerCenterUrl', 'graphUrl', 'keyVaultUrl'];

export const endpointBindingSchema = z.object({
  authorityHost: z.string(),
  tenantId: z.string(),
  clientId: z.string(),
  partnerCenterUrl: z.string(),
  graphUrl: z.string().nullable(),
  keyVaultUrl: z.string().nullable(),
});

/** What a binding is computed from: a saved profile (tenantId resolved), or a form's input with its tenant as typed. */
export interface BindingSource {
  readonly tenantId: string;
  readonly clientId: string;
  readonly cloud: CloudChoice;
  readonly keyVault: KeyVaultTarget | null;
}

/** An https address as origin + path, lower-case host, without a trailing slash; anything unparsable as given. */
function normalizedUrl(value: string): string {
  try {
    const url = new URL(value.trim());
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return value.trim();
  }
}

function normalizedOrigin(value: string): string {
  try {
    return new URL(value.trim()).origin;
  } catch {
    return value.trim();
  }
}

export function bindingOf(source: BindingSource): EndpointBinding {
  const endpoints = endpointsFor(source.cloud);
  return {
    authorityHost: normalizedOrigin(endpoints.authorityHost),
    tenantId: source.tenantId.trim().toLowerCase(),
    clientId: source.clientId.trim().toLowerCase(),
    partnerCenterUrl: normalizedUrl(endpoints.partnerCenterUrl),
    graphUrl: endpoints.graphUrl === null ? null : normalizedUrl(endpoints.graphUrl),
    keyVaultUrl: source.keyVault === null ? null : `${normalizedOrigin(source.keyVault.vaultUrl)}/`,
  };
}

/**
 * The fields in which `wanted` reaches beyond `bound`: a different sign-in host, tenant, app or Partner Center, or a
 * Graph or Key Vault address other than the bound one. Dropping Graph or Key Vault (null) sends nothing anywhere new,
 * so it stays within the binding; taking the same one up again does too. Empty: `wanted` is within `bound`.
 */
export function unboundFields(bound: EndpointBinding, wanted: EndpointBinding): BindingField[] {
  return bindingFields.filter((field) => {
    const value = wanted[field];
    if (value === null && (field === 'graphUrl' || field === 'keyVaultUrl')) return false;
    return value !== bound[field];
  });
}

/**
 * Microsoft's other names for a known cloud's sign-in host, as its instance-discovery metadata lists them (msal-node
 * ships the same list, and may send a token request to the preferred one): the same service, so a secret bound to one
 * may go to the others. A custom cloud's host has no aliases.
 */
const authorityAliases: readonly (readonly string[])[] = [
  ['https://login.microsoftonline.com', 'https://login.windows.net', 'https://login.microsoft.com', 'https://sts.windows.net'],
  ['https://login.microsoftonline.us', 'https://login.usgovcloudapi.net'],
  ['https://login.chinacloudapi.cn', 'https://login.partner.microsoftonline.cn'],
];

/** The origins a request to the bound sign-in host may go to: the host itself and its aliases. */
export function signInOrigins(authorityHost: string): readonly string[] {
  const origin = normalizedOrigin(authorityHost);
  return authorityAliases.find((aliases) => aliases.includes(origin)) ?? [origin];
}

/** True when `url` is an https address on one of `origins`, without user info. */
export function isOnOrigins(url: string, origins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && origins.includes(parsed.origin);
}
