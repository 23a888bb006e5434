import type { EmulatorResponse } from '../core/http';
import { badRequest } from './errors';

/**
 * The `filter` query parameter: URL-encoded JSON `{"Field": ..., "Value": ..., "Operator": ...}`. Keys are read
 * case-insensitively (the service is ASP.NET); field and operator names are compared case-insensitively and
 * the value "ignores case", as the docs say.
 */
export interface SimpleFilter {
  readonly field: string;
  readonly value: string;
  readonly operator: string;
  /** The filter as received, for the self and next links. */
  readonly raw: string;
}

export function parseFilter(raw: string | null, allowed: Readonly<Record<string, readonly string[]>>): SimpleFilter | null | EmulatorResponse {
  if (raw === null || raw.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return badRequest('The filter is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return badRequest('The filter must be a JSON object.');
  const entries = new Map(Object.entries(parsed as Record<string, unknown>).map(([key, value]) => [key.toLowerCase(), value]));
  const field = entries.get('field');
  const value = entries.get('value');
  const operator = entries.get('operator');
  if (typeof field !== 'string' || typeof value !== 'string' || typeof operator !== 'string') return badRequest('The filter needs string Field, Value and Operator.');
  const fieldName = Object.keys(allowed).find((name) => name.toLowerCase() === field.toLowerCase());
  if (fieldName === undefined) return badRequest(`Filtering on '${field}' is not supported here.`);
  const operatorName = allowed[fieldName]?.find((name) => name.toLowerCase() === operator.toLowerCase());
  if (operatorName === undefined) return badRequest(`The operator '${operator}' is not supported for '${fieldName}'.`);
  return { field: fieldName, value, operator: operatorName, raw };
}
