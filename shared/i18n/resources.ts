import { appEn } from './app-en';
import { appSv } from './app-sv';
import { commandsEn } from './commands-en';
import { commandsSv } from './commands-sv';
import { customersEn } from './customers-en';
import { customersSv } from './customers-sv';
import { healthEn } from './health-en';
import { healthSv } from './health-sv';
import { inspectorEn } from './inspector-en';
import { inspectorSv } from './inspector-sv';
import type { Language } from './languages';
import { profilesEn } from './profiles-en';
import { profilesSv } from './profiles-sv';
import { samEn } from './sam-en';
import { samSv } from './sam-sv';
import type { Strings } from './strings';

/** Every user-facing string of SAM Desk, by language. The renderer and the CLI both read these. */
export const en = { ...appEn, inspector: inspectorEn, profiles: profilesEn, sam: samEn, commands: commandsEn, customers: customersEn, health: healthEn };

export const sv: Strings<typeof en> = { ...appSv, inspector: inspectorSv, profiles: profilesSv, sam: samSv, commands: commandsSv, customers: customersSv, health: healthSv };

export const resources: Record<Language, { translation: Strings<typeof en> }> = {
  en: { translation: en },
  sv: { translation: sv },
};
