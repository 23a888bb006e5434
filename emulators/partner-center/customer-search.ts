import type { World } from '../data/world';

/**
 * The customer fields Partner Center can filter on (Domain, CompanyName), lower-cased, for every customer of a
 * world. Built once per world on the first filtered request from `companyAt` (a customer's first few draws, not
 * the whole customer), so a filtered scan of 100,000 customers is a loop over strings; the world stays lazy.
 */
export interface CustomerSearchIndex {
  readonly domains: readonly string[];
  readonly companyNames: readonly string[];
}

const indexes = new WeakMap<World, CustomerSearchIndex>();

export function searchIndexOf(world: World): CustomerSearchIndex {
  let index = indexes.get(world);
  if (!index) {
    const domains: string[] = [];
    const companyNames: string[] = [];
    for (let i = 0; i < world.customerCount; i += 1) {
      const company = world.companyAt(i);
      domains.push(company?.domain.toLowerCase() ?? '');
      companyNames.push(company?.companyName.toLowerCase() ?? '');
    }
    index = { domains, companyNames };
    indexes.set(world, index);
  }
  return index;
}

/**
 * Up to `limit` customer indexes from `start` on whose field starts with `prefix`, and where the next match is
 * (null when there is none), so the caller knows whether to offer a next page without scanning twice.
 */
export function scanStartsWith(values: readonly string[], prefix: string, start: number, limit: number): { matches: number[]; next: number | null } {
  const needle = prefix.toLowerCase();
  const matches: number[] = [];
  for (let i = start; i < values.length; i += 1) {
    if (!(values[i] ?? '').startsWith(needle)) continue;
    if (matches.length === limit) return { matches, next: i };
    matches.push(i);
  }
  return { matches, next: null };
}
