/**
 * The options page's section navigation: which section is in view (for aria-current), and going
 * to a section (scroll, focus, the address's #fragment), from a link or from the address itself
 * (the popup links to options.html#keyboard).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** A section counts as in view once its top has passed this far down the viewport (px). */
const IN_VIEW_TOP = 120;

export function useSectionNav(ids: readonly string[], ready: boolean) {
  const [current, setCurrent] = useState(ids[0] ?? '');
  /** After a jump: the section chosen and where the page scrolled to, until the reader scrolls on. */
  const pinned = useRef<{ id: string; y: number } | null>(null);

  const goTo = useCallback((id: string, focus = true) => {
    const section = document.getElementById(id);
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    // Focus follows the jump: a screen reader reads the section's name, and Tab goes on inside it.
    if (focus) section.focus({ preventScroll: true });
    history.replaceState(null, '', `#${id}`);
    pinned.current = { id, y: window.scrollY };
    setCurrent(id);
  }, []);

  useEffect(() => {
    if (!ready) return;
    const fromAddress = location.hash.slice(1);
    // The sections render after the settings load: the browser's own jump found nothing yet.
    if (ids.includes(fromAddress)) goTo(fromAddress, false);
    let frame = 0;
    const update = () => {
      frame = 0;
      if (pinned.current && Math.abs(window.scrollY - pinned.current.y) < 2) return;
      pinned.current = null;
      const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
      const passed = ids.filter(
        (id) => (document.getElementById(id)?.getBoundingClientRect().top ?? Infinity) <= IN_VIEW_TOP,
      );
      setCurrent((atEnd && window.scrollY > 0 ? ids.at(-1) : passed.at(-1)) ?? ids[0] ?? '');
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [ids, ready, goTo]);

  return { current, goTo };
}
