import { readPngDimensions } from './png';

/** One square rendering of the icon, as PNG data, at the pixel size it is declared to have. */
export interface IconImage {
  readonly size: number;
  readonly png: Buffer;
}

/**
 * Throws unless the PNG really is `size`×`size`: containers record the size separately from the image,
 * and a mismatch makes the OS scale the wrong image or skip the entry.
 */
export function assertImageMatchesSize(image: IconImage): void {
  const { width, height } = readPngDimensions(image.png);
  if (width !== image.size || height !== image.size) {
    throw new Error(`Icon image declared as ${image.size}×${image.size} is ${width}×${height}.`);
  }
}

/** Throws when two images share a size: a container holds one image per size, and which one wins would be arbitrary. */
export function assertDistinctSizes(images: readonly IconImage[]): void {
  const seen = new Set<number>();
  for (const { size } of images) {
    if (seen.has(size)) throw new Error(`More than one icon image of size ${size}.`);
    seen.add(size);
  }
}
