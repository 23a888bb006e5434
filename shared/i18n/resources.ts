import { appEn } from './app-en';
import { appSv } from './app-sv';
import { inspectorEn } from './inspector-en';
import { inspectorSv } from './inspector-sv';
import type { Language } from './languages';

/** Every user-facing string of SAM Desk, by language. The renderer and the CLI both read these. */
export const en = { ...appEn, inspector: inspectorEn };

/** Swedish must have exactly the keys English has: the type makes a missing one a compile error. */
type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export const sv: Strings<typeof en> = { ...appSv, inspector: inspectorSv };

export const resources: Record<Language, { translation: Strings<typeof en> }> = {
  en: { translation: en },
  sv: { translation: sv },
};
