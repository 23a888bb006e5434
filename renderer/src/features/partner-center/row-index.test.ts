import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerRow, UserRow } from '../../../../shared/partner-center/rows';
import { RowIndex, type RowQuery, type RowView } from './row-index';
import { normalizeForSearch, searchTerms } from './search-text';

const customerFields = ['companyName', 'domain', 'tenantId', 'relationship'] as const;

function customer(companyName: string, relationship = 'reseller', domain = `${companyName.toLowerCase().replace(/\W+/g, '')}.example`): CustomerRow {
  const id = `id-${companyName}-${relationship}-${domain}`;
  return { id, companyName, domain, tenantId: id, relationship };
}

function user(displayName: string, state: UserRow['state']): UserRow {
  return {
    id: `user-${displayName}`,
    displayName,
    userPrincipalName: `${displayName.toLowerCase().replace(/\W+/g, '.')}@contoso.example`,
    state,
    usageLocation: 'SE',
    deletedAt: state === 'deleted' ? '2025-01-02T03:04:05Z' : null,
  };
}

function customerIndex(rows: readonly CustomerRow[] = []): RowIndex<CustomerRow> {
  const index = new RowIndex<CustomerRow>({ fields: customerFields, locale: 'en' });
  index.append(rows);
  return index;
}

function rowsOf<T>(view: RowView<T>): T[] {
  return Array.from({ length: view.length }, (_, position) => view.rowAt(position));
}

function namesOf(view: RowView<CustomerRow>): string[] {
  return rowsOf(view).map((row) => row.companyName);
}

