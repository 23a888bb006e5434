import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../emulators/testing/global-setup';
import { localCloudProfile } from '../../emulators/testing/profile-input';
import { followSignIn } from '../../emulators/testing/sign-in-driver';
import { oneComputer } from '../testing/one-computer';
import type { SamDeskServices } from '../services/sam-desk-services';
import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

/**
 * `sam-desk token` and `sam-desk health` as a scheduler or a monitor runs them, call after call: each invocation with
 * services of its own (its own token service and memory, as its own process has), sharing with the others only what
 * processes on one computer share, the settings folder and the OS keychain. Against the local cloud, real keychain.
 */
let cloud: LocalCloud;
const computer = oneComputer({ now: () => cloud.state.clock.now(), browser: (url) => followSignIn(url, cloud.state.world.admins[0] ?? expect.fail('no admin')) });
const SECRET = 'CliRedemptionsRefreshToken';
let profileId = '';

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 23, customers: 3, maxUsersPerCustomer: 1 } });
  profileId = await computer.consentedProfile(localCloudProfile(cloud, { displayName: 'CLI redemptions', keyVaultSecret: SECRET }));
});
afterAll(async () => {
  await computer.cleanUp();
  await cloud.close();
});

/** One `sam-desk` invocation, as its own process: fresh services, made on first use as the real bin does. */
async function samDesk(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let services: Promise<SamDeskServices> | undefined;
  const output = { stdout: '', stderr: '' };
  const io: CliIo = {
    services: () => (services ??= Promise.resolve(computer.process())),
    env: { LANG: 'en_US.UTF-8' },
    stdinIsTty: false,
    readStdin: async () => '',
    out: (text) => void (output.stdout += text),
    err: (text) => void (output.stderr += text),
    now: () => cloud.state.clock.now(),
  };
  const status = await runCli(args, io, '0.0.0');
  return { status, ...output };
}

const refreshGrants = (): number => cloud.entra.grantRequests.get('refresh_token') ?? 0;

describe('sam-desk token and health, call after call', () => {
  it('ten token calls and then ten health checks redeem the refresh token once and write one Key Vault version', async () => {
    const grantsBefore = refreshGrants();
    const versionsBefore = cloud.keyVault.versionCount(SECRET);

    const tokens: Array<{ expiresOn: string; refreshedFrom: string; user: string }> = [];
    for (let call = 0; call < 10; call++) {
      const run = await samDesk(['token', `--profile=${profileId}`, '--json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      tokens.push(JSON.parse(run.stdout) as { expiresOn: string; refreshedFrom: string; user: string });
    }
    // The first call redeemed; the nine after it were answered with the access token it shared.
    expect(tokens.map((token) => token.refreshedFrom)).toEqual(['key-vault', ...Array<string>(9).fill('cache')]);
    expect(new Set(tokens.map((token) => token.expiresOn)).size).toBe(1);

    for (let call = 0; call < 10; call++) {
      const run = await samDesk(['health', `--profile=${profileId}`, '--json']);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject([{ profileId, state: 'healthy', mfa: true, keyVaultInSync: true }]);
    }
    // Health probed Partner Center with the shared access token, without redeeming for one.
    const facts = (await computer.process().health.entry(profileId)).facts;
    expect(facts.partnerCenterProbe?.value).toEqual({ ok: true });
    expect(facts.keyVaultVersionCounts?.value).toEqual({ total: versionsBefore + 1, enabled: versionsBefore + 1 });

    expect(refreshGrants() - grantsBefore).toBe(1);
    expect(cloud.keyVault.versionCount(SECRET) - versionsBefore).toBe(1);
  });
});
