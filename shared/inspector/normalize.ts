import { parseJsonObject } from './json-object';
import { problem, type Problem } from './problems';

/** Where the token sat in what the admin pasted. Each is an i18n key under `inspector.sources.*`. */
export type TokenSource =
  | 'bare'
  | 'bearer'
  | 'authorization-header'
  | 'quoted'
  | 'url-fragment'
  | 'url-query'
  | 'form-parameters'
  | 'token-response';

export type Extraction =
  | { readonly ok: true; readonly token: string; readonly source: TokenSource; readonly parameter: string | null }
  | { readonly ok: false; readonly problem: Problem; readonly source: TokenSource; readonly parameter: string | null };

/** The parameters a redirect URL or token response carries tokens in, most useful first. */
const tokenParameters = ['access_token', 'id_token', 'refresh_token'] as const;
const urlParameter = /(?:^|[#?&;\s])(access_token|id_token|refresh_token)=([^&#\s]*)/;
const jsonMember = /^"?(access_token|id_token|refresh_token)"?\s*:\s*"([^"]*)"/;
const quotes = new Set(['"', "'", '`']);

/**
 * Digs the token out of what admins really paste: "Bearer …", an Authorization header line, quotes, a redirect URL
 * with #access_token=… or ?id_token=…, a JSON token response, line breaks from wrapped terminals. Wrappers can nest
 * ("Bearer eyJ…" in quotes), so it peels until nothing changes; the outermost wrapper is reported as the source.
 */
export function extractToken(raw: string): Extraction {
  let text = raw.trim();
  let source: TokenSource = 'bare';
  let parameter: string | null = null;
  const found = (wrapper: TokenSource): void => {
    if (source === 'bare') source = wrapper;
  };

  for (let round = 0; round < 6; round++) {
    const before = text;
    if (text.startsWith('{')) {
      const response = parseJsonObject(text);
      if (response) {
        const name = tokenParameters.find((candidate) => typeof response[candidate] === 'string');
        if (name === undefined) return { ok: false, problem: problem('json-without-token'), source: 'token-response', parameter };
        text = String(response[name]).trim();
        parameter ??= name;
        found('token-response');
        continue;
      }
    }
    const member = jsonMember.exec(text);
    if (member) {
      parameter ??= member[1] ?? null;
      text = (member[2] ?? '').trim();
      found('token-response');
      continue;
    }
    const header = /^authorization\s*:\s*/i.exec(text);
    if (header) {
      text = text.slice(header[0].length);
      found('authorization-header');
    }
    const bearer = /^bearer\s+/i.exec(text);
    if (bearer) {
      text = text.slice(bearer[0].length);
      found('bearer');
    }
    const first = text.at(0);
    if (text.length >= 2 && first !== undefined && quotes.has(first) && text.endsWith(first)) {
      text = text.slice(1, -1).trim();
      found('quoted');
    }
    const inUrl = urlParameter.exec(text);
    if (inUrl) {
      const start = inUrl.index;
      const fragmentAt = text.indexOf('#');
      const queryAt = text.indexOf('?');
      found(fragmentAt !== -1 && fragmentAt <= start ? 'url-fragment' : queryAt !== -1 && queryAt <= start ? 'url-query' : 'form-parameters');
      parameter ??= inUrl[1] ?? null;
      text = percentDecoded(inUrl[2] ?? '');
    }
    text = text.trim();
    if (text === before) break;
  }

  // Terminals and mail clients wrap long tokens; no token contains whitespace, so it can all go.
  const token = text.replace(/\s+/g, '');
  if (token === '') return { ok: false, problem: problem('empty'), source, parameter };
  return { ok: true, token, source, parameter };
}

function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
