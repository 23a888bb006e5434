import type { HealthAction } from '../../shared/health/health-state';

/**
 * The `sam-desk` command that takes a health action, for the remedy line a monitor's log shows. Actions that happen
 * outside SAM Desk (renewing the app's credential, fixing access) have none: the reason line says what to do.
 */
export function remedyCommand(action: HealthAction, profileId: string): string | null {
  const profile = `--profile=${profileId}`;
  switch (action) {
    case 'reconsent':
      return `sam-desk consent ${profile}`;
    case 'refresh-now':
      return `sam-desk refresh ${profile}`;
    case 'recover-key-vault':
      return `sam-desk keyvault recover ${profile}`;
    case 'enable-key-vault':
      return `sam-desk keyvault enable ${profile}`;
    case 'write-key-vault':
      return `sam-desk keyvault write ${profile}`;
    case 'check-now':
      return `sam-desk health ${profile} --probe`;
    case 'renew-credential':
    case 'open-profile':
    case 'none':
      return null;
    default:
      return assertNever(action);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected action: ${String(value)}`);
}
