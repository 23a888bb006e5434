import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../ipc/dispatch';
import type { HandlerTable } from '../ipc/handler-table';
import { createSecretRegistry, knownSecrets } from './known-secrets';
import { createLogger, redact, silentLogger } from './logger';

/** A secret of `length` characters that none of the logger's patterns would recognise (no JWT, no run of 40). */
const secretOf = (length: number): string => randomBytes(length).toString('base64url').slice(0, length);

function loggedLines(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger((line) => lines.push(line), () => new Date(0)) };
}

describe('secrets the process has learned, in log lines', () => {
  it('are redacted wherever they appear, whatever their length: a 36-character client secret, a 12-character password', () => {
    const clientSecret = secretOf(36);
    const password = `pfx-${secretOf(8)}`;
    // Not token-shaped: the patterns alone let both through.
    expect(redact(`secret ${clientSecret} password ${password}`)).toContain(clientSecret);
    knownSecrets.remember(clientSecret);
    knownSecrets.remember(password);
    const { lines, logger } = loggedLines();
    logger.warn(`event.${clientSecret}`, { secret: clientSecret, glued: `x${password}y`, twice: `${clientSecret} and ${clientSecret}`, count: 2 });
    const text = lines.join('\n');
    expect(text).not.toContain(clientSecret);
    expect(text).not.toContain(password);
    expect(text).toContain('x[redacted]y');
    expect(text).toContain('"count":2');
  });

  it('are remembered as they enter main through the bridge: the client secret and certificate password an admin types', async () => {
    const clientSecret = secretOf(36);
    const certificatePassword = secretOf(10);
    const { lines, logger } = loggedLines();
    // No handler needed: the secrets are remembered before the request is even validated (this one is not valid).
    const dispatch = createDispatcher({} as HandlerTable, logger);
    await dispatch('profiles.create', { input: { displayName: clientSecret }, secrets: { clientSecret, certificatePassword } });
    await dispatch('profiles.import', { text: 'x', nested: [{ credential: { password: `imported-${clientSecret}` } }] });
    for (const secret of [clientSecret, certificatePassword, `imported-${clientSecret}`]) expect(knownSecrets.knows(secret)).toBe(true);
    expect(knownSecrets.knows('profiles.create')).toBe(false);
    logger.info('profile.saved', { name: `${clientSecret}/${certificatePassword}` });
    expect(lines.at(-1)).toContain('[redacted]/[redacted]');
    // The dispatcher with the silent logger is the same door.
    await createDispatcher({} as HandlerTable, silentLogger)('profiles.update', { id: 'x', secrets: { clientSecret: 'typed-secret-value' } });
    expect(knownSecrets.knows('typed-secret-value')).toBe(true);
  });
});

describe('the secret registry', () => {
  it('leaves values too short to redact alone, replaces a longer secret whole before one it contains, and forgets the least recently learned first', () => {
    const registry = createSecretRegistry({ minLength: 6, capacity: 3 });
    registry.remember('abcde');
    registry.remember(null);
    registry.remember(undefined);
    expect(registry.redact('abcde stays')).toBe('abcde stays');
    registry.remember('secret');
    registry.remember('secret-and-more');
    expect(registry.redact('[secret-and-more] [secret]')).toBe('[[redacted]] [[redacted]]');
    registry.remember('third-one');
    registry.remember('secret'); // learned again: the newest now
    registry.remember('fourth-one');
    expect(registry.knows('secret-and-more')).toBe(false);
    expect(['secret', 'third-one', 'fourth-one'].every((value) => registry.knows(value))).toBe(true);
  });
});
