/**
 * Marked regions in the docs: `<!-- figures:NAME -->` … `<!-- /figures -->`. What lies between the markers is written
 * by `npm run docs:figures`, never by hand, so a figure the code can tell cannot go stale.
 */
const REGION = /<!-- figures:([a-z0-9-]+) -->\n[\s\S]*?<!-- \/figures -->/g;

/** The names of the regions a document marks, in order. */
export function regionNames(text: string): string[] {
  return [...text.matchAll(REGION)].map((match) => match[1] ?? '');
}

/** The document with each marked region's body replaced by its block; a region no block is known for is an error. */
export function rewriteRegions(text: string, blocks: Readonly<Record<string, string>>): string {
  return text.replace(REGION, (_region, name: string) => {
    const block = Object.hasOwn(blocks, name) ? blocks[name] : undefined;
    if (block === undefined) throw new Error(`no figures are known for the region "${name}"`);
    return `<!-- figures:${name} -->\n${block.trimEnd()}\n<!-- /figures -->`;
  });
}
