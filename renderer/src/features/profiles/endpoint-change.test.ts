import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profiles/profile';
import { checkForm, formFromProfile, type EditorForm } from './editor-form';
import { endpointsChanged } from './endpoint-change';

/** A saved local-cloud profile as the editor opens it. */
const profile: Profile = {
  id: '0b6f3c2e-1d4a-4b5c-8d9e-0f1a2b3c4d5e',
  displayName: 'Contoso',
  tenant: '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b',
  tenantId: '7b0c1e2a-3f4d-4e5f-8a9b-0c1d2e3f4a5b',
  clientId: '0d2d7b3b-1111-4222-8333-444455556666',
  credential: { kind: 'secret' },
  keyVault: { vaultUrl: 'https://localhost:47302/', secretName: 'SAM', access: 'app' },
  keychain: true,
  redirectPort: 8400,
  cloud: { kind: 'custom', authorityHost: 'https://localhost:47301', partnerCenterUrl: 'https://localhost:47303', keyVaultSuffix: 'localhost:47302', graphUrl: 'https://localhost:47304' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const initial = formFromProfile(profile);
const edited = (change: Partial<EditorForm>): EditorForm => ({ ...initial, ...change });

describe('an edit of a profile with a stored client secret', () => {
  it('asks for the secret again when it points the profile at another sign-in host, tenant, app or service', () => {
    for (const change of [
      { authorityHost: 'https://login.attacker.example' },
      { tenant: 'fabrikam.onmicrosoft.com' },
      { clientId: '9d2d7b3b-1111-4222-8333-444455556666' },
      { partnerCenterUrl: 'https://api.attacker.example' },
      { graphUrl: 'https://graph.attacker.example' },
      { vaultUrl: 'https://localhost:47399/', keyVaultSuffix: 'localhost:47399' },
      { cloudKind: 'public' as const, storage: 'keychain' as const },
    ]) {
      expect(endpointsChanged(initial, edited(change)), JSON.stringify(change)).toBe(true);
      const checked = checkForm(edited(change), true, initial);
      expect(checked.ok ? [] : checked.errors.clientSecret, JSON.stringify(change)).toEqual([{ messageKey: 'profiles.validation.clientSecretRebind' }]);
      expect(checkForm(edited({ ...change, clientSecret: 'New~secret.value_abcdefghijklmnopqrstuvwxyz' }), true, initial)).toMatchObject({ ok: true, secrets: { clientSecret: 'New~secret.value_abcdefghijklmnopqrstuvwxyz' } });
    }
  });

  it('keeps the stored secret for anything else: a new name, port, secret name or Key Vault access, or Graph and Key Vault dropped', () => {
    for (const change of [{ displayName: 'Renamed' }, { portMode: 'any' as const }, { secretName: 'Other', keyVaultAccess: 'admin' as const }, { graphUrl: '', storage: 'keychain' as const }, { clientId: profile.clientId.toUpperCase() }]) {
      expect(endpointsChanged(initial, edited(change)), JSON.stringify(change)).toBe(false);
      expect(checkForm(edited(change), true, initial), JSON.stringify(change)).toMatchObject({ ok: true, secrets: {} });
    }
  });

  it('asks nothing of a new profile beyond its secret', () => {
    expect(checkForm(edited({ authorityHost: 'https://login.example.com' }), true)).toMatchObject({ ok: true });
  });
});
