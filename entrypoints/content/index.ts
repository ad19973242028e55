import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CURATED_ENTRIES } from '../../glossary/data';
import { Matcher } from '../../glossary/matcher';
import type { PageTermsMessage } from '../../utils/messages';
import { disabledHostsSetting, markModeSetting } from '../../utils/settings';
import { DEFAULT_SITE_MATCHES } from '../../utils/sites';
import { markAll, unmarkAll } from './highlighter';
import './style.css';

export default defineContentScript({
  matches: DEFAULT_SITE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    const matcher = new Matcher(CURATED_ENTRIES);
    let seen = new Set<string>();

    const render = async () => {
      unmarkAll(document.body);
      const [disabled, mode] = await Promise.all([
        disabledHostsSetting.getValue(),
        markModeSetting.getValue(),
      ]);
      seen = new Set();
      if (!ctx.isValid || disabled.includes(location.hostname)) return report(0);
      markAll(document.body, matcher, (match) => {
        const first = !seen.has(match.id);
        seen.add(match.id);
        return mode === 'all' || first;
      });
      report(seen.size);
    };

    const report = (distinctTerms: number) => {
      const message: PageTermsMessage = { type: 'begrip:page-terms', distinctTerms };
      browser.runtime.sendMessage(message).catch(() => {
        // The worker may be restarting; the next render reports again.
      });
    };

    await render();
    const unwatch = [disabledHostsSetting.watch(render), markModeSetting.watch(render)];
    ctx.onInvalidated(() => {
      for (const stop of unwatch) stop();
      unmarkAll(document.body);
    });
  },
});
