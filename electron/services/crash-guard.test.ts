import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installCrashGuard, UNCAUGHT_EXIT_CODE } from './crash-guard';
import { createLogger } from './logger';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZy1lbm91Z2g';
const REFRESH = `0.A${'x'.repeat(200)}`;

describe('the crash guard', () => {
  it('logs only the kind of an uncaught error, never its message or stack, and exits with its own code', () => {
    const lines: string[] = [];
    const exits: number[] = [];
    const fake = Object.assign(new EventEmitter(), { exit: (code: number) => void exits.push(code) });
    installCrashGuard(fake, createLogger((line) => lines.push(line)));
    const error = Object.assign(new TypeError(`refresh failed for ${REFRESH} with ${TOKEN}`), { code: 'ERR_BAD' });
    fake.emit('uncaughtException', error);
    fake.emit('unhandledRejection', new Error(`Bearer ${TOKEN}`));
    fake.emit('unhandledRejection', REFRESH);
    expect(exits).toEqual([UNCAUGHT_EXIT_CODE]);
    expect(lines).toHaveLength(3);
    const text = lines.join('\n');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(REFRESH.slice(0, 40));
    expect(text).not.toContain('refresh failed');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'error', event: 'process.uncaught-exception', name: 'TypeError', code: 'ERR_BAD' });
    expect(JSON.parse(lines[2] ?? '{}')).toMatchObject({ event: 'process.unhandled-rejection', name: 'string' });
  });
});
