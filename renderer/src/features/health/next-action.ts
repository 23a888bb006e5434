import type { HealthAction } from '../../../../shared/health/health-state';

/**
 * What the one button of a dashboard row does for its next action. Renewing a credential and fixing access happen
 * outside SAM Desk, so those open the profile's page, whose reasons and last error say what to do.
 */
export type ActionCommand = 'reconsent' | 'refresh' | 'check' | 'open' | 'recover' | 'enable' | 'write';

export function commandFor(action: HealthAction): ActionCommand | null {
  switch (action) {
    case 'reconsent':
      return 'reconsent';
    case 'refresh-now':
      return 'refresh';
    case 'check-now':
      return 'check';
    case 'recover-key-vault':
      return 'recover';
    case 'enable-key-vault':
      return 'enable';
    case 'write-key-vault':
      return 'write';
    case 'renew-credential':
    case 'open-profile':
      return 'open';
    case 'none':
      return null;
    default:
      return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected action: ${String(value)}`);
}
