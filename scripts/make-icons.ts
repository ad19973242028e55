/**
 * `npm run icons`: the toolbar and store icons (public/icon/16, 32, 48, 128 px PNG) rendered from
 * public/icon.svg by the same Debian Chromium the tests use, so no image library is needed; and
 * the grey toolbar icons for a tab where Begrip is off (public/icon/off-16, 32, 48 px: the same
 * drawing in greys, faded, as browsers show a switched-off extension).
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const SIZES = [16, 32, 48, 128];
const OFF_SIZES = [16, 32, 48];
/** A light grey, faded: so the off icon reads as "not active" on light and dark toolbars alike. */
const OFF_FILTER = 'grayscale(1) brightness(1.8) opacity(0.7)';

async function render(page: Page, size: number, path: string, filter = ''): Promise<void> {
  await page.setViewportSize({ width: size, height: size });
  // An SVG document with only a viewBox fills the viewport: the icon at exactly `size` px.
  await page.goto(`file://${process.cwd()}/public/icon.svg`);
  if (filter)
    await page.evaluate(
      (value) => document.documentElement.setAttribute('style', `filter: ${value}`),
      filter,
    );
  await page.screenshot({ path, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(path);
}

async function main() {
  mkdirSync('public/icon', { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  for (const size of SIZES) await render(page, size, `public/icon/${size}.png`);
  for (const size of OFF_SIZES) await render(page, size, `public/icon/off-${size}.png`, OFF_FILTER);
  await browser.close();
}

await main();
