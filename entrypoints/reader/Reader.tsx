/**
 * The reader: Kamerbrieven that come as PDF (or plain text), glossed with the same matcher and
 * gloss as web pages. Pages are rendered and annotated lazily as they near the viewport; the
 * document's text is read page by page in PDF.js's worker to count the terms for the side panel.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AnnexExport } from '../../components/AnnexExport';
import { type PageTerm, PageTerms } from '../../components/PageTerms';
import { findDefinitions, type PageDefinition } from '../../glossary/abbreviations';
import type { AnnexInput, Occurrence } from '../../glossary/annex';
import { createAnnotator, PAGE_ID_PREFIX } from '../../glossary/annotate';
import { Matcher } from '../../glossary/matcher';
import { reflow } from '../../glossary/reflow';
import type { Entry } from '../../glossary/schema';
import { annexLabels, copyAnnex, downloadAnnex, today } from '../../utils/annex-export';
import { describeId, describeTerm, entryInfo } from '../../utils/dom/describe';
import { Gloss } from '../../utils/dom/gloss';
import { glossView } from '../../utils/dom/gloss-view';
import { MARK_TAG } from '../../utils/dom/highlighter';
import { markTermsIn, termOfMark } from '../../utils/dom/term';
import { recordFromPage } from '../../utils/history';
import { categoryNames, glossLabels, t, tCount, uiLanguage } from '../../utils/i18n';
import { STEP_COMMANDS } from '../../utils/messages';
import { combine, loadOwnEntries } from '../../utils/own-glossary';
import { type GlossLanguage, resolveGlossLanguage } from '../../utils/setting-values';
import { glossLanguageSetting, uiLanguageSetting } from '../../utils/settings';
import { permissionPatternFor } from '../../utils/sites';
import { annotateElement, countTerms, documentPage, termsOf } from './document-terms';
import {
  clearFindHighlight,
  type FindPosition,
  findHits,
  findInText,
  nextPosition,
  showHits,
} from './find-highlight';
import { PageControls } from './PageControls';
import { openPdf, pageText, ReaderError, renderPage } from './pdf-document';
import { SourcePicker } from './SourcePicker';

export type Source =
  | { kind: 'pdf'; data: ArrayBuffer; name: string }
  | { kind: 'url'; url: string }
  | { kind: 'text'; text: string; name: string };

interface Loaded {
  pdf: PDFDocumentProxy | null;
  texts: string[];
  name: string;
}

export function Reader() {
  const [entries, setEntries] = useState<Entry[]>(() => combine([]));
  const matcher = useMemo(() => new Matcher(entries), [entries]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const [source, setSource] = useState<Source | null>(() => {
    const url = new URLSearchParams(location.search).get('url');
    return url ? { kind: 'url', url } : null;
  });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [needsPermission, setNeedsPermission] = useState<string | null>(null);
  const [progress, setProgress] = useState('');
  const [scale, setScale] = useState(1.25);
  const [pageNumber, setPageNumber] = useState(1);
  const [find, setFind] = useState('');
  const [findStatus, setFindStatus] = useState('');
  const [language, setLanguage] = useState<GlossLanguage>('both');
  const [definitions, setDefinitions] = useState<PageDefinition[]>([]);
  const pagesRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const findPosition = useRef<FindPosition | null>(null);
  const annotator = useMemo(() => createAnnotator(matcher, definitions), [matcher, definitions]);
  // Pages are rendered by PDF.js outside preact; they read the annotator current at that moment.
  const annotatorRef = useRef(annotator);
  annotatorRef.current = annotator;
  const [terms, setTerms] = useState<PageTerm[]>([]);
  const [order, setOrder] = useState<Occurrence[]>([]);
  const languageRef = useRef(language);
  languageRef.current = language;

  useEffect(() => {
    void loadOwnEntries().then((own) => setEntries(combine(own)));
    void Promise.all([glossLanguageSetting.getValue(), uiLanguageSetting.getValue()]).then(([gloss, ui]) =>
      setLanguage(resolveGlossLanguage(gloss, navigator.language, ui)),
    );
    const abort = new AbortController();
    const lookup = (id: string, also: readonly string[]) => entryInfo(byIdRef.current, id, also);
    const gloss = new Gloss({
      terms: markTermsIn(document),
      describe: (term) => describeTerm(term.reading, lookup, definitionsRef.current, categoryNames),
      describeId: (id) => describeId(id, [], lookup, categoryNames),
      language: () => languageRef.current,
      uiLanguage: uiLanguage(),
      view: glossView,
      labels: glossLabels(),
      // Every lookup here is the reader's, whichever the gesture, on the document shown.
      onLookup: ({ id, text }) =>
        void recordFromPage({ id, how: 'reader', term: text, page: documentRef.current }),
      // The reader is Begrip's own page: no page script could read the gloss, and axe can check it.
      shadow: 'open',
      signal: abort.signal,
    });
    glossRef.current = gloss;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f' && findRef.current) {
        event.preventDefault();
        findRef.current.focus();
        findRef.current.select();
      }
    };
    document.addEventListener('keydown', onKey, { signal: abort.signal });
    // The step commands (manifest `commands`) reach every extension page: only the one in front steps.
    const onCommand = (command: string) => {
      const direction = STEP_COMMANDS[command];
      if (direction && document.hasFocus()) gloss.step(direction);
    };
    browser.commands.onCommand.addListener(onCommand);
    return () => {
      abort.abort();
      browser.commands.onCommand.removeListener(onCommand);
    };
  }, []);
  const byIdRef = useRef(byId);
  byIdRef.current = byId;
  const definitionsRef = useRef(definitions);
  definitionsRef.current = annotator.definitions as PageDefinition[];
  const glossRef = useRef<Gloss | null>(null);
  const documentRef = useRef({ title: '', url: '' });
  documentRef.current = documentPage(loaded?.name ?? '', source?.kind === 'url' ? source.url : '');

  // Load the source: bytes, a URL (asking for the host's permission first where needed), or text.
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    setError('');
    setLoaded(null);
    setTerms([]);
    setOrder([]);
    setNeedsPermission(null);
    void (async () => {
      try {
        if (source.kind === 'text') {
          // Text copied from a PDF keeps its line ends: shown, counted and searched as paragraphs.
          const text = reflow(source.text).join('\n\n');
          setDefinitions(findDefinitions(text));
          setLoaded({ pdf: null, texts: [text], name: source.name });
          return;
        }
        if (source.kind === 'url') {
          const pattern = permissionPatternFor(source.url);
          if (!(await browser.permissions.contains({ origins: [pattern] }))) {
            setNeedsPermission(new URL(source.url).hostname);
            return;
          }
        }
        setProgress(t('readerOpening'));
        const pdf = await openPdf(source.kind === 'url' ? { url: source.url } : { data: source.data });
        const texts: string[] = [];
        const found: PageDefinition[] = [];
        for (let n = 1; n <= pdf.numPages && !cancelled; n++) {
          const text = await pageText(pdf, n);
          texts.push(text);
          // The document's own acronym definitions, as they come: later pages are glossed with them.
          const defined = text.includes('(') ? findDefinitions(text) : [];
          if (defined.length) {
            found.push(...defined);
            setDefinitions([...found]);
          }
          if (n === 1)
            setLoaded({ pdf, texts: [...texts], name: source.kind === 'url' ? source.url : source.name });
          if (n % 10 === 0) setProgress(t('readerReading', [String(n), String(pdf.numPages)]));
        }
        if (cancelled) return;
        setLoaded({ pdf, texts, name: source.kind === 'url' ? source.url : source.name });
        setProgress('');
      } catch (caught) {
        setProgress('');
        setError(
          caught instanceof ReaderError
            ? caught.message
            : `${t('readerFailed')} ${(caught as Error).message}`,
        );
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [source]);

  // Lazy pages: a placeholder per page, rendered and annotated when near the viewport. A PDF's
  // pages are laid out once per document and scale, not again as its texts are read.
  const loadedPdf = loaded?.pdf;
  const plainTexts = loaded && !loaded.pdf ? loaded.texts : null;
  useEffect(() => {
    const pages = pagesRef.current;
    if (!pages || (!loadedPdf && !plainTexts)) return;
    pages.replaceChildren();
    if (!loadedPdf) {
      const view = document.createElement('div');
      view.className = 'text-view';
      for (const paragraph of (plainTexts ?? []).join('\n\n').split('\n\n')) {
        const p = document.createElement('p');
        p.textContent = paragraph;
        view.append(p);
      }
      pages.append(view);
      annotateElement(view, annotatorRef.current);
      return;
    }
    const pdf = loadedPdf;
    const observer = new IntersectionObserver(
      (entriesSeen) => {
        for (const seen of entriesSeen) {
          if (!seen.isIntersecting) continue;
          const div = seen.target as HTMLElement;
          observer.unobserve(div);
          const n = Number(div.dataset.page);
          void renderPage(pdf, n, div, scale).then((textLayer) => {
            annotateElement(textLayer, annotatorRef.current);
            div.dataset.rendered = 'true';
          });
        }
      },
      { rootMargin: '150% 0px' },
    );
    void pdf.getPage(1).then((first) => {
      const { width, height } = first.getViewport({ scale });
      for (let n = 1; n <= pdf.numPages; n++) {
        const div = document.createElement('div');
        div.className = 'page';
        div.dataset.page = String(n);
        div.setAttribute('role', 'group');
        div.setAttribute('aria-label', t('readerPage', String(n)));
        div.style.width = `${width}px`;
        div.style.height = `${height}px`;
        pages.append(div);
        observer.observe(div);
      }
    });
    return () => observer.disconnect();
  }, [loadedPdf, plainTexts, scale]);

  // The side panel's counts, once every page has been read.
  const complete = !!loaded && loaded.texts.length === (loaded.pdf?.numPages ?? 1);
  useEffect(() => {
    if (!complete || !loaded) return;
    let cancelled = false;
    void countTerms(loaded.texts, annotator, () => cancelled).then((found) => {
      if (!found) return;
      setTerms(termsOf(found.counts, byId, annotator.definitions));
      setOrder(found.order);
    });
    return () => {
      cancelled = true;
    };
  }, [complete, loaded, annotator, byId]);

  /** The document's glossary annex: its terms in order of first appearance, in the gloss language(s). */
  const annexInput = (): AnnexInput => ({
    occurrences: order,
    entries: byId,
    pageDefined: Object.fromEntries(
      annotator.definitions.map((d) => [`${PAGE_ID_PREFIX}${d.acronym}`, d.expansion]),
    ),
    language,
    page: { ...documentRef.current, date: today() },
  });

  const goTo = (n: number) => {
    const target = pagesRef.current?.querySelector<HTMLElement>(`[data-page="${n}"]`);
    target?.scrollIntoView({ block: 'start' });
    setPageNumber(n);
  };
  const pageOf = (predicate: (text: string) => boolean, after: number) => {
    const texts = loaded?.texts ?? [];
    for (let i = 0; i < texts.length; i++) {
      const n = ((after + i) % texts.length) + 1;
      if (predicate(texts[n - 1] as string)) return n;
    }
    return null;
  };
  /** Go to page `n` and wait (up to 5 s) until it is rendered. */
  const renderedPage = async (n: number) => {
    goTo(n);
    const div = pagesRef.current?.querySelector<HTMLElement>(`[data-page="${n}"]`);
    for (let i = 0; i < 50 && div && div.dataset.rendered !== 'true'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return div ?? null;
  };
  const reveal = async (id: string) => {
    if (!loaded?.pdf) {
      const mark = pagesRef.current?.querySelector<HTMLElement>(
        `${MARK_TAG}[data-begrip-id="${CSS.escape(id)}"]`,
      );
      if (mark) focusMark(mark);
      return;
    }
    const n = pageOf((text) => annotator.annotate(text).some((a) => a.id === id), pageNumber - 1) ?? 1;
    const div = await renderedPage(n);
    const mark = div?.querySelector<HTMLElement>(`${MARK_TAG}[data-begrip-id="${CSS.escape(id)}"]`);
    if (mark) focusMark(mark);
  };
  const focusMark = (mark: HTMLElement) => {
    mark.tabIndex = -1;
    mark.focus({ preventScroll: false });
    mark.scrollIntoView({ block: 'center' });
    const term = termOfMark(mark);
    // Chosen in the side panel: a lookup (the reader's, like every lookup here).
    if (term) glossRef.current?.show(term, false, 'tap');
  };
  /** Enter: the next hit; Shift+Enter: the previous one (on this page, then on the next page that has one). */
  const runFind = async (direction: 1 | -1) => {
    const query = find.trim().toLocaleLowerCase();
    if (!query || !loaded) {
      clearFindHighlight();
      findPosition.current = null;
      return;
    }
    const texts = loaded.texts;
    const hasQuery = (n: number) => findInText(texts[n - 1] ?? '', query).length > 0;
    const pagesWithQuery = texts.filter((_, i) => hasQuery(i + 1)).length;
    const pageCount = loaded.pdf ? texts.length : 1;
    const next = nextPosition(findPosition.current, query, direction, pageNumber, pageCount, hasQuery);
    if (!next || pagesWithQuery === 0) {
      clearFindHighlight();
      findPosition.current = null;
      return setFindStatus(t('readerNotFound'));
    }
    const page = loaded.pdf ? await renderedPage(next.page) : pagesRef.current;
    const hits = page ? findHits(page, query) : [];
    const hit = next.hit === 'last' ? hits.length - 1 : Math.min(next.hit, hits.length - 1);
    findPosition.current = { query, page: next.page, hit: Math.max(hit, 0), count: hits.length };
    showHits(hits, hit);
    const pages = String(pagesWithQuery);
    setFindStatus(
      hits.length
        ? tCount('readerFoundHit', pagesWithQuery, [
            String(next.page),
            String(hit + 1),
            String(hits.length),
            pages,
          ])
        : tCount('readerFoundOn', pagesWithQuery, [String(next.page), pages]),
    );
  };

  const numPages = loaded?.pdf?.numPages ?? 0;
  return (
    <div class="reader">
      <header class="reader-bar">
        <strong>Begrip</strong>
        <SourcePicker onSource={setSource} />
        {numPages > 0 && (
          <PageControls
            numPages={numPages}
            pageNumber={pageNumber}
            goTo={goTo}
            scale={scale}
            setScale={setScale}
          />
        )}
        {loaded && (
          <form
            class="reader-find"
            onSubmit={(event) => {
              event.preventDefault();
              void runFind(1);
            }}
          >
            <input
              ref={findRef}
              type="search"
              value={find}
              placeholder={t('readerFind')}
              aria-label={t('readerFind')}
              onInput={(e) => setFind(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter' || !e.shiftKey) return;
                e.preventDefault();
                void runFind(-1);
              }}
            />
            <span role="status" class="hint">
              {findStatus}
            </span>
          </form>
        )}
      </header>
      <div class="reader-body">
        <aside class="reader-panel" aria-label={t('readerTerms')}>
          <h2>{t('readerTerms')}</h2>
          {progress && (
            <p class="hint" role="status">
              {progress}
            </p>
          )}
          {loaded && (
            <PageTerms
              terms={terms}
              onOpen={(id) => void reveal(id)}
              emptyMessage={progress ? '' : t('noTermsOnPage')}
              pageDefinedLabel={t('pageDefined')}
            />
          )}
          {loaded && order.length > 0 && (
            <AnnexExport
              onDownload={(format) => downloadAnnex(annexInput(), format)}
              onCopy={() => copyAnnex(annexInput())}
              labels={annexLabels()}
            />
          )}
        </aside>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus so keyboard users can scroll it (WCAG 2.1.1; axe: scrollable-region-focusable). */}
        <main class="reader-pages" aria-label={loaded?.name ?? t('readerTitle')} tabIndex={0}>
          {error && (
            <p class="errors" role="alert">
              {error}
            </p>
          )}
          {needsPermission && (
            <p>
              {t('readerPermission', needsPermission)}{' '}
              <button
                type="button"
                class="button"
                onClick={() => {
                  const url = source?.kind === 'url' ? source.url : '';
                  void browser.permissions
                    .request({ origins: [permissionPatternFor(url)] })
                    .then((granted) => {
                      if (granted) setSource({ kind: 'url', url });
                      else setError(t('permissionDenied'));
                    });
                }}
              >
                {t('readerAllow')}
              </button>
            </p>
          )}
          {!source && !error && <p class="hint">{t('readerIntro')}</p>}
          {/* Pages are created and rendered imperatively (PDF.js), outside preact's tree. */}
          <div class="pages" ref={pagesRef} />
        </main>
      </div>
    </div>
  );
}
