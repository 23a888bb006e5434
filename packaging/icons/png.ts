/** The eight bytes every PNG file starts with. */
export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Signature (8) + IHDR length (4) + type (4) + width (4) + height (4). */
const bytesUpToIhdrDimensions = 24;

export interface PngDimensions {
  readonly width: number;
  readonly height: number;
}

/**
 * The pixel size a PNG declares in its IHDR chunk, which the PNG specification requires to come first.
 * Throws when the data is not a PNG, so a container is never filled with something an OS cannot decode.
 */
export function readPngDimensions(png: Buffer): PngDimensions {
  if (png.length < bytesUpToIhdrDimensions || !png.subarray(0, pngSignature.length).equals(pngSignature)) {
    throw new Error('Not a PNG: the PNG signature is missing.');
  }
  if (png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG: the first chunk is not IHDR.');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
