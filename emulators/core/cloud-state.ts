import { World, type WorldOptions } from '../data/world';
import { EmulatorClock } from './clock';
import { FaultInjector } from './faults';
import { SigningKeys } from './signing-keys';

/** Service names, as used by fault rules and throttling budgets. */
export type ServiceName = 'entra' | 'keyvault' | 'partnercenter';

export type KeyVaultPermission = 'get' | 'set' | 'list' | 'delete' | 'recover' | 'purge';

/** Knobs the control API turns. Defaults are how the real cloud behaves for a healthy partner. */
export interface CloudSettings {
  /** Partner Center refuses App+User tokens without `mfa` in `amr` (401, code 900421). */
  partnerCenterMfaEnforcement: boolean;
  /** A Conditional Access policy in the partner tenant: token requests for users who did not do MFA fail with 50076. */
  tenantRequiresMfa: boolean;
  /** Conditional Access sign-in frequency: refresh tokens older than this since sign-in fail with 70043. */
  signInFrequencySeconds: number | null;
  /** The app's client secret has expired (7000222). */
  clientSecretExpired: boolean;
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
});

/**
 * Everything the three emulators share: the seeded world, the clock, injected faults, the signing key, settings,
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

  reset(): void {
    this.clock.reset();
    this.faults.clear();
    this.settings = defaultSettings();
    this.throttles.clear();
    this.keyVaultPermissions.clear();
    this.revokedAt.clear();
  }
}
