import { describe, expect, it } from 'vitest';
import { deepLinkInArguments, parseDeepLink } from './deep-link';

describe('sam-desk:// deep links', () => {
  it('reads reconsent and consent links with a profile id or name', () => {
    expect(parseDeepLink('sam-desk://reconsent?profile=0b6f3c2e-1d4a-4b5c-8d9e-0f1a2b3c4d5e')).toEqual({ action: 'reconsent', profile: '0b6f3c2e-1d4a-4b5c-8d9e-0f1a2b3c4d5e' });
    expect(parseDeepLink('sam-desk:consent?profile=Contoso%20(production)')).toEqual({ action: 'consent', profile: 'Contoso (production)' });
    expect(parseDeepLink('SAM-DESK://Reconsent/?profile=x')).toEqual({ action: 'reconsent', profile: 'x' });
  });

  it('refuses other schemes, unknown actions, missing or hostile profile references', () => {
    for (const link of [
      'https://reconsent?profile=x',
      'sam-desk://delete?profile=x',
      'sam-desk://reconsent',
      'sam-desk://reconsent?profile=',
      `sam-desk://reconsent?profile=${'x'.repeat(101)}`,
      'sam-desk://reconsent?profile=a%0Ab',
      'sam-desk://user:pw@reconsent?profile=x',
      'not a url',
    ]) {
      expect(parseDeepLink(link), link).toBeNull();
    }
  });

  it('finds the link among a second instance’s arguments', () => {
    expect(deepLinkInArguments(['/usr/bin/sam-desk', '--flag', 'sam-desk://reconsent?profile=p'])).toEqual({ action: 'reconsent', profile: 'p' });
    expect(deepLinkInArguments(['/usr/bin/sam-desk'])).toBeNull();
  });
});
