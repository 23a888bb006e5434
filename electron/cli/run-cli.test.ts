import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { runCli } from './run-cli';

function fakeIo(stdinIsTty: boolean, readStdin: () => Promise<string> = async () => '') {
  const output = { out: '', err: '' };
  const io: CliIo = {
    services: () => Promise.reject(new Error('not used')),
    env: { LANG: 'en_US.UTF-8' },
    stdinIsTty,
    readStdin,
    out: (text) => (output.out += text),
    err: (text) => (output.err += text),
    now: () => new Date('2026-11-24T12:00:00Z'),
  };
  return { io, output };
}

describe('runCli', () => {
  it('asks for a token instead of waiting on an interactive terminal', async () => {
    const { io, output } = fakeIo(true, () => Promise.reject(new Error('must not read')));
    expect(await runCli(['inspect'], io, '1.0.0')).toBe(2);
    expect(output.err).toContain('sam-desk inspect -');
  });

  it('turns an unexpected failure into exit 1 and one line, without the exception text', async () => {
    const { io, output } = fakeIo(false, () => Promise.reject(new Error('EIO: secret detail')));
    expect(await runCli(['inspect', '-'], io, '1.0.0')).toBe(1);
    expect(output.err).toBe('sam-desk: an internal error stopped the command. Try again; if it keeps happening, report it.\n');
  });

  it('prints its version', async () => {
    const { io, output } = fakeIo(false);
    expect(await runCli(['--version'], io, '1.2.3')).toBe(0);
    expect(output.out).toBe('1.2.3\n');
  });
});
