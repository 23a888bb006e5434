import { describe, expect, it } from 'vitest';
import { terminalSafe, terminalSafeJson, terminalSafeOutput } from './terminal-safe';

describe('terminal-safe output', () => {
  it('escapes C1 controls, direction overrides and zero-width characters in JSON, which still parses to the same text', () => {
    const value = { name: 'Evil\u001b[2J\u009b31m \u202eCorp\u200d' };
    const json = terminalSafeJson(value);
    // eslint-disable-next-line no-control-regex -- asserting that control characters are absent
    expect(json).not.toMatch(/[\u001b\u009b\u202e\u200d]/);
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('shows a line break inside a value, but keeps the output’s own line breaks', () => {
    expect(terminalSafe('one\ntwo')).toBe('one\\u000atwo');
    expect(terminalSafeOutput('a,b\r\nc\rd\n')).toBe('a,b\r\nc\\u000dd\n');
  });
});
