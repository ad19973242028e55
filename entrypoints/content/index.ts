/**
 * Content script: reads the settings, builds the matcher once, annotates the page in slices
 * (scheduler.ts) and explains terms in one gloss (gloss.tsx). Switching the site off removes every
 * trace. Registered for the default sites here; issue 7 registers the same file at run time for
 * sites the user adds.
 *
 * Test pages: https://www.rijksoverheid.nl/documenten/kamerstukken/2024/11/22/…,
 * https://www.tweedekamer.nl/kamerstukken/brieven_regering/…, https://zoek.officielebekendmakingen.nl/kst-27925-980.html
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Annotation } from '../../glossary/annotate';
import { createAnnotator } from '../../glossary/annotate';
import { CURATED_ENTRIES } from '../../glossary/data';
import { Matcher } from '../../glossary/matcher';
import type { PageTermsMessage } from '../../utils/messages';
import {
  disabledHostsSetting,
  glossLanguageSetting,
  markModeSetting,
  resolveGlossLanguage,
} from '../../utils/settings';
import { DEFAULT_SITE_MATCHES } from '../../utils/sites';
import { describeMark } from './describe';
import { Gloss } from './gloss';
import { unmarkAll } from './highlighter';
import { Scheduler } from './scheduler';
import './style.css';

export default defineContentScript({
  matches: DEFAULT_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const [disabled, mode, language] = await Promise.all([
      disabledHostsSetting.getValue(),
      markModeSetting.getValue(),
      glossLanguageSetting.getValue(),
    ]);
    const settings = { disabled, mode, language: resolveGlossLanguage(language, navigator.language) };
    let matcher: Matcher | null = null;
    let session: { stop: () => void } | null = null;

    const report = (distinctTerms: number) => {
      const message: PageTermsMessage = { type: 'begrip:page-terms', distinctTerms };
      browser.runtime.sendMessage(message).catch(() => {
        // The worker may be restarting; the next pass reports again.
      });
    };

    /** Compile and scan in tasks of their own, so no single task grows long on a slow device. */
    const nextTask = () => new Promise<void>((resolve) => ctx.setTimeout(resolve, 0));

    let generation = 0;
    const start = async () => {
      const mine = ++generation;
      session?.stop();
      session = null;
      if (!ctx.isValid || settings.disabled.includes(location.hostname)) return report(0);
      if (!matcher) {
        matcher = new Matcher(CURATED_ENTRIES);
        await nextTask();
        // A newer start (a setting changed meanwhile) takes over.
        if (mine !== generation) return;
      }
      const glossaryMatcher = matcher;
      const seen = new Set<string>();
      const abort = new AbortController();
      const keep = (annotation: Annotation) => {
        const first = !seen.has(annotation.id);
        seen.add(annotation.id);
        return settings.mode === 'all' || first;
      };
      const scheduler = new Scheduler({
        annotatorFor: (definitions) => createAnnotator(glossaryMatcher, definitions),
        keep,
        onIdle: () => report(seen.size),
        setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
        signal: abort.signal,
      });
      const gloss = new Gloss({
        describe: (mark) => describeMark(mark, scheduler.pageDefinitions),
        language: () => settings.language,
        pageDefinedLabel: browser.i18n.getMessage('pageDefined') || 'defined on this page',
        signal: abort.signal,
      });
      document.addEventListener('selectionchange', () => scheduler.onSelectionChange(), {
        signal: abort.signal,
      });
      scheduler.start(document.body);
      session = {
        stop() {
          scheduler.stop();
          abort.abort();
          gloss.destroy();
          unmarkAll(document.body);
        },
      };
      refreshGloss = () => gloss.refresh();
    };
    let refreshGloss = () => {};

    void start();
    const unwatch = [
      disabledHostsSetting.watch((value) => {
        settings.disabled = value;
        void start();
      }),
      markModeSetting.watch((value) => {
        settings.mode = value;
        void start();
      }),
      glossLanguageSetting.watch((value) => {
        settings.language = resolveGlossLanguage(value, navigator.language);
        refreshGloss();
      }),
    ];
    ctx.onInvalidated(() => {
      for (const stop of unwatch) stop();
      session?.stop();
    });
  },
});
