import i18next, { type TFunction } from 'i18next';
import { isLanguage, pickLanguage, type Language } from './languages';
import { resources } from './resources';

/** A synchronous translator for code outside React (the CLI). The renderer uses react-i18next over the same resources. */
export function createTranslator(language: string): { t: TFunction; language: Language } {
  const lng: Language = isLanguage(language) ? language : pickLanguage([language]);
  const instance = i18next.createInstance();
  void instance.init({ lng, fallbackLng: 'en', resources, initAsync: false, interpolation: { escapeValue: false } });
  return { t: instance.t, language: lng };
}
