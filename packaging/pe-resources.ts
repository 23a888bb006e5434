/**
 * The part of resedit (the PE resource editor electron-builder itself uses to embed the asar's hash in the Windows
 * exe) the packaging check needs. Loaded by a computed specifier so its types stay out of the program: they pull in
 * the DOM library, whose WebCrypto types clash with Node's.
 */
interface ResourceEntry {
  readonly type: string | number;
  readonly id: string | number;
  readonly lang: number;
  readonly codepage: number;
  readonly bin: ArrayBuffer;
}

interface Resedit {
  readonly NtExecutable: {
    createEmpty(is32Bit?: boolean, isDLL?: boolean): { generate(): ArrayBuffer };
    from(bin: ArrayBuffer | ArrayBufferView): { generate(): ArrayBuffer };
  };
  readonly NtExecutableResource: {
    from(executable: unknown): { entries: ResourceEntry[]; outputResource(executable: unknown): void };
  };
  readonly Resource: {
    readonly VersionInfo: {
      createEmpty(): { setStringValues(language: { lang: number; codepage: number }, values: Record<string, string>): void; outputToResourceEntries(entries: ResourceEntry[]): void };
    };
  };
}

const specifier = 'resedit';
const load = async (): Promise<Resedit> => (await import(specifier)) as Resedit;

/** An empty 64-bit Windows executable with a version resource (one language) and the given raw resources. */
export async function executableWithResources(version: Record<string, string>, raw: ReadonlyArray<{ readonly type: number; readonly id: string; readonly bin: Buffer }>): Promise<Buffer> {
  const { NtExecutable, NtExecutableResource, Resource } = await load();
  const executable = NtExecutable.createEmpty(false, false);
  const resources = NtExecutableResource.from(executable);
  const info = Resource.VersionInfo.createEmpty();
  info.setStringValues({ lang: 1033, codepage: 1200 }, version);
  info.outputToResourceEntries(resources.entries);
  for (const entry of raw) resources.entries.push({ type: entry.type, id: entry.id, lang: 1033, codepage: 1200, bin: new Uint8Array(entry.bin).buffer });
  resources.outputResource(executable);
  return Buffer.from(executable.generate());
}

/** A resource of a Windows executable by type and id, or null. */
export async function executableResource(file: Buffer, type: string | number, id: string | number): Promise<Buffer | null> {
  const { NtExecutable, NtExecutableResource } = await load();
  const entry = NtExecutableResource.from(NtExecutable.from(file)).entries.find((candidate) => candidate.type === type && candidate.id === id);
  return entry ? Buffer.from(entry.bin) : null;
}
