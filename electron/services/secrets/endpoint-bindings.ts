import { z } from 'zod';
import { bindingOf, endpointBindingSchema, type BindingSource, type EndpointBinding } from '../../../shared/profiles/endpoint-binding';
import { secretAccounts, type SecretVault } from './secret-vault';

/**
 * The binding records of shared/profiles/endpoint-binding.ts, kept in the keychain beside the secrets they bind:
 *
 *   profile:<id>:credential-binding  where the client secret or certificate password was entered for
 *   profile:<id>:token-binding       where the refresh tokens (the keychain's and Key Vault's copy) were consented for
 *
 * Each record is `{ "format": "sam-desk-endpoint-binding", "version": 1, "endpoints": EndpointBinding }`: no secret,
 * but kept in the keychain rather than in the profiles file on purpose. The file is what a change behind SAM Desk's
 * back would edit (a synced or restored settings folder, another program), and the binding must not move with it;
 * whoever can rewrite a keychain item can read the secrets anyway. Two records rather than one, so that a consent
 * binding its token and an edit binding the credential never rewrite each other's record.
 */
const FORMAT = 'sam-desk-endpoint-binding';
const recordSchema = z.object({ format: z.literal(FORMAT), version: z.literal(1), endpoints: endpointBindingSchema });
/** A record that reads as unreadable on purpose: it binds to nothing, so every use and every edit needs the secret. */
const UNBOUND = JSON.stringify({ format: FORMAT, version: 1, endpoints: null });

/** A record as read: its endpoints, none, or something unreadable (which binds to nothing: it matches no profile). */
export type StoredBinding = EndpointBinding | 'unreadable' | null;

async function read(vault: SecretVault, account: string): Promise<StoredBinding> {
  const text = await vault.get(account);
  if (text === null) return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.endpoints : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function write(vault: SecretVault, account: string, endpoints: EndpointBinding): Promise<void> {
  return vault.set(account, JSON.stringify({ format: FORMAT, version: 1, endpoints }));
}

export function endpointBindings(vault: SecretVault) {
  return {
    /**
     * Where the profile's credential is bound. A profile saved before bindings existed has no record: its secrets and
     * tokens are bound, once, to the profile as it is at that first use (trust on first use; the profile's file has
     * been the only record of its endpoints until then), and from then on it is held to that.
     */
    async credential(profile: BindingSource & { readonly id: string }): Promise<Exclude<StoredBinding, null>> {
      const stored = await read(vault, secretAccounts.credentialBinding(profile.id));
      if (stored !== null) return stored;
      const endpoints = bindingOf(profile);
      if ((await read(vault, secretAccounts.tokenBinding(profile.id))) === null) await write(vault, secretAccounts.tokenBinding(profile.id), endpoints);
      await write(vault, secretAccounts.credentialBinding(profile.id), endpoints);
      return endpoints;
    },
    tokens: (profileId: string): Promise<StoredBinding> => read(vault, secretAccounts.tokenBinding(profileId)),
    bindCredential: (profileId: string, endpoints: EndpointBinding): Promise<void> => write(vault, secretAccounts.credentialBinding(profileId), endpoints),
    /** Puts back a binding read before: its endpoints, or a record that binds to nothing as the unreadable one did. */
    restoreCredential: (profileId: string, previous: Exclude<StoredBinding, null>): Promise<void> =>
      previous === 'unreadable' ? vault.set(secretAccounts.credentialBinding(profileId), UNBOUND) : write(vault, secretAccounts.credentialBinding(profileId), previous),
    bindTokens: (profileId: string, endpoints: EndpointBinding): Promise<void> => write(vault, secretAccounts.tokenBinding(profileId), endpoints),
    /** True when a token binding was there to delete. */
    unbindTokens: (profileId: string): Promise<boolean> => vault.delete(secretAccounts.tokenBinding(profileId)),
  };
}

export type EndpointBindings = ReturnType<typeof endpointBindings>;
