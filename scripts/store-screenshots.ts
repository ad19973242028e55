/**
 * `npm run screenshots`: the store screenshots, 1280×800 (the Chrome Web Store's size; AMO takes
 * it too), and the 440×280 small promo tile, made from the production Chrome build with the e2e
 * harness and fixtures, into docs/store/screenshots/en/ and nl/ (a browser in English or Dutch):
 *   1-gloss.png    a progress report on rijksoverheid.nl, terms shown, the gloss of NMI open
 *   2-popup.png    the same page with the popup searching for a misspelt query beside it
 *   3-reader.png   a Kamerbrief PDF in the reader, a term's gloss open, the side panel of terms
 *                  (English only: see `screenshots`)
 *   4-options.png  the options page: display settings and the user's own glossary
 *   promo-small.png  the icon, the name and one line
 * The popup is popup.html in a tab, sized as the browser sizes it (380 px wide, its content's
 * height up to 600), drawn over the page screenshot where a toolbar popup opens.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { glossState } from '../tests/e2e/gloss-probe';
import { type Harness, launch } from '../tests/e2e/harness';
import { settledMarkCount } from '../tests/e2e/page-checks';
import { termPoint } from '../tests/e2e/page-terms';
import { seedPdf } from '../tests/fixtures/seed-pdf';
import { readSeed } from '../tests/fixtures/seeds';
import { testPages } from '../tests/fixtures/test-pages';

const OUT_ROOT = resolve('docs/store/screenshots');
/** The promo tile's line, in each interface language. */
const TAGLINES = {
  en: 'Explains the jargon of Dutch military missions, in English and Dutch',
  nl: 'Legt het jargon van Nederlandse militaire missies uit, in het Nederlands en Engels',
};
type Language = keyof typeof TAGLINES;
let OUT = OUT_ROOT;
const SIZE = { width: 1280, height: 800 };
const GOV = 'https://www.rijksoverheid.nl';
const POPUP_WIDTH = 380;
const POPUP_MAX_HEIGHT = 600;

const settle = (page: Page) =>
  settledMarkCount(
    (fn, arg) => page.evaluate(fn as never, arg as never),
    (ms) => page.waitForTimeout(ms),
  );

async function until(what: string, test: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function save(page: Page, name: string, size = SIZE): Promise<Buffer> {
  const path = join(OUT, name);
  const png = await page.screenshot({ path, clip: { x: 0, y: 0, ...size } });
  console.log(`  ${path} (${Math.round(png.length / 1024)} kB)`);
  return png;
}

/** A page of our own (no extension involved) showing `html`, to compose or draw an image. */
async function stage(harness: Harness, html: string, size = SIZE): Promise<Page> {
  const page = await harness.context.newPage();
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${size.width}px; height: ${size.height}px; overflow: hidden; }
  </style></head><body>${html}</body></html>`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

async function glossOnPage(harness: Harness): Promise<Buffer> {
  const page = await harness.open(`${GOV}/voortgang`);
  await page.setViewportSize(SIZE);
  await settle(page);
  const plain = await page.screenshot({ clip: { x: 0, y: 0, ...SIZE } });
  const { x, y } = await termPoint(page, 'NMI');
  await page.mouse.move(x, y);
  await until('the gloss of NMI', async () => (await glossState(page)).open);
  await page.waitForTimeout(300);
  await save(page, '1-gloss.png');
  await page.close();
  return plain;
}

async function popupSearch(harness: Harness, background: Buffer): Promise<void> {
  const popup = await harness.open(`chrome-extension://${harness.extensionId}/popup.html`);
  await popup.setViewportSize({ width: POPUP_WIDTH, height: POPUP_MAX_HEIGHT });
  await popup.getByRole('searchbox').fill('artkel 100');
  await popup.getByRole('option').first().waitFor();
  await popup.waitForTimeout(300);
  // The browser sizes a popup to its content; the tab's page fills the viewport instead.
  const height = await popup.evaluate(
    (max) => Math.min(max, Math.ceil(document.querySelector('#app')?.getBoundingClientRect().bottom ?? max)),
    POPUP_MAX_HEIGHT,
  );
  const shot = await popup.screenshot({ clip: { x: 0, y: 0, width: POPUP_WIDTH, height } });
  await popup.close();
  const page = await stage(
    harness,
    `<img src="${dataUrl(background)}" alt="" style="position:absolute;inset:0">
     <img src="${dataUrl(shot)}" alt="" style="position:absolute;top:6px;right:24px;
       border:1px solid #c8c8c8;border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.28)">`,
  );
  await save(page, '2-popup.png');
  await page.close();
}

