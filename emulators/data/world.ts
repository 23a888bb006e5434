import { companySuffixes, companyWords, domainLabel, firstNames, lastNames, usageLocations } from './names';
import { LruCache } from './lru-cache';
import { randomFor, SeededRandom } from './seeded-random';

/**
 * The seeded world the local cloud serves: one partner tenant with its admins and its SAM app registration, and
 * N customers with their users. Customers and users are derived from (seed, index) on demand, so 100,000
 * customers cost nothing until asked for and the same seed always gives the same world.
 */
export interface DirectoryUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly password: string;
  /** Whether the user has registered an MFA method; such users get the code step at sign-in. */
  readonly mfaRegistered: boolean;
  /** The code the emulated authenticator shows (the sign-in page hints it; this is a local emulator). */
  readonly mfaCode: string;
}

export interface AppRegistration {
  readonly clientId: string;
  readonly displayName: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
}

export interface Customer {
  readonly id: string;
  readonly commerceId: string;
  readonly companyProfile: { readonly tenantId: string; readonly domain: string; readonly companyName: string };
  readonly billingProfile: { readonly id: string; readonly firstName: string; readonly lastName: string; readonly email: string; readonly culture: string; readonly language: string; readonly companyName: string };
  readonly relationshipToPartner: 'reseller' | 'advisor' | 'none';
  readonly allowDelegatedAccess: boolean;
  readonly userCount: number;
}

export interface CustomerUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly displayName: string;
  readonly usageLocation: string;
  readonly userDomainType: 'none';
  readonly state: 'active' | 'inactive';
  readonly softDeletionTime?: string;
  readonly lastDirectorySyncTime?: string;
}

export interface WorldOptions {
  readonly seed: number;
  readonly customers: number;
  /** Users per customer are drawn between 1 and this (inclusive). */
  readonly maxUsersPerCustomer: number;
  /**
   * Customers given an exact number of users instead of a drawn one (an enterprise customer among small ones).
   * Only their userCount changes: every other value in the world stays what the seed gives without this option.
   */
  readonly largeCustomers?: readonly LargeCustomer[];
  /**
   * Customers given a company name instead of a drawn one. Customers type their own company names, so a name can hold
   * an escape sequence, a direction override or a zero-width joiner; the terminal-output tests list such names. The
   * users of a named customer carry the name after their own in their display names. Nothing drawn from the seed moves.
   */
  readonly namedCustomers?: readonly NamedCustomer[];
}

export interface NamedCustomer {
  /** The customer's position in the listing, from 0. */
  readonly index: number;
  readonly companyName: string;
}

export interface LargeCustomer {
  /** The customer's position in the listing, from 0. */
  readonly index: number;
  readonly users: number;
}

export const defaultWorldOptions: WorldOptions = { seed: 20_261_124, customers: 300, maxUsersPerCustomer: 40 };

export const DEMO_PASSWORD = 'Demo-Pa55word!';

/**
 * User lists this long or longer are kept once made. A shorter one is listed in a single page of Partner Center's
 * largest size (500) and regenerates in about a millisecond, so keeping it would save nothing.
 */
const CACHED_LIST_MIN_USERS = 500;
/**
 * At most this many users are kept across the lists (a user takes about 750 bytes, so about 150 MB); the least
 * recently listed customers go first. Bounding users rather than lists keeps a 100,000-user customer cached while
 * the app syncs many mid-sized customers around it, several at a time.
 */
const CACHED_USERS = 200_000;

type UserState = CustomerUser['state'];

/** A generated user list and, once asked for, its users per state (what the Partner Center route pages through). */
interface UserList {
  readonly all: readonly CustomerUser[];
  readonly byState: Map<UserState, readonly CustomerUser[]>;
}

export class World {
  readonly partner: { readonly tenantId: string; readonly domain: string; readonly name: string };
  readonly admins: readonly DirectoryUser[];
  readonly app: AppRegistration;
  /** A second app in the partner tenant (the partner's older automation), so "token for another client" is reachable. */
  readonly automationApp: AppRegistration;
  readonly customerCount: number;
  private readonly customerIds: string[];
  private readonly customerIndexById = new Map<string, number>();
  private readonly customerCache = new Map<number, Customer>();
  private readonly largeUserCounts = new Map<number, number>();
  private readonly companyNames = new Map<number, string>();
  private readonly userLists = new LruCache<number, UserList>(CACHED_USERS, (list) => list.all.length);

