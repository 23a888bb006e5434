import { classifyToken } from './classify';
import type { Inspection } from './inspection';
import { extractToken } from './normalize';
import { problem } from './problems';
import { runChecks } from './checks';
import { summarize } from './summary';
import { readTimes } from './times';

/** Longer than any token Entra issues; the IPC contract enforces the same bound before this runs. */
export const MAX_INSPECTABLE_LENGTH = 65_536;

/**
 * Inspects whatever an admin pasted, fully offline: finds the token, decodes it, summarizes and checks it.
 * Pure and total — it returns an `invalid` inspection for bad input instead of throwing — so the renderer, the
 * main process and the CLI can all call it on untrusted text. The token itself is never part of the result.
 */
export function inspectToken(input: string, now: Date): Inspection {
  const empty = { header: null, claims: null, times: readTimes(null, now), summary: summarize(null), checks: [], signature: { alg: null, kid: null, verified: false } };
  if (input.length > MAX_INSPECTABLE_LENGTH) {
    return { kind: 'invalid', source: 'bare', parameter: null, problem: problem('too-long', { max: MAX_INSPECTABLE_LENGTH }), length: input.length, ...empty };
  }
  const extraction = extractToken(input);
  if (!extraction.ok) {
    return { kind: 'invalid', source: extraction.source, parameter: extraction.parameter, problem: extraction.problem, length: 0, ...empty };
  }
  const { token, source, parameter } = extraction;
  const { kind, header, claims, problem: note } = classifyToken(token);
  const jwt = kind === 'jwt' && header !== null && claims !== null;
  return {
    kind,
    source,
    parameter,
    problem: note,
    header,
    claims,
    times: readTimes(claims, now),
    summary: summarize(claims),
    checks: jwt ? runChecks(header, claims, now) : [],
    signature: {
      alg: typeof header?.alg === 'string' ? header.alg : null,
      kid: typeof header?.kid === 'string' ? header.kid : null,
      verified: false,
    },
    length: token.length,
  };
}
