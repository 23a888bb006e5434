import { useTranslation } from 'react-i18next';
import type { Translate } from './translate';

/** t() narrowed to what the pure health formatting takes, with the language it answers in. */
export function useTranslate(): { readonly t: Translate; readonly language: string } {
  const { t, i18n } = useTranslation();
  return { t: (key, values) => t(key, { ...values }), language: i18n.resolvedLanguage ?? 'en' };
}
