import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The local Microsoft cloud the app runs against when no tenant is configured (`npm run demo`): the demo
 * launcher points SAM_DESK_LOCAL_CLOUD at the descriptor the emulators wrote. A file-format contract between two
 * processes, so it is parsed, never trusted.
 */
export const localCloudDescriptorSchema = z.object({
  kind: z.literal('sam-desk-local-cloud'),
  version: z.literal(1),
  // Graph joined later: a description written by an older local cloud has none, and still reads.
  endpoints: z.object({ entra: z.url(), keyVault: z.url(), partnerCenter: z.url(), graph: z.url().optional(), control: z.url() }),
  tenantId: z.string().min(1),
  tenantDomain: z.string().min(1),
  clientId: z.string().min(1),
  redirectUri: z.url(),
  caBundlePath: z.string().min(1),
  demoAccounts: z.array(z.object({ userPrincipalName: z.string(), mfa: z.boolean() })),
  customers: z.number().int().nonnegative(),
  clockPath: z.string().min(1).optional(),
});
export type LocalCloudDescriptor = z.infer<typeof localCloudDescriptorSchema>;

export type LocalCloudLookup = { readonly kind: 'none' } | { readonly kind: 'local'; readonly descriptor: LocalCloudDescriptor } | { readonly kind: 'unreadable'; readonly path: string };

export function findLocalCloud(env: Readonly<Record<string, string | undefined>>): LocalCloudLookup {
  const path = env.SAM_DESK_LOCAL_CLOUD;
  if (!path) return { kind: 'none' };
  try {
    const parsed = localCloudDescriptorSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? { kind: 'local', descriptor: parsed.data } : { kind: 'unreadable', path };
  } catch {
    return { kind: 'unreadable', path };
  }
}