  constructor(readonly options: WorldOptions = defaultWorldOptions) {
    const random = new SeededRandom(options.seed);
    const domain = 'contoso-partner.onmicrosoft.com';
    this.partner = { tenantId: random.guid(), domain, name: 'Contoso Partner' };
    this.admins = [
      { id: random.guid(), userPrincipalName: `admin.mfa@${domain}`, displayName: 'Åsa Öberg (admin agent)', password: DEMO_PASSWORD, mfaRegistered: true, mfaCode: '246810' },
      { id: random.guid(), userPrincipalName: `admin.nomfa@${domain}`, displayName: 'Björn Lindqvist (no MFA)', password: DEMO_PASSWORD, mfaRegistered: false, mfaCode: '' },
    ];
    this.app = {
      clientId: random.guid(),
      displayName: 'SAM Desk (demo)',
      clientSecret: `emu~${random.guid().replace(/-/g, '')}`,
      redirectUris: ['http://localhost', 'https://login.microsoftonline.com/common/oauth2/nativeclient'],
    };
    this.automationApp = {
      clientId: random.guid(),
      displayName: 'Contoso automation',
      clientSecret: `emu~${random.guid().replace(/-/g, '')}`,
      redirectUris: ['http://localhost'],
    };
    this.customerCount = options.customers;
    // Ids are the only thing made up front (16 bytes each): paging and lookups by id need them in order.
    this.customerIds = Array.from({ length: options.customers }, (_, index) => randomFor(options.seed, index, 1).guid());
    this.customerIds.forEach((id, index) => this.customerIndexById.set(id, index));
    for (const large of options.largeCustomers ?? []) {
      if (!Number.isInteger(large.index) || large.index < 0 || large.index >= options.customers) throw new RangeError(`A large customer's index must be between 0 and ${String(options.customers - 1)}, got ${String(large.index)}.`);
      if (!Number.isInteger(large.users) || large.users < 1) throw new RangeError(`A large customer needs a whole number of users, at least 1, got ${String(large.users)}.`);
      this.largeUserCounts.set(large.index, large.users);
    }
    for (const named of options.namedCustomers ?? []) {
      if (!Number.isInteger(named.index) || named.index < 0 || named.index >= options.customers) throw new RangeError(`A named customer's index must be between 0 and ${String(options.customers - 1)}, got ${String(named.index)}.`);
      this.companyNames.set(named.index, named.companyName);
    }
  }

  get apps(): readonly AppRegistration[] {
    return [this.app, this.automationApp];
  }

  appById(clientId: string): AppRegistration | undefined {
    return this.apps.find((app) => app.clientId === clientId.trim().toLowerCase());
  }

  userByName(userPrincipalName: string): DirectoryUser | undefined {
    return this.admins.find((user) => user.userPrincipalName.toLowerCase() === userPrincipalName.trim().toLowerCase());
  }

  userById(id: string): DirectoryUser | undefined {
    return this.admins.find((user) => user.id === id);
  }

  customerIdAt(index: number): string | undefined {
    return this.customerIds[index];
  }

  customerIndex(id: string): number | undefined {
    return this.customerIndexById.get(id.toLowerCase());
  }

  customerAt(index: number): Customer | undefined {
    const id = this.customerIds[index];
    if (id === undefined) return undefined;
    const cached = this.customerCache.get(index);
    if (cached) return cached;
    const random = randomFor(this.options.seed, index, 2);
    const { label, ...drawn } = companyOf(random, index);
    const companyName = this.companyNames.get(index) ?? drawn.companyName;
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const customer: Customer = {
      id,
      commerceId: random.guid(),
      companyProfile: { tenantId: id, domain: `${label}.onmicrosoft.com`, companyName },
      billingProfile: { id: random.guid(), firstName, lastName, email: `${domainLabel(firstName)}@${label}.example`, culture: 'en-US', language: 'en', companyName },
      relationshipToPartner: random.next() < 0.9 ? 'reseller' : 'advisor',
      allowDelegatedAccess: random.next() < 0.95,
      // The draw happens for large customers too, so that nothing drawn after it moves.
      userCount: this.userCountOf(index, 1 + random.int(this.options.maxUsersPerCustomer)),
    };
    if (this.customerCache.size > 5_000) this.customerCache.clear();
    this.customerCache.set(index, customer);
    return customer;
  }

