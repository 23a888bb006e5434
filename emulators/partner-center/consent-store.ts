/**
 * Application consents the partner has granted in customer tenants (the CPV consent flow): per customer, per
 * application id. One store per local cloud, owned by the Partner Center emulator.
 */
export interface ApplicationGrant {
  readonly enterpriseApplicationId: string;
  /** Comma-separated permission names, e.g. "Directory.Read.All,User.Read.All". */
  readonly scope: string;
}

export interface ApplicationConsent {
  readonly applicationId: string;
  readonly displayName?: string;
  readonly applicationGrants: readonly ApplicationGrant[];
}

export class ConsentStore {
  private readonly byCustomer = new Map<string, Map<string, ApplicationConsent>>();

  get(customerId: string, applicationId: string): ApplicationConsent | undefined {
    return this.byCustomer.get(customerId.toLowerCase())?.get(applicationId.toLowerCase());
  }

  list(customerId: string): ApplicationConsent[] {
    return [...(this.byCustomer.get(customerId.toLowerCase())?.values() ?? [])];
  }

  /** False when the application already has a consent in that customer (the API answers 409 then). */
  add(customerId: string, consent: ApplicationConsent): boolean {
    const key = customerId.toLowerCase();
    const consents = this.byCustomer.get(key) ?? new Map<string, ApplicationConsent>();
    if (consents.has(consent.applicationId.toLowerCase())) return false;
    consents.set(consent.applicationId.toLowerCase(), consent);
    this.byCustomer.set(key, consents);
    return true;
  }

  remove(customerId: string, applicationId: string): ApplicationConsent | undefined {
    const consents = this.byCustomer.get(customerId.toLowerCase());
    const consent = consents?.get(applicationId.toLowerCase());
    consents?.delete(applicationId.toLowerCase());
    return consent;
  }

  clear(): void {
    this.byCustomer.clear();
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The POST body, read as the service reads it: property names case-insensitively (CIPP sends "ApplicationId",
 * "ApplicationGrants", "EnterpriseApplicationId", "Scope"); ids must be GUIDs and every grant needs a scope.
 * Returns what is wrong as a sentence when the body is not acceptable.
 */
export function parseConsent(body: unknown): ApplicationConsent | string {
  const fields = caseless(body);
  if (!fields) return 'The request body must be a JSON object.';
  const applicationId = fields.get('applicationid');
  if (typeof applicationId !== 'string' || !GUID.test(applicationId)) return 'applicationId must be a GUID.';
  const displayName = fields.get('displayname');
  if (displayName !== undefined && displayName !== null && typeof displayName !== 'string') return 'displayName must be a string.';
  const grants = fields.get('applicationgrants');
  if (!Array.isArray(grants) || grants.length === 0) return 'applicationGrants must list at least one grant.';
  const applicationGrants: ApplicationGrant[] = [];
  for (const grant of grants) {
    const grantFields = caseless(grant);
    const enterpriseApplicationId = grantFields?.get('enterpriseapplicationid');
    const scope = grantFields?.get('scope');
    if (typeof enterpriseApplicationId !== 'string' || !GUID.test(enterpriseApplicationId)) return 'Each grant needs an enterpriseApplicationId GUID.';
    if (typeof scope !== 'string' || scope.trim() === '') return 'Each grant needs a scope (comma-separated permissions).';
    applicationGrants.push({ enterpriseApplicationId, scope });
  }
  return { applicationId, ...(typeof displayName === 'string' ? { displayName } : {}), applicationGrants };
}

function caseless(value: unknown): Map<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return new Map(Object.entries(value).map(([key, field]) => [key.toLowerCase(), field]));
}
