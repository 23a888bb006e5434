import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';

type DebugLogger = Parameters<typeof validateConfiguration>[1];

/** A logger electron-builder's validator can write its notes to, kept quiet. */
const quietLogger = { isEnabled: false, data: new Map<string, unknown>(), add: () => undefined, save: async () => undefined } as unknown as DebugLogger;

/** electron-builder.yml as electron-builder reads it (merged with package.json's metadata). */
export function loadBuilderConfig(projectDirectory: string): Promise<Configuration> {
  return getConfig(projectDirectory, null, null);
}

/** electron-builder's own schema check of the whole configuration, every platform's section included. */
export function validateBuilderConfig(config: Configuration): Promise<void> {
  return validateConfiguration(config, quietLogger);
}