describe('normalizing text for search', () => {
  it.each([
    ['Åsa', 'asa'],
    ['Öberg', 'oberg'],
    ['Søren Ærø', 'soren aero'],
    ['Straße', 'strasse'],
    ['Łódź', 'lodz'],
    ['ＣＯＮＴＯＳＯ', 'contoso'],
    ['Crème Brûlée', 'creme brulee'],
  ])('reads %s as %s', (text, normalized) => {
    expect(normalizeForSearch(text)).toBe(normalized);
  });

  it('splits a search into normalized words, ignoring extra spaces', () => {
    expect(searchTerms('  Åsa\tÖBERG  ')).toEqual(['asa', 'oberg']);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('searching rows', () => {
  const rows = [
    customer('Åsa Konsult AB'),
    customer('Öberg & Söner', 'advisor'),
    customer('Contoso Ltd', 'reseller', 'contoso.example'),
    customer('Fabrikam', 'none', 'fabrikam-north.example'),
  ];

  it('ignores case and accents on both sides', () => {
    const index = customerIndex(rows);
    expect(namesOf(index.query({ text: 'asa' }))).toEqual(['Åsa Konsult AB']);
    expect(namesOf(index.query({ text: 'oberg' }))).toEqual(['Öberg & Söner']);
    expect(namesOf(index.query({ text: 'ÅSA' }))).toEqual(['Åsa Konsult AB']);
    expect(namesOf(index.query({ text: 'Söner' }))).toEqual(['Öberg & Söner']);
  });

  it('finds a substring in any of the configured fields', () => {
    const index = customerIndex(rows);
    expect(namesOf(index.query({ text: 'north' }))).toEqual(['Fabrikam']); // domain
    expect(namesOf(index.query({ text: 'advis' }))).toEqual(['Öberg & Söner']); // relationship
    expect(namesOf(index.query({ text: rows[2]?.tenantId.slice(3, 20) ?? '' }))).toEqual(['Contoso Ltd']); // tenant id
  });

  it('does not look in fields that are not configured', () => {
    const index = new RowIndex<CustomerRow>({ fields: ['companyName'] });
    index.append(rows);
    expect(index.query({ text: 'north' }).length).toBe(0);
  });

  it('needs every word, each in any field and in any order', () => {
    const index = customerIndex(rows);
    expect(namesOf(index.query({ text: 'konsult reseller' }))).toEqual(['Åsa Konsult AB']);
    expect(namesOf(index.query({ text: 'reseller konsult' }))).toEqual(['Åsa Konsult AB']);
    expect(namesOf(index.query({ text: 'konsult advisor' }))).toEqual([]);
    expect(namesOf(index.query({ text: 'ltd contoso.example reseller' }))).toEqual(['Contoso Ltd']);
  });

  it('never matches a word across the end of one field and the start of the next', () => {
    // companyName "Fabrikam" is followed by domain "fabrikam-north.example": no row contains "fabrikamfabrikam".
    const index = customerIndex(rows);
    expect(index.query({ text: 'fabrikamfabrikam' }).length).toBe(0);
    expect(index.query({ text: 'examplereseller' }).length).toBe(0);
  });

  it('returns every row, in append order, for an empty search', () => {
    const index = customerIndex(rows);
    expect(namesOf(index.query({ text: '   ' }))).toEqual(rows.map((row) => row.companyName));
  });

  it('reads fields through fieldText when given, so a search can find what the table shows', () => {
    const index = new RowIndex<UserRow>({
      fields: ['displayName', 'state'],
      fieldText: (row, field) => (field === 'state' ? (row.state === 'deleted' ? 'Gelöscht' : 'Aktiv') : String(row[field])),
    });
    index.append([user('Anna', 'active'), user('Bertil', 'deleted')]);
    expect(rowsOf(index.query({ text: 'geloscht' })).map((row) => row.displayName)).toEqual(['Bertil']);
  });

  it('reads a null field as empty text', () => {
    const index = new RowIndex<UserRow>({ fields: ['displayName', 'deletedAt'] });
    index.append([user('Anna', 'active'), user('Bertil', 'deleted')]);
    expect(rowsOf(index.query({ text: '2025' })).map((row) => row.displayName)).toEqual(['Bertil']);
    expect(rowsOf(index.query({ text: 'null' })).length).toBe(0);
  });
});

describe('a predicate combined with the search text', () => {
  const isReseller = (row: CustomerRow): boolean => row.relationship === 'reseller';

  it('keeps only rows both accept', () => {
    const index = customerIndex([customer('Contoso A', 'reseller'), customer('Contoso B', 'advisor'), customer('Fabrikam', 'reseller')]);
    expect(namesOf(index.query({ text: 'contoso', predicate: isReseller }))).toEqual(['Contoso A']);
    expect(namesOf(index.query({ text: '', predicate: isReseller }))).toEqual(['Contoso A', 'Fabrikam']);
  });

  it('filters users by state', () => {
    const index = new RowIndex<UserRow>({ fields: ['displayName', 'userPrincipalName'] });
    index.append([user('Åsa Berg', 'active'), user('Åsa Lind', 'deleted'), user('Per Berg', 'deleted')]);
    const deleted = (row: UserRow): boolean => row.state === 'deleted';
    const active = (row: UserRow): boolean => row.state === 'active';
    expect(rowsOf(index.query({ text: 'asa', predicate: deleted })).map((row) => row.displayName)).toEqual(['Åsa Lind']);
    expect(rowsOf(index.query({ text: 'berg', predicate: active })).map((row) => row.displayName)).toEqual(['Åsa Berg']);
  });

  it('applies a changed predicate instead of narrowing the previous one', () => {
    const index = customerIndex([customer('Contoso A', 'reseller'), customer('Contoso B', 'advisor')]);
    const isAdvisor = (row: CustomerRow): boolean => row.relationship === 'advisor';
    expect(namesOf(index.query({ text: 'con', predicate: isReseller }))).toEqual(['Contoso A']);
    expect(namesOf(index.query({ text: 'cont', predicate: isAdvisor }))).toEqual(['Contoso B']);
    expect(namesOf(index.query({ text: 'conto' }))).toEqual(['Contoso A', 'Contoso B']);
  });
});

describe('narrowing while typing', () => {
  it('looks only at the previous matches when the new text extends the old', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => customer(`${i % 10 === 0 ? 'Contoso' : 'Fabrikam'} ${i}`));
    const index = customerIndex(rows);
    let examined = 0;
    const counting = (row: CustomerRow): boolean => {
      examined += 1;
      return row.relationship === 'reseller';
    };
    expect(index.query({ text: 'co', predicate: counting }).length).toBe(100);
    expect(examined).toBe(1000);
    examined = 0;
    expect(index.query({ text: 'cont', predicate: counting }).length).toBe(100);
    expect(examined).toBe(100);
    examined = 0;
    expect(index.query({ text: 'cont 5', predicate: counting }).length).toBe(19); // a 5 in 50, 150…950 or 500…590 (550 once)
    expect(examined).toBe(100);
    examined = 0;
    // Deleting a letter widens the search: all rows again.
    index.query({ text: 'con', predicate: counting });
    expect(examined).toBe(1000);
  });

  it('gives the same rows as a fresh query for any sequence of searches', () => {
    const letters = ['a', 'å', 'b', 'ö', 'o', ' ', 'A'];
    const word = fc.string({ unit: fc.constantFrom(...letters), maxLength: 6 });
    const rowArb = fc.record({ companyName: word, domain: word, relationship: fc.constantFrom('reseller', 'advisor', 'none') });
    const isReseller = (row: CustomerRow): boolean => row.relationship === 'reseller';
    const step = fc.record({ text: word, filtered: fc.boolean(), sorted: fc.boolean() });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), fc.array(step, { maxLength: 12 }), (rawRows, steps) => {
        const rows = rawRows.map((raw, i) => ({ id: String(i), tenantId: String(i), ...raw }));
        const incremental = customerIndex(rows);
        let text = '';
        for (const { text: typed, filtered, sorted } of steps) {
          // Mostly typing on (the narrowing path), sometimes starting over.
          text = typed.startsWith('a') ? typed : text + typed;
          const query: RowQuery<CustomerRow> = {
            text,
            ...(filtered ? { predicate: isReseller } : {}),
            ...(sorted ? { sort: { field: 'companyName', direction: 'descending' } } : {}),
          };
          expect(incremental.query(query).indices).toEqual(customerIndex(rows).query(query).indices);
        }
      }),
    );
  });
});

