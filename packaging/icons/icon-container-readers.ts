/** Readers for the containers the encoders write, so tests can take the files apart the way an OS would. */

export interface IcoDirectoryEntry {
  /** As stored: 0 stands for 256. */
  readonly widthByte: number;
  readonly heightByte: number;
  readonly colourCount: number;
  readonly reserved: number;
  readonly planes: number;
  readonly bitCount: number;
  readonly length: number;
  readonly offset: number;
  readonly data: Buffer;
}

export interface IcoFile {
  readonly reserved: number;
  readonly resourceType: number;
  readonly entries: readonly IcoDirectoryEntry[];
}

export function readIco(ico: Buffer): IcoFile {
  const count = ico.readUInt16LE(4);
  const entries = Array.from({ length: count }, (_, index): IcoDirectoryEntry => {
    const entry = 6 + 16 * index;
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return {
      widthByte: ico.readUInt8(entry),
      heightByte: ico.readUInt8(entry + 1),
      colourCount: ico.readUInt8(entry + 2),
      reserved: ico.readUInt8(entry + 3),
      planes: ico.readUInt16LE(entry + 4),
      bitCount: ico.readUInt16LE(entry + 6),
      length,
      offset,
      data: ico.subarray(offset, offset + length),
    };
  });
  return { reserved: ico.readUInt16LE(0), resourceType: ico.readUInt16LE(2), entries };
}

export interface IcnsEntry {
  readonly type: string;
  /** As stored: includes the entry's 8-byte header. */
  readonly length: number;
  readonly data: Buffer;
}

export interface IcnsFile {
  readonly magic: string;
  readonly declaredLength: number;
  readonly entries: readonly IcnsEntry[];
}

/** Walks the entries by their lengths; throws when a length would run past the end or not advance. */
export function readIcns(icns: Buffer): IcnsFile {
  const entries: IcnsEntry[] = [];
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4);
    if (length <= 8 || offset + length > icns.length) throw new Error(`ICNS entry at ${offset} has impossible length ${length}.`);
    entries.push({ type: icns.toString('latin1', offset, offset + 4), length, data: icns.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return { magic: icns.toString('latin1', 0, 4), declaredLength: icns.readUInt32BE(4), entries };
}
