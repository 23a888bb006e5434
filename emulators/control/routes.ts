import { z } from 'zod';
import { graphAppRoles, partnerCenterPagings, type CloudState } from '../core/cloud-state';
import type { CloudEndpoints } from '../core/endpoints';
import { json, type EmulatorRequest, type EmulatorResponse, type Route } from '../core/http';
import type { EntraState } from '../entra/entra-state';
import type { KeyVaultStore } from '../keyvault/store';

/**
 * The control API tests and the demo use to bend the local cloud: inject faults, move the clock, revoke grants,
 * toggle MFA enforcement and Conditional Access, set throttling budgets, expire the client secret or move its end date,
 * grant or deny the app's Microsoft Graph permissions, pick among the response shapes Microsoft documents or sends.
 * Every call must carry `x-emulator-control: 1`: a custom header forces a CORS preflight, which this server never
 * answers, so a web page in the user's browser cannot drive it.
 */
export const CONTROL_HEADER = 'x-emulator-control';

const service = z.enum(['entra', 'keyvault', 'partnercenter', 'graph']);
const faultSchema = z.object({
  service,
  path: z.string().startsWith('/').optional(),
  method: z.string().optional(),
  count: z.number().int().min(1).max(10_000).default(1),
  /** Only requests whose body contains this (e.g. `grant_type=refresh_token`). */
  bodyContains: z.string().min(1).max(256).optional(),
  /** Let this many matching requests through first (e.g. fail the second page). */
  skip: z.number().int().min(0).max(10_000).optional(),
  fault: z.discriminatedUnion('type', [
    z.object({ type: z.literal('status'), status: z.number().int().min(400).max(599), body: z.unknown().optional(), headers: z.record(z.string(), z.string()).optional() }),
    z.object({ type: z.literal('delay'), ms: z.number().int().min(0).max(120_000) }),
    z.object({ type: z.literal('slow-answer'), ms: z.number().int().min(0).max(120_000) }),
    z.object({ type: z.literal('reset') }),
    z.object({ type: z.literal('malformed-json') }),
    z.object({ type: z.literal('patch-json'), set: z.record(z.string().min(1), z.unknown()).optional(), remove: z.array(z.string().min(1)).optional() }),
    z.object({ type: z.literal('huge-body'), bytes: z.number().int().min(1).max(64 * 1024 * 1024) }),
    z.object({ type: z.literal('byte-order-mark') }),
  ]),
});
const settingsSchema = z
  .object({
    partnerCenterMfaEnforcement: z.boolean(),
    tenantRequiresMfa: z.boolean(),
    signInFrequencySeconds: z.number().int().positive().nullable(),
    clientSecretExpired: z.boolean(),
    graphAppRoles: z.array(z.enum(graphAppRoles)).max(graphAppRoles.length),
    partnerCenterErrorCode: z.enum(['number', 'string']),
    partnerCenterLinks: z.enum(['relative', 'v1']),
    partnerCenterPaging: z.enum(partnerCenterPagings),
  })
  .partial()
  .strict();
const throttleSchema = z.object({ service, requests: z.number().int().min(0), retryAfterSeconds: z.number().int().min(1).max(3_600) });
/** The SAM app's client secret ends at this instant, or this many days from the cloud's now (negative: already ended). */
const secretExpirySchema = z.union([
  z.object({ endDateTime: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ daysFromNow: z.number().min(-3_650).max(3_650) }).strict(),
]);
const permissionsSchema = z.object({ principalId: z.string().min(1), permissions: z.array(z.enum(['get', 'set', 'list', 'delete', 'recover', 'purge'])) });

