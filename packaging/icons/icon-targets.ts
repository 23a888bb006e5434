import { fileURLToPath } from 'node:url';

/**
 * electron-builder's buildResources directory: the icon source and every generated icon live here, and the paths
 * below are relative to it (with '/' separators, as electron-builder.yml writes them).
 */
export const buildResourcesDirectory = fileURLToPath(new URL('../../assets/', import.meta.url));

/** The one drawing every icon is rendered from. */
export const iconSourcePath = 'icon.svg';

/**
 * How the drawing is placed on the canvas.
 * - 'full-bleed': the drawing fills the canvas, as Windows and Linux icons do.
 * - 'apple-grid': the drawing is inset to 824/1024 of a transparent canvas, as Apple's macOS icon grid expects;
 *   without it the icon looks oversized next to every other app in the Dock. The single SVG stays full-bleed
 *   (it is also the favicon) and the inset is added only when rendering for the icns.
 */
export type IconArtwork = 'full-bleed' | 'apple-grid';

export type IconTarget =
  | { readonly format: 'png'; readonly path: string; readonly artwork: IconArtwork; readonly size: number }
  | { readonly format: 'ico'; readonly path: string; readonly artwork: IconArtwork; readonly sizes: readonly number[] }
  | { readonly format: 'icns'; readonly path: string; readonly artwork: IconArtwork; readonly sizes: readonly number[] };

const linuxSizes = [16, 32, 48, 64, 128, 256, 512] as const;

export const iconTargets: readonly IconTarget[] = [
  // electron-builder's fallback when a platform names no icon of its own.
  { format: 'png', path: 'icon.png', artwork: 'full-bleed', size: 1024 },
  { format: 'ico', path: 'icon.ico', artwork: 'full-bleed', sizes: [16, 24, 32, 48, 64, 128, 256] },
  // One rendering per pixel size; the encoder writes it under every type of that size (see icnsTypes).
  { format: 'icns', path: 'icon.icns', artwork: 'apple-grid', sizes: [16, 32, 64, 128, 256, 512, 1024] },
  // linux.icon in directory form: electron-builder reads the size from each file name.
  ...linuxSizes.map((size): IconTarget => ({ format: 'png', path: `icons/${size}x${size}.png`, artwork: 'full-bleed', size })),
];
