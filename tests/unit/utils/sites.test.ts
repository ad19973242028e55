import { describe, expect, it } from 'vitest';
import { matchPatternsFor, normaliseHost, permissionPatternFor, siteOf } from '../../../utils/sites';

describe('sites', () => {
  it('asks for a host permission without the port: match patterns match every port', () => {
    expect(permissionPatternFor('https://www.rijksoverheid.nl:8443/documenten/brief.pdf')).toBe(
      'https://www.rijksoverheid.nl/*',
    );
    expect(permissionPatternFor('https://www.nato.int/docs/a.pdf?x=1#p2')).toBe('https://www.nato.int/*');
  });

  it('knows which site a host belongs to, subdomains included, and nothing else', () => {
    expect(siteOf('zoek.officielebekendmakingen.nl', [])).toBe('officielebekendmakingen.nl');
    expect(siteOf('WWW.Rijksoverheid.NL', [])).toBe('rijksoverheid.nl');
    expect(siteOf('rijksoverheid.nl.example.com', [])).toBeNull();
    expect(siteOf('www.nato.int', ['nato.int'])).toBe('nato.int');
    expect(matchPatternsFor('nato.int')).toEqual(['https://nato.int/*', 'https://*.nato.int/*']);
  });

  it('normalises a typed host name', () => {
    expect(normaliseHost('HTTPS://www.Nato.int/x')).toBe('www.nato.int');
    expect(normaliseHost('not a host')).toBeNull();
  });
});
