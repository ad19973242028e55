/**
 * The government sites Begrip runs on by default: https only, each with its subdomains.
 * Anything else is opt-in: the user adds it and grants its host permission at run time.
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

/**
 * The host permission needed to read `url` ("https://host/*"). Match patterns have no port and
 * match every port: an origin with one ("https://host:8443/*") is not a valid pattern, and
 * Firefox never reports it as granted.
 */
export function permissionPatternFor(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

const belongsTo = (hostname: string, site: string) => hostname === site || hostname.endsWith(`.${site}`);

/** The site a hostname belongs to: a default site's domain, a user site, or null. */
export function siteOf(hostname: string, userSites: readonly string[]): string | null {
  const host = hostname.toLowerCase();
  return (
    DEFAULT_SITES.find((site) => belongsTo(host, site)) ??
    userSites.find((site) => belongsTo(host, site)) ??
    null
  );
}

export function isDefaultSite(site: string): boolean {
  return (DEFAULT_SITES as readonly string[]).includes(site);
}

/**
 * A host name as the user typed it or as a tab shows it, normalised: "HTTPS://www.Nato.int/x" →
 * "www.nato.int". Null when it is not a plain host name.
 */
export function normaliseHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  let host = trimmed;
  try {
    host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    return null;
  }
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}
