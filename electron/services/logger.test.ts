import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './logger';

describe('logger redaction', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMiLCJhbXIiOlsibWZhIl19.c2lnbmF0dXJlLXBhcnQ';
  const refresh = '0.AXoAe1f2G3h4I5j6K7l8M9n0OpQrStUvWxYz-AbCdEfGhIjKlMnOpQrStUvWx';
  it('removes JWTs, bearer values and long opaque credentials from every string field', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line), () => new Date(0));
    logger.info('token.saved', { token: jwt, header: `Bearer ${refresh}`, note: `got ${refresh}`, count: 3 });
    const text = lines.join('\n');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain(refresh);
    expect(text).toContain('"count":3');
    expect(text).toContain('token.saved');
  });
  it('keeps ordinary words', () => {
    expect(redact('consent finished for contoso.onmicrosoft.com')).toBe('consent finished for contoso.onmicrosoft.com');
  });
});
