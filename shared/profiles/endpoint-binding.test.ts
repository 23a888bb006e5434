import { describe, expect, it } from 'vitest';
import { bindingOf, isOnOrigins, signInOrigins, unboundFields, type BindingSource } from './endpoint-binding';

const TENANT = '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b';
const CLIENT = '0d2d7b3b-1111-4222-8333-444455556666';
const custom = (change: Record<string, string> = {}): BindingSource['cloud'] => ({
  kind: 'custom',
  authorityHost: 'https://login.example.com',
  partnerCenterUrl: 'https://pc.example.com',
  keyVaultSuffix: 'vault.example.com',
  graphUrl: 'https://graph.example.com',
  ...change,
});
const source = (change: Partial<BindingSource> = {}): BindingSource => ({ tenantId: TENANT, clientId: CLIENT, cloud: custom(), keyVault: { vaultUrl: 'https://contoso.vault.example.com/', secretName: 'rt', access: 'app' }, ...change });

describe('an endpoint binding', () => {
  it("is a known cloud's endpoints, or a custom cloud's as typed, normalized so the same address is the same binding", () => {
    expect(bindingOf(source({ cloud: { kind: 'public' }, keyVault: null, tenantId: TENANT.toUpperCase() }))).toEqual({
      authorityHost: 'https://login.microsoftonline.com',
      tenantId: TENANT,
      clientId: CLIENT,
      partnerCenterUrl: 'https://api.partnercenter.microsoft.com',
      graphUrl: 'https://graph.microsoft.com',
      keyVaultUrl: null,
    });
    const typed = bindingOf(source({ cloud: custom({ authorityHost: 'HTTPS://Login.Example.com:443/', partnerCenterUrl: 'https://PC.example.com/', graphUrl: ' https://graph.example.com/ ' }) }));
    expect(typed).toEqual(bindingOf(source()));
    expect(bindingOf(source({ cloud: custom({ graphUrl: '' }) })).graphUrl).toBeNull();
  });

  it('is left by any other sign-in host, tenant, app, Partner Center, Graph or vault', () => {
    const bound = bindingOf(source());
    expect(unboundFields(bound, bound)).toEqual([]);
    expect(unboundFields(bound, bindingOf(source({ cloud: custom({ authorityHost: 'https://login.example.com:8443' }) })))).toEqual(['authorityHost']);
    expect(unboundFields(bound, bindingOf(source({ tenantId: CLIENT, clientId: TENANT })))).toEqual(['tenantId', 'clientId']);
    expect(unboundFields(bound, bindingOf(source({ cloud: custom({ partnerCenterUrl: 'https://pc.example.com/other', graphUrl: 'https://graph.example.net' }) })))).toEqual(['partnerCenterUrl', 'graphUrl']);
    expect(unboundFields(bound, bindingOf(source({ keyVault: { vaultUrl: 'https://fabrikam.vault.example.com/', secretName: 'rt', access: 'app' } })))).toEqual(['keyVaultUrl']);
    expect(unboundFields(bound, bindingOf(source({ cloud: { kind: 'public' }, keyVault: null })))).toEqual(['authorityHost', 'partnerCenterUrl', 'graphUrl']);
  });

  it('is not left by dropping Graph or Key Vault (nothing goes anywhere new), nor by taking the same one up again', () => {
    const bound = bindingOf(source());
    const without = bindingOf(source({ keyVault: null, cloud: custom({ graphUrl: '' }) }));
    expect(unboundFields(bound, without)).toEqual([]);
    expect(unboundFields(bound, bindingOf(source({ keyVault: { vaultUrl: 'https://contoso.vault.example.com', secretName: 'other-name', access: 'admin' } })))).toEqual([]);
    // A binding without them is left by adding either.
    expect(unboundFields(without, bound)).toEqual(['graphUrl', 'keyVaultUrl']);
  });
});

describe('the sign-in origins', () => {
  it("are a known cloud's host and Microsoft's aliases for it, or a custom host alone", () => {
    expect(signInOrigins('https://login.microsoftonline.com')).toContain('https://login.windows.net');
    expect(signInOrigins('https://login.chinacloudapi.cn/')).toEqual(['https://login.chinacloudapi.cn', 'https://login.partner.microsoftonline.cn']);
    expect(signInOrigins('https://localhost:47301')).toEqual(['https://localhost:47301']);
  });

  it('admit https addresses on them only, without user info', () => {
    const origins = signInOrigins('https://login.microsoftonline.com');
    expect(isOnOrigins('https://login.microsoftonline.com/tenant/oauth2/v2.0/authorize?x=1', origins)).toBe(true);
    expect(isOnOrigins('https://login.microsoft.com/tenant/oauth2/v2.0/token', origins)).toBe(true);
    for (const url of ['http://login.microsoftonline.com/', 'https://login.microsoftonline.com:8443/', 'https://user@login.microsoftonline.com/', 'https://login.microsoftonline.com.evil.example/', 'https://evil.example/?https://login.microsoftonline.com', 'not a url']) {
      expect(isOnOrigins(url, origins), url).toBe(false);
    }
  });
});
