import { z } from 'zod';
import { MAX_INSPECTABLE_LENGTH } from '../inspector/inspect';
import { inspectionSchema } from '../inspector/inspection';
import { healthEvents, healthMethods } from './health-contract';
import { partnerCenterEvents, partnerCenterMethods } from './partner-center-contract';
import { samEvents, samMethods } from './sam-contract';

/**
 * The one IPC contract. Every method is `namespace.name` with a request and a response schema; every event is
 * `namespace.name` with a payload schema. The Electron preload, the browser-mode client, the main-side
 * registration and the handler table are all derived from these two maps, so a method cannot exist on one
 * side only.
 */

/** Pasted tokens are bounded so a hostile renderer cannot make main parse megabytes. */
export const MAX_TOKEN_INPUT_LENGTH = MAX_INSPECTABLE_LENGTH;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  online: z.boolean(),
  platform: z.string(),
  /** Which Microsoft cloud the app talks to: the real one, or the built-in local emulators (the demo). */
  cloud: z.enum(['microsoft', 'local']),
  /** Main's clock, so the window's countdowns and relative times agree with what main dated (see renderer clock). */
  now: z.iso.datetime(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const connectivitySchema = z.object({ online: z.boolean() });

export const methods = {
  'app.info': {
    request: z.object({}).strict(),
    response: appInfoSchema,
  },
  'tokens.inspect': {
    request: z.object({ input: z.string().max(MAX_TOKEN_INPUT_LENGTH) }).strict(),
    response: inspectionSchema,
  },
  ...samMethods,
  ...partnerCenterMethods,
  ...healthMethods,
} as const;

export const events = {
  'app.connectivity': connectivitySchema,
  ...samEvents,
  ...partnerCenterEvents,
  ...healthEvents,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodRequest<M extends MethodName> = z.input<Methods[M]['request']>;
export type MethodResponse<M extends MethodName> = z.output<Methods[M]['response']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(methods, value);
}
export function isEventName(value: string): value is EventName {
  return Object.hasOwn(events, value);
}
