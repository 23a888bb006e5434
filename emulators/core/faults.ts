/**
 * Faults the control API injects: the next N requests to a service (optionally one route) fail in a chosen way.
 * Applied by the HTTP layer before any handler runs, so every route of every emulator can be made to fail.
 */
export type FaultKind =
  | { readonly type: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> | undefined }
  | { readonly type: 'delay'; readonly ms: number }
  | { readonly type: 'reset' }
  | { readonly type: 'malformed-json' };

export interface FaultRule {
  readonly service: string;
  /** A path prefix (after the service's origin), e.g. "/v1/customers"; absent matches every path. */
  readonly path?: string;
  readonly method?: string;
  readonly fault: FaultKind;
  remaining: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push(rule);
  }

  /** The fault for this request, consuming one use of the first matching rule. */
  take(service: string, method: string, path: string): FaultKind | null {
    const rule = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        candidate.service === service &&
        (candidate.method === undefined || candidate.method.toUpperCase() === method.toUpperCase()) &&
        (candidate.path === undefined || path.startsWith(candidate.path)),
    );
    if (!rule) return null;
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
