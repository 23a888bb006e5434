import { describe, expect, it } from 'vitest';
import { validateProfileInput, vaultUrlExample, vaultUrlFitsCloud, type CloudChoice } from './profile';

const local: CloudChoice = { kind: 'custom', authorityHost: 'https://localhost:47301', partnerCenterUrl: 'https://localhost:47303', keyVaultSuffix: 'localhost:47302' };

describe('vault URLs per cloud', () => {
  it.each<[string, CloudChoice, boolean]>([
    ['https://contoso-sam.vault.azure.net/', { kind: 'public' }, true],
    ['https://Contoso-SAM.Vault.Azure.Net', { kind: 'public' }, true],
    ['https://contoso-sam.vault.azure.net:443/', { kind: 'public' }, true],
    ['https://contoso-sam.vault.azure.net:8443/', { kind: 'public' }, false],
    ['https://contoso-sam.vault.usgovcloudapi.net/', { kind: 'usgov' }, true],
    ['https://contoso-sam.vault.azure.net/', { kind: 'usgov' }, false],
    ['https://contoso-sam.vault.azure.cn/', { kind: 'china' }, true],
    ['https://contoso-sam.vault.azure.net/secrets/x', { kind: 'public' }, false],
    ['https://contoso-sam.vault.azure.net/?api-version=7.4', { kind: 'public' }, false],
    ['http://contoso-sam.vault.azure.net/', { kind: 'public' }, false],
    ['https://ab.vault.azure.net/', { kind: 'public' }, false],
    ['https://1contoso.vault.azure.net/', { kind: 'public' }, false],
    ['https://evil.example/contoso-sam.vault.azure.net/', { kind: 'public' }, false],
    ['https://contoso-sam.vault.azure.net.evil.example/', { kind: 'public' }, false],
    ['https://localhost:47302', local, true],
    ['https://localhost:47302/', local, true],
    ['https://localhost:47303/', local, false],
    ['https://localhost/', local, false],
  ])('%s in %o: %s', (url, cloud, fits) => {
    expect(vaultUrlFitsCloud(url, cloud)).toBe(fits);
  });

  it('shows the expected shape in the message', () => {
    expect(vaultUrlExample({ kind: 'china' })).toBe('https://<vault-name>.vault.azure.cn/');
    expect(vaultUrlExample(local)).toBe('https://localhost:47302/');
  });
});

describe('validateProfileInput', () => {
  const valid = {
    displayName: ' Contoso ',
    tenant: ' Contoso.OnMicrosoft.com ',
    clientId: '0D2D7B3B-1111-4222-8333-444455556666',
    credential: { kind: 'certificate', path: ' /keys/sam.pem ', thumbprint: 'ab:12:cd:34:ef:56:ab:12:cd:34:ef:56:ab:12:cd:34:ef:56:ab:12' },
    keyVault: { vaultUrl: ' https://Contoso-SAM.vault.azure.net ', secretName: ' SAM-Token ', access: 'admin' },
    keychain: false,
    redirectPort: 'any',
    cloud: { kind: 'public' },
    unknownMember: 'dropped',
  };

  it('returns the input normalized: trimmed, lower-case ids and hosts, bare thumbprint, vault origin', () => {
    expect(validateProfileInput(valid)).toEqual({
      ok: true,
      value: {
        displayName: 'Contoso',
        tenant: 'contoso.onmicrosoft.com',
        clientId: '0d2d7b3b-1111-4222-8333-444455556666',
        credential: { kind: 'certificate', path: '/keys/sam.pem', thumbprint: 'AB12CD34EF56AB12CD34EF56AB12CD34EF56AB12' },
        keyVault: { vaultUrl: 'https://contoso-sam.vault.azure.net/', secretName: 'SAM-Token', access: 'admin' },
        keychain: false,
        redirectPort: 'any',
        cloud: { kind: 'public' },
      },
    });
  });

  it('names every field of an empty object', () => {
    const result = validateProfileInput({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual(['displayName', 'tenant', 'clientId', 'credential.kind', 'keyVault', 'keychain', 'redirectPort', 'cloud.kind']);
  });
});
