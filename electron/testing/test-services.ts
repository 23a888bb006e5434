import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSamDeskServices, type SamDeskServices } from '../services/sam-desk-services';
import { memoryVault } from './memory-vault';

/** SAM Desk's services over a temporary settings folder and an in-memory vault, for tests of the bridges. */
export function testServices(): SamDeskServices {
  return createSamDeskServices({
    userDataDirectory: mkdtempSync(join(tmpdir(), 'sam-desk-test-')),
    vault: memoryVault(),
    openBrowser: () => undefined,
    now: () => new Date(),
    loopbackPages: { success: 'ok', failure: 'no' },
  });
}