async function reader(harness: Harness): Promise<void> {
  harness.serve('/documenten/kamerbrief.pdf', {
    body: Buffer.from(await seedPdf(readSeed('004_58c76a8e68136705.txt'))) as unknown as string,
    contentType: 'application/pdf',
  });
  const url = `${GOV}/documenten/kamerbrief.pdf`;
  const page = await harness.open(
    `chrome-extension://${harness.extensionId}/reader.html?url=${encodeURIComponent(url)}`,
  );
  await page.setViewportSize(SIZE);
  const mark = page.locator('.textLayer begrip-mark[data-begrip-id="nmi"]').first();
  await mark.waitFor({ timeout: 30_000 });
  // The seed's first line is cut short ("AR BRIEF VAN DE …"): start the view below it.
  await page.mouse.move(800, 400);
  await page.mouse.wheel(0, 140);
  await page.waitForTimeout(500);
  await mark.hover();
  await page.locator('begrip-tooltip .tooltip').waitFor();
  await page.waitForTimeout(300);
  await save(page, '3-reader.png');
  await page.close();
}

async function options(harness: Harness): Promise<void> {
  const page = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
  await page.setViewportSize(SIZE);
  await page.locator('#display').waitFor();
  // Display and Your glossary, whole, where the first section starts (Sites is plain switches).
  await page.evaluate(() => {
    const [sites, display] = ['sites', 'display'].map(
      (id) => document.getElementById(id)?.getBoundingClientRect().top ?? 0,
    );
    window.scrollTo(0, (display ?? 0) - (sites ?? 0));
  });
  await page.waitForTimeout(400);
  await save(page, '4-options.png');
  await page.close();
}

async function promoTile(harness: Harness, language: Language): Promise<void> {
  const size = { width: 440, height: 280 };
  const icon = readFileSync('public/icon.svg', 'utf8');
  const page = await stage(
    harness,
    `<div style="box-sizing:border-box;height:100%;padding:0 32px;display:flex;align-items:center;gap:22px;
       background:#f4f7fb;font-family:'DejaVu Sans',sans-serif;color:#154273">
       <div style="width:120px;height:120px;flex:none">${icon}</div>
       <div>
         <div style="font-size:46px;font-weight:700;letter-spacing:.01em">Begrip</div>
         <div style="font-size:16px;line-height:1.4;margin-top:6px;color:#1b1b1b">
           ${TAGLINES[language]}</div>
       </div>
     </div>`,
    size,
  );
  await save(page, 'promo-small.png', size);
  await page.close();
}

/**
 * One set of screenshots as a user whose browser speaks `language` sees Begrip, its settings as
 * installed: the interface follows the browser, and the gloss shows English in an English
 * browser, both languages in a Dutch one. Headless Chromium ignores the environment's locale:
 * --lang and --accept-lang set the browser's and the pages' language, but its i18n.getUILanguage()
 * still says en-US, so for Dutch the interface language is set as the options page sets it.
 */
async function screenshots(language: Language): Promise<void> {
  const harness = await launch({ args: [`--lang=${language}`, `--accept-lang=${language}`] });
  try {
    if (language !== 'en') {
      const settings = await harness.open(`chrome-extension://${harness.extensionId}/options.html`);
      await settings.evaluate(
        (value) =>
          (
            globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
          ).chrome.storage.sync.set({ uiLanguage: value }),
        language,
      );
      await settings.close();
    }
    const page = testPages()['/voortgang'];
    if (!page) throw new Error('No /voortgang test page');
    harness.serve('/voortgang', page);
    OUT = join(OUT_ROOT, language);
    mkdirSync(OUT, { recursive: true });
    const background = await glossOnPage(harness);
    await popupSearch(harness, background);
    // The reader follows only the browser's language, and headless Chromium's is English (above).
    // TODO [2026-12-31]: a Dutch reader shot once the reader honours the interface-language setting.
    if (language === 'en') await reader(harness);
    await options(harness);
    await promoTile(harness, language);
  } finally {
    await harness.close();
  }
}

for (const language of Object.keys(TAGLINES) as Language[]) await screenshots(language);