export function controlRoutes(cloud: CloudState, entra: EntraState, keyVault: KeyVaultStore, endpoints: CloudEndpoints): Route[] {
  const guarded =
    <T>(schema: z.ZodType<T> | null, action: (body: T, request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>) =>
    async (request: EmulatorRequest): Promise<EmulatorResponse> => {
      if (request.headers[CONTROL_HEADER] !== '1') return json(403, { error: `send the ${CONTROL_HEADER}: 1 header` });
      let body: unknown;
      try {
        body = schema ? await request.json() : {};
      } catch {
        return json(400, { error: 'the body is not JSON' });
      }
      const parsed = schema ? schema.safeParse(body) : { success: true as const, data: body as T };
      if (!parsed.success) return json(400, { error: 'invalid body', issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) });
      return action(parsed.data, request);
    };

  const summary = (): EmulatorResponse =>
    json(200, {
      endpoints,
      now: cloud.clock.now().toISOString(),
      clockOffsetSeconds: cloud.clock.offsetSeconds,
      settings: cloud.settings,
      pendingFaults: cloud.faults.pending.length,
      partner: cloud.world.partner,
      admins: cloud.world.admins.map((user) => ({ id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName, mfaRegistered: user.mfaRegistered })),
      app: { clientId: cloud.world.app.clientId, displayName: cloud.world.app.displayName, redirectUris: cloud.world.app.redirectUris, secretEndDateTime: cloud.appSecretEndsAt.toISOString() },
      customers: cloud.world.customerCount,
      refreshTokens: entra.refreshTokens.size,
      keyVaultSecrets: keyVault.secretNames().length,
    });

  return [
    { method: 'GET', path: '/state', handler: guarded(null, summary) },
    // Every token value issued so far and the app's client secret: what the secret hygiene tests search for.
    { method: 'GET', path: '/secrets/issued', handler: guarded(null, () => json(200, { tokens: [...entra.issued], clientSecret: cloud.world.app.clientSecret })) },
    {
      method: 'POST',
      path: '/faults',
      handler: guarded(faultSchema, (body) => {
        cloud.faults.add({
          service: body.service,
          ...(body.path ? { path: body.path } : {}),
          ...(body.method ? { method: body.method } : {}),
          ...(body.bodyContains ? { bodyContains: body.bodyContains } : {}),
          ...(body.skip ? { skip: body.skip } : {}),
          fault: body.fault,
          remaining: body.count,
        });
        return json(201, { pending: cloud.faults.pending.length });
      }),
    },
    { method: 'DELETE', path: '/faults', handler: guarded(null, () => (cloud.faults.clear(), json(204, undefined))) },
    {
      method: 'POST',
      path: '/clock/advance',
      handler: guarded(z.object({ seconds: z.number().int().min(0).max(10 * 365 * 86_400) }), (body) => {
        cloud.clock.advance(body.seconds);
        return json(200, { now: cloud.clock.now().toISOString() });
      }),
    },
    {
      method: 'POST',
      path: '/users/:user/revoke',
      handler: guarded(null, (_body, request) => {
        const user = cloud.world.userByName(request.params.user ?? '') ?? cloud.world.userById(request.params.user ?? '');
        if (!user) return json(404, { error: 'no such user' });
        cloud.revokedAt.set(user.id, cloud.clock.nowSeconds());
        return json(200, { revoked: user.userPrincipalName });
      }),
    },
    {
      method: 'POST',
      path: '/refresh-tokens/expire',
      handler: guarded(null, () => {
        for (const grant of entra.refreshTokens.values()) grant.expired = true;
        return json(200, { expired: entra.refreshTokens.size });
      }),
    },
    {
      method: 'PATCH',
      path: '/settings',
      handler: guarded(settingsSchema, (body) => {
        cloud.settings = { ...cloud.settings, ...Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) };
        return json(200, cloud.settings);
      }),
    },
    {
      method: 'POST',
      path: '/throttle',
      handler: guarded(throttleSchema, (body) => {
        cloud.setThrottle(body.service, body.requests, body.retryAfterSeconds);
        return json(200, { service: body.service });
      }),
    },
    { method: 'DELETE', path: '/throttle', handler: guarded(null, () => (cloud.throttles.clear(), json(204, undefined))) },
    // The demo app's secret, shown once to whoever holds the control header, like the portal shows a new secret.
    { method: 'GET', path: '/app/secret', handler: guarded(null, () => json(200, { clientId: cloud.world.app.clientId, clientSecret: cloud.world.app.clientSecret })) },
    {
      method: 'POST',
      path: '/app/secret-expiry',
      handler: guarded(secretExpirySchema, (body) => {
        cloud.appSecretEndsAt = 'endDateTime' in body ? new Date(body.endDateTime) : new Date(cloud.clock.now().getTime() + body.daysFromNow * 86_400_000);
        return json(200, { endDateTime: cloud.appSecretEndsAt.toISOString() });
      }),
    },
    {
      method: 'POST',
      path: '/app/certificates',
      handler: guarded(z.object({ pem: z.string().includes('BEGIN CERTIFICATE') }), (body) => {
        entra.certificates.push(body.pem);
        return json(201, { certificates: entra.certificates.length });
      }),
    },
    {
      method: 'POST',
      path: '/keyvault/permissions',
      handler: guarded(permissionsSchema, (body) => {
        cloud.keyVaultPermissions.set(body.principalId, new Set(body.permissions));
        return json(200, { principalId: body.principalId, permissions: body.permissions });
      }),
    },
    {
      // How many versions a secret has, without their values: what tests and the demo check after a consent.
      method: 'GET',
      path: '/keyvault/secrets/:name',
      handler: guarded(null, (_body, request) => json(200, { name: request.params.name ?? '', versions: keyVault.versionCount(request.params.name ?? '') })),
    },
    {
      // Soft delete, as an admin deleting the secret in the portal would: recoverable with all its versions.
      method: 'DELETE',
      path: '/keyvault/secrets/:name',
      handler: guarded(null, (_body, request) => {
        const deleted = keyVault.delete(request.params.name ?? '', cloud.clock.nowSeconds());
        return deleted ? json(200, { name: deleted.name, deletedDate: deleted.deletion?.deletedDate, scheduledPurgeDate: deleted.deletion?.scheduledPurgeDate }) : json(404, { error: 'no such secret' });
      }),
    },
    {
      method: 'POST',
      path: '/reset',
      handler: guarded(null, () => {
        cloud.reset();
        entra.reset();
        keyVault.reset();
        return json(200, { reset: true });
      }),
    },
  ];
}
