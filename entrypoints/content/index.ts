/**
 * Content script: reads the settings, walks the page in slices and sends its text to the
 * background's matcher (glossary-service.ts), marks the terms it gets back (scheduler.ts) and
 * explains them in one gloss, loaded on first use (lazy-gloss.ts). Switching the site off
 * removes every trace. Registered for the default sites here; the background registers the same
 * file at run time for sites the user adds.
 *
 * Test pages: https://www.rijksoverheid.nl/documenten/kamerstukken/2024/11/22/…,
 * https://www.tweedekamer.nl/kamerstukken/brieven_regering/…, https://zoek.officielebekendmakingen.nl/kst-27925-980.html
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_ID_PREFIX } from '../../glossary/abbreviations';
import { describeId, describeTerm } from '../../utils/dom/describe';
import type { Gloss } from '../../utils/dom/gloss';
import { GLOSS_MODULE_GLOBAL, type GlossModule } from '../../utils/dom/gloss-module';
import {
  type AnnotateRequest,
  type AnnotateResponse,
  type DescribeRequest,
  type DescribeResponse,
  type FoundTerm,
  type GlossViewRequest,
  type GlossViewResponse,
  type InlineNotesRequest,
  type InlineNotesResponse,
  isPageSummaryRequest,
  isRevealRequest,
  isStepRequest,
  type LookedUpMessage,
  type PageSummary,
  type PageTermsMessage,
} from '../../utils/messages';
import { readPageSettings, watchPageSettings } from '../../utils/page-settings';
import { resolveGlossLanguage } from '../../utils/setting-values';
import { DEFAULT_SITE_MATCHES, siteOf } from '../../utils/sites';
import { firstShown } from './first-shown';
import { InlineMode } from './inline-mode';
import { LazyGloss } from './lazy-gloss';
import { MarkStyle } from './mark-style';
import { Scheduler, type ShownTerm } from './scheduler';
import '../../utils/dom/mark.css';

interface Session {
  stop(): void;
  summary(): PageSummary;
  reveal(id: string): Promise<boolean>;
  refreshGloss(): void;
  step(direction: 1 | -1): void;
}

/**
 * The gloss's code and labels, asked for when the first gloss is wanted: the background injects
 * entrypoints/gloss-view.ts into this frame and answers with the labels in the interface language.
 */
let glossAssets: Promise<GlossViewResponse & { module: GlossModule }> | null = null;
function loadGlossAssets() {
  const request: GlossViewRequest = { type: 'begrip:gloss-view' };
  glossAssets ??= (browser.runtime.sendMessage(request) as Promise<GlossViewResponse>).then(
    (labels) => {
      const module = (globalThis as Record<string, unknown>)[GLOSS_MODULE_GLOBAL] as GlossModule | undefined;
      if (!module) throw new Error('Begrip: the gloss did not load');
      return { ...labels, module };
    },
    (error: unknown) => {
      glossAssets = null;
      throw error;
    },
  );
  return glossAssets;
}

