import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readIcns, readIco } from './icon-container-readers';
import { buildResourcesDirectory, iconSourcePath, iconTargets } from './icon-targets';
import { alphaAt, decodeRgbaPng } from './png-pixels';
import { readPngDimensions } from './png';
import { renderIcons } from './render-icons';

function generated(icons: ReadonlyMap<string, Buffer>, path: string): Buffer {
  const file = icons.get(path);
  if (file === undefined) throw new Error(`${path} was not generated.`);
  return file;
}

describe('renderIcons', () => {
  let icons: Map<string, Buffer>;

  beforeAll(async () => {
    icons = renderIcons(await readFile(join(buildResourcesDirectory, iconSourcePath), 'utf8'));
  });

  it('produces exactly the listed targets', () => {
    expect([...icons.keys()].sort()).toEqual(iconTargets.map(({ path }) => path).sort());
  });

  it('renders every target at its pixel sizes', () => {
    for (const target of iconTargets) {
      const file = generated(icons, target.path);
      switch (target.format) {
        case 'png':
          expect(readPngDimensions(file), target.path).toEqual({ width: target.size, height: target.size });
          break;
        case 'ico':
          expect(readIco(file).entries.map(({ data }) => readPngDimensions(data)), target.path).toEqual(
            target.sizes.map((size) => ({ width: size, height: size })),
          );
          break;
        case 'icns': {
          const pixelSizes = new Set(readIcns(file).entries.map(({ data }) => readPngDimensions(data).width));
          expect([...pixelSizes].sort((a, b) => a - b), target.path).toEqual([...target.sizes].sort((a, b) => a - b));
          break;
        }
      }
    }
  });

  it('draws something at 16 px', () => {
    const smallest = decodeRgbaPng(generated(icons, 'icons/16x16.png'));
    const opaquePixels = Array.from({ length: 16 * 16 }, (_, index) => alphaAt(smallest, index % 16, Math.floor(index / 16))).filter(
      (alpha) => alpha > 0,
    );

    expect(opaquePixels.length).toBeGreaterThan(16 * 16 * 0.75);
  });

  it('fills the canvas for Windows and Linux, and insets the art on the macOS grid', () => {
    const fullBleed = decodeRgbaPng(generated(icons, 'icon.png'));
    const macEntry = readIcns(generated(icons, 'icon.icns')).entries.find(({ type }) => type === 'ic10');
    if (macEntry === undefined) throw new Error('The icns has no 1024 px entry.');
    const appleGrid = decodeRgbaPng(macEntry.data);

    // Halfway down the left edge: inside the art when it fills the canvas, in the transparent margin on Apple's grid,
    // whose 824 px body starts 100 px in.
    expect(alphaAt(fullBleed, 50, 512)).toBe(255);
    expect(alphaAt(appleGrid, 50, 512)).toBe(0);
    expect(alphaAt(appleGrid, 110, 512)).toBe(255);
  });

  it('matches the icons committed in assets/ (run npm run icons after editing the SVG)', async () => {
    const stale: string[] = [];
    for (const [path, contents] of icons) {
      const committed = await readFile(join(buildResourcesDirectory, path)).catch(() => undefined);
      if (committed?.equals(contents) !== true) stale.push(path);
    }

    expect(stale).toEqual([]);
  });

  it('renders the same bytes every time', async () => {
    const again = renderIcons(await readFile(join(buildResourcesDirectory, iconSourcePath), 'utf8'));

    expect([...again].every(([path, contents]) => icons.get(path)?.equals(contents) === true)).toBe(true);
  });
});
