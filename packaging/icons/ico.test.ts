import { describe, expect, it } from 'vitest';
import { encodeIco } from './ico';
import { readIco } from './icon-container-readers';
import { solidPng } from './png-fixture';
import { pngSignature, readPngDimensions } from './png';

describe('encodeIco', () => {
  const sizes = [16, 24, 32, 48, 64, 128, 256];
  const images = sizes.map((size) => ({ size, png: solidPng(size) }));

  it('writes the ICONDIR header for an icon resource with one entry per image', () => {
    const ico = readIco(encodeIco(images));

    expect(ico.reserved).toBe(0);
    expect(ico.resourceType).toBe(1);
    expect(ico.entries).toHaveLength(sizes.length);
  });

  it('writes each entry as a 32-bit, one-plane PNG of its declared size, packed back to back after the directory', () => {
    const encoded = encodeIco(images);
    const { entries } = readIco(encoded);

    let expectedOffset = 6 + 16 * sizes.length;
    entries.forEach((entry, index) => {
      const size = sizes[index] ?? 0;
      const declared = size === 256 ? 0 : size;
      expect({ width: entry.widthByte, height: entry.heightByte }).toEqual({ width: declared, height: declared });
      expect({ colourCount: entry.colourCount, reserved: entry.reserved, planes: entry.planes, bitCount: entry.bitCount }).toEqual({
        colourCount: 0,
        reserved: 0,
        planes: 1,
        bitCount: 32,
      });
      expect(entry.offset, `entry ${index} offset`).toBe(expectedOffset);
      expect(entry.data.subarray(0, 8).equals(pngSignature), `entry ${index} is a PNG`).toBe(true);
      expect(readPngDimensions(entry.data)).toEqual({ width: size, height: size });
      expect(entry.data.equals(images[index]?.png ?? Buffer.alloc(0)), `entry ${index} holds its own image`).toBe(true);
      expectedOffset += entry.length;
    });
    expect(expectedOffset, 'the file ends with the last image').toBe(encoded.length);
  });

  it('refuses sizes an ICO cannot express', () => {
    expect(() => encodeIco([{ size: 512, png: solidPng(512) }])).toThrow(/1 to 256/);
  });

  it('refuses an image whose PNG is not the declared size', () => {
    expect(() => encodeIco([{ size: 16, png: solidPng(32) }])).toThrow(/declared as 16×16 is 32×32/);
  });

  it('refuses data that is not a PNG, two images of one size, and no images at all', () => {
    expect(() => encodeIco([{ size: 16, png: Buffer.alloc(64) }])).toThrow(/Not a PNG/);
    expect(() => encodeIco([{ size: 16, png: solidPng(16) }, { size: 16, png: solidPng(16) }])).toThrow(/More than one/);
    expect(() => encodeIco([])).toThrow(/at least one/);
  });
});
