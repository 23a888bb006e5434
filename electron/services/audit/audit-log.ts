import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditEventSchema, type AuditEvent, type AuditFilter } from '../../../shared/audit/audit-event';
import { csvLine } from '../../../shared/partner-center/csv';
import { redact } from '../logger';

/**
 * The append-only local log of token events: `<settings>/audit.jsonl`, one JSON object a line, only ever appended to
 * (a crash mid-write can cost at most the last line, which reading skips). Every entry is checked against the schema
 * and its strings pass the logger's redaction before it is written, so a token cannot end up in the file even by a
 * mistake upstream. Readable with any text tool; the app filters and exports it.
 */
export function createAuditLog(options: { readonly directory: string; readonly now: () => Date }) {
  const path = join(options.directory, 'audit.jsonl');
  // Appends are queued so that concurrent events keep whole lines and their order.
  let queue: Promise<void> = Promise.resolve();

  async function readAll(): Promise<AuditEvent[]> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return [];
    }
    const events: AuditEvent[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = auditEventSchema.safeParse(JSON.parse(line));
        if (parsed.success) events.push(parsed.data);
      } catch {
        // A torn last line or a hand edit: skipped, never a crash.
      }
    }
    return events;
  }

  function matches(event: AuditEvent, filter: AuditFilter): boolean {
    if (filter.profileId && event.profileId !== filter.profileId) return false;
    if (filter.kinds && !filter.kinds.includes(event.kind)) return false;
    if (filter.outcome && event.outcome !== filter.outcome) return false;
    if (filter.since && event.at < filter.since) return false;
    return true;
  }

  return {
    path,
    /** Records an event (its time is now unless given). Never throws: the log must not break what it records. */
    record(event: Omit<AuditEvent, 'at'> & { readonly at?: string }): Promise<void> {
      const facts = event.facts ? Object.fromEntries(Object.entries(event.facts).map(([key, value]) => [key, typeof value === 'string' ? redact(value).slice(0, 200) : value])) : undefined;
      const parsed = auditEventSchema.safeParse({ ...event, at: event.at ?? options.now().toISOString(), ...(facts ? { facts } : {}) });
      if (!parsed.success) return Promise.resolve();
      const line = `${JSON.stringify(parsed.data)}\n`;
      queue = queue
        .then(async () => {
          await mkdir(options.directory, { recursive: true, mode: 0o700 });
          await appendFile(path, line, { encoding: 'utf8', mode: 0o600, flag: 'a' });
        })
        .catch(() => undefined);
      return queue;
    },
    /** Matching events, newest first. */
    async read(filter: AuditFilter = {}): Promise<AuditEvent[]> {
      await queue;
      const events = (await readAll()).filter((event) => matches(event, filter)).reverse();
      return filter.limit ? events.slice(0, filter.limit) : events;
    },
    async exportJsonLines(filter: AuditFilter = {}): Promise<string> {
      return (await this.read(filter)).map((event) => `${JSON.stringify(event)}\n`).join('');
    },
    async exportCsv(filter: AuditFilter = {}): Promise<string> {
      const events = await this.read(filter);
      const factNames = [...new Set(events.flatMap((event) => Object.keys(event.facts ?? {})))].sort();
      const header = ['at', 'profileId', 'kind', 'outcome', 'code', ...factNames];
      return [csvLine(header), ...events.map((event) => csvLine([event.at, event.profileId, event.kind, event.outcome, event.code ?? '', ...factNames.map((name) => event.facts?.[name] ?? '')]))].join('');
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
