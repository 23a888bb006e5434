import type { EmulatorRequest, EmulatorResponse } from '../core/http';
import { badParameter } from './errors';
import type { SecretInput, SecretPatch } from './store';

/**
 * Reads the bodies of PUT /secrets/{name} (SecretSetParameters) and PATCH /secrets/{name}/{version}
 * (SecretUpdateParameters): `{value, contentType?, tags?, attributes?: {enabled?, nbf?, exp?}}`. Unknown
 * properties are ignored, as the service ignores them. Errors describe the property, never the value.
 */
export type Parsed<T> = { readonly ok: true; readonly body: T } | { readonly ok: false; readonly response: EmulatorResponse };

/** The service's limit on a secret value (25 KB). */
const MAX_VALUE_BYTES = 25 * 1024;
const MAX_TAGS = 15;

export async function readSetBody(request: EmulatorRequest): Promise<Parsed<SecretInput>> {
  const object = await readObject(request);
  if (!object.ok) return object;
  const { value } = object.body;
  if (typeof value !== 'string') return invalid('value');
  if (Buffer.byteLength(value, 'utf8') > MAX_VALUE_BYTES) return { ok: false, response: badParameter(`The secret value is larger than the maximum of ${MAX_VALUE_BYTES} bytes.`) };
  const rest = readProperties(object.body);
  return rest.ok ? { ok: true, body: { value, ...rest.body } } : rest;
}

export async function readUpdateBody(request: EmulatorRequest): Promise<Parsed<SecretPatch>> {
  const object = await readObject(request);
  return object.ok ? readProperties(object.body) : object;
}

async function readObject(request: EmulatorRequest): Promise<Parsed<Record<string, unknown>>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: badParameter('The request body is not valid JSON.') };
  }
  if (!isObject(body)) return { ok: false, response: badParameter('The request body must be a JSON object.') };
  return { ok: true, body };
}

function readProperties(body: Record<string, unknown>): Parsed<SecretPatch> {
  const { contentType, tags, attributes } = body;
  if (contentType !== undefined && contentType !== null && typeof contentType !== 'string') return invalid('contentType');

  let tagMap: Record<string, string> | undefined;
  if (tags !== undefined && tags !== null) {
    if (!isObject(tags) || !Object.values(tags).every((tag) => typeof tag === 'string')) return invalid('tags');
    if (Object.keys(tags).length > MAX_TAGS) return { ok: false, response: badParameter(`A secret can have at most ${MAX_TAGS} tags.`) };
    tagMap = tags as Record<string, string>;
  }

  let enabled: boolean | undefined;
  let notBefore: number | undefined;
  let expires: number | undefined;
  if (attributes !== undefined && attributes !== null) {
    if (!isObject(attributes)) return invalid('attributes');
    const { enabled: rawEnabled, nbf, exp } = attributes;
    if (rawEnabled !== undefined && rawEnabled !== null && typeof rawEnabled !== 'boolean') return invalid('attributes.enabled');
    if (!isOptionalTime(nbf)) return invalid('attributes.nbf');
    if (!isOptionalTime(exp)) return invalid('attributes.exp');
    enabled = rawEnabled ?? undefined;
    notBefore = nbf ?? undefined;
    expires = exp ?? undefined;
  }
  return { ok: true, body: { contentType: contentType ?? undefined, tags: tagMap, enabled, notBefore, expires } };
}

function invalid(property: string): Parsed<never> {
  return { ok: false, response: badParameter(`Property ${property} has an invalid value.`) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalTime(value: unknown): value is number | null | undefined {
  return value === undefined || value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
}
