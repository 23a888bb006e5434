import { defaultHealthSettings, healthSettingsSchema, type HealthSettings } from '../../../shared/health/health-settings';
import { createJsonFile } from './health-file';

export { defaultHealthSettings, type HealthSettings };

/** `<settings>/health-settings.json`. */
export function createHealthSettingsFile(directory: string) {
  const file = createJsonFile<HealthSettings>({
    directory,
    name: 'health-settings.json',
    parse: (raw) => {
      // A file from an older version may lack newer settings: what it has wins, the rest are defaults.
      const parsed = healthSettingsSchema.safeParse({ ...defaultHealthSettings, ...(typeof raw === 'object' && raw !== null ? raw : {}) });
      return parsed.success ? parsed.data : null;
    },
    empty: () => defaultHealthSettings,
  });
  return {
    read: () => file.read(),
    async update(change: { readonly [K in keyof HealthSettings]?: HealthSettings[K] | undefined }): Promise<HealthSettings> {
      const next = healthSettingsSchema.parse({ ...(await file.read()), ...stripUndefined(change) });
      await file.write(next);
      return next;
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
