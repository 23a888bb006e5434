import { randomBytes } from 'node:crypto';
import type { CloudState } from '../core/cloud-state';

/** What an authorization request asked for, kept while the user walks through the sign-in pages. */
export interface AuthorizeRequest {
  readonly tenant: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | null;
  readonly nonce: string | null;
  readonly codeChallenge: string | null;
  readonly codeChallengeMethod: string | null;
  readonly prompt: string | null;
  readonly loginHint: string | null;
  readonly responseMode: string | null;
  readonly v1Resource: string | null;
}

/** One sign-in in progress (the `ctx` the pages post back), and who has proven what so far. */
export interface SignInFlow {
  readonly id: string;
  readonly request: AuthorizeRequest;
  userId: string | null;
  methods: string[];
  readonly createdAt: number;
}

export interface IssuedCode {
  readonly code: string;
  readonly request: AuthorizeRequest;
  readonly userId: string;
  readonly methods: readonly string[];
  readonly authTime: number;
  readonly issuedAt: number;
  redeemed: boolean;
}

/**
 * A refresh token. Entra's are multi-resource: one token redeems access to any resource the user consented to
 * for this app. Each use returns a successor (rotation); the predecessor is not revoked at once.
 */
export interface RefreshGrant {
  readonly token: string;
  readonly clientId: string;
  readonly userId: string;
  readonly methods: readonly string[];
  /** When the user last signed in interactively: sign-in frequency and revocation compare against it. */
  readonly authTime: number;
  readonly issuedAt: number;
  /** Set by the control API to force 70008 on this token (an expired or revoked grant). */
  expired: boolean;
}

export const CODE_LIFETIME_SECONDS = 600;
export const REFRESH_INACTIVITY_SECONDS = 90 * 86_400;
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3_600;

export class EntraState {
  readonly flows = new Map<string, SignInFlow>();
  readonly codes = new Map<string, IssuedCode>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  /** Consented delegated scopes per user and app, as "resource/scope" strings. */
  readonly consents = new Map<string, Set<string>>();
  /** Browser sessions (SSO cookie → user and methods), so a second sign-in can skip the password unless prompt=login. */
  readonly sessions = new Map<string, { userId: string; methods: string[]; authTime: number }>();
  /** Certificates registered on the app (PEM), for client assertions. */
  readonly certificates: string[] = [];
  /** Token requests by grant type as they arrive (past throttling), answered or refused: how tests count redemptions (`refresh_token`). */
  readonly grantRequests = new Map<string, number>();

  constructor(readonly cloud: CloudState) {}

  static opaque(prefix: string, bytes: number): string {
    return `${prefix}${randomBytes(bytes).toString('base64url')}`;
  }

  consentKey(userId: string, clientId: string): string {
    return `${userId}|${clientId.toLowerCase()}`;
  }

  consentedScopes(userId: string, clientId: string): Set<string> {
    return this.consents.get(this.consentKey(userId, clientId)) ?? new Set();
  }

  grantConsent(userId: string, clientId: string, scopes: Iterable<string>): void {
    const key = this.consentKey(userId, clientId);
    const set = this.consents.get(key) ?? new Set<string>();
    for (const scope of scopes) set.add(scope);
    this.consents.set(key, set);
  }

  /** Entra refresh tokens are opaque, begin "0.A" and run to hundreds of characters. */
  issueRefreshToken(grant: Omit<RefreshGrant, 'token' | 'expired'>): string {
    const token = EntraState.opaque('0.A', 600);
    this.refreshTokens.set(token, { ...grant, token, expired: false });
    return token;
  }

  /**
   * Every token value this emulator handed out (access, ID and refresh tokens), newest last, bounded: the secret
   * hygiene tests search everything SAM Desk wrote or sent for each of them.
   */
  readonly issued: string[] = [];

  recordIssued(...tokens: readonly unknown[]): void {
    for (const token of tokens) if (typeof token === 'string' && token.length > 0) this.issued.push(token);
    if (this.issued.length > 10_000) this.issued.splice(0, this.issued.length - 10_000);
  }

  reset(): void {
    this.issued.length = 0;
    this.flows.clear();
    this.codes.clear();
    this.refreshTokens.clear();
    this.consents.clear();
    this.sessions.clear();
    this.certificates.length = 0;
    this.grantRequests.clear();
  }
}
