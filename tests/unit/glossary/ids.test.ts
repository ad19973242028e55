import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { idFromTerm, slugify, uniqueId } from '../../../glossary/ids';
import { IdSchema } from '../../../glossary/schema';

describe('ids made from terms', () => {
  it('lowercases, removes accents and invisible characters, joins the rest with single hyphens', () => {
    // With a soft hyphen (U+00AD), as in text copied from a web page.
    expect(slugify('Zwaartepunt\u00adoverleg (ZPO)')).toBe('zwaartepuntoverleg-zpo');
    expect(slugify('  Één – Ministerie van Buitenlandse Zaken!  ')).toBe(
      'een-ministerie-van-buitenlandse-zaken',
    );
    expect(slugify('Coördinatie & Crisisbeheersing')).toBe('coordinatie-crisisbeheersing');
    expect(slugify("Kamerlid's motie")).toBe('kamerlids-motie');
    expect(slugify('Straße, Ærø, Łódź')).toBe('strasse-aero-lodz');
    expect(slugify('F-35')).toBe('f-35');
    expect(slugify('—')).toBe('');
  });

  it('cuts long terms at a word to the schema length', () => {
    const slug = slugify('een zeer lange omschrijving '.repeat(6));
    expect(slug).toBe('een-zeer-lange-omschrijving-een-zeer-lange-omschrijving-een-zeer');
    expect(slugify('x'.repeat(70))).toBe('x'.repeat(64));
  });

  it('appends -2, -3 … until the id is free', () => {
    expect(uniqueId('nmi', new Set())).toBe('nmi');
    expect(uniqueId('nmi', new Set(['nmi']))).toBe('nmi-2');
    expect(uniqueId('nmi', new Set(['nmi', 'nmi-2']))).toBe('nmi-3');
    expect(uniqueId('', new Set())).toBe('entry');
    const long = 'a'.repeat(64);
    expect(uniqueId(long, new Set([long]))).toBe(`${'a'.repeat(62)}-2`);
  });

  it('gives an id the schema accepts for any term, and none for an empty one', () => {
    for (const term of ['Red Card Holder', '1-2-3', '?!', 'ÅÇÊ ÎÕÜ', 'x'.repeat(200), 'ﬁne ½']) {
      const id = idFromTerm(term, new Set(['red-card-holder']));
      expect(v.safeParse(IdSchema, id).success, `${term} → ${id}`).toBe(true);
    }
    expect(idFromTerm('Red Card Holder', new Set(['red-card-holder']))).toBe('red-card-holder-2');
    expect(idFromTerm('   ', new Set())).toBe('');
  });
});
