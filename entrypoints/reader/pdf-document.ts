/**
 * PDF.js glue for the reader: open a document (from bytes or a URL the extension may read), get
 * a page's text the way its text layer will read, and render a page (canvas + text layer) into
 * a container. Nothing leaves the browser: PDF.js runs in a worker bundled with the extension.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy, TextLayer } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { fitTextLayer } from './fit-text-layer';

GlobalWorkerOptions.workerSrc = workerUrl;

export type OpenError = 'not-pdf' | 'encrypted' | 'unreadable';

export class ReaderError extends Error {
  constructor(
    readonly kind: OpenError,
    message: string,
  ) {
    super(message);
  }
}

export async function openPdf(source: { data: ArrayBuffer } | { url: string }): Promise<PDFDocumentProxy> {
  const task = getDocument({
    ...('data' in source ? { data: new Uint8Array(source.data) } : { url: source.url }),
    // Extension pages forbid eval; PDF.js then draws glyphs without compiled functions.
    isEvalSupported: false,
    disableAutoFetch: true,
  });
  try {
    return await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException')
      throw new ReaderError('encrypted', 'This PDF is protected with a password.');
    if (name === 'InvalidPDFException')
      throw new ReaderError('not-pdf', 'This file is not a PDF, or it is damaged.');
    throw new ReaderError('unreadable', `The document could not be read: ${(error as Error).message}`);
  }
}

const isTextItem = (item: TextItem | TextMarkedContent): item is TextItem => 'str' in item;

/** A page's text exactly as its text layer reads (an item per span, a line break per <br>). */
export async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  return content.items
    .filter(isTextItem)
    .map((item) => item.str + (item.hasEOL ? '\n' : ''))
    .join('');
}

/** Render page `pageNumber` at `scale` into `container`; returns its text layer element. */
export async function renderPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  container: HTMLElement,
  scale: number,
): Promise<HTMLElement> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const outputScale = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * outputScale);
  canvas.height = Math.floor(viewport.height * outputScale);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  const textLayerDiv = document.createElement('div');
  textLayerDiv.className = 'textLayer';
  container.style.setProperty('--total-scale-factor', String(scale));
  container.style.width = `${viewport.width}px`;
  container.style.height = `${viewport.height}px`;
  container.replaceChildren(canvas, textLayerDiv);
  const context = canvas.getContext('2d');
  if (!context) throw new ReaderError('unreadable', 'This browser cannot draw the page.');
  await page.render({
    canvas,
    canvasContext: context,
    viewport,
    transform: outputScale === 1 ? undefined : [outputScale, 0, 0, outputScale, 0, 0],
  }).promise;
  const content = await page.getTextContent();
  const textLayer = new TextLayer({ textContentSource: content, container: textLayerDiv, viewport });
  await textLayer.render();
  fitTextLayer(textLayerDiv, textLayer.textDivs, content, page, viewport);
  return textLayerDiv;
}
