import { Resvg } from '@resvg/resvg-js';
import { encodeIcns } from './icns';
import { encodeIco } from './ico';
import type { IconImage } from './icon-image';
import { iconTargets, type IconArtwork, type IconTarget } from './icon-targets';
import { readPngDimensions } from './png';

/** Apple's macOS icon grid: an 824-unit icon body centred on a 1024-unit canvas. */
const appleGridCanvas = 1024;
const appleGridBody = 824;

function placeOnCanvas(sourceSvg: string, artwork: IconArtwork): string {
  if (artwork === 'full-bleed') return sourceSvg;
  // Embedding the source as an SVG image keeps it vector (it is rendered at the final resolution) and leaves the
  // source's own root attributes untouched.
  const margin = (appleGridCanvas - appleGridBody) / 2;
  const source = `data:image/svg+xml;base64,${Buffer.from(sourceSvg, 'utf8').toString('base64')}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${appleGridCanvas} ${appleGridCanvas}">`,
    `<image x="${margin}" y="${margin}" width="${appleGridBody}" height="${appleGridBody}" href="${source}"/>`,
    '</svg>',
  ].join('');
}

function rasterize(svg: string, size: number): Buffer {
  // No system fonts: the icon has no text, and fonts installed on one machine must not change the output.
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false }, logLevel: 'off' }).render().asPng();
  const { width, height } = readPngDimensions(png);
  if (width !== size || height !== size) {
    throw new Error(`The icon source must be square: rendering it ${size} wide gave ${width}×${height}.`);
  }
  return png;
}

/**
 * Renders every icon target from the SVG source, returning each file's bytes by its path relative to the
 * build resources directory. The output depends only on the source, so the committed files can be checked against it.
 */
export function renderIcons(sourceSvg: string, targets: readonly IconTarget[] = iconTargets): Map<string, Buffer> {
  // Several targets need the same rendering (the 256 px image goes into the ico, the icns and the Linux set).
  const renderings = new Map<string, Buffer>();
  const render = (artwork: IconArtwork, size: number): IconImage => {
    const key = `${artwork}@${size}`;
    let png = renderings.get(key);
    if (png === undefined) {
      png = rasterize(placeOnCanvas(sourceSvg, artwork), size);
      renderings.set(key, png);
    }
    return { size, png };
  };

  const files = new Map<string, Buffer>();
  for (const target of targets) {
    switch (target.format) {
      case 'png':
        files.set(target.path, render(target.artwork, target.size).png);
        break;
      case 'ico':
        files.set(target.path, encodeIco(target.sizes.map((size) => render(target.artwork, size))));
        break;
      case 'icns':
        files.set(target.path, encodeIcns(target.sizes.map((size) => render(target.artwork, size))));
        break;
    }
  }
  return files;
}
