import { useEffect, useRef } from 'preact/hooks';

export interface NavSection {
  id: string;
  label: string;
}

export interface SectionNavProps {
  label: string;
  sections: readonly NavSection[];
  /** The section in view: its link gets aria-current. */
  current: string;
  /** Called instead of the browser's own jump, so the section can also take focus. */
  onNavigate: (id: string) => void;
}

/**
 * In-page links to the sections of a page: ordinary links (Tab, Enter), the one in view marked
 * with aria-current, so screen readers say where the reader is.
 */
export function SectionNav({ label, sections, current, onNavigate }: SectionNavProps) {
  const list = useRef<HTMLUListElement>(null);
  // On a narrow screen the links are one row that scrolls sideways: keep the current one in it.
  useEffect(() => {
    const row = list.current;
    const link = row?.querySelector<HTMLElement>(`a[href="#${current}"]`);
    if (!row || !link || row.scrollWidth <= row.clientWidth) return;
    const start = link.offsetLeft - row.offsetLeft;
    if (start < row.scrollLeft || start + link.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = start - (row.clientWidth - link.offsetWidth) / 2;
  }, [current]);
  return (
    <nav class="section-nav" aria-label={label}>
      <ul ref={list}>
        {sections.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              aria-current={section.id === current ? 'true' : undefined}
              onClick={(event) => {
                // A modified click (new tab, new window) is the browser's.
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                onNavigate(section.id);
              }}
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
