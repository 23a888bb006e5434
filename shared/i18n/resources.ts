import { appEn } from './app-en';
import { appSv } from './app-sv';
import { inspectorEn } from './inspector-en';
import { inspectorSv } from './inspector-sv';
import type { Language } from './languages';
import type { Strings } from './strings';

/** Every user-facing string of SAM Desk, by language. The renderer and the CLI both read these. */
export const en = { ...appEn, inspector: inspectorEn };

export const sv: Strings<typeof en> = { ...appSv, inspector: inspectorSv };

export const resources: Record<Language, { translation: Strings<typeof en> }> = {
  en: { translation: en },
  sv: { translation: sv },
};
