import { z } from 'zod';

/**
 * The parts of Microsoft Graph's `application` resource SAM Desk reads (GET /v1.0/applications(appId='…')), as zod
 * shapes: an answer is parsed, never trusted. Unknown properties are dropped by the parse, so nothing else Graph
 * might send (a `secretText`, were it ever filled) is kept. Optional fields are tolerant: Graph leaves `hint` null on
 * secrets made before it had hints, and `customKeyIdentifier` is not always set.
 */
const dateTime = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)));
const optionalText = (max: number) => z.string().max(max).nullish();

/** What every credential of an application has: its id and when it is valid. */
const credentialSchema = z.object({
  keyId: z.string().max(64),
  startDateTime: dateTime.nullish(),
  endDateTime: dateTime.nullish(),
});

export const passwordCredentialSchema = credentialSchema.extend({
  displayName: optionalText(256),
  /** The first three characters of the secret's value: what tells a profile's secret from the others. */
  hint: optionalText(16),
});
export type PasswordCredential = z.infer<typeof passwordCredentialSchema>;

export const keyCredentialSchema = credentialSchema.extend({
  displayName: optionalText(512),
  type: optionalText(64),
  usage: optionalText(64),
  /** For an uploaded certificate its SHA-1 thumbprint (hex, or base64 of its bytes: clients should accept both). */
  customKeyIdentifier: optionalText(512),
});
export type KeyCredential = z.infer<typeof keyCredentialSchema>;

export const applicationSchema = z.object({
  id: z.string().max(64),
  appId: z.string().max(64),
  displayName: optionalText(512),
  passwordCredentials: z.array(passwordCredentialSchema).max(1_000).default([]),
  keyCredentials: z.array(keyCredentialSchema).max(1_000).default([]),
});
export type GraphApplication = z.infer<typeof applicationSchema>;

/** Graph's error body, `{"error": {"code", "message"}}`: only the code is read. */
export const graphErrorSchema = z.object({ error: z.object({ code: z.string().max(200) }) });
