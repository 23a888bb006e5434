/** The languages SAM Desk speaks. The first one is the fallback. */
export const supportedLanguages = ['en', 'sv'] as const;
export type Language = (typeof supportedLanguages)[number];

export function isLanguage(value: string): value is Language {
  return (supportedLanguages as readonly string[]).includes(value);
}

/** Picks the first supported language from an ordered list of BCP 47 tags (e.g. navigator.languages, LANG). */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().replace('_', '-').split(/[-.@]/)[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return supportedLanguages[0];
}
