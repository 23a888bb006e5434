import type { CloudSettings } from '../core/cloud-state';
import type { EmulatorResponse } from '../core/http';

/**
 * Partner Center's answers in the documented variant the cloud's settings pick, applied to every answer (the
 * checks in front of the routes included): error codes as strings (`"900421"`, as the error-code reference types
 * them) instead of numbers, and `links.*.uri` with the `/v1` prefix instead of relative to it.
 */
export function inDocumentedShape(response: EmulatorResponse, settings: CloudSettings): EmulatorResponse {
  let body = response.body;
  if (settings.partnerCenterErrorCode === 'string' && response.status >= 400 && isRecord(body) && typeof body.code === 'number') body = { ...body, code: String(body.code) };
  if (settings.partnerCenterLinks === 'v1') body = withV1Links(body);
  return body === response.body ? response : { ...response, body };
}

/** The body with every link object's relative `uri` under `/v1`, at any depth (a collection's items carry links too). */
function withV1Links(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withV1Links);
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = key === 'links' && isRecord(item) ? prefixLinks(item) : withV1Links(item);
  return copy;
}

function prefixLinks(links: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(links).map(([name, link]) => [name, isRecord(link) && typeof link.uri === 'string' && link.uri.startsWith('/') && !link.uri.startsWith('/v1/') ? { ...link, uri: `/v1${link.uri}` } : link]),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
