import { assertDistinctSizes, assertImageMatchesSize, type IconImage } from './icon-image';

/**
 * The PNG-capable ICNS entry types and the pixel size each holds. Retina types (ic10 to ic14) share pixel
 * sizes with standard ones, so one rendering fills both: 32 px serves icp5 (32) and ic11 (16@2x).
 */
export const icnsTypes = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 },
  { type: 'ic11', pixels: 32 },
  { type: 'ic12', pixels: 64 },
  { type: 'ic13', pixels: 256 },
  { type: 'ic14', pixels: 512 },
] as const;

export type IcnsType = (typeof icnsTypes)[number]['type'];

/** Four-byte type + four-byte big-endian length, both for the file and for each entry. */
const headerBytes = 8;

/**
 * Encodes a macOS .icns: the 'icns' magic and total length, then one entry per ICNS type whose pixel size is
 * among the images (type, length including its header, PNG data), in the order of {@link icnsTypes}.
 */
export function encodeIcns(images: readonly IconImage[]): Buffer {
  if (images.length === 0) throw new Error('An ICNS needs at least one image.');
  assertDistinctSizes(images);
  for (const image of images) {
    if (!icnsTypes.some(({ pixels }) => pixels === image.size)) {
      throw new Error(`No ICNS type holds a ${image.size}×${image.size} image.`);
    }
    assertImageMatchesSize(image);
  }

  const entries: Buffer[] = [];
  for (const { type, pixels } of icnsTypes) {
    const image = images.find(({ size }) => size === pixels);
    if (image === undefined) continue;
    const entryHeader = Buffer.alloc(headerBytes);
    entryHeader.write(type, 0, 'latin1');
    entryHeader.writeUInt32BE(headerBytes + image.png.length, 4);
    entries.push(entryHeader, image.png);
  }

  const fileHeader = Buffer.alloc(headerBytes);
  fileHeader.write('icns', 0, 'latin1');
  fileHeader.writeUInt32BE(headerBytes + entries.reduce((total, part) => total + part.length, 0), 4);
  return Buffer.concat([fileHeader, ...entries]);
}
