import { fireEvent, render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ENGLISH_LABELS, Tooltip, type TooltipContent } from '../../../components/Tooltip';
import { CURATED_ENTRIES } from '../../../glossary/data';
import type { Entry } from '../../../glossary/schema';
import { entryInfo } from '../../../utils/dom/describe';

const byId = new Map(CURATED_ENTRIES.map((e) => [e.id, e]));
const nmi = byId.get('nmi') as Entry;
const content = (
  entry: Entry,
  extra: Partial<Extract<TooltipContent, { kind: 'entry' }>> = {},
): TooltipContent => ({
  kind: 'entry',
  entry,
  category: { nl: 'Missie', en: 'Mission' },
  related: entryInfo(byId, entry.id)?.related ?? [],
  ...extra,
});

describe('Tooltip', () => {
  it('shows term, expansion, definition, category, related terms and a linked Kamerstuk source', () => {
    const { container } = render(<Tooltip id="t" language="en" content={content(nmi)} />);
    const text = container.textContent ?? '';
    for (const part of ['NMI', 'Mission', 'NATO Mission Iraq', nmi.en.definition, 'OIR', 'Kamerstuk']) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain(nmi.nl.definition);
    expect(container.querySelector('[role="tooltip"]')?.id).toBe('t');
    const link = container.querySelector<HTMLAnchorElement>('.source a');
    expect(link?.href).toMatch(/^https:\/\/zoek\.officielebekendmakingen\.nl\/kst-\d+-\d+\.html$/);
    expect(link?.rel).toBe('noopener noreferrer');
  });

  it('names categories and related terms in the gloss’s language', () => {
    const entry = byId.get('tweede-kamer') as Entry;
    const { container } = render(<Tooltip id="t" language="nl" content={content(entry)} />);
    expect(container.querySelector('.badge')?.textContent).toBe('Missie');
    const english = render(<Tooltip id="t" language="en" content={content(entry)} />).container;
    expect(english.querySelector('.head .term')?.textContent).toBe(entry.en.term);
  });

  it('does not show the headword twice, and shows the matched form when it differs', () => {
    const entry = byId.get('tweede-kamer') as Entry;
    const { container } = render(
      <Tooltip id="t" language="nl" content={content(entry, { matched: 'Kamer der Staten-Generaal' })} />,
    );
    expect(container.querySelector('.head .term')?.textContent).toBe(entry.nl.term);
    expect(container.querySelector('.expansion')).toBeNull();
    expect(container.textContent).toContain('In the text: “Kamer der Staten-Generaal”');
  });

  it('says why this sense, names the other senses, and opens them', () => {
    const onOpen = vi.fn();
    const gloss = content(nmi, {
      sense: { reason: 'qualifier', evidence: 'Iraqi' },
      also: [{ id: 'oir', label: { nl: 'OIR', en: 'OIR' } }],
    });
    const { container, getByText } = render(<Tooltip id="t" language="en" content={gloss} onOpen={onOpen} />);
    expect(container.querySelector('.sense')?.textContent).toBe(
      'Chosen from “Iraqi” in the text · also: OIR',
    );
    fireEvent.click(getByText('OIR', { selector: '.sense button' }));
    expect(onOpen).toHaveBeenCalledWith('oir');
  });

  it('shows both languages with the interface language first', () => {
    const en = render(<Tooltip id="t" language="both" uiLanguage="en" content={content(nmi)} />).container;
    expect([...en.querySelectorAll('section')].map((s) => s.lang)).toEqual(['en', 'nl']);
    const nl = render(<Tooltip id="t" language="both" uiLanguage="nl" content={content(nmi)} />).container;
    expect([...nl.querySelectorAll('section')].map((s) => s.lang)).toEqual(['nl', 'en']);
    expect(nl.textContent).toContain(nmi.en.definition);
    expect(nl.textContent).toContain(nmi.nl.definition);
  });

  it('offers Back after another entry was opened', () => {
    const onBack = vi.fn();
    const { getByText } = render(<Tooltip id="t" language="en" content={content(nmi)} onBack={onBack} />);
    fireEvent.click(getByText(`← ${ENGLISH_LABELS.back}`));
    expect(onBack).toHaveBeenCalled();
  });

  it('renders hostile glossary text as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const entry: Entry = { ...nmi, en: { ...nmi.en, definition: hostile, expansion: `<b>${hostile}</b>` } };
    const { container } = render(<Tooltip id="t" language="en" content={content(entry)} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });

  it('marks an acronym defined on the page as such', () => {
    const { container } = render(
      <Tooltip
        id="t"
        language="en"
        content={{ kind: 'page', acronym: 'SCF', expansion: 'Shia Coordination Framework' }}
      />,
    );
    expect(container.textContent).toBe('SCFdefined on this pageShia Coordination Framework');
  });
});
