/** Longest query the context menu passes on: a selection is a term, not a paragraph. */
export const MAX_LOOKUP_LENGTH = 80;

/**
 * The popup page searching for `selection` (whitespace collapsed, trimmed, shortened); `tabId`:
 * the tab it was selected in, the page a lookup from that search is recorded with.
 */
export function lookupPath(selection: string, tabId?: number): `/popup.html?q=${string}` {
  const query = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_LOOKUP_LENGTH);
  return `/popup.html?q=${encodeURIComponent(query)}${tabId === undefined ? '' : `&tab=${tabId}`}`;
}

/** The reader page for a document at `url` (https only; anything else opens the empty reader). */
export function readerPath(url: string): `/reader.html${string}` {
  return url.startsWith('https://') ? `/reader.html?url=${encodeURIComponent(url)}` : '/reader.html';
}

/** Whether a tab's URL looks like a PDF document. */
export function isPdfUrl(url: string | undefined): boolean {
  if (!url?.startsWith('https://')) return false;
  return /\.pdf$/i.test(new URL(url).pathname);
}
