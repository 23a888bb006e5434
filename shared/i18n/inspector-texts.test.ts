import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimCatalogue, explainClaim } from '../inspector/claim-catalogue';
import { inspectToken } from '../inspector/inspect';
import { ENTRA_REFRESH_TOKEN, makeJwt, NOW, partnerCenterToken } from '../inspector/testing/make-jwt';
import { supportedLanguages } from './languages';
import { resources } from './resources';

/** Every key the inspector can produce must have a text in every language, or the UI would show raw keys. */
const samples = [
  partnerCenterToken(),
  partnerCenterToken({ amr: ['pwd'], exp: 1, nbf: 2e9, aud: 'https://graph.microsoft.com', scp: 'User.Read', ver: '2.0' }),
  partnerCenterToken({ amr: undefined, exp: undefined, nbf: NOW.getTime() / 1000 + 60, aud: undefined, scp: undefined, ver: '9' }),
  makeJwt({ idtyp: 'app', roles: ['a'] }, { alg: 'none' }),
  makeJwt({ sub: 'x' }, {}),
  partnerCenterToken({ aud: 'https://api.partnercenter.microsoft.com\u202e' }),
  partnerCenterToken({ name: 'Åsa\u200d Öberg' }),
  ENTRA_REFRESH_TOKEN,
];

/** Looks a dotted key up in one language's own strings, without falling back to English. */
function textOf(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe.each(supportedLanguages)('inspector texts in %s', (language) => {
  const i18n = { exists: (key: string) => typeof textOf(resources[language].translation, key) === 'string' };

  it('explain every catalogued claim', () => {
    for (const name of [...Object.keys(claimCatalogue), 'x-unknown']) expect(i18n.exists(explainClaim(name)), name).toBe(true);
  });

  it('cover every check outcome, problem, source and kind the inspector produces', () => {
    const keys = new Set<string>();
    const collect = (input: string): void => {
      const result = inspectToken(input, NOW);
      keys.add(`inspector.kinds.${result.kind}`);
      keys.add(`inspector.sources.${result.source}`);
      if (result.problem) keys.add(result.problem.messageKey);
      for (const check of result.checks) keys.add(check.messageKey);
    };
    samples.forEach(collect);
    fc.assert(fc.property(fc.string(), (text) => collect(text)), { numRuns: 300 });
    for (const key of keys) expect(i18n.exists(key), key).toBe(true);
    expect(keys.size).toBeGreaterThan(25);
  });
});
