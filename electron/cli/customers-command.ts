import { createTranslator } from '../../shared/i18n/translator';
import { partnerCenterClientFor } from '../services/partner-center/client-for-profile';
import type { PartnerCenterClient } from '../services/partner-center/partner-center-client';
import { csvLine } from '../../shared/partner-center/csv';
import { syncCustomers } from '../services/partner-center/partner-center-sync';
import { envLanguage } from '../services/env-language';
import { parseConcurrency, usersOfAllCustomers } from './all-customers-users';
import { reportFailure } from './cli-failure';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo } from './cli-io';
import type { ParsedArguments } from './parse-arguments';
import { requireProfile } from './resolve-profile';
import { terminalSafe, terminalSafeJson } from './terminal-safe';

export const customersFlags = new Set(['profile', 'json', 'csv', 'customer', 'deleted', 'all-customers', 'concurrency']);

interface Customer {
  readonly id: string;
  readonly companyProfile?: { readonly tenantId?: string; readonly domain?: string; readonly companyName?: string };
  readonly relationshipToPartner?: string;
}
interface User {
  readonly id: string;
  readonly userPrincipalName?: string;
  readonly displayName?: string;
  readonly state?: string;
  readonly usageLocation?: string;
}

const locales = { en: 'en-US', sv: 'sv-SE' } as const;
const userHeader = ['displayName', 'userPrincipalName', 'state', 'usageLocation', 'id'] as const;
const userCells = (user: User): string[] => [user.displayName ?? '', user.userPrincipalName ?? '', user.state ?? '', user.usageLocation ?? '', user.id];

/**
 * `sam-desk customers list --profile=P [--json|--csv]` and `sam-desk users list --profile=P --customer=ID|DOMAIN
 * [--deleted] [--json|--csv]`: Partner Center data for scripts, through the same services as the app.
 */
export async function customersCommand(kind: 'customers' | 'users', args: ParsedArguments, io: CliIo): Promise<number> {
  const language = envLanguage(io.env);
  const { t } = createTranslator(language);
  if (args.positionals[0] !== 'list') {
    io.err(`sam-desk ${kind}: ${t('commands.unknownSubcommand')}\n`);
    return EXIT_UNREADABLE;
  }
  const services = await io.services();
  try {
    const profile = await requireProfile(args, io, t, kind);
    if (typeof profile === 'number') return profile;
    const client = await partnerCenterClientFor(profile, services, () => locales[language]);
    const format = args.flags.has('json') ? 'json' : args.flags.has('csv') ? 'csv' : 'text';
    if (kind === 'customers') {
      const customers = await syncCustomers<Customer>({ client, now: () => io.now() });
      const rows = customers.map((customer) => [customer.companyProfile?.companyName ?? '', customer.companyProfile?.domain ?? '', customer.companyProfile?.tenantId ?? customer.id, customer.relationshipToPartner ?? '']);
      write(io, format, ['companyName', 'domain', 'tenantId', 'relationship'], rows, customers);
      return EXIT_OK;
    }
    if (args.flags.has('all-customers')) {
      const concurrency = parseConcurrency(args.flags.get('concurrency'));
      if (concurrency === null) {
        io.err(`sam-desk users: ${t('commands.badConcurrency')}\n`);
        return EXIT_UNREADABLE;
      }
      const users = await usersOfAllCustomers<User>(client, { concurrency, deleted: args.flags.has('deleted'), io });
      const rows = users.map((user) => [user.customerId, ...userCells(user)]);
      write(io, format, ['customerId', ...userHeader], rows, users);
      return EXIT_OK;
    }
    const reference = args.flags.get('customer');
    if (typeof reference !== 'string' || reference.trim() === '') {
      io.err(`sam-desk users: ${t('commands.missingCustomer')}\n`);
      return EXIT_UNREADABLE;
    }
    // A GUID is the customer (tenant) id as is; a domain is looked up with Partner Center's own domain filter
    // rather than by listing every customer.
    const customerId = /^[0-9a-f-]{36}$/i.test(reference) ? reference : await customerByDomain(client, reference);
    if (!customerId) {
      io.err(`${terminalSafe(`sam-desk users: ${t('commands.customerNotFound', { customer: reference.slice(0, 80) })}`)}\n`);
      return EXIT_UNREADABLE;
    }
    const filter = args.flags.has('deleted') ? `&filter=${encodeURIComponent('{"Field":"UserState","Value":"Inactive","Operator":"equals"}')}` : '';
    const users: User[] = [];
    for await (const page of client.pages<User>(`/customers/${encodeURIComponent(customerId)}/users?size=500${filter}`)) users.push(...page.items);
    write(io, format, userHeader, users.map(userCells), users);
    return EXIT_OK;
  } catch (error) {
    return reportFailure(io, t, kind, error);
  }
}

async function customerByDomain(client: PartnerCenterClient, domain: string): Promise<string | undefined> {
  const filter = encodeURIComponent(JSON.stringify({ Field: 'Domain', Value: domain.trim(), Operator: 'starts_with' }));
  for await (const page of client.pages<Customer>(`/customers?size=500&filter=${filter}`)) {
    const match = page.items.find((customer) => customer.companyProfile?.domain?.toLowerCase() === domain.trim().toLowerCase());
    if (match) return match.id;
  }
  return undefined;
}

function write(io: CliIo, format: 'json' | 'csv' | 'text', header: readonly string[], rows: ReadonlyArray<readonly string[]>, raw: unknown): void {
  if (format === 'json') io.out(`${terminalSafeJson(raw)}\n`);
  else if (format === 'csv') io.out([header, ...rows].map(csvLine).join(''));
  else io.out(rows.map((row) => terminalSafe(row.join('  '))).join('\n') + (rows.length > 0 ? '\n' : ''));
}
