import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { EntryView } from '../../../components/EntryView';
import { CURATED_ENTRIES } from '../../../glossary/data';

const nmi = CURATED_ENTRIES.find((entry) => entry.id === 'nmi');
if (!nmi) throw new Error('no NMI entry');

const languages = (container: Element) =>
  [...container.querySelectorAll('.entry-lang')].map((section) => section.getAttribute('lang'));

describe('EntryView', () => {
  it('shows both languages, the interface language first', () => {
    const english = render(<EntryView entry={nmi} uiLanguage="en" categoryLabel="Mission" />);
    expect(languages(english.container)).toEqual(['en', 'nl']);
    expect(english.container.textContent).toContain(nmi.en.definition);
    expect(english.container.textContent).toContain(nmi.nl.definition);
    const dutch = render(<EntryView entry={nmi} uiLanguage="nl" categoryLabel="Missie" />);
    expect(languages(dutch.container)).toEqual(['nl', 'en']);
  });

  it('labels each language once, before its name or, where the name is the headword, its definition', () => {
    const { container } = render(<EntryView entry={nmi} uiLanguage="en" categoryLabel="Mission" />);
    expect([...container.querySelectorAll('abbr')].map((abbr) => abbr.textContent)).toEqual(['EN', 'NL']);
    expect(container.querySelector('.entry-term')?.tagName).toBe('H2');
    const nested = render(<EntryView entry={nmi} categoryLabel="Mission" headingLevel={3} />);
    expect(nested.container.querySelector('.entry-term')?.tagName).toBe('H3');
  });
});
