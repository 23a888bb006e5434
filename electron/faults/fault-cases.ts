import type { SamErrorCode } from '../../shared/sam/error-codes';

/**
 * The fault matrix: every way the three Microsoft services SAM Desk depends on can misbehave, at each point the app
 * depends on them — consent (the authorization code exchange and the first Key Vault write), redemption (reading the
 * refresh token from Key Vault, redeeming it at Entra, saving its rotated successor) and listing (customers and users
 * from Partner Center, with the redemption in front of them). Each case is one fault rule (or a few) for the local
 * cloud's control API and what the window must then be told. fault-matrix.test.ts runs them through the composed app.
 *
 * Besides faults, the matrix holds the response shapes Microsoft documents or sends besides its examples (a UTF-8
 * byte-order mark, error codes as strings, Entra bodies without error_codes, links with the /v1 prefix) and the two
 * ways a Partner Center listing fails to end: each must be read as the example shape is, or end in a code.
 *
 * Pure data: product code never imports the emulators, so the rules are written as the control API's JSON bodies.
 * `{tenant}` in a path stands for the partner tenant's id.
 */
export type FaultService = 'entra' | 'keyvault' | 'partnercenter';
export type FaultPhase = 'consent' | 'refresh' | 'customers' | 'users';

/** A body for POST /faults on the control API. */
export interface FaultRuleBody {
  readonly service: FaultService;
  readonly path?: string;
  readonly method?: string;
  readonly bodyContains?: string;
  readonly skip?: number;
  readonly count?: number;
  readonly fault:
    | { readonly type: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
    | { readonly type: 'delay'; readonly ms: number }
    | { readonly type: 'reset' }
    | { readonly type: 'malformed-json' }
    | { readonly type: 'patch-json'; readonly set?: Readonly<Record<string, unknown>>; readonly remove?: readonly string[] }
    | { readonly type: 'huge-body'; readonly bytes: number }
    | { readonly type: 'byte-order-mark' };
}

/** A body for PATCH /settings on the control API: the response shapes the local cloud can answer in. */
export interface ShapeSettings {
  readonly partnerCenterErrorCode?: 'number' | 'string';
  readonly partnerCenterLinks?: 'relative' | 'v1';
  readonly partnerCenterPaging?: 'finite' | 'repeated-continuation' | 'endless';
}

/** The shapes the matrix starts every case from: Partner Center's documented examples. */
export const exampleShapes: Required<ShapeSettings> = { partnerCenterErrorCode: 'number', partnerCenterLinks: 'relative', partnerCenterPaging: 'finite' };

type StoreStatus = 'saved' | 'not-configured' | 'kept-as-fallback' | 'failed';

export interface FaultCase {
  readonly service: FaultService;
  readonly phase: FaultPhase;
  readonly fault: string;
  /** A profile that keeps its refresh token in Key Vault and the keychain (default), or in Key Vault only. */
  readonly profile?: 'both' | 'vault-only';
  readonly rules: readonly FaultRuleBody[];
  /** Response shapes set on the local cloud for this case (back to `exampleShapes` afterwards). */
  readonly settings?: ShapeSettings;
  /** How the operation ends: done (the fault was absorbed: retried, fallen back), or failed with this code. */
  readonly outcome: 'ok' | SamErrorCode;
  /** For a consent or redemption that succeeded: where the new refresh token went, and the code a failed store gave. */
  readonly saved?: { readonly keyVault: StoreStatus; readonly keychain: StoreStatus; readonly error?: SamErrorCode };
  /** For a redemption that succeeded: where the refresh token was read from. */
  readonly from?: 'key-vault' | 'keychain';
  /** A delayed request outlives the operation: how long to let it land before the stores are read. */
  readonly settleMs?: number;
}

const MB = 1024 * 1024;
const HUGE = 20 * MB;
const CODE = 'grant_type=authorization_code';
const REFRESH = 'grant_type=refresh_token';
const APP_SIGN_IN = 'grant_type=client_credentials';
/** What Entra answers when it throttles (AADSTS50196), with Retry-After. */
const entraThrottled = { type: 'status', status: 429, headers: { 'retry-after': '1' }, body: { error: 'temporarily_unavailable', error_description: 'AADSTS50196: The server terminated an operation because it encountered a client request loop.', error_codes: [50196] } } as const;
const keyVaultThrottled = { type: 'status', status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled', message: 'Request was not processed because too many requests were received.' } } } as const;
const partnerCenterThrottled = { type: 'status', status: 429, headers: { 'retry-after': '1' }, body: { code: 429, description: 'Rate limit is exceeded.' } } as const;
const BOM = { type: 'byte-order-mark' } as const;
/** Entra's refusal as its error reference shows it: the description's trace id, correlation id and timestamp on lines of their own. */
const aadstsBody = (code: number, message: string, withCodes = true) => ({
  error: 'invalid_grant',
  error_description: `AADSTS${String(code)}: ${message}\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-11-24 02:02:12Z`,
  ...(withCodes ? { error_codes: [code] } : {}),
  timestamp: '2026-11-24 02:02:12Z',
  trace_id: '0000aaaa-11bb-cccc-dd22-eeeeee333333',
  correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd',
});
/** Partner Center's MFA refusal with `code` typed as the error-code reference types it: a string. */
const partnerCenterNoMfaString = { type: 'status', status: 401, body: { code: '900421', description: 'Multi-factor authentication is required for App+User calls.', data: [], source: 'PartnerFD' } } as const;
/**
 * A request Entra holds well past the client's deadline (the matrix shortens it to 2.5 s): to the client it never
 * answers. The emulator handles it afterwards, as a hung service might; nobody is listening by then.
 */
const HUNG_MS = 6_000;
/** Enough uses to outlast every retry the clients make. */
const ALWAYS = 50;

const entraToken = (grant: string, fault: FaultRuleBody['fault'], count = 1): FaultRuleBody => ({ service: 'entra', method: 'POST', bodyContains: grant, count, fault });
const secretPut = (fault: FaultRuleBody['fault'], count = ALWAYS): FaultRuleBody => ({ service: 'keyvault', method: 'PUT', path: '/secrets/', count, fault });
const secretGet = (fault: FaultRuleBody['fault'], count = ALWAYS): FaultRuleBody => ({ service: 'keyvault', method: 'GET', path: '/secrets/', count, fault });
const customers = (fault: FaultRuleBody['fault'], count = ALWAYS, skip?: number): FaultRuleBody => ({ service: 'partnercenter', path: '/v1/customers', count, fault, ...(skip ? { skip } : {}) });
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

const both = { keyVault: 'saved', keychain: 'saved' } as const;

/** Key Vault's documented answers for a secret that is soft-deleted, disabled, or not writable by the identity. */
const secretSoftDeleted404 = { type: 'status', status: 404, body: { error: { code: 'SecretNotFound', message: 'A secret with (name/id) x was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command.' } } } as const;
const secretDeletedButRecoverable = { type: 'status', status: 409, body: { error: { code: 'Conflict', message: 'Secret x is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.', innererror: { code: 'ObjectIsDeletedButRecoverable' } } } } as const;
const secretDisabled = { type: 'status', status: 403, body: { error: { code: 'Forbidden', message: 'Operation get is not allowed on a disabled secret.', innererror: { code: 'SecretDisabled' } } } } as const;
const noSetPermission = { type: 'status', status: 403, body: { error: { code: 'Forbidden', message: "The user, group or application 'appid=x;oid=y' does not have secrets set permission on key vault 'v;location=westeurope'.", innererror: { code: 'AccessDenied' } } } } as const;

export const faultCases: readonly FaultCase[] = [
  // ── Entra ID during consent: the authorization code exchange ──
  { service: 'entra', phase: 'consent', fault: '500 with no body on the code exchange', rules: [entraToken(CODE, { type: 'status', status: 500 })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'consent', fault: '429 with Retry-After on the code exchange', rules: [entraToken(CODE, entraThrottled)], outcome: 'throttled' },
  { service: 'entra', phase: 'consent', fault: 'connection reset on the code exchange', rules: [entraToken(CODE, { type: 'reset' })], outcome: 'network' },
  { service: 'entra', phase: 'consent', fault: 'malformed JSON from the code exchange', rules: [entraToken(CODE, { type: 'malformed-json' })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'consent', fault: 'token answer whose access_token is a number', rules: [entraToken(CODE, { type: 'patch-json', set: { access_token: 12_345 } })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'consent', fault: 'token answer without a refresh_token', rules: [entraToken(CODE, { type: 'patch-json', remove: ['refresh_token'] })], outcome: 'no-refresh-token' },
  { service: 'entra', phase: 'consent', fault: '20 MB token answer', rules: [entraToken(CODE, { type: 'huge-body', bytes: HUGE })], outcome: 'ok', saved: both },
  { service: 'entra', phase: 'consent', fault: 'code exchange answered after 1.5 s', rules: [entraToken(CODE, { type: 'delay', ms: 1_500 })], outcome: 'ok', saved: both },
  { service: 'entra', phase: 'consent', fault: 'code exchange never answered (past the client deadline)', rules: [entraToken(CODE, { type: 'delay', ms: HUNG_MS })], outcome: 'network' },
  { service: 'entra', phase: 'consent', fault: '503 on OpenID discovery', rules: [{ service: 'entra', method: 'GET', path: '/{tenant}/v2.0/.well-known/openid-configuration', count: ALWAYS, fault: { type: 'status', status: 503 } }], outcome: 'network' },

  // ── Key Vault during consent: the first write of the refresh token ──
  { service: 'keyvault', phase: 'consent', fault: '500 on every secret write', rules: [secretPut({ type: 'status', status: 500 })], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-failed' } },
  { service: 'keyvault', phase: 'consent', fault: '429 with Retry-After on every secret write', rules: [secretPut(keyVaultThrottled)], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-throttled' } },
  { service: 'keyvault', phase: 'consent', fault: 'connection reset on every secret write', rules: [secretPut({ type: 'reset' })], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'network' } },
  { service: 'keyvault', phase: 'consent', fault: 'secret write answered after the client deadline', rules: [secretPut({ type: 'delay', ms: 2_500 }, 1)], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-failed' }, settleMs: 1_500 },
  { service: 'keyvault', phase: 'consent', fault: 'malformed JSON from every secret write', rules: [secretPut({ type: 'malformed-json' })], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-failed' } },
  { service: 'keyvault', phase: 'consent', fault: 'secret soft-deleted: 409 deleted-but-recoverable on the write', rules: [secretPut(secretDeletedButRecoverable)], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-secret-deleted' } },
  { service: 'keyvault', phase: 'consent', profile: 'vault-only', fault: '500 on every secret write, Key Vault-only profile', rules: [secretPut({ type: 'status', status: 500 })], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'kept-as-fallback', error: 'key-vault-failed' } },

  // ── Entra ID during redemption: the refresh token grant ──
  { service: 'entra', phase: 'refresh', fault: '500 with no body on the refresh grant', rules: [entraToken(REFRESH, { type: 'status', status: 500 })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'refresh', fault: '429 with Retry-After on the refresh grant', rules: [entraToken(REFRESH, entraThrottled)], outcome: 'throttled' },
  { service: 'entra', phase: 'refresh', fault: 'connection reset on the refresh grant', rules: [entraToken(REFRESH, { type: 'reset' })], outcome: 'network' },
  { service: 'entra', phase: 'refresh', fault: 'malformed JSON from the refresh grant', rules: [entraToken(REFRESH, { type: 'malformed-json' })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'refresh', fault: 'rotated answer whose access_token is a number', rules: [entraToken(REFRESH, { type: 'patch-json', set: { access_token: 12_345 } })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'refresh', fault: 'rotated answer whose refresh_token is a number', rules: [entraToken(REFRESH, { type: 'patch-json', set: { refresh_token: 12_345 } })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'refresh', fault: '20 MB rotated answer', rules: [entraToken(REFRESH, { type: 'huge-body', bytes: HUGE })], outcome: 'ok', saved: both, from: 'key-vault' },
  { service: 'entra', phase: 'refresh', fault: 'refresh grant answered after 1.5 s', rules: [entraToken(REFRESH, { type: 'delay', ms: 1_500 })], outcome: 'ok', saved: both, from: 'key-vault' },
  { service: 'entra', phase: 'refresh', fault: 'refresh grant never answered (past the client deadline)', rules: [entraToken(REFRESH, { type: 'delay', ms: HUNG_MS })], outcome: 'network' },

  // ── Key Vault during redemption: reading the token, saving its successor, the app's own sign-in ──
  { service: 'keyvault', phase: 'refresh', fault: '500 on every secret read', rules: [secretGet({ type: 'status', status: 500 })], outcome: 'ok', saved: both, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: '429 with Retry-After on every secret read', rules: [secretGet(keyVaultThrottled)], outcome: 'ok', saved: both, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: 'connection reset on every secret read', rules: [secretGet({ type: 'reset' })], outcome: 'ok', saved: both, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: 'secret read answered after the client deadline', rules: [secretGet({ type: 'delay', ms: 2_500 }, 1)], outcome: 'ok', saved: both, from: 'keychain', settleMs: 1_200 },
  { service: 'keyvault', phase: 'refresh', fault: 'malformed JSON from every secret read', rules: [secretGet({ type: 'malformed-json' })], outcome: 'ok', saved: both, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: 'secret with no value', rules: [secretGet({ type: 'patch-json', remove: ['value'] })], outcome: 'ok', saved: both, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: 'secret whose value is a number', rules: [secretGet({ type: 'patch-json', set: { value: 12_345 } })], outcome: 'ok', saved: both, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: '20 MB secret answer', rules: [secretGet({ type: 'huge-body', bytes: HUGE }, 1)], outcome: 'ok', saved: both, from: 'key-vault' },
  { service: 'keyvault', phase: 'refresh', fault: '500 on every write of the rotated token', rules: [secretPut({ type: 'status', status: 500 })], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-failed' }, from: 'key-vault' },
  { service: 'keyvault', phase: 'refresh', fault: '500 on the app’s own Key Vault sign-in', rules: [entraToken(APP_SIGN_IN, { type: 'status', status: 500 }, ALWAYS)], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-failed' }, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: 'secret soft-deleted: 404 on the read, 409 on the write', rules: [secretGet(secretSoftDeleted404), secretPut(secretDeletedButRecoverable)], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-secret-deleted' }, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: 'current version disabled: 403 SecretDisabled on the read', rules: [secretGet(secretDisabled)], outcome: 'ok', saved: both, from: 'keychain' },
  { service: 'keyvault', phase: 'refresh', fault: 'no set permission: 403 on the write of the rotated token', rules: [secretPut(noSetPermission)], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-forbidden' }, from: 'key-vault' },
  { service: 'keyvault', phase: 'refresh', profile: 'vault-only', fault: 'current version disabled, Key Vault-only profile', rules: [secretGet(secretDisabled)], outcome: 'key-vault-secret-disabled' },
  { service: 'keyvault', phase: 'refresh', profile: 'vault-only', fault: '500 on every secret read, Key Vault-only profile', rules: [secretGet({ type: 'status', status: 500 })], outcome: 'key-vault-failed' },
  { service: 'keyvault', phase: 'refresh', profile: 'vault-only', fault: '500 on every write of the rotated token, Key Vault-only profile', rules: [secretPut({ type: 'status', status: 500 })], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'kept-as-fallback', error: 'key-vault-failed' }, from: 'key-vault' },

  // ── Partner Center while listing customers (the redemption in front of it included) ──
  { service: 'partnercenter', phase: 'customers', fault: '503 twice, then answers', rules: [customers({ type: 'status', status: 503 }, 2)], outcome: 'ok' },
  { service: 'partnercenter', phase: 'customers', fault: '500 on every request', rules: [customers({ type: 'status', status: 500 })], outcome: 'partner-center-unavailable' },
  { service: 'partnercenter', phase: 'customers', fault: '429 with Retry-After once', rules: [customers(partnerCenterThrottled, 1)], outcome: 'ok' },
  { service: 'partnercenter', phase: 'customers', fault: '429 with Retry-After on every request', rules: [customers(partnerCenterThrottled)], outcome: 'throttled' },
  { service: 'partnercenter', phase: 'customers', fault: 'connection reset once', rules: [customers({ type: 'reset' }, 1)], outcome: 'ok' },
  { service: 'partnercenter', phase: 'customers', fault: 'connection reset on every request', rules: [customers({ type: 'reset' })], outcome: 'network' },
  { service: 'partnercenter', phase: 'customers', fault: 'a page answered after the client timeout, once', rules: [customers({ type: 'delay', ms: 1_500 }, 1)], outcome: 'ok', settleMs: 800 },
  { service: 'partnercenter', phase: 'customers', fault: 'every page answered after the client timeout', rules: [customers({ type: 'delay', ms: 1_500 }, 3)], outcome: 'partner-center-unavailable', settleMs: 800 },
  { service: 'partnercenter', phase: 'customers', fault: 'malformed JSON on every page', rules: [customers({ type: 'malformed-json' })], outcome: 'partner-center-bad-response' },
  { service: 'partnercenter', phase: 'customers', fault: 'a page whose items is an object', rules: [customers({ type: 'patch-json', set: { items: { id: 'not-a-list' } } }, 1)], outcome: 'partner-center-bad-response' },
  { service: 'partnercenter', phase: 'customers', fault: 'a page whose next link is a number', rules: [customers({ type: 'patch-json', set: { 'links.next.uri': 7 } }, 1)], outcome: 'partner-center-bad-response' },
  { service: 'partnercenter', phase: 'customers', fault: '500 on every request for the second page', rules: [customers({ type: 'status', status: 500 }, ALWAYS, 1)], outcome: 'partner-center-unavailable' },
  { service: 'partnercenter', phase: 'customers', fault: 'a 20 MB page', rules: [customers({ type: 'huge-body', bytes: HUGE }, 1)], outcome: 'ok' },
  { service: 'partnercenter', phase: 'customers', fault: '401 once (token refreshed and rotated mid-listing)', rules: [customers({ type: 'status', status: 401, body: { code: 401, description: 'token expired' } }, 1)], outcome: 'ok' },
  { service: 'entra', phase: 'customers', fault: '500 on the refresh grant before the listing', rules: [entraToken(REFRESH, { type: 'status', status: 500 })], outcome: 'identity-service-error' },
  { service: 'entra', phase: 'customers', fault: 'refresh grant answered after the token deadline', rules: [entraToken(REFRESH, { type: 'delay', ms: 3_500 })], outcome: 'network', settleMs: 1_500 },

  // ── Partner Center while listing a customer's users ──
  { service: 'partnercenter', phase: 'users', fault: '500 on every request', rules: [customers({ type: 'status', status: 500 })], outcome: 'partner-center-unavailable' },
  { service: 'partnercenter', phase: 'users', fault: '404 (relationship ended)', rules: [customers({ type: 'status', status: 404, body: { code: 600008, description: 'Customer not found' } })], outcome: 'partner-center-not-found' },
  { service: 'partnercenter', phase: 'users', fault: 'a page whose items is an object', rules: [customers({ type: 'patch-json', set: { items: {} } }, 1)], outcome: 'partner-center-bad-response' },
  { service: 'partnercenter', phase: 'users', fault: '429 with Retry-After once', rules: [customers(partnerCenterThrottled, 1)], outcome: 'ok' },

  // ── Microsoft's documented response shapes, and listings that do not end ──
  { service: 'entra', phase: 'consent', fault: 'code exchange answered after a UTF-8 byte-order mark', rules: [entraToken(CODE, BOM)], outcome: 'ok', saved: both },
  { service: 'entra', phase: 'refresh', fault: 'rotated answer after a UTF-8 byte-order mark', rules: [entraToken(REFRESH, BOM)], outcome: 'ok', saved: both, from: 'key-vault' },
  { service: 'entra', phase: 'refresh', fault: 'AADSTS70008 refusal as documented (\\r\\n between message, trace id, correlation id, timestamp)', rules: [entraToken(REFRESH, { type: 'status', status: 400, body: aadstsBody(70008, 'The provided authorization code or refresh token has expired due to inactivity.') })], outcome: 'grant-expired' },
  { service: 'entra', phase: 'refresh', fault: 'AADSTS50173 refusal without error_codes', rules: [entraToken(REFRESH, { type: 'status', status: 400, body: aadstsBody(50173, 'The provided grant has expired due to it being revoked.', false) })], outcome: 'grant-revoked' },
  { service: 'entra', phase: 'refresh', fault: 'AADSTS700082 refusal after a UTF-8 byte-order mark', rules: [entraToken(REFRESH, { type: 'status', status: 400, headers: JSON_TYPE, body: `\uFEFF${JSON.stringify(aadstsBody(700082, 'The refresh token has expired due to inactivity.'))}` })], outcome: 'refresh-token-expired' },
  { service: 'keyvault', phase: 'consent', fault: 'secret write answered after a UTF-8 byte-order mark', rules: [secretPut(BOM)], outcome: 'ok', saved: both },
  { service: 'keyvault', phase: 'refresh', fault: 'secret read answered after a UTF-8 byte-order mark', rules: [secretGet(BOM)], outcome: 'ok', saved: both, from: 'key-vault' },
  { service: 'keyvault', phase: 'refresh', fault: 'the app’s own Key Vault sign-in answered after a UTF-8 byte-order mark', rules: [entraToken(APP_SIGN_IN, BOM, ALWAYS)], outcome: 'ok', saved: both, from: 'key-vault' },
  { service: 'keyvault', phase: 'refresh', fault: '403 on every secret write, its body after a UTF-8 byte-order mark', rules: [secretPut({ type: 'status', status: 403, headers: JSON_TYPE, body: `\uFEFF${JSON.stringify({ error: { code: 'Forbidden', message: "The user, group or application 'appid=x' does not have secrets set permission on key vault 'v'." } })}` })], outcome: 'ok', saved: { keyVault: 'failed', keychain: 'saved', error: 'key-vault-forbidden' }, from: 'key-vault' },
  { service: 'partnercenter', phase: 'customers', fault: '401 without MFA whose code is the string "900421"', rules: [customers(partnerCenterNoMfaString)], outcome: 'partner-center-mfa-required' },
  { service: 'partnercenter', phase: 'customers', fault: 'every page after a UTF-8 byte-order mark', rules: [customers(BOM)], outcome: 'ok' },
  { service: 'partnercenter', phase: 'customers', fault: 'links with the /v1 prefix', settings: { partnerCenterLinks: 'v1' }, rules: [], outcome: 'ok' },
  { service: 'partnercenter', phase: 'customers', fault: 'every error code a string (a 429 once)', settings: { partnerCenterErrorCode: 'string' }, rules: [customers({ type: 'status', status: 429, headers: { 'retry-after': '1' }, body: { code: '429', description: 'Rate limit is exceeded.' } }, 1)], outcome: 'ok' },
  { service: 'partnercenter', phase: 'customers', fault: 'a continuation that repeats (the same next link and token)', settings: { partnerCenterPaging: 'repeated-continuation' }, rules: [], outcome: 'partner-center-endless-listing' },
  { service: 'partnercenter', phase: 'customers', fault: 'pages that never end', settings: { partnerCenterPaging: 'endless' }, rules: [], outcome: 'partner-center-endless-listing' },
  { service: 'partnercenter', phase: 'users', fault: '401 without MFA whose code is the string "900421"', rules: [customers(partnerCenterNoMfaString)], outcome: 'partner-center-mfa-required' },
  { service: 'partnercenter', phase: 'users', fault: 'pages that never end', settings: { partnerCenterPaging: 'endless' }, rules: [], outcome: 'partner-center-endless-listing' },
];
