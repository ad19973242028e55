/**
 * The government sites Begrip runs on by default: https only, each with its subdomains.
 * Anything else is opt-in (issue 7 adds the per-site switch).
 */
export const DEFAULT_SITES = [
  'rijksoverheid.nl',
  'government.nl',
  'defensie.nl',
  'tweedekamer.nl',
  'eerstekamer.nl',
  'officielebekendmakingen.nl',
  'open.overheid.nl',
  'parlementairemonitor.nl',
] as const;

/** Match patterns for a site and all its subdomains (`zoek.officielebekendmakingen.nl` too). */
export function matchPatternsFor(site: string): string[] {
  return [`https://${site}/*`, `https://*.${site}/*`];
}

export const DEFAULT_SITE_MATCHES: string[] = DEFAULT_SITES.flatMap(matchPatternsFor);