  /** Customer `index`'s company name and domain alone: the same values as customerAt, cheap enough to scan 100,000. */
  companyAt(index: number): { readonly companyName: string; readonly domain: string } | undefined {
    if (this.customerIds[index] === undefined) return undefined;
    const { companyName, label } = companyOf(randomFor(this.options.seed, index, 2), index);
    return { companyName: this.companyNames.get(index) ?? companyName, domain: `${label}.onmicrosoft.com` };
  }

  customerById(id: string): Customer | undefined {
    const index = this.customerIndex(id);
    return index === undefined ? undefined : this.customerAt(index);
  }

  /**
   * A customer's users, deterministic; about one in eight is soft-deleted (state inactive). A fresh array each call
   * (callers may sort or filter it in place) over shared, read-only user objects.
   */
  usersOf(customerId: string): CustomerUser[] {
    return [...(this.userList(customerId)?.all ?? [])];
  }

  /**
   * A customer's users in one state, in listing order, without copying: the Partner Center route slices a page out
   * of it, so listing a 100,000-user customer page by page costs a page per request once the list is made.
   */
  usersInState(customerId: string, state: UserState): readonly CustomerUser[] {
    const list = this.userList(customerId);
    if (!list) return [];
    let users = list.byState.get(state);
    if (!users) {
      users = list.all.filter((user) => user.state === state);
      list.byState.set(state, users);
    }
    return users;
  }

  private userCountOf(index: number, drawn: number): number {
    return this.largeUserCounts.get(index) ?? drawn;
  }

  private userList(customerId: string): UserList | undefined {
    const index = this.customerIndex(customerId);
    const customer = index === undefined ? undefined : this.customerAt(index);
    if (index === undefined || customer === undefined) return undefined;
    const cached = this.userLists.get(index);
    if (cached) return cached;
    const list: UserList = { all: generateUsers(randomFor(this.options.seed, index, 3), customer, this.companyNames.get(index) ?? null), byState: new Map() };
    if (list.all.length >= CACHED_LIST_MIN_USERS) this.userLists.set(index, list);
    return list;
  }
}

/** `nameSuffix`: a named customer's name, which its users' display names end with. */
function generateUsers(random: SeededRandom, customer: Customer, nameSuffix: string | null): CustomerUser[] {
  return Array.from({ length: customer.userCount }, (_, userIndex): CustomerUser => {
    const firstName = random.pick(firstNames);
    const lastName = random.pick(lastNames);
    const deleted = random.next() < 0.125;
    return {
      id: random.guid(),
      userPrincipalName: `${domainLabel(firstName)}.${domainLabel(lastName)}${String(userIndex)}@${customer.companyProfile.domain}`,
      firstName,
      lastName,
      displayName: nameSuffix === null ? `${firstName} ${lastName}` : `${firstName} ${lastName} (${nameSuffix})`,
      usageLocation: random.pick(usageLocations),
      userDomainType: 'none',
      state: deleted ? 'inactive' : 'active',
      ...(deleted ? { softDeletionTime: new Date(Date.UTC(2026, random.int(10), 1 + random.int(27))).toISOString() } : {}),
      ...(random.next() < 0.3 ? { lastDirectorySyncTime: new Date(Date.UTC(2026, random.int(10), 1 + random.int(27))).toISOString() } : {}),
    };
  });
}

/** The first draws of a customer's generator: its company name, and the onmicrosoft.com label made from it. */
function companyOf(random: SeededRandom, index: number): { companyName: string; label: string } {
  const companyName = `${random.pick(companyWords)} ${random.pick(companyWords)} ${random.pick(companySuffixes)}`;
  return { companyName, label: `${domainLabel(companyName).slice(0, 20)}${index}` };
}
