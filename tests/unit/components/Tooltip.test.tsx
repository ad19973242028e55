import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Tooltip } from '../../../components/Tooltip';
import { CURATED_ENTRIES } from '../../../glossary/data';
import type { Entry } from '../../../glossary/schema';

const nmi = CURATED_ENTRIES.find((e) => e.id === 'nmi') as Entry;

describe('Tooltip', () => {
  it('shows term, expansion, definition, category, related terms and the Kamerstuk source', () => {
    const { container } = render(
      <Tooltip
        id="t"
        language="en"
        pageDefinedLabel="defined on this page"
        content={{ kind: 'entry', entry: nmi, categoryLabel: 'Mission', relatedLabels: ['OIR'] }}
      />,
    );
    const text = container.textContent ?? '';
    for (const part of [
      'NMI',
      'Mission',
      'NATO Mission Iraq',
      nmi.en.definition,
      '→ OIR',
      'Kamerstuk 27 925, nr. 980',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toContain(nmi.nl.definition);
    expect(container.querySelector('[role="tooltip"]')?.id).toBe('t');
  });

  it('shows both languages when asked', () => {
    const { container } = render(
      <Tooltip
        id="t"
        language="both"
        pageDefinedLabel=""
        content={{ kind: 'entry', entry: nmi, categoryLabel: '', relatedLabels: [] }}
      />,
    );
    expect(container.textContent).toContain(nmi.en.definition);
    expect(container.textContent).toContain(nmi.nl.definition);
    expect([...container.querySelectorAll('section')].map((s) => s.lang)).toEqual(['en', 'nl']);
  });

  it('renders hostile glossary text as text, never as HTML', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const entry: Entry = { ...nmi, en: { ...nmi.en, definition: hostile, expansion: `<b>${hostile}</b>` } };
    const { container } = render(
      <Tooltip
        id="t"
        language="en"
        pageDefinedLabel=""
        content={{ kind: 'entry', entry, categoryLabel: '', relatedLabels: [] }}
      />,
    );
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });

  it('marks an acronym defined on the page as such', () => {
    const { container } = render(
      <Tooltip
        id="t"
        language="en"
        pageDefinedLabel="defined on this page"
        content={{ kind: 'page', acronym: 'SCF', expansion: 'Shia Coordination Framework' }}
      />,
    );
    expect(container.textContent).toBe('SCFdefined on this pageShia Coordination Framework');
  });
});
