import type { SamFailure } from '../../../shared/ipc/common-schemas';
import { classifyError } from '../../services/sam/classify-error';

/** A service's error as the contract's failure answer: a stable code and the detail its message and remedy need. */
export function failure(error: unknown): SamFailure {
  const mapped = classifyError(error);
  return { ok: false, error: mapped.code, detail: mapped.detail };
}

/** Runs the work and answers a failure in place of any error it throws. */
export async function orFailure<T>(work: () => Promise<T>): Promise<T | SamFailure> {
  try {
    return await work();
  } catch (error) {
    return failure(error);
  }
}
