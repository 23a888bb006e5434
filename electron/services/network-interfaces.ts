import { networkInterfaces } from 'node:os';

/** Online when any non-loopback interface has an address: the same signal Chromium's navigator.onLine uses. */
export function hasNetworkInterface(): boolean {
  return Object.values(networkInterfaces()).some((addresses) => addresses?.some((address) => !address.internal) ?? false);
}
