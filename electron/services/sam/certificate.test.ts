import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../../emulators/testing/global-setup';
import { driveSignIn } from '../../../emulators/testing/sign-in-driver';
import type { Profile } from '../../../shared/profiles/profile';
import { createKeychain } from '../secrets/keychain';
import { secretAccounts } from '../secrets/secret-vault';
import { loadAppCredential } from './app-credential';
import { createConsentService } from './consent-service';
import { createSamDeskServices } from '../sam-desk-services';

/**
 * Certificate credentials, PEM and password-protected PFX, through the real msal-node client assertion against the
 * Entra emulator (which verifies the assertion's signature with the certificate registered on the app).
 */
let cloud: LocalCloud;
const keychain = createKeychain(`SAM Desk certificate test ${randomUUID()}`);
const directory = mkdtempSync(join(tmpdir(), 'sam-desk-cert-'));
let thumbprint = '';

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 3, customers: 1, maxUsersPerCustomer: 1 } });
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 86_400_000);
  certificate.setSubject([{ name: 'commonName', value: 'SAM Desk test app' }]);
  certificate.setIssuer([{ name: 'commonName', value: 'SAM Desk test app' }]);
  certificate.sign(key, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(certificate);
  writeFileSync(join(directory, 'app.pem'), `${certificatePem}${forge.pki.privateKeyToPem(key)}`);
  const pfx = forge.pkcs12.toPkcs12Asn1(key, [certificate], 'pfx-password', { algorithm: '3des' });
  writeFileSync(join(directory, 'app.pfx'), Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary'));
  thumbprint = createHash('sha1').update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')).digest('hex');
  cloud.entra.certificates.push(certificatePem);
});
afterAll(() => cloud.close());

function certificateProfile(file: string, print = thumbprint): Profile {
  const { world } = cloud.state;
  return {
    id: randomUUID(),
    displayName: 'Certificate profile',
    tenant: world.partner.tenantId,
    tenantId: world.partner.tenantId,
    clientId: world.app.clientId,
    credential: { kind: 'certificate', path: join(directory, file), thumbprint: print },
    keyVault: null,
    keychain: true,
    redirectPort: 'any',
    cloud: { kind: 'custom', authorityHost: cloud.endpoints.entra, partnerCenterUrl: cloud.endpoints.partnerCenter, keyVaultSuffix: new URL(cloud.endpoints.keyVault).host },
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
}

async function consentWith(profile: Profile) {
  const admin = cloud.state.world.admins[0] ?? expect.fail('no admin');
  const service = createConsentService({
    getProfile: async () => profile,
    vault: keychain,
    openBrowser: (url) => void driveSignIn(url, { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode }).then(({ redirectedTo }) => fetch(redirectedTo)),
    now: () => new Date(),
    pages: { success: 'ok', failure: 'no' },
  });
  try {
    return await service.consent(profile.id);
  } finally {
    for (const account of Object.values(secretAccounts)) await keychain.delete(account(profile.id));
  }
}

describe('certificate credentials', () => {
  it('consents with a PEM certificate through a signed client assertion', async () => {
    expect(await consentWith(certificateProfile('app.pem'))).toMatchObject({ state: 'succeeded' });
  });

  it('reads a password-protected PFX with the password from the keychain', async () => {
    const profile = certificateProfile('app.pfx');
    await keychain.set(secretAccounts.certificatePassword(profile.id), 'pfx-password');
    const credential = await loadAppCredential(profile, keychain);
    expect(credential.msalAuth).toMatchObject({ clientCertificate: { thumbprint: thumbprint.toUpperCase() } });
    expect(await consentWith(profile)).toMatchObject({ state: 'succeeded' });
  });

  it('knows when the certificate expires, and token health warns a day ahead', async () => {
    const profile = certificateProfile('app.pem');
    const credential = await loadAppCredential(profile, keychain);
    const left = (credential.certificateExpiresAt?.getTime() ?? 0) - Date.now();
    expect(left).toBeGreaterThan(23 * 3_600_000);
    expect(left).toBeLessThanOrEqual(24 * 3_600_000);
    const services = createSamDeskServices({ userDataDirectory: mkdtempSync(join(tmpdir(), 'sam-desk-cert-health-')), vault: keychain, openBrowser: () => undefined, now: () => new Date(), loopbackPages: { success: '', failure: '' } });
    const { thumbprint: print, path } = profile.credential.kind === 'certificate' ? profile.credential : expect.fail('not a certificate profile');
    const created = await services.profiles.create({ ...profile, tenant: profile.tenantId, credential: { kind: 'certificate', path, thumbprint: print } }, {});
    if (!created.ok) expect.fail(JSON.stringify(created.errors));
    try {
      const entry = await services.health.check(created.profile.id, { refresh: false });
      expect(entry.facts.credentialExpiry?.value).toMatchObject({ kind: 'certificate', expiresAt: credential.certificateExpiresAt?.toISOString() });
      expect(entry.assessment.reasons.map((reason) => reason.reason)).toContain('credential-expiring');
      expect(entry.assessment.state).not.toBe('healthy');
    } finally {
      await services.profiles.remove(created.profile.id);
    }
  });

  it('names the problem: a wrong PFX password, or a thumbprint that is not this certificate', async () => {
    const wrongPassword = certificateProfile('app.pfx');
    await keychain.set(secretAccounts.certificatePassword(wrongPassword.id), 'wrong');
    await expect(loadAppCredential(wrongPassword, keychain)).rejects.toMatchObject({ code: 'certificate-unreadable', detail: { reason: 'pfx' } });
    await keychain.delete(secretAccounts.certificatePassword(wrongPassword.id));
    await expect(loadAppCredential(certificateProfile('app.pem', 'a'.repeat(40)), keychain)).rejects.toMatchObject({ code: 'certificate-unreadable', detail: { reason: 'thumbprint' } });
  });
});
