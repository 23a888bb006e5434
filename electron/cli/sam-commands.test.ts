import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalCloud, type LocalCloud } from '../../emulators/local-cloud';
import { TLS_DIRECTORY } from '../../emulators/testing/global-setup';
import { driveSignIn } from '../../emulators/testing/sign-in-driver';
import { parseCsv } from '../../shared/partner-center/testing/parse-csv';

/**
 * `sam-desk profile`, `consent` and `token` as a script runs them: the real bin in a child process, its own
 * settings folder, the real keychain, against the local Microsoft cloud.
 */
/**
 * A customer name built to attack the admin's terminal and eyes: ESC[2J clears the screen, U+009B is a one-byte CSI,
 * U+202E turns what follows around, U+200D joins invisibly.
 */
const HOSTILE_NAME = 'Evil\u001b[2J Corp\u009b31m \u202eBA\u200d';
/** What the terminal may see: any control, direction or zero-width character but the output's own line breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW_HIDDEN = /[\u0000-\u0009\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\r(?!\n)/;
const bin = fileURLToPath(new URL('../../bin/sam-desk.mjs', import.meta.url));
let cloud: LocalCloud;
let home: string;

beforeAll(async () => {
  cloud = await startLocalCloud({ tlsDirectory: TLS_DIRECTORY, world: { seed: 5, customers: 3, maxUsersPerCustomer: 2, namedCustomers: [{ index: 1, companyName: HOSTILE_NAME }] } });
  home = mkdtempSync(join(tmpdir(), 'sam-desk-cli-'));
});
afterAll(() => cloud.close());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin; `onStderr` sees standard error as it arrives (the consent prints its sign-in link there). */
function samDesk(args: readonly string[], stdin = '', onStderr?: (text: string) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, SAM_DESK_HOME: home, LANG: 'en_US.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr);
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const world = () => cloud.state.world;
const addArgs = () => [
  'profile',
  'add',
  '--name=Contoso CLI',
  `--tenant=${world().partner.domain}`,
  `--client-id=${world().app.clientId}`,
  '--client-secret-stdin',
  `--vault-url=${cloud.endpoints.keyVault}`,
  '--secret-name=CLI-RefreshToken',
  '--redirect-port=any',
  '--cloud=custom',
  `--authority-host=${cloud.endpoints.entra}`,
  `--partner-center-url=${cloud.endpoints.partnerCenter}`,
  `--key-vault-suffix=${new URL(cloud.endpoints.keyVault).host}`,
];

describe('sam-desk profile, consent and token', () => {
  it('adds a profile with the secret from stdin, resolving the tenant domain, and never writes the secret to disk', async () => {
    const added = await samDesk(addArgs(), `${world().app.clientSecret}\n`);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const listed = JSON.parse((await samDesk(['profile', 'list', '--json'])).stdout) as Array<{ displayName: string; tenantId: string }>;
    expect(listed).toMatchObject([{ displayName: 'Contoso CLI', tenantId: world().partner.tenantId }]);
    expect(readFileSync(join(home, 'profiles.json'), 'utf8')).not.toContain(world().app.clientSecret);
  });

  it('names the field and the fix for bad input, with exit code 2', async () => {
    const bad = await samDesk(['profile', 'add', '--name=x', '--tenant=not a tenant', '--client-id=123', '--client-secret-stdin'], 'secret');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Partner tenant:');
    expect(bad.stderr).toContain('Application (client) ID:');
  });

  it('consents from the terminal, then prints token metadata (the token only on request)', async () => {
    let driven = false;
    const consent = await samDesk(['consent', '--profile=Contoso CLI', '--no-browser'], '', (stderr) => {
      const link = /^(https:\/\/\S+authorize\S+)$/m.exec(stderr)?.[1];
      if (!link || driven) return;
      driven = true;
      const admin = world().admins[0] ?? expect.fail('no admin');
      void driveSignIn(link, { userPrincipalName: admin.userPrincipalName, password: admin.password, mfaCode: admin.mfaCode }).then(({ redirectedTo }) => fetch(redirectedTo));
    });
    expect(consent.stderr).toContain('Exchanging the authorization code');
    expect(consent.status).toBe(0);
    expect(consent.stdout).toContain('Key Vault: Saved. Keychain: Saved.');
    expect(cloud.keyVault.versionCount('CLI-RefreshToken')).toBe(1);

    const token = await samDesk(['token', '--profile=Contoso CLI', '--json']);
    expect(token.status).toBe(0);
    const metadata = JSON.parse(token.stdout) as Record<string, unknown>;
    expect(metadata).toMatchObject({ mfa: true, user: world().admins[0]?.userPrincipalName, refreshedFrom: 'key-vault' });
    expect(metadata).not.toHaveProperty('accessToken');
    expect(cloud.keyVault.versionCount('CLI-RefreshToken')).toBe(2);
    const shown = JSON.parse((await samDesk(['token', '--profile=Contoso CLI', '--json', '--show-token'])).stdout) as { accessToken?: string };
    expect(shown.accessToken?.split('.')).toHaveLength(3);
  });

  it('lists customers and a customer’s users as JSON and as spreadsheet-safe CSV', async () => {
    const customers = await samDesk(['customers', 'list', '--profile=Contoso CLI', '--json']);
    expect(customers.status).toBe(0);
    const listed = JSON.parse(customers.stdout) as Array<{ id: string; companyProfile: { domain: string } }>;
    expect(listed).toHaveLength(world().customerCount);
    const csv = await samDesk(['customers', 'list', '--profile=Contoso CLI', '--csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('companyName,domain,tenantId,relationship');
    const domain = listed[0]?.companyProfile.domain ?? '';
    const users = await samDesk(['users', 'list', '--profile=Contoso CLI', `--customer=${domain}`, '--json']);
    expect(users.status).toBe(0);
    const active = world().usersOf(listed[0]?.id ?? '').filter((user) => user.state === 'active');
    expect((JSON.parse(users.stdout) as unknown[]).length).toBe(active.length);
    expect((await samDesk(['users', 'list', '--profile=Contoso CLI', '--customer=nowhere.example'])).status).toBe(2);
  });

  it('lists the users of every customer with bounded concurrency, each tagged with its customer', async () => {
    const all = await samDesk(['users', 'list', '--profile=Contoso CLI', '--all-customers', '--concurrency=2', '--json']);
    expect(all.status).toBe(0);
    const users = JSON.parse(all.stdout) as Array<{ customerId: string; userPrincipalName: string }>;
    const expected = Array.from({ length: world().customerCount }, (_, index) => world().customerIdAt(index) ?? '').flatMap((id) => world().usersOf(id).filter((user) => user.state === 'active').map((user) => ({ customerId: id, userPrincipalName: user.userPrincipalName })));
    expect(users.map(({ customerId, userPrincipalName }) => ({ customerId, userPrincipalName }))).toEqual(expected);
    expect(all.stderr).toContain(`users: ${String(world().customerCount)} of ${String(world().customerCount)} customers`);
    const csv = await samDesk(['users', 'list', '--profile=Contoso CLI', '--all-customers', '--deleted', '--csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('customerId,displayName,userPrincipalName,state,usageLocation,id');
    const tooMany = await samDesk(['users', 'list', '--profile=Contoso CLI', '--all-customers', '--concurrency=100']);
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain('--concurrency');
  });

  it('never writes a raw control, direction or zero-width character, in any format of any listing, and CSV stays CSV', async () => {
    const namedId = world().customerIdAt(1) ?? '';
    const visible = 'Evil\\u001b[2J Corp\\u009b31m \\u202eBA\\u200d';
    const listings = [['customers', 'list'], ['users', 'list', `--customer=${namedId}`], ['users', 'list', '--all-customers']];
    for (const listing of listings) {
      for (const format of [[], ['--json'], ['--csv']]) {
        const run = await samDesk([...listing, '--profile=Contoso CLI', ...format]);
        const label = [...listing, ...format].join(' ');
        expect(run.status, label).toBe(0);
        expect(run.stdout + run.stderr, label).not.toMatch(RAW_HIDDEN);
        expect(run.stdout, label).toContain(visible);
        // In JSON the escapes are JSON's own: a script reads back exactly the name Partner Center sent.
        if (format[0] === '--json') expect(JSON.stringify(JSON.parse(run.stdout)), label).toContain(JSON.stringify(HOSTILE_NAME).slice(1, -1));
        if (format[0] === '--csv') {
          const records = parseCsv(run.stdout);
          const width = records[0]?.length ?? 0;
          expect(records.every((record) => record.length === width), label).toBe(true);
          expect(records.some((record) => record.some((field) => field.includes(visible))), label).toBe(true);
        }
      }
    }
    const customers = parseCsv((await samDesk(['customers', 'list', '--profile=Contoso CLI', '--csv'])).stdout);
    expect(customers).toHaveLength(1 + world().customerCount);
    expect(customers.find((record) => record[2] === namedId)?.[0]).toBe(visible);
  }, 120_000);

  it('never writes a raw hidden character from a profile name either: profile, health and export', async () => {
    const added = await samDesk([...addArgs().filter((arg) => !arg.startsWith('--name=') && !arg.startsWith('--secret-name=')), `--name=${HOSTILE_NAME}`, '--secret-name=CLI-Hostile'], `${world().app.clientSecret}\n`);
    expect(added.status).toBe(0);
    const runs = [['profile', 'list'], ['profile', 'list', '--json'], ['profile', 'show', HOSTILE_NAME], ['profile', 'export'], ['health', '--cached'], ['health', '--cached', '--json'], ['profile', 'remove', HOSTILE_NAME]];
    for (const args of runs) {
      const run = await samDesk(args);
      expect(run.stdout + run.stderr, args.join(' ')).not.toMatch(RAW_HIDDEN);
      expect(run.stdout, args.join(' ')).toMatch(/\\u001b|\\u009b/);
    }
    expect(JSON.parse((await samDesk(['profile', 'list', '--json'])).stdout)).toMatchObject([{ displayName: 'Contoso CLI' }]);
  }, 120_000);

  it('reports health for monitoring (exit 0 when healthy) and keeps the token alive with refresh', async () => {
    const before = cloud.keyVault.versionCount('CLI-RefreshToken');
    const refreshed = await samDesk(['refresh', '--profile=Contoso CLI']);
    expect(refreshed.status).toBe(0);
    expect(refreshed.stdout).toContain('Health: Healthy');
    expect(cloud.keyVault.versionCount('CLI-RefreshToken')).toBe(before + 1);
    const health = await samDesk(['health', '--json']);
    expect(health.status).toBe(0);
    expect(JSON.parse(health.stdout)).toMatchObject([{ displayName: 'Contoso CLI', state: 'healthy', mfa: true, keyVaultInSync: true, action: 'none' }]);
    const text = await samDesk(['health', '--profile=Contoso CLI']);
    expect(text.stdout).toMatch(/^Contoso CLI: HEALTHY, 90 days left, grant proven [^,]+, MFA, Key Vault in sync$/m);
    expect((await samDesk(['health', '--profile=nobody'])).status).toBe(3);
  });

  it('fails with exit code 3, the code and the remedy when the grant is gone', async () => {
    cloud.state.revokedAt.set(world().admins[0]?.id ?? '', cloud.state.clock.nowSeconds());
    // An access token already issued stays valid (Entra does not revoke it): a redemption is what meets the revoked
    // grant, and its failure drops the access token the earlier calls shared.
    expect((await samDesk(['refresh', '--profile=Contoso CLI'])).status).toBe(3);
    const token = await samDesk(['token', '--profile=Contoso CLI']);
    expect(token.status).toBe(3);
    expect(token.stderr).toContain('[grant-revoked]');
    expect(token.stderr).toContain('Reconsent');
    expect(token.stderr.trim().split('\n')).toHaveLength(1);
    // The failed redemption was recorded: health now says dead, with exit code 2 (critical), without another call.
    const health = await samDesk(['health', '--cached', '--json']);
    expect(health.status).toBe(2);
    expect(JSON.parse(health.stdout)).toMatchObject([{ state: 'dead', action: 'reconsent', lastError: 'grant-revoked' }]);
  });

  it('exports without secrets and removes the profile with its keychain entries', async () => {
    const exported = await samDesk(['profile', 'export']);
    expect(exported.status).toBe(0);
    expect(exported.stdout).not.toContain(world().app.clientSecret);
    expect((await samDesk(['profile', 'remove', 'Contoso CLI'])).status).toBe(0);
    expect(JSON.parse((await samDesk(['profile', 'list', '--json'])).stdout)).toEqual([]);
  });
});
