/**
 * Writes the app icons electron-builder packages (png, ico, icns, the Linux set) from assets/icon.svg.
 *   node --import tsx scripts/generate-icons.ts           regenerate the files in assets/
 *   node --import tsx scripts/generate-icons.ts --check   exit 1 if any file in assets/ is missing or stale
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildResourcesDirectory, iconSourcePath } from '../packaging/icons/icon-targets';
import { renderIcons } from '../packaging/icons/render-icons';

const usage = 'usage: node --import tsx scripts/generate-icons.ts [--check]';
const displayDirectory = 'assets';

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeIcons(icons: ReadonlyMap<string, Buffer>): Promise<void> {
  for (const [relativePath, contents] of icons) {
    const path = join(buildResourcesDirectory, relativePath);
    const onDisk = await readIfPresent(path);
    // Leaving identical files alone keeps their timestamps, so builds that watch assets/ do not rerun for nothing.
    if (onDisk?.equals(contents) === true) {
      console.log(`unchanged ${displayDirectory}/${relativePath} (${contents.length} bytes)`);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, contents);
    console.log(`wrote     ${displayDirectory}/${relativePath} (${contents.length} bytes)`);
  }
}

async function checkIcons(icons: ReadonlyMap<string, Buffer>): Promise<boolean> {
  const problems: string[] = [];
  for (const [relativePath, contents] of icons) {
    const onDisk = await readIfPresent(join(buildResourcesDirectory, relativePath));
    if (onDisk === undefined) problems.push(`missing  ${displayDirectory}/${relativePath}`);
    else if (!onDisk.equals(contents)) problems.push(`differs  ${displayDirectory}/${relativePath}`);
  }
  if (problems.length > 0) {
    console.error(`The icons in ${displayDirectory}/ do not match ${displayDirectory}/${iconSourcePath}:`);
    for (const problem of problems) console.error(`  ${problem}`);
    console.error('run npm run icons');
    return false;
  }
  console.log(`All ${icons.size} icons in ${displayDirectory}/ match ${displayDirectory}/${iconSourcePath}.`);
  return true;
}

async function main(args: readonly string[]): Promise<number> {
  const check = args.includes('--check');
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`Unknown argument ${unknown.join(' ')}\n${usage}`);
    return 2;
  }
  const sourceSvg = await readFile(join(buildResourcesDirectory, iconSourcePath), 'utf8');
  const icons = renderIcons(sourceSvg);
  if (check) return (await checkIcons(icons)) ? 0 : 1;
  await writeIcons(icons);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
