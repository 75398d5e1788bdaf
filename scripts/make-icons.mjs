#!/usr/bin/env node
// Renders the extension's icons (extension/icons/*.svg) to the PNG sizes the browsers ask for,
// with Debian's Chromium: node scripts/make-icons.mjs. The PNGs are committed (they are data, and
// building the extension must not need a browser); run this again after changing an SVG.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const dir = new URL('../extension/icons/', import.meta.url);
const sizes = [16, 32, 48, 128];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const name of ['vouch', 'vouch-dark']) {
  const svg = readFileSync(new URL(`${name}.svg`, dir), 'utf8');
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.waitForFunction(() => document.images[0].complete);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(new URL(`${name}-${size}.png`, dir), png);
    console.log(`make-icons: ${name}-${size}.png (${png.length} bytes)`);
  }
}
await browser.close();
