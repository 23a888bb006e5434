/**
 * The packages the packaged app loads at run time, from package-lock.json: the production dependencies and what they
 * need, resolved the way Node resolves (a nested node_modules first, then each parent's), without the install-time
 * helpers a native module brings (they download or compile it; the app never loads them).
 */
export const INSTALL_TIME_ONLY: readonly string[] = ['prebuild-install', 'node-addon-api'];

interface LockPackage {
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly peerDependenciesMeta?: Readonly<Record<string, { readonly optional?: boolean }>>;
  readonly os?: readonly string[];
}

export interface PackageLock {
  readonly packages: Readonly<Record<string, LockPackage>>;
}

/** Where Node finds `name` when `from` (a lock path, '' for the app) requires it, or null (not installed). */
function resolveFrom(lock: PackageLock, from: string, name: string): string | null {
  for (let base = from; ; ) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (candidate in lock.packages) return candidate;
    if (base === '') return null;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

/** Lock paths (e.g. "node_modules/@azure/identity") of every package the app loads at run time. */
export function runtimePackagePaths(lock: PackageLock, dependencies: readonly string[], skip: readonly string[] = INSTALL_TIME_ONLY): Set<string> {
  const found = new Set<string>();
  const pending: Array<readonly [string, string]> = dependencies.map((name) => ['', name] as const);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [from, name] = next;
    if (skip.includes(name)) continue;
    const path = resolveFrom(lock, from, name);
    if (path === null || found.has(path)) continue;
    found.add(path);
    const entry = lock.packages[path] ?? {};
    const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional === true).map(([peer]) => peer));
    const wanted = [...Object.keys(entry.dependencies ?? {}), ...Object.keys(entry.optionalDependencies ?? {}), ...Object.keys(entry.peerDependencies ?? {}).filter((peer) => !optionalPeers.has(peer))];
    for (const dependency of wanted) pending.push([path, dependency]);
  }
  return found;
}
