import type { CustomerRow } from '../../shared/partner-center/rows';
import { createKeychain } from '../services/secrets/keychain';

/**
 * A SAM Desk process that is killed on purpose, for crash-consistency.test.ts. It runs one of the app's own writes,
 * through the app's own code, and says on stdout where it is so the test can SIGKILL it mid-write:
 * - `rotate`: redeems the profile's refresh token (forced), so its rotated successor goes to the keychain and then
 *   to Key Vault — the test holds the Key Vault write in flight and kills the process there;
 * - `write-cache`: writes the profile's encrypted customers cache with a large payload — the test kills the process
 *   while the file is being written.
 * Lines: `ready`, `writing`, then `done` or `failed <code>` if it lives that long. Not part of the app.
 *
 *   node --import tsx electron/faults/crash-child.ts '<job as JSON>'
 */
export type CrashChildJob =
  | { readonly job: 'rotate'; readonly userDataDirectory: string; readonly keychainService: string; readonly profileId: string }
  | { readonly job: 'write-cache'; readonly userDataDirectory: string; readonly keychainService: string; readonly profileId: string; readonly rows: number; readonly asOf: string };

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(job: CrashChildJob): Promise<void> {
  const vault = createKeychain(job.keychainService);
  if (job.job === 'rotate') {
    // Loaded here, not at the top: the cache job starts faster without msal-node and the Azure SDK.
    const { createSamDeskServices } = await import('../services/sam-desk-services');
    const services = createSamDeskServices({ userDataDirectory: job.userDataDirectory, vault, openBrowser: () => undefined, now: () => new Date(), loopbackPages: { success: '', failure: '' } });
    // The keychain module is loaded before the signal, so the kill lands in the write, not in start-up.
    await vault.get('crash-child:warm-up');
    say('ready');
    say('writing');
    await services.tokens.acquire(job.profileId, { forceRefresh: true });
    say('done');
    return;
  }
  const rows: CustomerRow[] = Array.from({ length: job.rows }, (_, index) => {
    const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
    return { id, companyName: `Crash Test Customer ${String(index)} AB`, domain: `crashtest${String(index)}.onmicrosoft.com`, tenantId: id, relationship: 'reseller' };
  });
  const { createEncryptedCache } = await import('../services/partner-center/encrypted-cache');
  const cache = createEncryptedCache({ directory: job.userDataDirectory, vault, profileId: job.profileId, name: 'customers' });
  await vault.get('crash-child:warm-up');
  say('ready');
  say('writing');
  await cache.write(rows, new Date(job.asOf));
  say('done');
}

main(JSON.parse(process.argv[2] ?? '{}') as CrashChildJob).then(
  () => process.exit(0),
  (error: unknown) => {
    say(`failed ${error instanceof Error ? error.name : 'error'}`);
    process.exit(3);
  },
);
