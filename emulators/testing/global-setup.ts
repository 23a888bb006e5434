import { fileURLToPath } from 'node:url';
import { ensureTlsMaterial } from '../core/tls-certificate';

/**
 * Vitest global setup: makes the local cloud's certificate before any test worker starts, and points
 * NODE_EXTRA_CA_CERTS at the bundle. Node reads that variable only at process start, and the workers are forked
 * after this runs, so the real msal-node, SecretClient and fetch in every worker trust the emulators.
 */
export const TLS_DIRECTORY = fileURLToPath(new URL('../../.emulators/tls/', import.meta.url));

export default async function setup(): Promise<void> {
  const tls = await ensureTlsMaterial(TLS_DIRECTORY);
  process.env.NODE_EXTRA_CA_CERTS = tls.caBundlePath;
}
