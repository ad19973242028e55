/**
 * Browsing a glossary of hundreds of entries: by topic (the categories), by mission (a mission
 * with the entries it relates to and those that relate to it), and narrowed by a filter box.
 * Shared by the options page and the popup; pure, so it is tested in Node.
 */
import { CATEGORIES, type Category, type Entry } from './schema';
import { fold } from './text';

/** The short label entries are listed by: the acronym, else the Dutch term. */
export const listLabel = (entry: Entry) => entry.acronym ?? entry.nl.term;

/** One collator for every comparison: localeCompare with options builds one per call (slow on 500+ entries). */
const collator = new Intl.Collator('nl', { sensitivity: 'base' });
export const byListLabel = (a: Entry, b: Entry) => collator.compare(listLabel(a), listLabel(b));

/** Entries whose names, acronym or forms contain the filter text (case and accents ignored). */
export function filterEntries(entries: readonly Entry[], filter: string): Entry[] {
  const wanted = fold(filter.trim());
  if (!wanted) return [...entries];
  return entries.filter((entry) =>
    [
      entry.acronym,
      entry.nl.term,
      entry.en.term,
      entry.nl.expansion,
      entry.en.expansion,
      ...entry.forms.map((f) => f.text),
    ].some((name) => name !== undefined && fold(name).includes(wanted)),
  );
}

export interface Group {
  /** A category, or a mission entry's id. */
  key: string;
  /** The mission itself, for groups by mission. */
  mission?: Entry;
  entries: Entry[];
}

/** One group per category that has entries, in the glossary's order, entries A–Z. */
export function groupByTopic(entries: readonly Entry[]): Group[] {
  return CATEGORIES.map((category: Category) => ({
    key: category,
    entries: entries.filter((e) => e.category === category).sort(byListLabel),
  })).filter((group) => group.entries.length > 0);
}

/**
 * One group per mission: the mission and every entry linked to it either way (its related
 * entries, and the entries that name it as related). Missions A–Z; an entry may be in several.
 */
export function groupByMission(entries: readonly Entry[]): Group[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const linked = new Map<string, Set<Entry>>();
  const missions = entries.filter((e) => e.category === 'mission');
  for (const mission of missions) linked.set(mission.id, new Set());
  for (const entry of entries) {
    for (const id of entry.related) {
      if (linked.has(id) && id !== entry.id) linked.get(id)?.add(entry);
      if (linked.has(entry.id)) {
        const related = byId.get(id);
        if (related) linked.get(entry.id)?.add(related);
      }
    }
  }
  return missions.sort(byListLabel).map((mission) => ({
    key: mission.id,
    mission,
    entries: [...(linked.get(mission.id) ?? [])].sort(byListLabel),
  }));
}
