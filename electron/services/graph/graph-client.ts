import { randomUUID } from 'node:crypto';
import { assertDestination } from '../sam/destination-guard';
import { applicationSchema, graphErrorSchema, type GraphApplication } from './application-schema';

/**
 * Reads one application registration from Microsoft Graph by its application (client) id, with only the credential
 * metadata selected: `GET {graph}/v1.0/applications(appId='{appId}')?$select=id,appId,displayName,passwordCredentials,keyCredentials`.
 * Electron-free; the access token comes from the caller and goes nowhere but the Authorization header. The answer is
 * parsed with zod; every failure is a GraphReadError with one of a few kinds, which the health check maps to facts.
 */
export type GraphFailure =
  /** 403 Authorization_RequestDenied: the app has no Application.Read.All (or similar) admin-consented. */
  | 'no-permission'
  /** 404: Graph has no application with this id (another tenant, or deleted). */
  | 'not-found'
  /** Another 401/403: Graph refused the token itself. */
  | 'denied'
  | 'throttled'
  /** 5xx or a timeout: Graph answered badly or not in time. */
  | 'unavailable'
  /** No connection at all. */
  | 'network'
  /** An answer that is not the application resource. */
  | 'bad-response';

export class GraphReadError extends Error {
  constructor(
    readonly failure: GraphFailure,
    readonly status: number,
  ) {
    // The message is the kind and status: safe to log.
    super(`graph-${failure} (${String(status)})`);
    this.name = 'GraphReadError';
  }
}

export interface GraphReadOptions {
  /**
   * Graph's base without /v1.0, e.g. https://graph.microsoft.com: the one the app credential is bound to (its verified
   * endpoints, app-credential.ts), since the app-only token goes there. The request is held to its origin and follows
   * no redirect.
   */
  readonly graphUrl: string;
  readonly accessToken: string;
  readonly appId: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

const SELECT = 'id,appId,displayName,passwordCredentials,keyCredentials';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readApplication(options: GraphReadOptions): Promise<GraphApplication> {
  // The id goes into the URL's key segment: only a GUID may, so nothing can break out of the quotes.
  if (!GUID.test(options.appId)) throw new GraphReadError('not-found', 0);
  const url = `${options.graphUrl.replace(/\/+$/, '')}/v1.0/applications(appId='${options.appId.toLowerCase()}')?$select=${SELECT}`;
  assertDestination(url, [new URL(options.graphUrl).origin], 'graph');
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      redirect: 'error',
      headers: { authorization: `Bearer ${options.accessToken}`, accept: 'application/json', 'client-request-id': randomUUID() },
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new GraphReadError((error as { name?: string }).name === 'TimeoutError' ? 'unavailable' : 'network', 0);
  }
  if (!response.ok) throw new GraphReadError(await failureOf(response), response.status);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new GraphReadError('bad-response', response.status);
  }
  const parsed = applicationSchema.safeParse(body);
  // An answer about another application is no answer about this one.
  if (!parsed.success || parsed.data.appId.toLowerCase() !== options.appId.toLowerCase()) throw new GraphReadError('bad-response', response.status);
  return parsed.data;
}

/** What a refusal means, from its status and Graph's error code. */
async function failureOf(response: Response): Promise<GraphFailure> {
  if (response.status === 429) return 'throttled';
  if (response.status >= 500) return 'unavailable';
  if (response.status === 404) return 'not-found';
  if (response.status === 403) {
    const code = await errorCode(response);
    // Graph's word for "the token is fine, the permission is missing"; a 403 without a readable code is taken so too.
    return code === null || code === 'Authorization_RequestDenied' ? 'no-permission' : 'denied';
  }
  return 'denied';
}

async function errorCode(response: Response): Promise<string | null> {
  try {
    const parsed = graphErrorSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.error.code : null;
  } catch {
    return null;
  }
}
