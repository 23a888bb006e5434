import { readFileSync } from 'node:fs';

/** The version from package.json, read once; the packaged app and a checkout both carry one. */
export function readPackageVersion(packageJsonUrl: URL): string {
  const parsed: unknown = JSON.parse(readFileSync(packageJsonUrl, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  return '0.0.0';
}
