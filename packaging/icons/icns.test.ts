import { describe, expect, it } from 'vitest';
import { encodeIcns } from './icns';
import { readIcns } from './icon-container-readers';
import { solidPng } from './png-fixture';
import { pngSignature, readPngDimensions } from './png';

describe('encodeIcns', () => {
  const sizes = [16, 32, 64, 128, 256, 512, 1024];
  const images = sizes.map((size) => ({ size, png: solidPng(size) }));

  it("starts with the 'icns' magic and a big-endian total length equal to the file's", () => {
    const encoded = encodeIcns(images);
    const icns = readIcns(encoded);

    expect(icns.magic).toBe('icns');
    expect(icns.declaredLength).toBe(encoded.length);
  });

  it('writes every standard and Retina type, each a PNG of the pixel size the type stands for', () => {
    const encoded = encodeIcns(images);
    const { entries } = readIcns(encoded);

    expect(entries.map(({ type, data }) => [type, readPngDimensions(data).width])).toEqual([
      ['icp4', 16],
      ['icp5', 32],
      ['icp6', 64],
      ['ic07', 128],
      ['ic08', 256],
      ['ic09', 512],
      ['ic10', 1024],
      ['ic11', 32],
      ['ic12', 64],
      ['ic13', 256],
      ['ic14', 512],
    ]);
    for (const entry of entries) {
      const { width, height } = readPngDimensions(entry.data);
      expect(entry.data.subarray(0, 8).equals(pngSignature), `${entry.type} is a PNG`).toBe(true);
      expect(height, `${entry.type} is square`).toBe(width);
      expect(entry.length, `${entry.type} length includes its header`).toBe(8 + entry.data.length);
      expect(entry.data.equals(solidPng(width)), `${entry.type} holds the image of its size`).toBe(true);
    }
    expect(8 + entries.reduce((total, { length }) => total + length, 0), 'the entries fill the file').toBe(encoded.length);
  });

  it('writes only the types the given sizes fill', () => {
    const { entries } = readIcns(encodeIcns([{ size: 32, png: solidPng(32) }]));

    expect(entries.map(({ type }) => type)).toEqual(['icp5', 'ic11']);
  });

  it('refuses sizes no ICNS type holds, PNGs of the wrong size, duplicates and no images at all', () => {
    expect(() => encodeIcns([{ size: 48, png: solidPng(48) }])).toThrow(/No ICNS type/);
    expect(() => encodeIcns([{ size: 64, png: solidPng(32) }])).toThrow(/declared as 64×64 is 32×32/);
    expect(() => encodeIcns([{ size: 16, png: solidPng(16) }, { size: 16, png: solidPng(16) }])).toThrow(/More than one/);
    expect(() => encodeIcns([])).toThrow(/at least one/);
  });
});
