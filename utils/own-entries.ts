/**
 * Where the user's own entries live, and a light read for the content script. Entries are fully
 * validated (valibot schema, whole-glossary checks) when the options page saves them; the content
 * script, which runs on every page, only checks their shape instead of bundling the validator.
 */
import { storage } from 'wxt/utils/storage';
import type { Entry, EntryInput } from '../glossary/schema';
import { upgradeEntry } from '../glossary/upgrade';
import { OWN_ENTRIES_KEY } from './setting-values';

export const ownEntriesItem = storage.defineItem<EntryInput[]>(`local:${OWN_ENTRIES_KEY}`, {
  fallback: [],
  version: 1,
});

const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
const isSection = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  isText((value as Entry['nl']).term) &&
  isText((value as Entry['nl']).definition);
const isTextList = (value: unknown) => value === undefined || (Array.isArray(value) && value.every(isText));
const isFormList = (value: unknown) =>
  value === undefined ||
  (Array.isArray(value) &&
    value.every(
      (form) => typeof form === 'object' && form !== null && isText((form as { text?: unknown }).text),
    ));

/** The shape the matcher and the gloss rely on. */
export function hasEntryShape(value: unknown): value is EntryInput {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as EntryInput;
  return (
    isText(entry.id) &&
    isText(entry.category) &&
    isSection(entry.nl) &&
    isSection(entry.en) &&
    isFormList(entry.forms) &&
    isTextList(entry.related) &&
    (entry.acronym === undefined || isText(entry.acronym))
  );
}

/** Stored own entries of the right shape, marked own, with defaults for the optional lists. */
export async function readOwnEntries(): Promise<Entry[]> {
  const raws = await ownEntriesItem.getValue();
  return raws
    .map((raw) => upgradeEntry(raw))
    .filter(hasEntryShape)
    .map((raw) => ({
      ...(raw as Entry),
      forms: (raw.forms ?? []).map((form) => ({ ...form, status: form.status ?? 'admitted' })),
      context: (raw.context ?? []) as Entry['context'],
      related: raw.related ?? [],
      sources: (raw.sources ?? []) as Entry['sources'],
      own: true,
    }));
}
