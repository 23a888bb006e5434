import type { WorldOptions } from './data/world';
import { CloudState } from './core/cloud-state';
import type { CloudEndpoints } from './core/endpoints';
import { startService, type ServiceServer } from './core/http';
import { ensureTlsMaterial, type TlsMaterial } from './core/tls-certificate';
import { controlRoutes } from './control/routes';
import { entraRoutes } from './entra/routes';
import { EntraState } from './entra/entra-state';
import { graphHeaders, graphRoutes } from './graph/routes';
import { keyVaultRoutes } from './keyvault/routes';
import { KeyVaultStore } from './keyvault/store';
import { partnerCenterHeaders, partnerCenterRoutes } from './partner-center/routes';

export interface LocalCloudPorts {
  readonly entra: number;
  readonly keyVault: number;
  readonly partnerCenter: number;
  readonly graph: number;
  readonly control: number;
}

/** Fixed ports for the demo (so a saved demo profile keeps working); tests pass 0 for free ports. */
export const demoPorts: LocalCloudPorts = { entra: 47_301, keyVault: 47_302, partnerCenter: 47_303, graph: 47_304, control: 47_300 };
export const anyPorts: LocalCloudPorts = { entra: 0, keyVault: 0, partnerCenter: 0, graph: 0, control: 0 };

export interface LocalCloudOptions {
  readonly tlsDirectory: string;
  readonly ports?: LocalCloudPorts;
  readonly world?: WorldOptions;
}

export interface LocalCloud {
  readonly endpoints: Readonly<CloudEndpoints>;
  readonly state: CloudState;
  readonly entra: EntraState;
  readonly keyVault: KeyVaultStore;
  readonly tls: TlsMaterial;
  close(): Promise<void>;
}

/**
 * Starts Entra ID, Key Vault, Partner Center and Microsoft Graph emulators plus the control API, each over HTTPS on 127.0.0.1, all
 * sharing one seeded world, clock and signing key.
 */
export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const ports = options.ports ?? anyPorts;
  const tls = await ensureTlsMaterial(options.tlsDirectory);
  const state = await CloudState.create(options.world);
  const endpoints: CloudEndpoints = { entra: '', keyVault: '', partnerCenter: '', graph: '', control: '' };
  const entra = new EntraState(state);
  const keyVault = new KeyVaultStore();
  const servers: ServiceServer[] = [];
  try {
    const start = async (name: string, port: number, routes: Parameters<typeof startService>[0]['routes'], decorate?: Parameters<typeof startService>[0]['decorate']) => {
      const server = await startService({ name, port, tls, faults: state.faults, routes, ...(decorate ? { decorate } : {}) });
      servers.push(server);
      return server.origin;
    };
    endpoints.entra = await start('entra', ports.entra, entraRoutes(state, entra, endpoints));
    endpoints.keyVault = await start('keyvault', ports.keyVault, keyVaultRoutes(state, keyVault, endpoints));
    endpoints.partnerCenter = await start('partnercenter', ports.partnerCenter, partnerCenterRoutes(state, endpoints), partnerCenterHeaders);
    endpoints.graph = await start('graph', ports.graph, graphRoutes(state, entra, endpoints), graphHeaders);
    endpoints.control = await start('control', ports.control, controlRoutes(state, entra, keyVault, endpoints));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  return {
    endpoints,
    state,
    entra,
    keyVault,
    tls,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
