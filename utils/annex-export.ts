/**
 * Browser glue for the document's glossary annex (glossary/annex.ts, issue 17), shared by the
 * popup and the reader: the file is saved from the extension page itself (Blob, object URL and a
 * clicked <a download>), so no `downloads` permission is needed.
 */

import type { AnnexExportLabels } from '../components/AnnexExport';
import {
  ANNEX_FORMATS,
  type AnnexFormat,
  type AnnexInput,
  annexFileName,
  annexMarkdown,
} from '../glossary/annex';
import { t } from './i18n';

export function downloadAnnex(input: AnnexInput, format: AnnexFormat): void {
  const { type, write } = ANNEX_FORMATS[format];
  const url = URL.createObjectURL(new Blob([write(input)], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = annexFileName(input.page, format);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has had time to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function copyAnnex(input: AnnexInput): Promise<void> {
  return navigator.clipboard.writeText(annexMarkdown(input));
}

/** Today as YYYY-MM-DD, in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function annexLabels(): AnnexExportLabels {
  return {
    title: t('annexExport'),
    markdown: t('annexMarkdown'),
    csv: t('annexCsv'),
    tbx: t('annexTbx'),
    copy: t('annexCopy'),
    copied: t('copied'),
    failed: t('annexCopyFailed'),
  };
}
