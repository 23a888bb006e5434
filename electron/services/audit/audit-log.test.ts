import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditLog } from './audit-log';

const directory = () => mkdtempSync(join(tmpdir(), 'sam-desk-audit-'));
const profileId = randomUUID();

describe('the audit log', () => {
  it('appends events in order and reads them back newest first, filtered', async () => {
    let clock = Date.parse('2026-12-01T10:00:00Z');
    const log = createAuditLog({ directory: directory(), now: () => new Date((clock += 1_000)) });
    await Promise.all([
      log.record({ profileId, kind: 'consent', outcome: 'ok', facts: { user: 'admin@contoso.example', keyVault: 'saved' } }),
      log.record({ profileId, kind: 'rotation', outcome: 'ok', facts: { source: 'key-vault' } }),
      log.record({ profileId, kind: 'refresh', outcome: 'failed', code: 'grant-revoked' }),
      log.record({ profileId: randomUUID(), kind: 'consent', outcome: 'ok' }),
    ]);
    const mine = await log.read({ profileId });
    expect(mine.map((event) => event.kind)).toEqual(['refresh', 'rotation', 'consent']);
    expect(await log.read({ profileId, outcome: 'failed' })).toMatchObject([{ code: 'grant-revoked' }]);
    expect(await log.read({ kinds: ['consent'], limit: 1 })).toHaveLength(1);
    expect(await log.read({ since: '2026-12-01T10:00:02.500Z' })).toHaveLength(2);
    if (process.platform !== 'win32') expect(statSync(log.path).mode & 0o777).toBe(0o600);
  });

  it('never writes a token, even one passed in a fact by mistake', async () => {
    const log = createAuditLog({ directory: directory(), now: () => new Date() });
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const refresh = `1.AQ${'x'.repeat(300)}`;
    await log.record({ profileId, kind: 'rotation', outcome: 'ok', facts: { user: jwt, source: refresh } });
    const text = readFileSync(log.path, 'utf8');
    expect(text).not.toContain('eyJhbGci');
    expect(text).not.toContain('xxxxxxxxxxxxxxxxxxxx');
  });

  it('refuses events outside the schema, and skips a torn or hand-edited line instead of failing', async () => {
    const log = createAuditLog({ directory: directory(), now: () => new Date('2026-12-01T10:00:00Z') });
    await log.record({ profileId, kind: 'consent', outcome: 'ok' });
    await log.record({ profileId, kind: 'not-a-kind' as 'consent', outcome: 'ok' });
    appendFileSync(log.path, '{"at":"2026-12-01T10:00:01.000Z","profileId":"x","kind":"cons');
    expect(await log.read()).toHaveLength(1);
  });

  it('exports JSON Lines and spreadsheet-safe CSV', async () => {
    const log = createAuditLog({ directory: directory(), now: () => new Date('2026-12-01T10:00:00Z') });
    await log.record({ profileId, kind: 'consent', outcome: 'ok', facts: { user: '=HYPERLINK("x")' } });
    await log.record({ profileId, kind: 'failure', outcome: 'failed', code: 'network' });
    const lines = (await log.exportJsonLines()).trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { kind: string }).kind)).toEqual(['failure', 'consent']);
    const csv = (await log.exportCsv()).split('\r\n');
    expect(csv[0]).toBe('at,profileId,kind,outcome,code,user');
    expect(csv[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
