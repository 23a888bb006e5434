import { crc32, deflateSync } from 'node:zlib';
import { pngSignature } from './png';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid, opaque RGBA PNG of the given size, so encoder tests do not depend on the renderer. Each size gets its
 * own colour, which makes the PNGs differ and lets a test notice entries written in the wrong place.
 */
export function solidPng(width: number, height: number = width): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type: RGBA
  const pixel = [width % 256, height % 256, 0x80, 0xff];
  // Each scanline starts with filter type 0 (none).
  const scanline = Buffer.from([0, ...Array.from({ length: width }, () => pixel).flat()]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => scanline));
  return Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}
