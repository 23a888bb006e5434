// `npm run docs:figures`: rewrites the marked figure regions in README.md and docs/*.md from the code (see
// scripts/docs/figures.ts). scripts/docs/figures.test.ts fails when the committed docs differ from what this writes.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { figureBlocks } from './docs/figures';
import { markdownFiles } from './docs/markdown-files';
import { rewriteRegions } from './docs/regions';

const root = process.cwd();
const blocks = await figureBlocks(root);
for (const file of await markdownFiles(root)) {
  const text = await readFile(join(root, file), 'utf8');
  const rewritten = rewriteRegions(text, blocks);
  if (rewritten === text) continue;
  await writeFile(join(root, file), rewritten);
  process.stdout.write(`docs:figures: rewrote ${file}\n`);
}
