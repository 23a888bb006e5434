import type { HealthSettings } from '../../store/health-entries';

/** The settings as the form holds them: numbers as typed, so a half-typed value is not lost or coerced. */
export interface SettingsForm {
  readonly scheduled: boolean;
  readonly intervalHours: string;
  readonly keepAlive: boolean;
  readonly notify: boolean;
  readonly expiringThresholdDays: string;
  readonly probe: boolean;
  readonly probeIntervalHours: string;
  readonly keyVaultVersionsKept: string;
}

export type SettingsField = 'intervalHours' | 'expiringThresholdDays' | 'probeIntervalHours' | 'keyVaultVersionsKept';

/** The bounds main enforces (shared/health/health-settings.ts), checked here first so the field can be named. */
const bounds: Readonly<Record<SettingsField, { readonly min: number; readonly max: number }>> = {
  intervalHours: { min: 1, max: 24 * 14 },
  expiringThresholdDays: { min: 1, max: 89 },
  probeIntervalHours: { min: 1, max: 24 * 30 },
  keyVaultVersionsKept: { min: 1, max: 25 },
};

export function formFromSettings(settings: HealthSettings): SettingsForm {
  return {
    ...settings,
    intervalHours: String(settings.intervalHours),
    expiringThresholdDays: String(settings.expiringThresholdDays),
    probeIntervalHours: String(settings.probeIntervalHours),
    keyVaultVersionsKept: String(settings.keyVaultVersionsKept),
  };
}

function wholeNumberIn(text: string, { min, max }: { readonly min: number; readonly max: number }): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** The settings to save, or the fields to fix (each error's text names its field: health.settings.errors.<field>). */
export function checkSettingsForm(form: SettingsForm): { readonly ok: true; readonly settings: HealthSettings } | { readonly ok: false; readonly errors: readonly SettingsField[] } {
  const intervalHours = wholeNumberIn(form.intervalHours, bounds.intervalHours);
  const expiringThresholdDays = wholeNumberIn(form.expiringThresholdDays, bounds.expiringThresholdDays);
  const probeIntervalHours = wholeNumberIn(form.probeIntervalHours, bounds.probeIntervalHours);
  const keyVaultVersionsKept = wholeNumberIn(form.keyVaultVersionsKept, bounds.keyVaultVersionsKept);
  const errors: SettingsField[] = [];
  if (intervalHours === null) errors.push('intervalHours');
  if (expiringThresholdDays === null) errors.push('expiringThresholdDays');
  if (probeIntervalHours === null) errors.push('probeIntervalHours');
  if (keyVaultVersionsKept === null) errors.push('keyVaultVersionsKept');
  if (intervalHours === null || expiringThresholdDays === null || probeIntervalHours === null || keyVaultVersionsKept === null) return { ok: false, errors };
  return { ok: true, settings: { scheduled: form.scheduled, intervalHours, keepAlive: form.keepAlive, notify: form.notify, expiringThresholdDays, probe: form.probe, probeIntervalHours, keyVaultVersionsKept } };
}
