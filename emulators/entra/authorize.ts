import { randomBytes } from 'node:crypto';
import type { CloudState } from '../core/cloud-state';
import { html, redirect, type EmulatorRequest, type EmulatorResponse } from '../core/http';
import { aadsts, fill } from './aadsts-errors';
import type { AuthorizeRequest, EntraState, SignInFlow } from './entra-state';
import { clientInfo } from './issue-tokens';
import { consentPage, errorPage, mfaPage, signInPage } from './pages';
import { redirectUriAllowed } from './redirect-uri';
import { consentScopes } from './scopes';
import { tenantMatches } from './token-endpoint';

const SESSION_COOKIE = 'emu_estsauth';
const FLOW_LIFETIME_MS = 15 * 60_000;

/**
 * The interactive half of the authorization code flow: GET /authorize validates the request and starts a sign-in,
 * the pages post back step by step, and the last step redirects to the app's redirect URI with code and state
 * (or error=access_denied when the user cancels).
 */
export function authorizeRoutes(cloud: CloudState, entra: EntraState) {
  const world = cloud.world;
  const stepUrl = (tenant: string, step: string): string => `/${encodeURIComponent(tenant)}/login/${step}`;

  function start(version: 'v1' | 'v2') {
    return (request: EmulatorRequest): EmulatorResponse => {
      const tenant = request.params.tenant ?? '';
      const query = request.url.searchParams;
      if (!tenantMatches(tenant, cloud)) return html(400, errorPage(aadsts.wrongTenant.code, fill(aadsts.wrongTenant.message, { tenant })));
      const clientId = (query.get('client_id') ?? '').toLowerCase();
      const app = world.appById(clientId);
      if (!app) return html(400, errorPage(aadsts.unknownClient.code, fill(aadsts.unknownClient.message, { clientId })));
      const redirectUri = query.get('redirect_uri') ?? '';
      // A bad redirect URI is shown on Entra's own page: redirecting there would hand a code to a stranger.
      if (!redirectUriAllowed(redirectUri, app.redirectUris)) {
        return html(400, errorPage(aadsts.redirectMismatch.code, fill(aadsts.redirectMismatch.message, { redirectUri, clientId })));
      }
      const authorizeRequest: AuthorizeRequest = {
        tenant,
        clientId,
        redirectUri,
        scopes: (query.get('scope') ?? 'openid').split(/\s+/).filter((scope) => scope !== ''),
        state: query.get('state'),
        nonce: query.get('nonce'),
        codeChallenge: query.get('code_challenge'),
        codeChallengeMethod: query.get('code_challenge_method'),
        prompt: query.get('prompt'),
        loginHint: query.get('login_hint'),
        responseMode: query.get('response_mode'),
        v1Resource: version === 'v1' ? query.get('resource') : null,
      };
      if (query.get('response_type') !== 'code') return finish(authorizeRequest, { error: 'unsupported_response_type', error_description: 'AADSTS700054: response_type must be code.' });
      const scope = consentScopes(authorizeRequest.scopes.join(' '), authorizeRequest.v1Resource);
      if (scope.invalid !== null) return finish(authorizeRequest, { error: 'invalid_scope', error_description: `AADSTS70011: The scope ${scope.invalid} is not valid.` });
      if (authorizeRequest.codeChallenge !== null && !['S256', 'plain', null].includes(authorizeRequest.codeChallengeMethod)) {
        return finish(authorizeRequest, { error: 'invalid_request', error_description: 'AADSTS501491: Invalid size of Code_Challenge parameter or unsupported code_challenge_method.' });
      }
      const flow: SignInFlow = { id: randomBytes(24).toString('base64url'), request: authorizeRequest, userId: null, methods: [], createdAt: Date.now() };
      entra.flows.set(flow.id, flow);

      const session = sessionFrom(request);
      const reuse = session && authorizeRequest.prompt !== 'login' && authorizeRequest.prompt !== 'select_account';
      if (reuse) {
        flow.userId = session.userId;
        flow.methods = [...session.methods];
        return afterAuthentication(flow);
      }
      if (authorizeRequest.prompt === 'none') return finish(authorizeRequest, { error: 'login_required', error_description: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.' });
      return html(200, signInPage(flow.id, stepUrl(tenant, 'signin'), world.admins, authorizeRequest.loginHint, null));
    };
  }

  function sessionFrom(request: EmulatorRequest): { userId: string; methods: string[]; authTime: number } | undefined {
    const cookie = request.headers.cookie ?? '';
    const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie);
    return match?.[1] ? entra.sessions.get(match[1]) : undefined;
  }

  async function flowFrom(request: EmulatorRequest): Promise<{ flow: SignInFlow | undefined; form: URLSearchParams }> {
    const form = await request.form();
    const flow = entra.flows.get(form.get('ctx') ?? '');
    if (flow && Date.now() - flow.createdAt > FLOW_LIFETIME_MS) {
      entra.flows.delete(flow.id);
      return { flow: undefined, form };
    }
    return { flow, form };
  }

  const expired = (): EmulatorResponse => html(400, errorPage(50058, 'This sign-in has expired or is not known. Start again from the application.'));

  async function signIn(request: EmulatorRequest): Promise<EmulatorResponse> {
    const { flow, form } = await flowFrom(request);
    if (!flow) return expired();
    if (form.get('action') === 'cancel') return cancel(flow);
    const user = world.userByName(form.get('loginfmt') ?? '');
    if (!user || form.get('passwd') !== user.password) {
      return html(200, signInPage(flow.id, stepUrl(flow.request.tenant, 'signin'), world.admins, form.get('loginfmt'), 'Your account or password is incorrect.'));
    }
    flow.userId = user.id;
    flow.methods = ['pwd'];
    if (user.mfaRegistered) return html(200, mfaPage(flow.id, stepUrl(flow.request.tenant, 'mfa'), user, null));
    if (cloud.settings.tenantRequiresMfa) {
      return finish(flow.request, { error: 'interaction_required', error_description: `AADSTS${String(aadsts.mfaRegistrationRequired.code)}: ${aadsts.mfaRegistrationRequired.message}` });
    }
    return afterAuthentication(flow);
  }

  async function verifyMfa(request: EmulatorRequest): Promise<EmulatorResponse> {
    const { flow, form } = await flowFrom(request);
    const user = flow?.userId ? world.userById(flow.userId) : undefined;
    if (!flow || !user) return expired();
    if (form.get('action') === 'cancel') return cancel(flow);
    if ((form.get('otc') ?? '').trim() !== user.mfaCode) return html(200, mfaPage(flow.id, stepUrl(flow.request.tenant, 'mfa'), user, 'That code didn’t work. Check the code and try again.'));
    flow.methods = ['pwd', 'mfa'];
    return afterAuthentication(flow);
  }

  /** Consent is asked for once per user and app, for the delegated scopes not yet granted. */
  function afterAuthentication(flow: SignInFlow): EmulatorResponse {
    const missing = missingConsent(flow);
    if (missing.length > 0 || flow.request.prompt === 'consent') {
      const appName = world.appById(flow.request.clientId)?.displayName ?? flow.request.clientId;
      return html(200, consentPage(flow.id, stepUrl(flow.request.tenant, 'consent'), appName, missing.length > 0 ? missing : requestedScopes(flow)));
    }
    return issueCode(flow);
  }

  function requestedScopes(flow: SignInFlow): string[] {
    return consentScopes(flow.request.scopes.join(' '), flow.request.v1Resource).scopes;
  }

  function missingConsent(flow: SignInFlow): string[] {
    const consented = entra.consentedScopes(flow.userId ?? '', flow.request.clientId);
    return requestedScopes(flow).filter((scope) => !consented.has(scope));
  }

  async function consent(request: EmulatorRequest): Promise<EmulatorResponse> {
    const { flow, form } = await flowFrom(request);
    if (!flow?.userId) return expired();
    if (form.get('action') !== 'accept') return cancel(flow, 'AADSTS65004: User declined to consent to access the app.');
    entra.grantConsent(flow.userId, flow.request.clientId, requestedScopes(flow));
    return issueCode(flow);
  }

  function issueCode(flow: SignInFlow): EmulatorResponse {
    const userId = flow.userId ?? '';
    const user = world.userById(userId);
    if (!user) return expired();
    entra.flows.delete(flow.id);
    const authTime = cloud.clock.nowSeconds();
    const code = `1.A${randomBytes(160).toString('base64url')}`;
    entra.codes.set(code, { code, request: flow.request, userId, methods: [...flow.methods], authTime, issuedAt: authTime, redeemed: false });
    const sessionId = randomBytes(24).toString('base64url');
    entra.sessions.set(sessionId, { userId, methods: [...flow.methods], authTime });
    return finish(flow.request, { code, client_info: clientInfo(user, world.partner.tenantId), session_state: sessionId.slice(0, 16) }, { 'set-cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; Secure; HttpOnly; SameSite=None` });
  }

  function cancel(flow: SignInFlow, description = 'AADSTS50126: The user canceled the sign-in.'): EmulatorResponse {
    entra.flows.delete(flow.id);
    return finish(flow.request, { error: 'access_denied', error_subcode: 'cancel', error_description: description });
  }

  return { start, signIn, verifyMfa, consent, stepUrl };
}

/** Sends the result to the app's redirect URI, in the query (default for code) or the fragment, with state. */
function finish(request: AuthorizeRequest, values: Record<string, string>, headers: Record<string, string> = {}): EmulatorResponse {
  const params = new URLSearchParams(values);
  if (request.state !== null) params.set('state', request.state);
  if (request.responseMode === 'form_post') {
    const inputs = [...params].map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/"/g, '&quot;')}">`).join('');
    return html(200, `<!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="${request.redirectUri.replace(/"/g, '&quot;')}">${inputs}<noscript><button>Continue</button></noscript></form></body></html>`, headers);
  }
  const separator = request.responseMode === 'fragment' ? '#' : request.redirectUri.includes('?') ? '&' : '?';
  return { ...redirect(`${request.redirectUri}${separator}${params.toString()}`), headers: { location: `${request.redirectUri}${separator}${params.toString()}`, ...headers } };
}
