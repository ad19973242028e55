import { CURATED_ENTRIES } from '../glossary/data';
import type { Entry } from '../glossary/schema';

/** Curated entries first, then the user's own: the matcher prefers curated ones on equal forms. */
export function combine(own: readonly Entry[]): Entry[] {
  return [...CURATED_ENTRIES, ...own];
}