export default defineContentScript({
  matches: DEFAULT_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const stored = await readPageSettings();
    const settings = {
      disabled: stored.disabledSites,
      userSites: stored.userSites,
      inline: stored.inlineSites,
      mode: stored.markMode,
      language: resolveGlossLanguage(stored.glossLanguage, navigator.language, stored.uiLanguage),
      // Kept to work the gloss language out again when either setting changes.
      glossSetting: stored.glossLanguage,
      uiSetting: stored.uiLanguage,
    };
    let session: Session | null = null;
    const markStyle = new MarkStyle();
    markStyle.apply(stored.highlightStyle);

    const report = (distinctTerms: number) => {
      const message: PageTermsMessage = { type: 'begrip:page-terms', distinctTerms };
      browser.runtime.sendMessage(message).catch(() => {
        // The worker may be restarting; the next pass reports again.
      });
    };
    /**
     * Off on a site switched off, and on a site that is neither a default one nor one of the
     * reader's: a site removed in the options stops Begrip in its open tabs too (audit F11).
     */
    const isOff = () => {
      const site = siteOf(location.hostname, settings.userSites);
      return site === null || settings.disabled.includes(site);
    };

    const start = () => {
      session?.stop();
      session = null;
      if (!ctx.isValid || isOff()) return report(0);
      session = createSession();
    };

    /** The glossary and matcher live in the background (glossary-service.ts); the page sends its text. */
    const annotate = (texts: string[], definitions: AnnotateRequest['definitions'], session: string) => {
      const request: AnnotateRequest = { type: 'begrip:annotate', texts, definitions, session };
      return browser.runtime.sendMessage(request) as Promise<AnnotateResponse>;
    };
    const lookup = (id: string, also: readonly string[]) => {
      const request: DescribeRequest = {
        type: 'begrip:describe',
        id,
        ...(also.length && { also: [...also] }),
      };
      return browser.runtime.sendMessage(request) as Promise<DescribeResponse | null>;
    };

    /** The inline reading mode for this site, or null when it is off here. */
    const inlineMode = (signal: AbortSignal, unobserved: (change: () => void) => void) => {
      const site = siteOf(location.hostname, settings.userSites);
      if (!site || !settings.inline.includes(site)) return null;
      const language = settings.language === 'nl' ? 'nl' : 'en';
      return new InlineMode(
        (ids) => {
          const request: InlineNotesRequest = { type: 'begrip:inline-notes', ids, language };
          return browser.runtime.sendMessage(request) as Promise<InlineNotesResponse>;
        },
        unobserved,
        signal,
      );
    };

    const createSession = (): Session => {
      const counts = new Map<string, number>();
      const abort = new AbortController();
      const keep = (annotation: FoundTerm) => {
        const count = (counts.get(annotation.id) ?? 0) + 1;
        counts.set(annotation.id, count);
        return settings.mode === 'all' || count === 1;
      };
      const drop = (annotation: FoundTerm) => {
        const count = (counts.get(annotation.id) ?? 0) - 1;
        if (count > 0) counts.set(annotation.id, count);
        else counts.delete(annotation.id);
      };
      const inline = inlineMode(abort.signal, (change) => scheduler.changeUnobserved(change));
      const scheduler = new Scheduler({
        annotate,
        keep,
        drop,
        onIdle: () => {
          report(counts.size);
          void inline?.apply(scheduler.list() as ShownTerm[]);
        },
        setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
        signal: abort.signal,
      });
      const createGloss = async (): Promise<Gloss> => {
        const { module, categories, labels, uiLanguage } = await loadGlossAssets();
        if (abort.signal.aborted) throw new Error('Begrip: stopped');
        const names = (c: string) => categories[c] ?? { nl: c, en: c };
        return new module.Gloss({
          terms: scheduler,
          describe: (term) => describeTerm(term.reading, lookup, scheduler.pageDefinitions, names),
          describeId: (id) => describeId(id, [], lookup, names),
          language: () => settings.language,
          uiLanguage,
          view: module.view,
          labels,
          // The background adds the page's title and address from the tab, and keeps it if the
          // history is on (utils/history.ts).
          onLookup: ({ id, text, gesture }) => {
            const message: LookedUpMessage = { type: 'begrip:looked-up', id, how: gesture, term: text };
            browser.runtime.sendMessage(message).catch(() => {});
          },
          signal: abort.signal,
        });
      };
      const gloss = new LazyGloss(createGloss, scheduler, abort.signal);
      scheduler.start(document.body);
      return {
        stop() {
          scheduler.stop(); // takes the highlights away
          abort.abort(); // also closes the gloss
          inline?.remove(); // gives the page's text nodes back whole
        },
        summary: () => ({
          counts: Object.fromEntries(counts),
          pageDefined: Object.fromEntries(
            scheduler.pageDefinitions.map((d) => [`${PAGE_ID_PREFIX}${d.acronym}`, d.expansion]),
          ),
          order: firstShown(scheduler.list() as ShownTerm[]),
          ...pageLanguage(),
        }),
        async reveal(id) {
          const term = await scheduler.reveal(id);
          if (!term) return false;
          term.bringIntoView();
          gloss.show(term, true);
          return true;
        },
        refreshGloss: () => gloss.refresh(),
        step: (direction) => gloss.step(direction),
      };
    };

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isPageSummaryRequest(message)) {
        return Promise.resolve(session?.summary() ?? { counts: {}, pageDefined: {}, order: [] });
      }
      if (isRevealRequest(message)) return session?.reveal(message.id) ?? Promise.resolve(false);
      if (isStepRequest(message)) {
        session?.step(message.direction);
        return Promise.resolve(true);
      }
      return undefined;
    });

    start();
    const unwatch = watchPageSettings(({ settings: changed, ownEntries }) => {
      if (changed.highlightStyle) markStyle.apply(changed.highlightStyle);
      if (changed.glossLanguage || changed.uiLanguage) {
        // 'auto' follows the interface language (utils/setting-values.ts resolveGlossLanguage).
        settings.glossSetting = changed.glossLanguage ?? settings.glossSetting;
        settings.uiSetting = changed.uiLanguage ?? settings.uiSetting;
        settings.language = resolveGlossLanguage(
          settings.glossSetting,
          navigator.language,
          settings.uiSetting,
        );
        session?.refreshGloss();
      }
      settings.disabled = changed.disabledSites ?? settings.disabled;
      settings.userSites = changed.userSites ?? settings.userSites;
      settings.inline = changed.inlineSites ?? settings.inline;
      settings.mode = changed.markMode ?? settings.mode;
      // Annotate again when what is marked changes; the background compiles new own entries itself.
      if (ownEntries || changed.disabledSites || changed.userSites || changed.markMode || changed.inlineSites)
        start();
    });
    ctx.onInvalidated(() => {
      unwatch();
      session?.stop();
      markStyle.remove();
    });
  },
});

/** The page's declared language, when it is Dutch or English ("nl-NL", "en-GB" …). */
function pageLanguage(): Pick<PageSummary, 'lang'> {
  const lang = document.documentElement.lang.slice(0, 2).toLowerCase();
  return lang === 'nl' || lang === 'en' ? { lang } : {};
}
