import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The project's documentation, relative to the checkout: README.md and every page in docs/. */
export async function markdownFiles(root: string): Promise<string[]> {
  const pages = (await readdir(join(root, 'docs'))).filter((name) => name.endsWith('.md')).sort();
  return ['README.md', ...pages.map((name) => `docs/${name}`)];
}
