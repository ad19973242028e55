/**
 * The curated glossary as shipped: one JSON file per category (see docs/glossary-format.md).
 * Validated by tests/unit/glossary/data.test.ts; loaded as-is here to keep start-up cheap.
 */
import type { Entry, EntryInput } from '../schema';
import concept from './concept.json';
import legalPolitical from './legal-political.json';
import military from './military.json';
import mission from './mission.json';
import organisation from './organisation.json';
import parliament from './parliament.json';
import place from './place.json';
import role from './role.json';

/** Category files in display order; the file name is the category. */
export const DATA_FILES: Record<string, readonly EntryInput[]> = {
  mission: mission as EntryInput[],
  organisation: organisation as EntryInput[],
  role: role as EntryInput[],
  parliament: parliament as EntryInput[],
  'legal-political': legalPolitical as EntryInput[],
  military: military as EntryInput[],
  place: place as EntryInput[],
  concept: concept as EntryInput[],
};

/** Curated entries with schema defaults applied (empty lists for optional arrays). */
export const CURATED_ENTRIES: readonly Entry[] = Object.values(DATA_FILES)
  .flat()
  .map(
    (entry) =>
      ({
        ...entry,
        forms: (entry.forms ?? []).map((form) => ({ ...form, status: form.status ?? 'admitted' })),
        context: entry.context ?? [],
        related: entry.related ?? [],
        sources: entry.sources ?? [],
      }) as Entry,
  );
