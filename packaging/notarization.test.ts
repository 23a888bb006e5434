import { describe, expect, it } from 'vitest';
import { NotarizationConfigError, notarizationPlan } from './notarization';

describe('notarization from the environment', () => {
  it('is skipped, with the reason, when no credentials are set (a developer build)', () => {
    const plan = notarizationPlan({});
    expect(plan.notarize).toBe(false);
    expect(plan).toMatchObject({ reason: expect.stringContaining('APPLE_API_KEY') as unknown });
  });

  it('uses an App Store Connect API key first, then an Apple ID, then a keychain profile', () => {
    const apiKey = { APPLE_API_KEY: '/keys/AuthKey.p8', APPLE_API_KEY_ID: 'ABC123', APPLE_API_ISSUER: 'issuer-id' };
    const appleId = { APPLE_ID: 'release@contoso.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM1' };
    expect(notarizationPlan({ ...appleId, ...apiKey })).toEqual({ notarize: true, credentials: { kind: 'api-key', appleApiKey: '/keys/AuthKey.p8', appleApiKeyId: 'ABC123', appleApiIssuer: 'issuer-id' } });
    expect(notarizationPlan(appleId)).toEqual({ notarize: true, credentials: { kind: 'apple-id', appleId: 'release@contoso.com', appleIdPassword: 'abcd-efgh', teamId: 'TEAM1' } });
    expect(notarizationPlan({ APPLE_KEYCHAIN_PROFILE: 'sam-desk', APPLE_KEYCHAIN: 'build.keychain' })).toEqual({ notarize: true, credentials: { kind: 'keychain-profile', keychainProfile: 'sam-desk', keychain: 'build.keychain' } });
  });

  it('stops a build with half a set of credentials, naming what is missing', () => {
    expect(() => notarizationPlan({ APPLE_ID: 'release@contoso.com', APPLE_TEAM_ID: 'TEAM1' })).toThrow(NotarizationConfigError);
    expect(() => notarizationPlan({ APPLE_ID: 'release@contoso.com', APPLE_TEAM_ID: 'TEAM1' })).toThrow(/APPLE_APP_SPECIFIC_PASSWORD missing/);
    expect(() => notarizationPlan({ APPLE_API_KEY_ID: 'ABC123', APPLE_API_KEY: '  ' })).toThrow(/APPLE_API_KEY, APPLE_API_ISSUER missing/);
  });

  it('can be turned off explicitly for a local build on a release machine', () => {
    expect(notarizationPlan({ SAM_DESK_SKIP_NOTARIZE: '1', APPLE_ID: 'x' })).toEqual({ notarize: false, reason: 'SAM_DESK_SKIP_NOTARIZE=1' });
  });
});
