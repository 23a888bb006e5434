import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n/translator';
import { factRows } from './health-fact-rows';
import { daysAgo, entryOf, keyT } from './testing';
import type { Translate } from './translate';

/** The real texts of a language, through the same i18next setup the app uses. */
const textsOf = (language: string): Translate => {
  const { t } = createTranslator(language);
  return (key, values) => t(key, { ...values });
};

/** The app credential's row on a profile's page: a date when known, and why not when SAM Desk could not read it. */
describe('the credential expiry fact row', () => {
  it("shows a client secret's end date read from Microsoft Graph", () => {
    const entry = entryOf('Contoso', { credentialExpiry: { value: { kind: 'secret', expiresAt: daysAgo(-10) }, at: daysAgo(0) }, lastCheck: { value: 'complete', at: daysAgo(0) } });
    const row = factRows(entry, keyT, 'en-US').find((candidate) => candidate.key === 'credentialExpires');
    expect(row?.value).toMatch(/^health\.details\.credentialValue\{"kind":"health\.details\.credentialKinds\.secret","at":".+"\}$/);
    expect(entry.assessment).toMatchObject({ state: 'action-needed', action: 'renew-credential' });
  });

  it('says the secret is not readable without the Graph permission, in both languages, and the profile stays healthy', () => {
    const entry = entryOf('Contoso', { credentialExpiry: { value: { kind: 'secret', expiresAt: null, unknown: 'no-permission' }, at: daysAgo(0) }, lastCheck: { value: 'complete', at: daysAgo(0) } });
    expect(entry.assessment).toMatchObject({ state: 'healthy', action: 'none', reasons: [] });
    const english = factRows(entry, textsOf('en'), 'en').find((row) => row.key === 'credentialExpires');
    expect(english).toMatchObject({ label: 'Credential expires', value: 'Client secret: not readable: the app lacks the Microsoft Graph permission Application.Read.All' });
    expect(factRows(entry, textsOf('sv'), 'sv').find((row) => row.key === 'credentialExpires')?.value).toContain('Application.Read.All');
  });
});
