import { randomUUID } from 'node:crypto';
import type { World } from '../data/world';

/**
 * The partner's activity log, as GET /v1/auditrecords returns it: a few seeded records (so a fresh cloud is not
 * empty) plus one per operation the emulator performs for a caller (application consents). Each record gets a
 * sequence number so a paged read can pin the log as it was on its first page.
 */
export interface AuditRecord {
  readonly id: string;
  readonly partnerId: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly userPrincipalName?: string;
  readonly applicationId?: string;
  readonly resourceType: string;
  readonly resourceOldValue?: string;
  readonly resourceNewValue?: string;
  readonly operationType: string;
  readonly operationDate: string;
  readonly operationStatus: 'succeeded' | 'failed' | 'progress';
  readonly customizedData: readonly { readonly key: string; readonly value: string }[];
  readonly attributes: { readonly objectType: 'AuditRecord' };
}

export type AuditEntry = Omit<AuditRecord, 'id' | 'partnerId' | 'attributes' | 'operationDate' | 'operationStatus'> & { readonly at: Date };

export interface AuditQuery {
  readonly fromMs: number;
  readonly toMs: number;
  /** Only records up to this sequence number (the log as it was when a paged read began). */
  readonly asOf: number;
  readonly matches: (record: AuditRecord) => boolean;
}

export class AuditLog {
  private readonly records: { readonly sequence: number; readonly timeMs: number; readonly record: AuditRecord }[] = [];

  constructor(private readonly partnerId: string) {}

  get lastSequence(): number {
    return this.records.length;
  }

  add(entry: AuditEntry): AuditRecord {
    const { at, ...fields } = entry;
    const record: AuditRecord = {
      id: randomUUID(),
      partnerId: this.partnerId,
      ...fields,
      operationDate: at.toISOString(),
      operationStatus: 'succeeded',
      attributes: { objectType: 'AuditRecord' },
    };
    this.records.push({ sequence: this.records.length + 1, timeMs: at.getTime(), record });
    return record;
  }

  /** Newest first, as the service lists them. */
  query(query: AuditQuery): AuditRecord[] {
    return this.records
      .filter((entry) => entry.sequence <= query.asOf && entry.timeMs >= query.fromMs && entry.timeMs <= query.toMs && query.matches(entry.record))
      .sort((a, b) => b.timeMs - a.timeMs || b.sequence - a.sequence)
      .map((entry) => entry.record);
  }
}

/** A handful of earlier operations by the partner's admin, days before `now`, deterministic per world. */
export function seedAuditLog(log: AuditLog, world: World, now: Date): void {
  const admin = world.admins[0]?.userPrincipalName;
  const seeds = [
    { index: 0, daysAgo: 12, operationType: 'add_customer', resourceType: 'customer' },
    { index: 1, daysAgo: 6, operationType: 'create_customer_user', resourceType: 'customer_user' },
    { index: 2, daysAgo: 2, operationType: 'update_customer_user', resourceType: 'customer_user' },
  ];
  for (const seed of seeds) {
    const customer = world.customerAt(seed.index);
    if (!customer) continue;
    log.add({
      customerId: customer.id,
      customerName: customer.companyProfile.companyName,
      ...(admin !== undefined ? { userPrincipalName: admin } : {}),
      applicationId: 'Partner Center Web App',
      resourceType: seed.resourceType,
      operationType: seed.operationType,
      customizedData: [],
      at: new Date(now.getTime() - seed.daysAgo * 86_400_000),
    });
  }
}
