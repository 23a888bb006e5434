import type { ServerResponse } from 'node:http';
import type { EventBus } from '../ipc/event-bus';

/**
 * Pushes contract events to the page as server-sent events. The page reads the stream with fetch (so it can
 * send the key header, which EventSource cannot). A comment line every 15 s keeps idle connections open.
 */
export function openEventStream(response: ServerResponse, bus: EventBus): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  response.write(': connected\n\n');
  const unsubscribe = bus.listen((event, payload) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 15_000);
  keepAlive.unref();
  response.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
