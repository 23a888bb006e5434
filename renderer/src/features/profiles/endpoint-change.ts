import { bindingOf, unboundFields, type EndpointBinding } from '../../../../shared/profiles/endpoint-binding';
import type { EditorForm } from './editor-form';

/**
 * Whether an edit points the profile anywhere its stored secret was not entered for (shared/profiles/endpoint-
 * binding.ts): another sign-in host, tenant, app, Partner Center, Graph or Key Vault. Main then needs the secret again
 * in the same save, and drops the refresh tokens of the old endpoints; the editor asks for it before sending. Read
 * from the fields as typed, so the question appears while the person types, not only once the form is valid. The
 * typed tenant stands for its id: a domain and its GUID count as a change here, which only asks once too often.
 */
function bindingOfForm(form: EditorForm): EndpointBinding {
  return bindingOf({
    tenantId: form.tenant,
    clientId: form.clientId,
    cloud:
      form.cloudKind === 'custom'
        ? { kind: 'custom', authorityHost: form.authorityHost, partnerCenterUrl: form.partnerCenterUrl, keyVaultSuffix: form.keyVaultSuffix, graphUrl: form.graphUrl }
        : { kind: form.cloudKind },
    keyVault: form.storage === 'keychain' ? null : { vaultUrl: form.vaultUrl, secretName: form.secretName, access: form.keyVaultAccess },
  });
}

export function endpointsChanged(initial: EditorForm, form: EditorForm): boolean {
  return unboundFields(bindingOfForm(initial), bindingOfForm(form)).length > 0;
}
