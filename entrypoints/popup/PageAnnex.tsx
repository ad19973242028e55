import { useEffect, useState } from 'preact/hooks';
import { AnnexExport } from '../../components/AnnexExport';
import type { AnnexInput } from '../../glossary/annex';
import type { Entry } from '../../glossary/schema';
import { annexLabels, copyAnnex, downloadAnnex, today } from '../../utils/annex-export';
import type { PageSummary } from '../../utils/messages';
import { type GlossLanguage, resolveGlossLanguage } from '../../utils/setting-values';
import { glossLanguageSetting, uiLanguageSetting } from '../../utils/settings';

export interface PageAnnexProps {
  summary: PageSummary;
  byId: ReadonlyMap<string, Entry>;
  page: { title: string; url: string };
}

/** The "On this page" tab's export: the page's terms in order of first appearance, in the gloss language(s). */
export function PageAnnex({ summary, byId, page }: PageAnnexProps) {
  const [language, setLanguage] = useState<GlossLanguage>('en');
  useEffect(() => {
    void Promise.all([glossLanguageSetting.getValue(), uiLanguageSetting.getValue()]).then(([gloss, ui]) =>
      setLanguage(resolveGlossLanguage(gloss, navigator.language, ui)),
    );
  }, []);
  if (summary.order.length === 0) return null;
  const input = (): AnnexInput => ({
    occurrences: summary.order,
    entries: byId,
    pageDefined: summary.pageDefined,
    language,
    page: { ...page, date: today(), ...(summary.lang && { lang: summary.lang }) },
  });
  return (
    <AnnexExport
      onDownload={(format) => downloadAnnex(input(), format)}
      onCopy={() => copyAnnex(input())}
      labels={annexLabels()}
    />
  );
}
