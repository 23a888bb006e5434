import { assertDistinctSizes, assertImageMatchesSize, type IconImage } from './icon-image';

const iconDirectoryBytes = 6;
const directoryEntryBytes = 16;
const resourceTypeIcon = 1;
/** The largest size an ICO directory entry can express (its width and height are one byte, 0 meaning 256). */
export const largestIcoSize = 256;

/**
 * Encodes a Windows .ico holding each image as a PNG-compressed entry (supported since Windows Vista),
 * in the order given: ICONDIR, one ICONDIRENTRY per image, then the PNG data back to back.
 */
export function encodeIco(images: readonly IconImage[]): Buffer {
  if (images.length === 0) throw new Error('An ICO needs at least one image.');
  assertDistinctSizes(images);
  for (const image of images) {
    if (!Number.isInteger(image.size) || image.size < 1 || image.size > largestIcoSize) {
      throw new Error(`An ICO entry must be 1 to ${largestIcoSize} pixels, not ${image.size}.`);
    }
    assertImageMatchesSize(image);
  }

  const header = Buffer.alloc(iconDirectoryBytes + directoryEntryBytes * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(resourceTypeIcon, 2);
  header.writeUInt16LE(images.length, 4);

  let imageOffset = header.length;
  images.forEach((image, index) => {
    const entry = iconDirectoryBytes + directoryEntryBytes * index;
    const dimensionByte = image.size === largestIcoSize ? 0 : image.size;
    header.writeUInt8(dimensionByte, entry); // width
    header.writeUInt8(dimensionByte, entry + 1); // height
    header.writeUInt8(0, entry + 2); // palette colours: none, the image is true colour
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel: RGBA
    header.writeUInt32LE(image.png.length, entry + 8);
    header.writeUInt32LE(imageOffset, entry + 12);
    imageOffset += image.png.length;
  });

  return Buffer.concat([header, ...images.map((image) => image.png)]);
}
