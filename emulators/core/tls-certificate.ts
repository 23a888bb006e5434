// x509's dependency injection container needs the Reflect metadata API, which Node does not ship.
import 'reflect-metadata';
import { X509CertificateGenerator, BasicConstraintsExtension, KeyUsagesExtension, KeyUsageFlags, SubjectAlternativeNameExtension, ExtendedKeyUsageExtension, ExtendedKeyUsage } from '@peculiar/x509';
import { webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { join } from 'node:path';

/**
 * The local cloud's TLS identity: one self-signed certificate for localhost and 127.0.0.1, generated on first use
 * and reused, plus a CA bundle (the system's roots + that certificate) to point NODE_EXTRA_CA_CERTS at, so the
 * real msal-node, SecretClient and fetch trust the emulators exactly as they trust Microsoft.
 */
export interface TlsMaterial {
  readonly certPem: string;
  readonly keyPem: string;
  readonly caBundlePath: string;
  readonly certPath: string;
}

const VALID_DAYS = 825;

export async function ensureTlsMaterial(directory: string): Promise<TlsMaterial> {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const certPath = join(directory, 'localhost.crt');
  const keyPath = join(directory, 'localhost.key');
  const caBundlePath = join(directory, 'ca-bundle.pem');
  if (!existsSync(certPath) || !existsSync(keyPath) || isExpiringSoon(readFileSync(certPath, 'utf8'))) {
    const { certPem, keyPem } = await generateCertificate();
    writeFileSync(keyPath, keyPem, { mode: 0o600 });
    writeFileSync(certPath, certPem);
  }
  const certPem = readFileSync(certPath, 'utf8');
  writeFileSync(caBundlePath, `${rootCertificates.join('\n')}\n${certPem}`);
  return { certPem, keyPem: readFileSync(keyPath, 'utf8'), caBundlePath, certPath };
}

function isExpiringSoon(pem: string): boolean {
  try {
    return Date.parse(new X509Certificate(pem).validTo) - Date.now() < 7 * 86_400_000;
  } catch {
    return true;
  }
}

async function generateCertificate(): Promise<{ certPem: string; keyPem: string }> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const notBefore = new Date(Date.now() - 86_400_000);
  const certificate = await X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1'),
    name: 'CN=SAM Desk local Microsoft cloud',
    notBefore,
    notAfter: new Date(notBefore.getTime() + VALID_DAYS * 86_400_000),
    signingAlgorithm: algorithm,
    keys,
    extensions: [
      new BasicConstraintsExtension(true, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyCertSign, true),
      new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth]),
      new SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(pkcs8).toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END PRIVATE KEY-----\n`;
  return { certPem: certificate.toString('pem'), keyPem };
}