describe('sorting', () => {
  const byName = { field: 'companyName', direction: 'ascending' } as const;

  it('orders locale-aware: numbers by value, case and accents as base letters', () => {
    const index = customerIndex(['Customer 10', 'customer 2', 'Zeta', 'Åsa', 'asa', 'Beta', 'Customer 1'].map((name) => customer(name)));
    expect(namesOf(index.query({ text: '', sort: byName }))).toEqual(['Åsa', 'asa', 'Beta', 'Customer 1', 'customer 2', 'Customer 10', 'Zeta']);
  });

  it('reverses the order for descending', () => {
    const index = customerIndex(['b', 'c', 'a'].map((name) => customer(name)));
    expect(namesOf(index.query({ text: '', sort: { field: 'companyName', direction: 'descending' } }))).toEqual(['c', 'b', 'a']);
  });

  it('is stable in both directions: rows with equal keys keep their append order', () => {
    const rows = [customer('A1', 'reseller'), customer('B1', 'advisor'), customer('A2', 'Reseller'), customer('B2', 'advisor'), customer('C1', 'none'), customer('A3', 'reseller')];
    const index = customerIndex(rows);
    expect(namesOf(index.query({ text: '', sort: { field: 'relationship', direction: 'ascending' } }))).toEqual(['B1', 'B2', 'C1', 'A1', 'A2', 'A3']);
    expect(namesOf(index.query({ text: '', sort: { field: 'relationship', direction: 'descending' } }))).toEqual(['A1', 'A2', 'A3', 'C1', 'B1', 'B2']);
  });

  it('sorts by a field that is not searched', () => {
    const index = new RowIndex<UserRow>({ fields: ['displayName'] });
    index.append([user('Anna', 'deleted'), user('Bertil', 'active'), user('Cecilia', 'deleted')]);
    const view = index.query({ text: '', sort: { field: 'state', direction: 'ascending' } });
    expect(rowsOf(view).map((row) => row.displayName)).toEqual(['Bertil', 'Anna', 'Cecilia']);
  });

  it('sorts only the matching rows', () => {
    const index = customerIndex(['Contoso Z', 'Fabrikam', 'Contoso A', 'Contoso M'].map((name) => customer(name)));
    expect(namesOf(index.query({ text: 'contoso', sort: byName }))).toEqual(['Contoso A', 'Contoso M', 'Contoso Z']);
  });

  it('sorts once per field: new search text and the other direction reuse the order', () => {
    let reads = 0;
    const index = new RowIndex<CustomerRow>({
      fields: ['companyName'],
      fieldText: (row, field) => {
        reads += 1;
        return row[field];
      },
    });
    index.append(['c', 'a', 'b', 'ab'].map((name) => customer(name)));
    reads = 0;
    expect(namesOf(index.query({ text: '', sort: byName }))).toEqual(['a', 'ab', 'b', 'c']);
    expect(reads).toBe(4);
    expect(namesOf(index.query({ text: 'b', sort: byName }))).toEqual(['ab', 'b']);
    expect(namesOf(index.query({ text: 'a', sort: { field: 'companyName', direction: 'descending' } }))).toEqual(['ab', 'a']);
    expect(reads).toBe(4);
  });
});

