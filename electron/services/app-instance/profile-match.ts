/** A profile as a deep link can name it. */
export interface ProfileReference {
  readonly id: string;
  readonly displayName: string;
}

export type ProfileMatch = { readonly kind: 'one'; readonly profile: ProfileReference } | { readonly kind: 'none' } | { readonly kind: 'ambiguous' };

/**
 * The profile a link's `profile=` names: its id, or else its display name, both compared case-insensitively (ids are
 * GUIDs; an e-mail may spell the name in another case). Display names need not be unique, and a consent must never
 * start for a profile the admin did not mean, so two profiles answering to the same name are a non-match.
 */
export function matchProfile(profiles: readonly ProfileReference[], reference: string): ProfileMatch {
  const wanted = reference.toLowerCase();
  const byId = profiles.find((profile) => profile.id.toLowerCase() === wanted);
  if (byId) return { kind: 'one', profile: byId };
  const byName = profiles.filter((profile) => profile.displayName.toLowerCase() === wanted);
  const [only, ...others] = byName;
  if (!only) return { kind: 'none' };
  return others.length === 0 ? { kind: 'one', profile: only } : { kind: 'ambiguous' };
}
