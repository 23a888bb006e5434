import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, relative, isAbsolute } from 'node:path';

export const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer. Only files below `root` with a known type are served; anything that would climb
 * out of it, or name a dotfile, is a 404. The files are the same bundle Electron loads and hold no data.
 */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse, headOnly: boolean): Promise<void> {
  const file = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  const type = file ? contentTypes[extname(file)] : undefined;
  if (!file || !type) {
    notFound(response);
    return;
  }
  try {
    if (!(await stat(file)).isFile()) {
      notFound(response);
      return;
    }
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
    response.end(headOnly ? undefined : body);
  } catch {
    notFound(response);
  }
}

/** The file below `root` that a URL path names, or null when it would leave `root` or names a dotfile. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').some((part) => part.startsWith('.'))) return null;
  const candidate = normalize(join(root, decoded));
  const within = relative(root, candidate);
  return within && !within.startsWith('..') && !isAbsolute(within) ? candidate : null;
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end('Not found');
}
