import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, pickLanguage, type Language } from '../../../shared/i18n/languages';
import { resources } from '../../../shared/i18n/resources';

/** The user's explicit choice wins; otherwise the OS locale (Electron reports it as navigator.languages). */
const CHOICE_KEY = 'sam-desk.language';

export function initialLanguage(): Language {
  const chosen = localStorage.getItem(CHOICE_KEY);
  return chosen && isLanguage(chosen) ? chosen : pickLanguage(navigator.languages);
}

export async function setupI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(CHOICE_KEY, language);
  void i18next.changeLanguage(language);
}
