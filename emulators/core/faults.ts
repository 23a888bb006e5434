/**
 * Faults the control API injects: the next N requests to a service (optionally one route) fail in a chosen way.
 * Applied by the HTTP layer before any handler runs, so every route of every emulator can be made to fail.
 *
 * Most kinds replace the answer (a status, a dropped connection, broken JSON). Three keep the real answer and bend it,
 * so the request really happened (a token was issued, a secret was written) and only what the client reads differs:
 * `patch-json` sets or removes fields of the JSON body (a token response whose access_token is a number, a secret
 * with no value, a page whose items is an object, an Entra error without error_codes), `huge-body` pads it to a size
 * (a 20 MB answer), `byte-order-mark` puts a UTF-8 BOM before it (as some Microsoft front ends send JSON).
 */
export type FaultKind =
  | { readonly type: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> | undefined }
  /** The request waits this long before it is handled (a slow or hung service: it may never be handled at all). */
  | { readonly type: 'delay'; readonly ms: number }
  /** The request is handled at once, its answer sent after this long (the write happened; the client has not heard). */
  | { readonly type: 'slow-answer'; readonly ms: number }
  | { readonly type: 'reset' }
  | { readonly type: 'malformed-json' }
  /** Dotted paths into the real JSON answer, e.g. {"access_token": 42}, {"items": {}}; `remove` deletes paths. */
  | { readonly type: 'patch-json'; readonly set?: Readonly<Record<string, unknown>> | undefined; readonly remove?: readonly string[] | undefined }
  /** The real answer, padded to at least `bytes` (an extra `padding` field first in a JSON object; else trailing spaces). */
  | { readonly type: 'huge-body'; readonly bytes: number }
  /** The real answer's body after a UTF-8 byte-order mark (EF BB BF), its status and headers unchanged. */
  | { readonly type: 'byte-order-mark' };

export interface FaultRule {
  readonly service: string;
  /** A path prefix (after the service's origin), e.g. "/v1/customers"; absent matches every path. */
  readonly path?: string;
  readonly method?: string;
  /**
   * Only requests whose body contains this text, e.g. "grant_type=refresh_token" to fail refresh-token redemptions
   * but not the client-credentials requests on the same token endpoint.
   */
  readonly bodyContains?: string;
  /** Let this many matching requests through before the fault starts (e.g. fail the second page, not the first). */
  skip?: number;
  readonly fault: FaultKind;
  remaining: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  /** Whether a pending rule for this service matches on the request body, so the HTTP layer must read it first. */
  needsBody(service: string): boolean {
    return this.rules.some((rule) => rule.service === service && rule.bodyContains !== undefined);
  }

  /**
   * The fault for this request, consuming one use of the first matching rule (or one skip of it). `body` is the
   * request body when `needsBody` said so, else null (rules that match on the body then never match).
   */
  take(service: string, method: string, path: string, body: string | null = null): FaultKind | null {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        candidate.service === service &&
        (candidate.method === undefined || candidate.method.toUpperCase() === method.toUpperCase()) &&
        (candidate.path === undefined || path.startsWith(candidate.path)) &&
        (candidate.bodyContains === undefined || (body !== null && body.includes(candidate.bodyContains))),
    );
    if (!rule) return null;
    if ((rule.skip ?? 0) > 0) {
      rule.skip = (rule.skip ?? 0) - 1;
      return null;
    }
    rule.remaining -= 1;
    this.rules = this.rules.filter((candidate) => candidate.remaining > 0);
    return rule.fault;
  }

  clear(): void {
    this.rules = [];
  }

  get pending(): readonly FaultRule[] {
    return this.rules;
  }
}

/** The real answer's body with the fault's fields set and removed; a body that is not JSON is returned as is. */
export function patchJson(body: unknown, fault: Extract<FaultKind, { type: 'patch-json' }>): unknown {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }
  const copy = structuredClone(value);
  if (typeof copy !== 'object' || copy === null) return body;
  for (const path of fault.remove ?? []) {
    const { parent, key } = walk(copy, path, false);
    if (parent) Reflect.deleteProperty(parent, key);
  }
  for (const [path, replacement] of Object.entries(fault.set ?? {})) {
    const { parent, key } = walk(copy, path, true);
    if (parent) parent[key] = replacement;
  }
  return copy;
}

function walk(root: object, path: string, create: boolean): { parent: Record<string, unknown> | null; key: string } {
  const segments = path.split('.');
  const key = segments.pop() ?? '';
  let node = root as Record<string, unknown>;
  for (const segment of segments) {
    const next = node[segment];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else if (create) node = node[segment] = {};
    else return { parent: null, key };
  }
  return { parent: node, key };
}

/** The body serialised and padded to at least `bytes`: what a huge-body fault sends. */
export function hugeBody(body: unknown, bytes: number): string {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const plain = JSON.stringify(body);
    const rest = plain === '{}' ? '}' : `,${plain.slice(1)}`;
    return `{"padding":"${'x'.repeat(Math.max(0, bytes - rest.length - '{"padding":""'.length))}"${rest}`;
  }
  const plain = typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
  return plain + ' '.repeat(Math.max(0, bytes - plain.length));
}
