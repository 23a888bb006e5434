import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRA_REFRESH_TOKEN, makeJwt, partnerCenterToken as tokenAt } from '../../shared/inspector/testing/make-jwt';

/** These run the real `bin/sam-desk.mjs` in a child process, as a script would. */
/** The child process reads the real clock, so its tokens are minted against it too. */
const partnerCenterToken = (overrides: Record<string, unknown> = {}): string => tokenAt(overrides, new Date());
const bin = fileURLToPath(new URL('../../bin/sam-desk.mjs', import.meta.url));

function samDesk(args: readonly string[], stdin?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: stdin ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', LANG: 'en_US.UTF-8', ...env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sam-desk inspect', () => {
  it('prints exactly the documented JSON object and exits 0', () => {
    const { status, stdout, stderr } = samDesk(['inspect', '--json', `Bearer ${partnerCenterToken()}`]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(parsed).sort()).toEqual(['checks', 'claims', 'header', 'kind', 'summary', 'times']);
    expect(parsed).toMatchObject({ kind: 'jwt', summary: { user: 'asa.oberg@contoso-partner.onmicrosoft.com', mfa: true, scopes: ['user_impersonation'] } });
    const checks = parsed.checks as Array<{ id: string; status: string; message: string }>;
    expect(checks.map((check) => check.id)).toEqual(['expired', 'not-yet-valid', 'mfa', 'audience-partner-center', 'scope-user-impersonation', 'token-version', 'signature', 'hidden-characters']);
    for (const check of checks) expect(check.message).toMatch(/^[A-Z].+\.$/);
  });

  it('reads the token from standard input with "-" or with no argument', () => {
    const token = partnerCenterToken({ amr: ['pwd'] });
    for (const args of [['inspect', '-', '--json'], ['inspect', '--json']]) {
      const { status, stdout } = samDesk(args, `  "${token}"\n`);
      expect(status).toBe(0);
      const mfa = (JSON.parse(stdout) as { checks: Array<{ id: string; status: string; message: string }> }).checks.find((check) => check.id === 'mfa');
      expect(mfa).toMatchObject({ status: 'fail' });
      expect(mfa?.message).toContain('900421');
    }
  });

  it('prints a readable report in the locale language, Swedish included', () => {
    const english = samDesk(['inspect', partnerCenterToken()]);
    expect(english.status).toBe(0);
    expect(english.stdout).toContain('Åsa Öberg');
    expect(english.stdout).toMatch(/Checks\n {2}PASS/);
    const swedish = samDesk(['inspect', partnerCenterToken()], undefined, { LANG: 'sv_SE.UTF-8' });
    expect(swedish.stdout).toContain('Kontroller');
    expect(swedish.stdout).toContain('GODKÄND');
  });

  it('exits 0 for an opaque refresh token and explains it', () => {
    const { status, stdout } = samDesk(['inspect', ENTRA_REFRESH_TOKEN]);
    expect(status).toBe(0);
    expect(stdout).toContain('refresh token');
    expect(stdout).not.toContain(ENTRA_REFRESH_TOKEN.slice(0, 20));
  });

  it('exits 2 with one stderr line naming the problem, never a stack trace, never the token', () => {
    const broken = partnerCenterToken().split('.').slice(0, 2).join('.');
    for (const args of [['inspect', broken], ['inspect', '--json', broken]]) {
      const { status, stderr, stdout } = samDesk(args);
      expect(status).toBe(2);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toContain('2 dot-separated parts');
      expect(stderr).not.toMatch(/\n\s+at |Error:/);
      expect(stderr + stdout).not.toContain(broken.slice(10, 40));
    }
    expect(JSON.parse(samDesk(['inspect', '--json', broken]).stdout)).toMatchObject({ kind: 'invalid', checks: [] });
  });

  it('exits 2 for empty input, unknown commands and unknown options without echoing them', () => {
    expect(samDesk(['inspect', '-'], '\n')).toMatchObject({ status: 2, stdout: '' });
    const unknown = samDesk(['eyJhbGciOiJSUzI1NiJ9.secret']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).not.toContain('secret');
    expect(samDesk(['inspect', '--jsno', 'x'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--jsno') as unknown });
    expect(samDesk([]).status).toBe(2);
    expect(samDesk(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('sam-desk inspect') as unknown });
  });

  it('shows control, direction and zero-width characters in claims as escapes instead of sending them to the terminal', () => {
    const hostile = makeJwt({ name: 'x\u001b]0;pwned\u0007\u009b31m', aud: 'https://api.partnercenter.microsoft.com\u202e', upn: 'admin\u200b@contoso.example' });
    for (const args of [['inspect', hostile], ['inspect', '--json', hostile]]) {
      const { stdout } = samDesk(args);
      // eslint-disable-next-line no-control-regex -- asserting that control characters are absent
      expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(stdout).toContain('\\u001b');
      expect(stdout).toContain('\\u202e');
      expect(stdout).toContain('\\u200b');
    }
    const checks = (JSON.parse(samDesk(['inspect', '--json', hostile]).stdout) as { claims: { aud: string }; checks: Array<{ id: string; status: string; message: string }> });
    // JSON escapes are JSON's own: a script reads back exactly what the token says.
    expect(checks.claims.aud).toBe('https://api.partnercenter.microsoft.com\u202e');
    expect(checks.checks.find((check) => check.id === 'hidden-characters')).toMatchObject({ status: 'fail', message: expect.stringContaining('name, aud, upn') as unknown });
  });
});
