import { describe, expect, it } from 'vitest';
import type { DeepLink } from '../deep-link';
import { createLogger } from '../logger';
import { DeepLinkRouter, DUPLICATE_WINDOW_MS, MAX_PENDING_LINKS, type DeepLinkTarget } from './deep-link-router';
import type { ProfileReference } from './profile-match';

const contoso: ProfileReference = { id: '0b6f3c2e-1d4a-4b5c-8d9e-0f1a2b3c4d5e', displayName: 'Contoso (production)' };
const fabrikam: ProfileReference = { id: '7c1e9a40-2b3d-4e5f-9a8b-1c2d3e4f5a6b', displayName: 'Fabrikam' };
const reconsent = (profile: string): DeepLink => ({ action: 'reconsent', profile });

function ready(profiles: readonly ProfileReference[] = [contoso, fabrikam], options: { now?: () => number; failFor?: string } = {}) {
  const recorded = { presented: 0, focused: [] as string[], consents: [] as string[] };
  const lines: string[] = [];
  const router = new DeepLinkRouter({
    present: () => void (recorded.presented += 1),
    logger: createLogger((line) => lines.push(line)),
    ...(options.now ? { now: options.now } : {}),
  });
  const target: DeepLinkTarget = {
    listProfiles: async () => profiles,
    focusProfile: (profileId) => void recorded.focused.push(profileId),
    startConsent: async (profileId) => {
      if (profileId === options.failFor) throw new TypeError('the dispatcher failed');
      recorded.consents.push(profileId);
    },
  };
  return { router, recorded, lines, target };
}

describe('the deep-link router', () => {
  it('matches a profile by id and by display name, both case-insensitively', async () => {
    const { router, recorded, target } = ready();
    router.attach(target);
    router.windowReady();
    router.receive(reconsent(contoso.id.toUpperCase()));
    router.receive(reconsent('fabrikam'));
    router.receive({ action: 'consent', profile: 'CONTOSO (Production)' });
    await router.settled();
    expect(recorded.focused).toEqual([contoso.id, fabrikam.id, contoso.id]);
    expect(recorded.consents).toEqual([contoso.id, fabrikam.id, contoso.id]);
  });

  it('brings the window forward for a profile it does not know, starts nothing and logs no name', async () => {
    const { router, recorded, lines, target } = ready();
    router.attach(target);
    router.windowReady();
    router.receive(reconsent('Northwind Traders'));
    await router.settled();
    expect(recorded).toEqual({ presented: 1, focused: [], consents: [] });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'warn', event: 'deep-link.no-profile', action: 'reconsent', matched: 'none' });
    expect(lines[0]).not.toContain('Northwind');
  });

  it('starts nothing when two profiles answer to the name', async () => {
    const twin: ProfileReference = { id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', displayName: 'contoso (PRODUCTION)' };
    const { router, recorded, lines, target } = ready([contoso, twin]);
    router.attach(target);
    router.windowReady();
    router.receive(reconsent('Contoso (production)'));
    await router.settled();
    expect(recorded.consents).toEqual([]);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ event: 'deep-link.no-profile', matched: 'ambiguous' });
  });

  it('holds links until both the app is composed and the window has loaded, then routes them in order', async () => {
    const { router, recorded, target } = ready();
    router.receive(reconsent('Fabrikam'));
    router.receive(reconsent(contoso.id));
    router.windowReady();
    await router.settled();
    expect(recorded.consents).toEqual([]);
    router.attach(target);
    await router.settled();
    expect(recorded.consents).toEqual([fabrikam.id, contoso.id]);
    expect(recorded.presented).toBe(2);
  });

  it('holds links again after the window closed, until the next one has loaded', async () => {
    const { router, recorded, target } = ready();
    router.attach(target);
    router.windowReady();
    router.windowUnloaded();
    router.receive(reconsent('Fabrikam'));
    await router.settled();
    expect(recorded.consents).toEqual([]);
    router.windowReady();
    await router.settled();
    expect(recorded.consents).toEqual([fabrikam.id]);
  });

  it('holds links while the window’s page reloads, until it has loaded again', async () => {
    const { router, recorded, target } = ready();
    router.attach(target);
    router.windowReady();
    router.windowUnloaded();
    router.receive(reconsent('Contoso (production)'));
    await router.settled();
    expect(recorded.focused).toEqual([]);
    router.windowReady();
    await router.settled();
    expect(recorded.focused).toEqual([contoso.id]);
  });

  it('collapses the same profile within the duplicate window, consent or reconsent alike, and not after it', async () => {
    let now = 0;
    const { router, recorded, target } = ready(undefined, { now: () => now });
    router.attach(target);
    router.windowReady();
    router.receive(reconsent('Fabrikam'));
    now += DUPLICATE_WINDOW_MS - 1;
    router.receive({ action: 'consent', profile: 'FABRIKAM' });
    router.receive(reconsent('Contoso (production)'));
    await router.settled();
    expect(recorded.consents).toEqual([fabrikam.id, contoso.id]);
    now += 1;
    router.receive(reconsent('Fabrikam'));
    await router.settled();
    expect(recorded.consents).toEqual([fabrikam.id, contoso.id, fabrikam.id]);
    // Every delivery still brought the window forward.
    expect(recorded.presented).toBe(4);
  });

  it('keeps routing after a link whose consent failed, and logs only the failure kind', async () => {
    const { router, recorded, lines, target } = ready(undefined, { failFor: fabrikam.id });
    router.attach(target);
    router.windowReady();
    router.receive(reconsent('Fabrikam'));
    router.receive(reconsent(contoso.id));
    await router.settled();
    expect(recorded.consents).toEqual([contoso.id]);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'error', event: 'deep-link.failed', error: 'TypeError' });
    expect(lines.join('\n')).not.toContain('the dispatcher failed');
  });

  it('holds at most a bounded number of links before the window is ready', async () => {
    const { router, recorded, target } = ready(Array.from({ length: MAX_PENDING_LINKS + 4 }, (_, index) => ({ id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, displayName: `Tenant ${index}` })));
    for (let index = 0; index < MAX_PENDING_LINKS + 4; index += 1) router.receive(reconsent(`Tenant ${index}`));
    router.attach(target);
    router.windowReady();
    await router.settled();
    expect(recorded.consents).toHaveLength(MAX_PENDING_LINKS);
    expect(recorded.presented).toBe(MAX_PENDING_LINKS + 4);
  });

  it('only presents the window for a delivery without a link', async () => {
    const { router, recorded, target } = ready();
    router.attach(target);
    router.windowReady();
    router.receive(null);
    await router.settled();
    expect(recorded).toEqual({ presented: 1, focused: [], consents: [] });
  });
});
