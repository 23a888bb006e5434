import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figureBlocks } from './figures';
import { markdownFiles } from './markdown-files';
import { regionNames, rewriteRegions } from './regions';

const root = join(import.meta.dirname, '..', '..');

describe('the figures in the docs', () => {
  it('are what `npm run docs:figures` writes from the code', async () => {
    const blocks = await figureBlocks(root);
    for (const file of await markdownFiles(root)) {
      const text = await readFile(join(root, file), 'utf8');
      expect(rewriteRegions(text, blocks), `${file} differs from the code: run npm run docs:figures`).toBe(text);
    }
  });

  it('are each quoted somewhere', async () => {
    const used = new Set<string>();
    for (const file of await markdownFiles(root)) for (const name of regionNames(await readFile(join(root, file), 'utf8'))) used.add(name);
    expect([...used].sort()).toEqual(Object.keys(await figureBlocks(root)).sort());
  });
});

describe('marked regions', () => {
  it('have their body replaced and the text around them kept', () => {
    const text = 'before\n<!-- figures:a -->\nold\nlines\n<!-- /figures -->\nafter <!-- figures:b -->\n<!-- /figures -->\n';
    expect(rewriteRegions(text, { a: 'new', b: 'B\n' })).toBe('before\n<!-- figures:a -->\nnew\n<!-- /figures -->\nafter <!-- figures:b -->\nB\n<!-- /figures -->\n');
    expect(regionNames(text)).toEqual(['a', 'b']);
  });

  it('name figures the script knows', () => {
    expect(() => rewriteRegions('<!-- figures:nope -->\n<!-- /figures -->', {})).toThrow('"nope"');
  });
});
