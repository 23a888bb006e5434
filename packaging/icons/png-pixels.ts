import { inflateSync } from 'node:zlib';
import { readPngDimensions } from './png';

export interface RgbaPixels {
  readonly width: number;
  readonly height: number;
  /** Row-major, four bytes (red, green, blue, alpha) per pixel. */
  readonly data: Buffer;
}

const bytesPerPixel = 4;

function paeth(left: number, above: number, upperLeft: number): number {
  const estimate = left + above - upperLeft;
  const toLeft = Math.abs(estimate - left);
  const toAbove = Math.abs(estimate - above);
  const toUpperLeft = Math.abs(estimate - upperLeft);
  if (toLeft <= toAbove && toLeft <= toUpperLeft) return left;
  return toAbove <= toUpperLeft ? above : upperLeft;
}

/**
 * Decodes the pixels of an 8-bit RGBA, non-interlaced PNG (what the renderer writes), so tests can look at what
 * an icon shows. Throws on any other kind of PNG rather than misreading it.
 */
export function decodeRgbaPng(png: Buffer): RgbaPixels {
  const { width, height } = readPngDimensions(png);
  const [bitDepth, colourType, , , interlace] = png.subarray(24, 29);
  if (bitDepth !== 8 || colourType !== 6 || interlace !== 0) {
    throw new Error(`Only 8-bit RGBA non-interlaced PNGs are supported (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}).`);
  }

  const compressed: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') compressed.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length; // length, type, data, CRC
  }
  const filtered = inflateSync(Buffer.concat(compressed));

  const stride = width * bytesPerPixel;
  const data = Buffer.alloc(stride * height);
  for (let row = 0; row < height; row += 1) {
    const filter = filtered[row * (stride + 1)];
    const source = filtered.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1));
    const rowStart = row * stride;
    for (let column = 0; column < stride; column += 1) {
      const left = column >= bytesPerPixel ? (data[rowStart + column - bytesPerPixel] ?? 0) : 0;
      const above = row > 0 ? (data[rowStart - stride + column] ?? 0) : 0;
      const upperLeft = row > 0 && column >= bytesPerPixel ? (data[rowStart - stride + column - bytesPerPixel] ?? 0) : 0;
      const predictor = [0, left, above, (left + above) >> 1, paeth(left, above, upperLeft)][filter ?? -1];
      if (predictor === undefined) throw new Error(`Unknown PNG filter type ${filter} on row ${row}.`);
      data[rowStart + column] = ((source[column] ?? 0) + predictor) & 0xff;
    }
  }
  return { width, height, data };
}

/** The alpha (0 to 255) of the pixel at column x, row y. */
export function alphaAt(pixels: RgbaPixels, x: number, y: number): number {
  return pixels.data[(y * pixels.width + x) * bytesPerPixel + 3] ?? 0;
}
