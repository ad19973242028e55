import { useState } from 'preact/hooks';
import type { AnnexFormat } from '../glossary/annex';

export interface AnnexExportLabels {
  title: string;
  markdown: string;
  csv: string;
  tbx: string;
  copy: string;
  copied: string;
  failed: string;
}

export interface AnnexExportProps {
  /** Saves the annex in this format as a file. */
  onDownload: (format: AnnexFormat) => void;
  /** Copies the Markdown annex. */
  onCopy: () => Promise<void>;
  labels: AnnexExportLabels;
}

const FORMATS: AnnexFormat[] = ['markdown', 'csv', 'tbx'];

/** The document's glossary as an annex (issue 17): download as Markdown, CSV or TBX, or copy. */
export function AnnexExport({ onDownload, onCopy, labels }: AnnexExportProps) {
  const [status, setStatus] = useState('');
  return (
    <div class="annex-export">
      <span class="annex-title">{labels.title}</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          class="button"
          data-annex={format}
          onClick={() => {
            setStatus('');
            onDownload(format);
          }}
        >
          {labels[format]}
        </button>
      ))}
      <button
        type="button"
        class="button"
        data-annex="copy"
        onClick={() =>
          void onCopy().then(
            () => setStatus(labels.copied),
            () => setStatus(labels.failed),
          )
        }
      >
        {labels.copy}
      </button>
      <span class="hint" role="status">
        {status}
      </span>
    </div>
  );
}
