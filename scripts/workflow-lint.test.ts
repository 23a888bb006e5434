import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintWorkflows } from './workflow-lint';

const ciPath = '.github/workflows/ci.yml';
const ci = readFileSync(new URL('../.github/workflows/ci.yml', import.meta.url), 'utf8');

describe('lintWorkflows', () => {
  it('passes the project workflow', async () => {
    expect(await lintWorkflows([{ path: ciPath, text: ci }])).toEqual([]);
  });

  it('fails a workflow that names a matrix key it does not define', async () => {
    const broken = ci.replace('runs-on: ${{ matrix.os }}', 'runs-on: ${{ matrix.system }}');
    expect(broken).not.toBe(ci);
    const problems = await lintWorkflows([{ path: ciPath, text: broken }]);
    expect(problems.join('\n')).toMatch(/^\.github\/workflows\/ci\.yml:\d+:\d+: .*"system".*\[expression\]/m);
  });

  it('fails a job without runs-on and an unknown step key', async () => {
    const text = ['on: push', 'jobs:', '  test:', '    steps:', '      - run: npm test', '        shel: bash', ''].join('\n');
    const problems = await lintWorkflows([{ path: 'broken.yml', text }]);
    expect(problems.some((problem) => problem.includes('"runs-on" section is missing'))).toBe(true);
    expect(problems.some((problem) => problem.includes('"shel"'))).toBe(true);
  });
});
