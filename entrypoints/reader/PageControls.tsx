import { t } from '../../utils/i18n';

const ZOOMS = [0.75, 1, 1.25, 1.5, 2];

export interface PageControlsProps {
  numPages: number;
  pageNumber: number;
  goTo: (page: number) => void;
  scale: number;
  setScale: (scale: number) => void;
}

/** Previous/next page, a page number field and zoom out/in. */
export function PageControls({ numPages, pageNumber, goTo, scale, setScale }: PageControlsProps) {
  return (
    <nav class="reader-nav" aria-label={t('readerNavigation')}>
      <button
        type="button"
        class="button"
        onClick={() => goTo(Math.max(1, pageNumber - 1))}
        aria-label={t('readerPrevious')}
      >
        ‹
      </button>
      <label>
        {t('readerPageLabel')}{' '}
        <input
          type="number"
          min={1}
          max={numPages}
          value={pageNumber}
          onChange={(e) => goTo(Math.min(numPages, Math.max(1, Number(e.currentTarget.value) || 1)))}
        />{' '}
        / {numPages}
      </label>
      <button
        type="button"
        class="button"
        onClick={() => goTo(Math.min(numPages, pageNumber + 1))}
        aria-label={t('readerNext')}
      >
        ›
      </button>
      <button
        type="button"
        class="button"
        onClick={() => setScale(ZOOMS[Math.max(0, ZOOMS.indexOf(scale) - 1)] ?? scale)}
        aria-label={t('readerZoomOut')}
      >
        −
      </button>
      <span>{Math.round(scale * 100)}%</span>
      <button
        type="button"
        class="button"
        onClick={() => setScale(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(scale) + 1)] ?? scale)}
        aria-label={t('readerZoomIn')}
      >
        +
      </button>
    </nav>
  );
}
