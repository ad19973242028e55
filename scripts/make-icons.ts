/**
 * `npm run icons`: the toolbar and store icons (public/icon/16, 32, 48, 128 px PNG) rendered from
 * public/icon.svg by the same Debian Chromium the tests use, so no image library is needed.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 128];

async function main() {
  mkdirSync('public/icon', { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    // An SVG document with only a viewBox fills the viewport: the icon at exactly `size` px.
    await page.goto(`file://${process.cwd()}/public/icon.svg`);
    await page.screenshot({
      path: `public/icon/${size}.png`,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`public/icon/${size}.png`);
  }
  await browser.close();
}

await main();
