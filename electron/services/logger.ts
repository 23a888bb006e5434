import { knownSecrets } from './known-secrets';

/**
 * A logger that cannot print a token by construction: it takes an event name and a flat record of fields,
 * and every string field is passed through `redact`, which replaces every secret the process has learned
 * (known-secrets.ts), whatever its length, and anything shaped like a JWT, a bearer value or a long opaque
 * credential. Free text from exceptions is never accepted.
 */
export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const JWT_LIKE = /eyJ[\w-]*\.[\w-]*\.?[\w-]*/g;
const BEARER = /(bearer\s+)\S+/gi;
/** Entra refresh tokens and client secrets are long runs of token characters. */
const LONG_CREDENTIAL = /[\w.~+/=-]{40,}/g;

export function redact(value: string): string {
  // Known secrets first: a pattern replacing part of one would leave the rest of it standing.
  return knownSecrets.redact(value).replace(JWT_LIKE, '[redacted-jwt]').replace(BEARER, '$1[redacted]').replace(LONG_CREDENTIAL, '[redacted]');
}

export function createLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const log = (level: string, event: string, fields: LogFields = {}): void => {
    const safe: Record<string, string | number | boolean | null> = {};
    for (const [key, value] of Object.entries(fields)) safe[key] = typeof value === 'string' ? redact(value) : value;
    write(JSON.stringify({ time: now().toISOString(), level, event: redact(event), ...safe }));
  };
  return {
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
