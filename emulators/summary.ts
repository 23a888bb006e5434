import { DEMO_PASSWORD } from './data/world';
import type { LocalCloudDescriptor } from './descriptor';

/** The lines `npm run emulators` and `npm run demo` print: where everything is and how to sign in. */
export function localCloudSummary(descriptor: LocalCloudDescriptor, descriptorPath: string): string {
  const { endpoints } = descriptor;
  return [
    'The local Microsoft cloud is running:',
    `  Entra ID        ${endpoints.entra}/${descriptor.tenantId}`,
    `  Key Vault       ${endpoints.keyVault}`,
    `  Partner Center  ${endpoints.partnerCenter}/v1  (${String(descriptor.customers)} customers)`,
    `  Microsoft Graph ${endpoints.graph}/v1.0`,
    `  Control API     ${endpoints.control}`,
    `  Demo sign-in    ${descriptor.demoAccounts.map((account) => `${account.userPrincipalName}${account.mfa ? ' (MFA)' : ' (no MFA)'}`).join(', ')}; password ${DEMO_PASSWORD}`,
    `Trust it with NODE_EXTRA_CA_CERTS=${descriptor.caBundlePath}`,
    `Described in ${descriptorPath}`,
    '',
  ].join('\n');
}
