/** Name parts for generated people and companies, with the non-ASCII names partners really have. */
export const firstNames = ['Åsa', 'Björn', 'Zoë', 'José', 'Chloé', 'Søren', 'Anna', 'Mohammed', 'Priya', 'Wei', 'Łukasz', 'Emma', 'Noah', 'Olivia', 'Liam', 'Ines', 'Mikael', 'Ayşe', 'François', 'Dvořák', 'Yuki', 'Kwame', 'Sofía', 'Jürgen', 'Elin', 'Marek', 'Fatima', 'Oskar', 'Maja', 'Henrik'] as const;
export const lastNames = ['Öberg', 'Lindqvist', 'García', 'Müller', 'Nguyen', 'Kowalski', 'Smith', 'Johansson', 'Østergaard', 'Dubois', 'Rossi', 'Tanaka', 'Okafor', 'Patel', 'Yılmaz', 'Novák', 'Haddad', 'Svensson', 'Brown', 'Silva', 'Andersson', 'Kim', 'Wang', 'Ólafsson', 'Łęcki', 'Murphy', 'Fischer', 'Martín', 'Berg', 'Nakamura'] as const;
export const companyWords = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware', 'Woodgrove', 'Lucerne', 'Alpine', 'Coho', 'Fourth Coffee', 'Trey', 'Humongous', 'Relecloud', 'Blue Yonder', 'Margie', 'Wide World', 'Bellows', 'Nordlys', 'Söderhamn', 'Café Lumière', 'Øresund', 'Zürich Data'] as const;
export const companySuffixes = ['AB', 'Ltd', 'GmbH', 'Inc.', 'AS', 'Oy', 'SARL', 'BV', 'LLC', 'Group'] as const;
export const usageLocations = ['SE', 'NO', 'DK', 'FI', 'DE', 'GB', 'US', 'FR', 'NL', 'ES'] as const;

/** "Café Lumière AB" → "cafelumiere": what a tenant's onmicrosoft.com prefix looks like. */
export function domainLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
