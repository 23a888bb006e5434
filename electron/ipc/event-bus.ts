import { events, type EventName, type EventPayload } from '../../shared/ipc/contract';
import type { DeepReadonly } from './deep-readonly';

type Listener = (event: EventName, payload: unknown) => void;

/**
 * Events from services to whichever bridge is serving the window. Payloads are checked against the contract
 * before they leave, for the same reason responses are.
 */
export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: DeepReadonly<EventPayload<E>>): void {
    const checked: unknown = events[event].parse(payload);
    for (const listener of this.#listeners) listener(event, checked);
  }

  /** Returns the unsubscribe function. */
  listen(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
