import type { CloudState } from '../core/cloud-state';
import type { CloudEndpoints } from '../core/endpoints';
import { redirect, type Route } from '../core/http';
import { authorizeRoutes } from './authorize';
import { discoveryRoutes } from './discovery';
import type { EntraState } from './entra-state';
import { tokenEndpoint } from './token-endpoint';

/** Every route of the Entra ID emulator (login.microsoftonline.com's shape, on the emulator's origin). */
export function entraRoutes(cloud: CloudState, entra: EntraState, endpoints: CloudEndpoints): Route[] {
  const discovery = discoveryRoutes(cloud, endpoints);
  const authorize = authorizeRoutes(cloud, entra);
  const logout = (request: Parameters<Route['handler']>[0]) => {
    const back = request.url.searchParams.get('post_logout_redirect_uri');
    return { ...redirect(back ?? `${endpoints.entra}/`), headers: { location: back ?? `${endpoints.entra}/`, 'set-cookie': 'emu_estsauth=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=None' } };
  };
  return [
    { method: 'GET', path: '/:tenant/v2.0/.well-known/openid-configuration', handler: discovery.v2 },
    { method: 'GET', path: '/:tenant/.well-known/openid-configuration', handler: discovery.v1 },
    { method: 'GET', path: '/:tenant/discovery/v2.0/keys', handler: discovery.keys },
    { method: 'GET', path: '/:tenant/discovery/keys', handler: discovery.keys },
    { method: 'GET', path: '/common/discovery/instance', handler: discovery.instance },
    { method: 'GET', path: '/:tenant/oauth2/v2.0/authorize', handler: authorize.start('v2') },
    { method: 'GET', path: '/:tenant/oauth2/authorize', handler: authorize.start('v1') },
    { method: 'POST', path: '/:tenant/login/signin', handler: authorize.signIn },
    { method: 'POST', path: '/:tenant/login/mfa', handler: authorize.verifyMfa },
    { method: 'POST', path: '/:tenant/login/consent', handler: authorize.consent },
    { method: 'POST', path: '/:tenant/oauth2/v2.0/token', handler: tokenEndpoint(cloud, entra, endpoints, 'v2') },
    { method: 'POST', path: '/:tenant/oauth2/token', handler: tokenEndpoint(cloud, entra, endpoints, 'v1') },
    { method: 'GET', path: '/:tenant/oauth2/v2.0/logout', handler: logout },
    { method: 'GET', path: '/:tenant/oauth2/logout', handler: logout },
  ];
}
