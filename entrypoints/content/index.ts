/**
 * Content script: reads the settings, walks the page in slices and sends its text to the
 * background's matcher (glossary-service.ts), marks the terms it gets back (scheduler.ts) and
 * explains them in one gloss (utils/dom/gloss.tsx). Switching the site off removes every
 * trace. Registered for the default sites here; the background registers the same file at run
 * time for sites the user adds.
 *
 * Test pages: https://www.rijksoverheid.nl/documenten/kamerstukken/2024/11/22/…,
 * https://www.tweedekamer.nl/kamerstukken/brieven_regering/…, https://zoek.officielebekendmakingen.nl/kst-27925-980.html
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PAGE_ID_PREFIX } from '../../glossary/abbreviations';
import type { Annotation } from '../../glossary/annotate';
import { describeMark } from '../../utils/dom/describe';
import { Gloss } from '../../utils/dom/gloss';
import { unmarkAll } from '../../utils/dom/highlighter';
import {
  type AnnotateRequest,
  type AnnotateResponse,
  type DescribeRequest,
  type DescribeResponse,
  isPageSummaryRequest,
  isRevealRequest,
  type PageSummary,
  type PageTermsMessage,
} from '../../utils/messages';
import { ownEntriesItem } from '../../utils/own-entries';
import {
  disabledSitesSetting,
  glossLanguageSetting,
  highlightStyleSetting,
  markModeSetting,
  resolveGlossLanguage,
  userSitesSetting,
} from '../../utils/settings';
import { DEFAULT_SITE_MATCHES, siteOf } from '../../utils/sites';
import { MarkStyle } from './mark-style';
import { Scheduler } from './scheduler';
import '../../utils/dom/mark.css';

/** browser.i18n directly: the bundled messages of utils/i18n would add 10 kB to every page. */
const categoryName = (category: string) =>
  (browser.i18n.getMessage as (key: string) => string)(`category_${category.replace(/-/g, '_')}`) || category;

interface Session {
  stop(): void;
  summary(): PageSummary;
  reveal(id: string): Promise<boolean>;
  refreshGloss(): void;
}

export default defineContentScript({
  matches: DEFAULT_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const [disabled, userSites, mode, language, style] = await Promise.all([
      disabledSitesSetting.getValue(),
      userSitesSetting.getValue(),
      markModeSetting.getValue(),
      glossLanguageSetting.getValue(),
      highlightStyleSetting.getValue(),
    ]);
    const settings = {
      disabled,
      userSites,
      mode,
      language: resolveGlossLanguage(language, navigator.language),
    };
    let session: Session | null = null;
    const markStyle = new MarkStyle();
    markStyle.apply(style);

    const report = (distinctTerms: number) => {
      const message: PageTermsMessage = { type: 'begrip:page-terms', distinctTerms };
      browser.runtime.sendMessage(message).catch(() => {
        // The worker may be restarting; the next pass reports again.
      });
    };
    const isOff = () => {
      const site = siteOf(location.hostname, settings.userSites) ?? location.hostname;
      return settings.disabled.includes(site);
    };

    const start = () => {
      session?.stop();
      session = null;
      if (!ctx.isValid || isOff()) return report(0);
      session = createSession();
    };

    /** The glossary and matcher live in the background (glossary-service.ts); the page sends its text. */
    const annotate = (texts: string[], definitions: AnnotateRequest['definitions']) => {
      const request: AnnotateRequest = { type: 'begrip:annotate', texts, definitions };
      return browser.runtime.sendMessage(request) as Promise<AnnotateResponse>;
    };
    const lookup = (id: string) => {
      const request: DescribeRequest = { type: 'begrip:describe', id };
      return browser.runtime.sendMessage(request) as Promise<DescribeResponse | null>;
    };

    const createSession = (): Session => {
      const counts = new Map<string, number>();
      const abort = new AbortController();
      const keep = (annotation: Annotation) => {
        const count = (counts.get(annotation.id) ?? 0) + 1;
        counts.set(annotation.id, count);
        return settings.mode === 'all' || count === 1;
      };
      const scheduler = new Scheduler({
        annotate,
        keep,
        onIdle: () => report(counts.size),
        setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
        signal: abort.signal,
      });
      const gloss = new Gloss({
        describe: (mark) => describeMark(mark, lookup, scheduler.pageDefinitions, categoryName),
        language: () => settings.language,
        pageDefinedLabel: browser.i18n.getMessage('pageDefined') || 'defined on this page',
        ownLabel: browser.i18n.getMessage('own') || 'own',
        signal: abort.signal,
      });
      document.addEventListener('selectionchange', () => scheduler.onSelectionChange(), {
        signal: abort.signal,
      });
      scheduler.start(document.body);
      return {
        stop() {
          scheduler.stop();
          abort.abort();
          gloss.destroy();
          unmarkAll(document.body);
        },
        summary: () => ({
          counts: Object.fromEntries(counts),
          pageDefined: Object.fromEntries(
            scheduler.pageDefinitions.map((d) => [`${PAGE_ID_PREFIX}${d.acronym}`, d.expansion]),
          ),
        }),
        async reveal(id) {
          const mark = await scheduler.reveal(id);
          if (!mark) return false;
          mark.scrollIntoView({ block: 'center' });
          mark.tabIndex = -1;
          mark.focus({ preventScroll: true });
          gloss.show(mark);
          return true;
        },
        refreshGloss: () => gloss.refresh(),
      };
    };

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (isPageSummaryRequest(message)) {
        return Promise.resolve(session?.summary() ?? { counts: {}, pageDefined: {} });
      }
      if (isRevealRequest(message)) return session?.reveal(message.id) ?? Promise.resolve(false);
      return undefined;
    });

    start();
    const restart = () => start();
    const unwatch = [
      disabledSitesSetting.watch((value) => {
        settings.disabled = value;
        restart();
      }),
      userSitesSetting.watch((value) => {
        settings.userSites = value;
        restart();
      }),
      markModeSetting.watch((value) => {
        settings.mode = value;
        restart();
      }),
      glossLanguageSetting.watch((value) => {
        settings.language = resolveGlossLanguage(value, navigator.language);
        session?.refreshGloss();
      }),
      highlightStyleSetting.watch((value) => markStyle.apply(value)),
      // The background compiles the new entries on the next request; annotate the page again.
      ownEntriesItem.watch(() => restart()),
    ];
    ctx.onInvalidated(() => {
      for (const stop of unwatch) stop();
      session?.stop();
      markStyle.remove();
    });
  },
});
