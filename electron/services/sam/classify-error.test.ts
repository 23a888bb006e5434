import { describe, expect, it } from 'vitest';
import { classifyError } from './classify-error';
import { keyVaultError } from './key-vault-store';
import { SamError } from './sam-error';

describe('classifying failures into codes a person can act on', () => {
  it('reads AADSTS numbers from msal errors, by error code list or message', () => {
    expect(classifyError({ errorCodes: ['700082'], errorMessage: 'whatever' }).code).toBe('refresh-token-expired');
    expect(classifyError({ errorMessage: 'AADSTS50173: The provided grant has expired' }).code).toBe('grant-revoked');
    expect(classifyError({ errorMessage: 'AADSTS99999: new' })).toMatchObject({ code: 'identity-service-error', detail: { aadsts: 99999 } });
  });

  it('reads the AADSTS number from each documented shape of an Entra error body', () => {
    const description = 'AADSTS50173: The provided grant has expired due to it being revoked.\r\nTrace ID: 0000aaaa-11bb\r\nCorrelation ID: aaaa0000-bb11\r\nTimestamp: 2016-01-09 02:02:12Z';
    // msal-node's ServerError, error_codes[0] as a number or a string, even when the description names no AADSTS.
    expect(classifyError({ name: 'ServerError', errorNo: 50173, errorMessage: 'Error(s): 50173 - Description: grant revoked' }).code).toBe('grant-revoked');
    expect(classifyError({ name: 'ServerError', errorNo: '700082', errorMessage: 'Error(s): 700082 - Description: expired' }).code).toBe('refresh-token-expired');
    // An older body without error_codes: the number from the description, whatever lines follow it.
    expect(classifyError({ name: 'ServerError', errorMessage: `Error(s): Not Available - Timestamp: Not Available - Description: ${description} - Correlation ID: x` })).toMatchObject({ code: 'grant-revoked', detail: { aadsts: 50173 } });
    // @azure/identity's AuthenticationError, whose list sits in errorResponse.
    expect(classifyError({ name: 'AuthenticationError', message: 'invalid_client Status code: 401', errorResponse: { error: 'invalid_client', errorDescription: 'The secret expired.', errorCodes: ['7000222'] } }).code).toBe('client-secret-expired');
    expect(keyVaultError({ name: 'AuthenticationError', message: 'invalid_grant', errorResponse: { errorDescription: description } }).code).toBe('grant-revoked');
  });

  it('recognises network failures, throttling, the keychain and msal state checks', () => {
    expect(classifyError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' })).code).toBe('network');
    expect(classifyError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } })).code).toBe('network');
    // msal-node's failed authority discovery: the sign-in host could not be reached (no network, host down).
    expect(classifyError({ name: 'ClientAuthError', errorCode: 'endpoints_resolution_error' }).code).toBe('network');
    expect(classifyError({ statusCode: 429 }).code).toBe('throttled');
    // Entra throttling as msal-node reports it: a ServerError with status 429, and AADSTS50196 or another number.
    expect(classifyError({ name: 'ServerError', status: 429, errorCodes: [50196] })).toMatchObject({ code: 'throttled', detail: { aadsts: 50196 } });
    expect(classifyError({ name: 'ServerError', status: 429, errorMessage: 'AADSTS90055: too many requests' })).toMatchObject({ code: 'throttled', detail: { aadsts: 90055 } });
    expect(classifyError(Object.assign(new Error('locked'), { code: 'keychain-unavailable' })).code).toBe('keychain-unavailable');
    expect(classifyError({ errorCode: 'nonce_mismatch' }).code).toBe('code-invalid');
  });

  it('keeps no exception text, and passes SamErrors through', () => {
    const mapped = classifyError(new Error('secret=abc123'));
    expect(mapped.message).toBe('identity-service-error');
    const original = new SamError('consent-timeout');
    expect(classifyError(original)).toBe(original);
  });

  it('names the Key Vault permission a 403 says is missing', () => {
    expect(keyVaultError({ statusCode: 403, message: "The user, group or application 'appid=x' does not have secrets set permission on key vault 'v'" })).toMatchObject({ code: 'key-vault-forbidden', detail: { permission: 'set' } });
    expect(keyVaultError({ statusCode: 404, code: 'SecretNotFound' })).toMatchObject({ code: 'key-vault-not-found', detail: { reason: 'secret' } });
    expect(keyVaultError({ statusCode: 500 }).code).toBe('key-vault-failed');
    expect(keyVaultError({ name: 'AbortError', message: 'The operation was aborted.' })).toMatchObject({ code: 'key-vault-failed', detail: { reason: 'timeout' } });
  });
});
