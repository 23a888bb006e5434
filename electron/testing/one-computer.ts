import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProfileSecrets } from '../services/profiles/profile-service';
import { createSamDeskServices, type SamDeskServices } from '../services/sam-desk-services';
import { sharedAccessTokenAccounts } from '../services/sam/shared-access-tokens';
import { createKeychain } from '../services/secrets/keychain';
import { secretAccounts, type SecretVault } from '../services/secrets/secret-vault';

/**
 * One computer running SAM Desk in several processes, for tests: a settings folder and a real keychain (under a
 * service name of its own) that every process shares, and `process()` for the services one process builds (its own
 * token service and memory, as the window, each `sam-desk` call and the scheduler have). The local cloud's clock and
 * the admin's browser are passed in (product-side code does not import the emulators).
 */
export interface OneComputer {
  readonly directory: string;
  readonly keychain: SecretVault;
  /** A new process's services. */
  process(): SamDeskServices;
  /** Creates the profile and consents (the browser signs in); returns the profile's id. */
  consentedProfile(profile: { readonly input: unknown; readonly secrets: ProfileSecrets }): Promise<string>;
  /** Deletes every keychain item of the profiles it made. */
  cleanUp(): Promise<void>;
}

export function oneComputer(options: { readonly now: () => Date; readonly browser: (url: string) => void }): OneComputer {
  const directory = mkdtempSync(join(tmpdir(), 'sam-desk-computer-'));
  const keychain = createKeychain(`SAM Desk test computer ${randomUUID()}`);
  const profiles: string[] = [];
  const newProcess = (): SamDeskServices =>
    createSamDeskServices({ userDataDirectory: directory, vault: keychain, openBrowser: options.browser, now: options.now, loopbackPages: { success: 'ok', failure: 'no' } });
  return {
    directory,
    keychain,
    process: newProcess,
    async consentedProfile({ input, secrets }) {
      const services = newProcess();
      const created = await services.profiles.create(input, secrets);
      if (!created.ok) throw new Error(`the profile was refused: ${JSON.stringify(created.errors)}`);
      profiles.push(created.profile.id);
      const outcome = await services.consent.consent(created.profile.id, { openBrowser: true });
      if (outcome.state !== 'succeeded') throw new Error(`the consent ended ${outcome.state}`);
      return created.profile.id;
    },
    async cleanUp() {
      for (const id of profiles.splice(0)) {
        const accounts = [...Object.values(secretAccounts).map((account) => account(id)), ...(await sharedAccessTokenAccounts(keychain, id))];
        for (const account of new Set(accounts)) await keychain.delete(account);
      }
    },
  };
}
