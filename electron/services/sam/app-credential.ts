import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { endpointsFor } from '../../../shared/profiles/clouds';
import { signInOrigins, type EndpointBinding } from '../../../shared/profiles/endpoint-binding';
import type { Profile } from '../../../shared/profiles/profile';
import { secretAccounts, type SecretVault } from '../secrets/secret-vault';
import { readsByteOrderMark } from './byte-order-mark-policy';
import { verifyEndpoints } from './bound-endpoints';
import { destinationPolicy } from './destination-guard';
import { pfxToPem } from './pfx';
import { SamError } from './sam-error';

/**
 * The app registration's credential, loaded for one use: the client secret from the keychain, or a certificate
 * (PEM with its private key) from disk. Returned in the two shapes the SDKs want: msal-node's auth options and an
 * Azure SDK TokenCredential (for Key Vault with the app's identity). Loading it is the check in main that the profile
 * still lies within the endpoints its secret was entered for (bound-endpoints.ts): every use of the credential starts
 * here, and what it may send to comes with it.
 */
export interface AppCredential {
  /** The profile's endpoints, verified against the keychain's binding: the only places this credential goes. */
  readonly endpoints: EndpointBinding;
  /** The stored refresh tokens were consented for these endpoints (else they wait for a new consent). */
  readonly tokensBound: boolean;
  readonly msalAuth: { readonly clientSecret: string } | { readonly clientCertificate: { readonly thumbprint: string; readonly privateKey: string; readonly x5c: string } };
  keyVaultCredential(): TokenCredential;
  /** When the app's certificate expires (token health warns before); absent for a client secret, whose expiry only Entra knows. */
  readonly certificateExpiresAt?: Date;
}

export async function loadAppCredential(profile: Profile, vault: SecretVault): Promise<AppCredential> {
  const verified = await verifyEndpoints(profile, vault);
  const { authorityHost } = endpointsFor(profile.cloud);
  // For clouds other than Microsoft's own, @azure/identity must not ask login.microsoftonline.com to validate the host.
  // Its sign-in requests bypass msal-network.ts, so they get the same destination check as a pipeline policy.
  const identityOptions = {
    authorityHost,
    disableInstanceDiscovery: profile.cloud.kind === 'custom',
    additionalPolicies: [...readsByteOrderMark.additionalPolicies, destinationPolicy(signInOrigins(verified.endpoints.authorityHost), 'entra')],
  };
  if (profile.credential.kind === 'secret') {
    const clientSecret = await vault.get(secretAccounts.clientSecret(profile.id));
    if (!clientSecret) throw new SamError('client-secret-invalid', { reason: 'missing' });
    return {
      ...verified,
      msalAuth: { clientSecret },
      keyVaultCredential: () => new ClientSecretCredential(profile.tenantId, profile.clientId, clientSecret, identityOptions),
    };
  }
  const { path, thumbprint } = profile.credential;
  const passphrase = (await vault.get(secretAccounts.certificatePassword(profile.id))) ?? undefined;
  let pem: string;
  try {
    if (/\.(pfx|p12)$/i.test(path)) {
      const converted = pfxToPem(await readFile(path), passphrase ?? '');
      if (!converted) throw new SamError('certificate-unreadable', { reason: 'pfx' });
      pem = `${converted.certificate}\n${converted.privateKey}`;
    } else {
      pem = await readFile(path, 'utf8');
    }
  } catch (error) {
    throw error instanceof SamError ? error : new SamError('certificate-unreadable', { reason: 'unreadable' });
  }
  const certificateBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const keyBlock = /-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |ENCRYPTED )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (!certificateBlock || !keyBlock) throw new SamError('certificate-unreadable', { reason: 'no-key' });
  let privateKey: string;
  let certificate: X509Certificate;
  try {
    privateKey = createPrivateKey({ key: keyBlock, ...(passphrase ? { passphrase } : {}) }).export({ type: 'pkcs8', format: 'pem' }).toString();
    certificate = new X509Certificate(certificateBlock);
  } catch {
    throw new SamError('certificate-unreadable', { reason: 'invalid' });
  }
  const actual = certificate.fingerprint.replace(/:/g, '').toLowerCase();
  if (actual !== thumbprint.toLowerCase()) throw new SamError('certificate-unreadable', { reason: 'thumbprint' });
  const x5c = certificate.raw.toString('base64');
  return {
    ...verified,
    msalAuth: { clientCertificate: { thumbprint: actual.toUpperCase(), privateKey, x5c } },
    certificateExpiresAt: new Date(certificate.validTo),
    keyVaultCredential: () => new ClientCertificateCredential(profile.tenantId, profile.clientId, { certificate: `${certificateBlock}\n${privateKey}` }, identityOptions),
  };
}
