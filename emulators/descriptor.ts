import { writeFileSync } from 'node:fs';
import type { LocalCloud } from './local-cloud';

/**
 * What a running local cloud tells the app and scripts: where each service is, the partner tenant, the demo app's
 * client id and redirect URI, and the CA bundle to trust. No secret is written here: the app asks the control API
 * for the demo app's secret once and keeps it in the OS keychain, like any other client secret.
 */
export interface LocalCloudDescriptor {
  readonly kind: 'sam-desk-local-cloud';
  readonly version: 1;
  readonly endpoints: LocalCloud['endpoints'];
  readonly tenantId: string;
  readonly tenantDomain: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly caBundlePath: string;
  readonly demoAccounts: ReadonlyArray<{ readonly userPrincipalName: string; readonly mfa: boolean }>;
  readonly customers: number;
  /** The file holding the cloud clock's offset (emulators/clock-file.ts), which the app's clock follows. */
  readonly clockPath?: string;
}

export function describeLocalCloud(cloud: LocalCloud, clockPath?: string): LocalCloudDescriptor {
  const { world } = cloud.state;
  return {
    kind: 'sam-desk-local-cloud',
    version: 1,
    endpoints: cloud.endpoints,
    tenantId: world.partner.tenantId,
    tenantDomain: world.partner.domain,
    clientId: world.app.clientId,
    redirectUri: 'http://localhost',
    caBundlePath: cloud.tls.caBundlePath,
    demoAccounts: world.admins.map((user) => ({ userPrincipalName: user.userPrincipalName, mfa: user.mfaRegistered })),
    customers: world.customerCount,
    ...(clockPath ? { clockPath } : {}),
  };
}

export function writeDescriptor(path: string, descriptor: LocalCloudDescriptor): void {
  writeFileSync(path, `${JSON.stringify(descriptor, null, 2)}\n`, { mode: 0o600 });
}