describe('rows arriving page by page', () => {
  it('takes appended rows into the next search and sort', () => {
    const index = customerIndex(['Contoso B', 'Fabrikam', 'Contoso D'].map((name) => customer(name)));
    const sort = { field: 'companyName', direction: 'ascending' } as const;
    expect(namesOf(index.query({ text: 'contoso', sort }))).toEqual(['Contoso B', 'Contoso D']);
    expect(namesOf(index.query({ text: 'contoso' }))).toEqual(['Contoso B', 'Contoso D']);
    const before = index.version;
    index.append(['Contoso A', 'Contoso C', 'Northwind'].map((name) => customer(name)));
    expect(index.version).toBeGreaterThan(before);
    expect(index.size).toBe(6);
    expect(namesOf(index.query({ text: 'contoso', sort }))).toEqual(['Contoso A', 'Contoso B', 'Contoso C', 'Contoso D']);
    expect(namesOf(index.query({ text: 'contoso' }))).toEqual(['Contoso B', 'Contoso D', 'Contoso A', 'Contoso C']);
    expect(namesOf(index.query({ text: 'contoso', sort: { ...sort, direction: 'descending' } }))).toEqual(['Contoso D', 'Contoso C', 'Contoso B', 'Contoso A']);
  });

  it('merges pages into the same order a single sort of all rows gives, ties included', () => {
    const names = Array.from({ length: 300 }, (_, i) => `Customer ${(i * 37) % 50}`);
    const rows = names.map((name, i) => ({ ...customer(name), id: String(i) }));
    const paged = customerIndex();
    const sort = { field: 'companyName', direction: 'descending' } as const;
    for (let start = 0; start < rows.length; start += 70) {
      paged.append(rows.slice(start, start + 70));
      paged.query({ text: '', sort }); // builds the order of the rows so far, which the next page must extend
    }
    expect(paged.query({ text: '', sort }).indices).toEqual(customerIndex(rows).query({ text: '', sort }).indices);
  });

  it('answers the same query with the same view until the rows change', () => {
    const index = customerIndex([customer('a')]);
    const first = index.query({ text: 'a' });
    expect(index.query({ text: ' A ' })).toBe(first);
    index.append([customer('ab')]);
    expect(index.query({ text: 'a' }).length).toBe(2);
    expect(first.length).toBe(1);
  });

  it('forgets the old rows on replace', () => {
    const index = customerIndex(['Contoso', 'Fabrikam'].map((name) => customer(name)));
    const sort = { field: 'companyName', direction: 'ascending' } as const;
    index.query({ text: 'contoso', sort });
    index.replace(['Northwind', 'Contoso 2'].map((name) => customer(name)));
    expect(index.size).toBe(2);
    expect(namesOf(index.query({ text: 'contoso', sort }))).toEqual(['Contoso 2']);
    expect(namesOf(index.query({ text: '', sort }))).toEqual(['Contoso 2', 'Northwind']);
  });

  it('refuses positions outside the rows', () => {
    const index = customerIndex([customer('a')]);
    expect(() => index.rowAt(1)).toThrow(RangeError);
    expect(() => index.query({ text: 'zzz' }).rowAt(0)).toThrow(RangeError);
  });
});

describe('at 50,000 rows', () => {
  // How fast a keystroke is answered is measured by `npm run bench` (filter latency, against a plain-JavaScript
  // baseline in the same run), not here: a timed unit test only measures how busy the test machine is.
  it('answers a search typed one key at a time exactly as a fresh index answers each prefix', () => {
    const words = ['Contoso', 'Fabrikam', 'Northwind', 'Adatum', 'Litware', 'Tailspin', 'Wingtip', 'Åsa', 'Öberg', 'Alpine'];
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      customer(`${words[i % 10] ?? ''} ${words[(i * 7) % 10] ?? ''} ${i}`, ['reseller', 'advisor', 'none'][i % 3], `tenant${i}.onmicrosoft.com`),
    );
    const typed = customerIndex(rows);
    const sort = { field: 'companyName', direction: 'ascending' } as const;
    typed.query({ text: '', sort });
    for (const text of ['n', 'no', 'nor', 'nort', 'northw', 'northwind', 'northwind o', 'northwind ob', 'northwind oberg', 'northwind', 'tenant4']) {
      expect(typed.query({ text, sort }).indices, text).toEqual(customerIndex(rows).query({ text, sort }).indices);
    }
    // Northwind first (i ≡ 2 mod 10) or second (7i ≡ 2, so i ≡ 6 mod 10): a fifth of the rows.
    expect(typed.query({ text: 'northwind', sort }).length).toBe(10_000);
  });
});
