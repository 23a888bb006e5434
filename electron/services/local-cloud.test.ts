import { describe, expect, it } from 'vitest';
import { localCloudDescriptorSchema } from './local-cloud';

/** The description `npm run demo` writes, as the app reads it: with Microsoft Graph, and from before Graph joined. */
describe('the local cloud description', () => {
  const descriptor = {
    kind: 'sam-desk-local-cloud',
    version: 1,
    endpoints: { entra: 'https://localhost:47301', keyVault: 'https://localhost:47302', partnerCenter: 'https://localhost:47303', graph: 'https://localhost:47304', control: 'https://localhost:47300' },
    tenantId: '7b0c1a2e-0000-4000-8000-000000000001',
    tenantDomain: 'contoso-partner.onmicrosoft.com',
    clientId: '0d2d7b3b-0000-4000-8000-000000000002',
    redirectUri: 'http://localhost',
    caBundlePath: '/tmp/ca-bundle.pem',
    demoAccounts: [{ userPrincipalName: 'admin.mfa@contoso-partner.onmicrosoft.com', mfa: true }],
    customers: 300,
  };

  it("reads Microsoft Graph's endpoint", () => {
    expect(localCloudDescriptorSchema.parse(descriptor).endpoints.graph).toBe('https://localhost:47304');
  });

  it('still reads a description written by a local cloud without Graph', () => {
    const { entra, keyVault, partnerCenter, control } = descriptor.endpoints;
    expect(localCloudDescriptorSchema.safeParse({ ...descriptor, endpoints: { entra, keyVault, partnerCenter, control } }).success).toBe(true);
  });
});
