import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownFiles } from './markdown-files';

const root = join(import.meta.dirname, '..', '..');

/** The targets of a Markdown document's inline links and images (`[text](target)`, `![alt](target)`), code left out. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** A link into the checkout (not a web address, a mail address or an anchor in the same page), without its anchor. */
function relativePath(target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return null;
  return decodeURIComponent(target.split('#')[0] ?? '');
}

describe('links in README.md and docs/', () => {
  it('find the link targets in prose, not in code', () => {
    expect(linkTargets('See [a](docs/a.md#x), ![b](<docs/b c.png>), [web](https://x.org), `[c](no.md)`\n```\n[d](no.md)\n```')).toEqual(['docs/a.md#x', 'docs/b c.png', 'https://x.org']);
  });

  it('point at files that exist', async () => {
    const missing: string[] = [];
    const files = await markdownFiles(root);
    for (const file of files) {
      for (const target of linkTargets(await readFile(join(root, file), 'utf8'))) {
        const path = relativePath(target);
        if (path === null) continue;
        await access(join(root, dirname(file), path)).catch(() => missing.push(`${file} → ${target}`));
      }
    }
    expect(files.length).toBeGreaterThan(1);
    expect(missing).toEqual([]);
  });
});
