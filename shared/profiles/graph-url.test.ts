import { describe, expect, it } from 'vitest';
import { profileInputFromFlags } from '../../electron/cli/profile-flags';
import { checkForm, emptyForm, formFromProfile } from '../../renderer/src/features/profiles/editor-form';
import { endpointsFor } from './clouds';
import { validateProfileInput, type Profile } from './profile';

/** Microsoft Graph's URL per cloud: fixed for Microsoft's clouds, an optional field of a custom one. */
const custom = { kind: 'custom', authorityHost: 'https://login.example.com', partnerCenterUrl: 'https://api.example.com', keyVaultSuffix: 'vault.example.com' } as const;
const input = (cloud: unknown) => ({ displayName: 'Contoso', tenant: '7b0c1a2e-0000-4000-8000-000000000001', clientId: '0d2d7b3b-0000-4000-8000-000000000002', credential: { kind: 'secret' }, keyVault: null, keychain: true, redirectPort: 8400, cloud });

describe("Microsoft Graph's URL", () => {
  it("is Graph's own in Microsoft's clouds, and a custom cloud's own or none", () => {
    expect(endpointsFor({ kind: 'public' })).toMatchObject({ graphUrl: 'https://graph.microsoft.com', graphResource: 'https://graph.microsoft.com' });
    expect(endpointsFor({ kind: 'usgov' }).graphUrl).toBe('https://graph.microsoft.us');
    expect(endpointsFor({ kind: 'china' }).graphUrl).toBe('https://microsoftgraph.chinacloudapi.cn');
    expect(endpointsFor(custom).graphUrl).toBeNull();
    expect(endpointsFor({ ...custom, graphUrl: 'https://localhost:47304/' })).toMatchObject({ graphUrl: 'https://localhost:47304', graphResource: 'https://graph.microsoft.com' });
  });

  it('is optional in a custom cloud and checked like the Partner Center URL when given', () => {
    expect(validateProfileInput(input(custom)).ok).toBe(true);
    expect(validateProfileInput(input({ ...custom, graphUrl: 'https://graph.example.com' }))).toMatchObject({ ok: true, value: { cloud: { graphUrl: 'https://graph.example.com' } } });
    for (const graphUrl of ['http://graph.example.com', 'graph.example.com', 'https://graph.example.com?x=1', 42]) {
      expect(validateProfileInput(input({ ...custom, graphUrl })), String(graphUrl)).toEqual({ ok: false, errors: [{ field: 'cloud.graphUrl', messageKey: 'profiles.validation.graphUrl' }] });
    }
  });

  it('goes through the profile editor: left out when empty, its error shown under its field', () => {
    const form = { ...emptyForm, displayName: 'Contoso', tenant: 'contoso.onmicrosoft.com', clientId: '0d2d7b3b-0000-4000-8000-000000000002', clientSecret: 'a-secret-value', cloudKind: 'custom' as const, authorityHost: custom.authorityHost, partnerCenterUrl: custom.partnerCenterUrl, keyVaultSuffix: custom.keyVaultSuffix };
    const empty = checkForm(form, false);
    expect(empty.ok && (empty.input as Profile).cloud).toEqual(custom);
    const given = checkForm({ ...form, graphUrl: 'https://graph.example.com' }, false);
    expect(given.ok && (given.input as Profile).cloud).toEqual({ ...custom, graphUrl: 'https://graph.example.com' });
    expect(checkForm({ ...form, graphUrl: 'http://graph.example.com' }, false)).toEqual({ ok: false, errors: { graphUrl: [{ messageKey: 'profiles.validation.graphUrl' }] } });
    const saved: Profile = { ...(given.ok ? (given.input as Profile) : expect.fail('not valid')), id: '00000000-0000-4000-8000-000000000003', tenantId: '7b0c1a2e-0000-4000-8000-000000000001', createdAt: '', updatedAt: '' };
    expect(formFromProfile(saved).graphUrl).toBe('https://graph.example.com');
  });

  it('is kept by `sam-desk profile edit` unless --graph-url names another (or none)', () => {
    const base = { cloud: { ...custom, graphUrl: 'https://graph.example.com' } };
    expect((profileInputFromFlags(new Map([['name', 'x']]), base) as { cloud: unknown }).cloud).toEqual(base.cloud);
    expect((profileInputFromFlags(new Map([['graph-url', 'https://other.example.com']]), base) as { cloud: unknown }).cloud).toEqual({ ...custom, graphUrl: 'https://other.example.com' });
    expect((profileInputFromFlags(new Map([['graph-url', '']]), base) as { cloud: unknown }).cloud).toEqual(custom);
  });
});
