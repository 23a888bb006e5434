import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire, type FuseV1Config } from '@electron/fuses';

/** A fuse's byte on the wire: ASCII '1' on, '0' off (@electron/fuses does not export its FuseState). */
export const FUSE_ON = 0x31;
export const FUSE_OFF = 0x30;

/** The platforms electron-builder packs for, by Electron's names. */
export type PackagedPlatform = 'darwin' | 'mas' | 'win32' | 'linux';

/**
 * The Electron fuses SAM Desk ships with. Fuses are bits in the Electron binary itself, so no argument, environment
 * variable or file next to the app can turn them back on. Each one closes a way to run other code with the app's
 * identity, which the OS keychain and Key Vault trust:
 * - RunAsNode off: ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node.js for any script.
 * - NODE_OPTIONS and --inspect off: `--require` or a debugger attached to main would see every refresh token.
 * - Only load the app from its asar, and check that asar against the hash embedded at packaging time (macOS and
 *   Windows, where Electron supports it): an edited or swapped app.asar does not start.
 * - Cookie encryption on: the sign-in window's cookies are encrypted with the OS key store.
 * - file:// gets no extra privileges: the window is served from app://, never from file://.
 */
export function samDeskFuses(platform: PackagedPlatform, arch: string): FuseV1Config {
  const macOS = platform === 'darwin' || platform === 'mas';
  return {
    version: FuseVersion.V1,
    // Flipping fuses invalidates the ad-hoc signature Apple silicon needs to start at all; signing comes after.
    resetAdHocDarwinSignature: macOS && arch === 'arm64',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: macOS || platform === 'win32',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** What electron-builder's afterPack hook is given (the fields this hook reads). */
export interface AfterPackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  /** electron-builder's Arch enum: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal. */
  readonly arch: number;
  readonly packager: { readonly appInfo: { readonly productFilename: string }; readonly executableName?: string };
}

const archNames = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'] as const;

export function isPackagedPlatform(name: string): name is PackagedPlatform {
  return name === 'darwin' || name === 'mas' || name === 'win32' || name === 'linux';
}

/** The file whose fuse wire is flipped: the .app bundle (fuses find the framework in it), the .exe, or the ELF. */
export function electronExecutable(context: AfterPackContext): string {
  const platform = context.electronPlatformName;
  const name = platform === 'linux' ? (context.packager.executableName ?? context.packager.appInfo.productFilename) : context.packager.appInfo.productFilename;
  const extension = platform === 'darwin' || platform === 'mas' ? '.app' : platform === 'win32' ? '.exe' : '';
  return `${context.appOutDir}/${name}${extension}`;
}

/** The fuses SAM Desk sets, by index on the wire, with the state each must have. */
function intendedStates(fuses: FuseV1Config): Array<readonly [number, number]> {
  return Object.values(FuseV1Options)
    .filter((option): option is FuseV1Options => typeof option === 'number')
    .flatMap((option) => {
      const wanted = fuses[option];
      return wanted === undefined ? [] : [[option, wanted ? FUSE_ON : FUSE_OFF] as const];
    });
}

export interface FuseReadback {
  /** Every fuse not in its intended state (empty: all flipped). */
  readonly wrong: readonly string[];
  /** Fuses a newer Electron has beyond the ones set here: they keep Electron's default (for the build log). */
  readonly extra: number;
  /** The wire as read, fuse by fuse ("RunAsNode=off"), for the build log. */
  readonly states: readonly string[];
}

const stateName = (byte: unknown): string => (byte === FUSE_ON ? 'on' : byte === FUSE_OFF ? 'off' : '?');

/** Reads the fuse wire back from the binary and compares it with the intended states. */
export async function verifyFuses(executable: string, fuses: FuseV1Config): Promise<FuseReadback> {
  const wire: Readonly<Record<string, unknown>> = await getCurrentFuseWire(executable);
  const intended = intendedStates(fuses);
  const wrong = intended.filter(([index, state]) => wire[String(index)] !== state).map(([index]) => FuseV1Options[index] ?? String(index));
  const indices = Object.keys(wire).filter((key) => /^\d+$/.test(key));
  const states = indices.map((key) => `${FuseV1Options[Number(key)] ?? key}=${stateName(wire[key])}`);
  return { wrong, extra: Math.max(0, indices.length - intended.length), states };
}

/** Flips SAM Desk's fuses in the packed app (before electron-builder signs it) and proves they took. */
export async function flipSamDeskFuses(context: AfterPackContext): Promise<FuseV1Config> {
  const platform = context.electronPlatformName;
  if (!isPackagedPlatform(platform)) throw new Error(`Cannot flip fuses for platform "${platform}": expected darwin, mas, win32 or linux.`);
  const fuses = samDeskFuses(platform, archNames[context.arch] ?? 'unknown');
  const executable = electronExecutable(context);
  await flipFuses(executable, fuses);
  const { wrong } = await verifyFuses(executable, fuses);
  if (wrong.length > 0) throw new Error(`Electron fuses did not take in ${executable}: ${wrong.join(', ')}. The build stops rather than ship an unhardened app.`);
  return fuses;
}
