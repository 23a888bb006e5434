import type { HandlersOf } from '../handler-table';
import type { HandlerDeps } from './handler-deps';

/** The audit log's default page in the window: enough for a profile's story, small enough to send at once. */
const DEFAULT_AUDIT_LIMIT = 500;

/** The audit log, read and exported. */
export function createAuditHandlers({ services: { audit } }: HandlerDeps): HandlersOf<'audit'> {
  return {
    'audit.list': async (filter) => ({ events: await audit.read({ limit: DEFAULT_AUDIT_LIMIT, ...filter }) }),
    'audit.export': async ({ filter, format }) => ({ text: format === 'csv' ? await audit.exportCsv(filter) : await audit.exportJsonLines(filter) }),
  };
}
