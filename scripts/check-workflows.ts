import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lintWorkflows } from './workflow-lint';

/** `npm run check:workflows`: every workflow in .github/workflows/ passes actionlint, before CI ever sees it. */
const directory = join(process.cwd(), '.github', 'workflows');
const names = (await readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort();
if (names.length === 0) {
  process.stderr.write(`check:workflows: no workflow in ${directory}.\n`);
  process.exit(1);
}
const files = await Promise.all(names.map(async (name) => ({ path: join('.github', 'workflows', name), text: await readFile(join(directory, name), 'utf8') })));
const problems = await lintWorkflows(files);
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.stdout.write(problems.length === 0 ? `check:workflows: ${String(names.length)} workflow(s) pass actionlint.\n` : '');
process.exit(problems.length === 0 ? 0 : 1);
