/** Longest query the context menu passes on: a selection is a term, not a paragraph. */
export const MAX_LOOKUP_LENGTH = 80;

/** The popup page searching for `selection` (whitespace collapsed, trimmed, shortened). */
export function lookupPath(selection: string): `/popup.html?q=${string}` {
  const query = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_LENGTH);
  return `/popup.html?q=${encodeURIComponent(query)}`;
}
