/**
 * Browser glue for the document's glossary annex (glossary/annex.ts, issue 17), shared by the
 * popup and the reader, and the download every export of Begrip's pages uses.
 */

import type { AnnexExportLabels } from '../components/AnnexExport';
import {
  ANNEX_FORMATS,
  type AnnexFormat,
  type AnnexInput,
  annexFileName,
  annexMarkdown,
} from '../glossary/annex';
import { localDate } from '../glossary/history';
import { t } from './i18n';

/**
 * Save `text` as a file named `name`, from the extension page itself: a Blob, its object URL and
 * a clicked <a download>, so no `downloads` permission is needed.
 */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the download has had time to start.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadAnnex(input: AnnexInput, format: AnnexFormat): void {
  const { type, write } = ANNEX_FORMATS[format];
  downloadText(annexFileName(input.page, format), write(input), type);
}

export function copyAnnex(input: AnnexInput): Promise<void> {
  return navigator.clipboard.writeText(annexMarkdown(input));
}

/** Today as YYYY-MM-DD, in local time. */
export const today = (now = new Date()): string => localDate(now);

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
