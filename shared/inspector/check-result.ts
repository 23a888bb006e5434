import type { CheckStatus, InspectionCheck, MessageParams } from './inspection';
import { visibleParams } from './problems';

export type CheckId = 'expired' | 'not-yet-valid' | 'mfa' | 'audience-partner-center' | 'scope-user-impersonation' | 'token-version' | 'signature' | 'hidden-characters';

/** A check's outcome. Its params are claim text shown in a sentence, so hidden characters in them are made visible. */
export function check(id: CheckId, status: CheckStatus, outcome: string, params: MessageParams = {}): InspectionCheck {
  return { id, status, messageKey: `inspector.checks.${id}.${outcome}`, params: visibleParams(params) };
}
