import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Highlighted } from '../../../components/Highlighted';
import { PageTerms } from '../../../components/PageTerms';
import { SearchResults } from '../../../components/SearchResults';
import { CURATED_ENTRIES } from '../../../glossary/data';
import { GlossarySearch } from '../../../glossary/search';

const search = new GlossarySearch(CURATED_ENTRIES);

describe('SearchResults', () => {
  it('shows both languages, marks the matched part and reports the active option', () => {
    const hits = search.search('red card');
    const onOpen = vi.fn();
    const { container } = render(
      <SearchResults hits={hits} activeIndex={0} onOpen={onOpen} onHover={() => {}} ownLabel="own" />,
    );
    const first = container.querySelector('[role="option"]') as HTMLElement;
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(first.querySelector('[lang="nl"]')?.textContent).toBe('Red Card Holder');
    // Each query word is matched on its own (word order is free), so each is marked.
    const marked = [...first.querySelectorAll('[lang="nl"] mark')].map((m) => m.textContent?.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['red', 'card']));
    fireEvent.click(first);
    expect(onOpen).toHaveBeenCalledWith(hits[0]);
  });
});

describe('SearchResults names', () => {
  it('gives a Dutch acronym its Dutch expansion and its English name', () => {
    const hits = search.search('CDS').filter((hit) => hit.entry.id === 'cds');
    const { container } = render(
      <SearchResults hits={hits} activeIndex={0} onOpen={() => {}} onHover={() => {}} ownLabel="own" />,
    );
    const option = container.querySelector('[role="option"]') as HTMLElement;
    expect(option.querySelector('[lang="nl"]')?.textContent).toBe('Commandant der Strijdkrachten');
    expect(option.querySelector('[lang="en"]')?.textContent).toBe('Chief of Defence');
  });

  it('shows a name that is the same in both languages once', () => {
    const hits = search.search('jocatn').filter((hit) => hit.entry.id === 'jocat-n');
    const { container } = render(
      <SearchResults hits={hits} activeIndex={0} onOpen={() => {}} onHover={() => {}} ownLabel="own" />,
    );
    const names = container.querySelector('.result-names') as HTMLElement;
    expect([...names.children].map((child) => child.textContent)).toEqual([
      'Joint Operations Command Advisory Team – North',
    ]);
  });
});

describe('Highlighted', () => {
  it('wraps fuse.js ranges (inclusive ends) and ignores overlapping or reversed ones', () => {
    const { container } = render(
      <Highlighted
        text="Red Card Holder"
        ranges={[
          [0, 2],
          [1, 3],
          [9, 8],
          [4, 7],
        ]}
      />,
    );
    expect(container.innerHTML).toBe('<mark>Red</mark> <mark>Card</mark> Holder');
  });
});

describe('PageTerms', () => {
  it('lists terms with counts, a name the same in English once, and says when the page has none', () => {
    const onOpen = vi.fn();
    const terms = [{ id: 'nmi', label: 'NMI', gloss: 'NATO Mission Iraq', count: 7, pageDefined: false }];
    const { container, rerender } = render(
      <PageTerms terms={terms} onOpen={onOpen} emptyMessage="none" pageDefinedLabel="page" />,
    );
    fireEvent.click(container.querySelector('button') as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith('nmi');
    expect(container.querySelector('.count')?.textContent).toBe('7');
    expect(container.querySelector('.page-term-gloss')?.textContent).toBe('NATO Mission Iraq');
    const same = [
      { id: 'fp', label: 'force protection', gloss: 'Force Protection', count: 2, pageDefined: false },
    ];
    rerender(<PageTerms terms={same} onOpen={onOpen} emptyMessage="none" pageDefinedLabel="page" />);
    expect(container.querySelector('.page-term-gloss')?.textContent).toBe('');
    rerender(<PageTerms terms={[]} onOpen={onOpen} emptyMessage="none" pageDefinedLabel="page" />);
    expect(container.textContent).toBe('none');
  });
});
