import { World, type WorldOptions } from '../data/world';
import { EmulatorClock } from './clock';
import { FaultInjector } from './faults';
import { SigningKeys } from './signing-keys';

/** Service names, as used by fault rules and throttling budgets. */
export type ServiceName = 'entra' | 'keyvault' | 'partnercenter' | 'graph';

/**
 * The Microsoft Graph application permissions that let an app read application registrations (GET /applications),
 * per Graph's permissions reference; Application.ReadWrite.OwnedBy only for apps it owns (here: itself).
 */
export const graphAppRoles = ['Application.Read.All', 'Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'] as const;
export type GraphAppRole = (typeof graphAppRoles)[number];

/** How long the seeded app's client secret lives from the local cloud's start, unless the control API says otherwise. */
export const DEFAULT_SECRET_LIFETIME_DAYS = 730;
const DAY_MS = 86_400_000;

export type KeyVaultPermission = 'get' | 'set' | 'list' | 'delete' | 'recover' | 'purge';

/**
 * How Partner Center's listings end. `finite`: as documented, the last page has no next link. The other two are
 * what partners' automation meets in the wild and must survive: `repeated-continuation`, every page after the first
 * names the very next link and continuation token its own request carried (the same page again, forever); `endless`,
 * past the last item every page is empty and still names a next page.
 */
export const partnerCenterPagings = ['finite', 'repeated-continuation', 'endless'] as const;
export type PartnerCenterPaging = (typeof partnerCenterPagings)[number];

/** Knobs the control API turns. Defaults are how the real cloud behaves for a healthy partner. */
export interface CloudSettings {
  /** Partner Center refuses App+User tokens without `mfa` in `amr` (401, code 900421). */
  partnerCenterMfaEnforcement: boolean;
  /** A Conditional Access policy in the partner tenant: token requests for users who did not do MFA fail with 50076. */
  tenantRequiresMfa: boolean;
  /** Conditional Access sign-in frequency: refresh tokens older than this since sign-in fail with 70043. */
  signInFrequencySeconds: number | null;
  /** The app's client secret has expired (7000222), whatever its end date says. */
  clientSecretExpired: boolean;
  /**
   * The Microsoft Graph application permissions admin-consented for the SAM app: what its app-only Graph tokens
   * carry in `roles`. Application.Read.All by default, so the demo shows the secret's expiry; [] to deny.
   */
  graphAppRoles: readonly GraphAppRole[];
  /**
   * The type of `code` in Partner Center's error bodies. The error-code reference types it as a string ("900421"),
   * its examples show numbers (900421); the service has sent both. Numbers by default.
   */
  partnerCenterErrorCode: 'number' | 'string';
  /** Partner Center's `links.*.uri`: relative to /v1 (`/customers?…`, the default) or with the prefix (`/v1/customers?…`). */
  partnerCenterLinks: 'relative' | 'v1';
  partnerCenterPaging: PartnerCenterPaging;
}

/** N requests, then 429 with Retry-After; once that wait has passed, the budget refills (like a rate window). */
export interface ThrottleBudget {
  readonly size: number;
  remaining: number;
  readonly retryAfterSeconds: number;
  blockedUntilMs: number | null;
}

export const defaultSettings = (): CloudSettings => ({
  partnerCenterMfaEnforcement: true,
  tenantRequiresMfa: false,
  signInFrequencySeconds: null,
  clientSecretExpired: false,
  graphAppRoles: ['Application.Read.All'],
  partnerCenterErrorCode: 'number',
  partnerCenterLinks: 'relative',
  partnerCenterPaging: 'finite',
});

/**
 * Everything the emulators share: the seeded world, the clock, injected faults, the signing key, settings,
 * throttling budgets, Key Vault permissions, and revoked grants. One instance per local cloud.
 */
export class CloudState {
  readonly clock = new EmulatorClock();
  readonly faults = new FaultInjector();
  settings: CloudSettings = defaultSettings();
  /** Remaining requests per service before 429; absent means unlimited. */
  readonly throttles = new Map<ServiceName, ThrottleBudget>();
  /** Key Vault data-plane permissions per principal (token `oid`); principals not listed have all permissions. */
  readonly keyVaultPermissions = new Map<string, Set<KeyVaultPermission>>();
  /** Users whose grants were revoked (password reset, "revoke sessions"): refresh tokens issued before fail with 50173. */
  readonly revokedAt = new Map<string, number>();
  /** When this local cloud was made: the seeded app's credentials are dated from it. */
  readonly createdAt: Date = this.clock.now();
  /**
   * When the SAM app's client secret (the one SAM Desk holds) ends: Entra refuses it from that instant (7000222) and
   * Microsoft Graph lists it with this endDateTime. The control API moves it (POST /app/secret-expiry).
   */
  appSecretEndsAt: Date = this.defaultSecretEnd();

  private constructor(
    readonly world: World,
    readonly keys: SigningKeys,
  ) {}

  static async create(worldOptions?: WorldOptions): Promise<CloudState> {
    return new CloudState(new World(worldOptions), await SigningKeys.create());
  }

  setThrottle(service: ServiceName, size: number, retryAfterSeconds: number): void {
    this.throttles.set(service, { size, remaining: size, retryAfterSeconds, blockedUntilMs: null });
  }

  /** Spends one request of a service's budget; returns the Retry-After seconds when the budget is spent. */
  throttle(service: ServiceName): number | null {
    const budget = this.throttles.get(service);
    if (!budget) return null;
    const now = this.clock.now().getTime();
    if (budget.blockedUntilMs !== null && now >= budget.blockedUntilMs) {
      budget.remaining = budget.size;
      budget.blockedUntilMs = null;
    }
    if (budget.remaining > 0) {
      budget.remaining -= 1;
      return null;
    }
    budget.blockedUntilMs ??= now + budget.retryAfterSeconds * 1000;
    return Math.max(1, Math.ceil((budget.blockedUntilMs - now) / 1000));
  }

  private defaultSecretEnd(): Date {
    return new Date(this.createdAt.getTime() + DEFAULT_SECRET_LIFETIME_DAYS * DAY_MS);
  }

  reset(): void {
    this.appSecretEndsAt = this.defaultSecretEnd();
    this.clock.reset();
    this.faults.clear();
    this.settings = defaultSettings();
    this.throttles.clear();
    this.keyVaultPermissions.clear();
    this.revokedAt.clear();
  }
}
