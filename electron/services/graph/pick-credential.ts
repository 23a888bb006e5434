import type { KeyCredential, PasswordCredential } from './application-schema';

/**
 * Which of an app registration's credentials is the one a profile uses, so its end date is the one that matters.
 *
 * A client secret: Graph never returns a secret's value, only `hint`, its first three characters. So the secrets
 * whose hint is the profile secret's first three characters are the candidates; when none has it (hints are null on
 * secrets made before Graph had them), every secret is. Among the candidates the one that is valid now and ends
 * soonest is taken: when two could be ours, warning about the earlier end is the safe mistake (a warning too early
 * costs a look; one too late costs an outage). When none is valid, the one that ended last is taken, so an expired
 * secret reads as expired.
 *
 * A certificate: the key credential whose customKeyIdentifier is the certificate's SHA-1 thumbprint (Graph shows it
 * as hex; base64 of the thumbprint's bytes, or of its hex text, is accepted too). No match means no answer: a
 * certificate's end date is not guessed.
 */
export interface PickedCredential {
  readonly endDateTime: string;
  readonly keyId: string;
}

const HINT_LENGTH = 3;

export function pickPasswordCredential(credentials: readonly PasswordCredential[], clientSecret: string | null, now: Date): PickedCredential | null {
  const dated = credentials.flatMap((credential) => {
    const end = timeOf(credential.endDateTime);
    return end === null ? [] : [{ credential, end, start: timeOf(credential.startDateTime) }];
  });
  // Only the hint of the secret is compared, inside this function; the secret itself goes nowhere.
  const hint = clientSecret !== null && clientSecret.length >= HINT_LENGTH ? clientSecret.slice(0, HINT_LENGTH) : null;
  const matching = hint === null ? [] : dated.filter((entry) => entry.credential.hint === hint);
  const candidates = matching.length > 0 ? matching : dated;
  const at = now.getTime();
  const valid = candidates.filter((entry) => entry.end > at && (entry.start === null || entry.start <= at)).sort((a, b) => a.end - b.end);
  const chosen = valid[0] ?? [...candidates].sort((a, b) => b.end - a.end)[0];
  return chosen ? { endDateTime: new Date(chosen.end).toISOString(), keyId: chosen.credential.keyId } : null;
}

export function pickKeyCredential(credentials: readonly KeyCredential[], thumbprint: string): PickedCredential | null {
  const wanted = thumbprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
  const matches = credentials.filter((credential) => credential.customKeyIdentifier != null && identifierForms(credential.customKeyIdentifier).includes(wanted));
  const dated = matches.flatMap((credential) => {
    const end = timeOf(credential.endDateTime);
    return end === null ? [] : [{ credential, end }];
  });
  // The same certificate registered twice: the registration that ends first is the one Entra stops honouring first.
  const chosen = dated.sort((a, b) => a.end - b.end)[0];
  return chosen ? { endDateTime: new Date(chosen.end).toISOString(), keyId: chosen.credential.keyId } : null;
}

/** A customKeyIdentifier as upper-case hex in each form it may come in: hex itself, base64 of the bytes, base64 of the hex. */
function identifierForms(identifier: string): string[] {
  const forms = [identifier.replace(/\s/g, '').toUpperCase()];
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(identifier)) {
    const bytes = Buffer.from(identifier, 'base64');
    forms.push(bytes.toString('hex').toUpperCase(), bytes.toString('latin1').toUpperCase());
  }
  return forms;
}

function timeOf(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}
