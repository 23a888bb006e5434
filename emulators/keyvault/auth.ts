import { decodeJwt } from 'jose';
import type { CloudState, KeyVaultPermission } from '../core/cloud-state';
import { KEY_VAULT_APP_ID, KEY_VAULT_RESOURCE, type CloudEndpoints } from '../core/endpoints';
import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import { keyVaultError } from './errors';

/**
 * Key Vault's data-plane authentication and access-policy check.
 *
 * Every 401 carries the Bearer challenge: SecretClient sends its first request without a token on purpose, reads
 * `authorization` (the authority; the path's first segment is taken as the tenant) and `resource` (it asks for
 * `${resource}/.default`) from this header, then retries with a token. The header must be exactly
 * `Bearer authorization="…", resource="…"`: @azure/keyvault-common splits it on `, ` and strips the quotes.
 */
export interface Caller {
  readonly oid: string;
  readonly appid: string;
  readonly tid: string;
  readonly iss: string;
}

export type Authentication = { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly response: EmulatorResponse };

/** Tokens for the vault name it by URL (with or without the trailing slash) or by Key Vault's application id. */
const AUDIENCES = [KEY_VAULT_RESOURCE, `${KEY_VAULT_RESOURCE}/`, KEY_VAULT_APP_ID];

export function challengeHeader(endpoints: CloudEndpoints, tenantId: string): string {
  // Read at request time: the Entra origin is known only once its server listens.
  return `Bearer authorization="${endpoints.entra}/${tenantId}", resource="${KEY_VAULT_RESOURCE}"`;
}

export async function authenticate(request: EmulatorRequest, state: CloudState, endpoints: CloudEndpoints): Promise<Authentication> {
  const tenantId = state.world.partner.tenantId;
  const refuse = (message: string): Authentication => ({
    ok: false,
    response: keyVaultError(401, 'Unauthorized', message, undefined, { 'www-authenticate': challengeHeader(endpoints, tenantId) }),
  });

  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  const token = match?.[1];
  if (!token) return refuse('AKV10000: Request is missing a Bearer or PoP token.');

  const verdict = await state.keys.verify(token, AUDIENCES, state.clock.now());
  if (!verdict.ok) {
    switch (verdict.problem) {
      case 'expired':
        return refuse("[TokenExpired] Error validating token: 'S2S12086'.");
      case 'not-yet-valid':
        return refuse('[TokenNotYetValid] Error validating token: the token is not valid yet.');
      case 'audience':
        return refuse(`AKV10022: Invalid audience. Expected ${KEY_VAULT_RESOURCE}, found: ${audienceOf(token)}.`);
      case 'signature':
        return refuse('[InvalidSignature] Error validating token: the signature could not be verified.');
      case 'malformed':
        return refuse('[MalformedToken] Error validating token: the token could not be read.');
    }
  }

  const claims = verdict.claims;
  const tid = typeof claims.tid === 'string' ? claims.tid : '';
  const iss = typeof claims.iss === 'string' ? claims.iss : `https://sts.windows.net/${tid}/`;
  // A vault trusts only its own tenant; a token from another tenant fails as an issuer mismatch.
  if (tid !== tenantId) {
    return refuse(`AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${tenantId}/, found ${iss}.`);
  }
  const oid = typeof claims.oid === 'string' ? claims.oid : '';
  if (!oid) return refuse('[MissingClaim] Error validating token: the token names no principal (oid).');
  const appid = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : '';
  return { ok: true, caller: { oid, appid, tid, iss } };
}

/**
 * The vault's access policy: a principal the control API has not configured holds every permission; a configured
 * one holds exactly its set. The refusal names the missing permission the way the real service does.
 */
export function authorize(state: CloudState, caller: Caller, permission: KeyVaultPermission, endpoints: CloudEndpoints): EmulatorResponse | null {
  const granted = state.keyVaultPermissions.get(caller.oid);
  if (!granted || granted.has(permission)) return null;
  const vaultName = new URL(endpoints.keyVault).hostname.split('.')[0] ?? 'vault';
  return keyVaultError(
    403,
    'Forbidden',
    `The user, group or application 'appid=${caller.appid};oid=${caller.oid};iss=${caller.iss}' does not have secrets ${permission} permission on key vault '${vaultName};location=local'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    'AccessDenied',
  );
}

function audienceOf(token: string): string {
  try {
    const { aud } = decodeJwt(token);
    return Array.isArray(aud) ? aud.join(', ') : (aud ?? '(none)');
  } catch {
    return '(unreadable)';
  }
}
