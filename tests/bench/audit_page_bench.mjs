// The audit page's speed in headless Chromium: an export of 30,000 connections (LinkedIn's cap)
// and 300,000 messages, from choosing the zip to the report shown (the page's own figure, the ms
// of its vouch:audit-done event, and the wall time seen from here), and how the progress bar moved.
// A benchmark that prints figures, not a test: goal under 3 s.
//
//   node tests/bench/audit_page_bench.mjs [--connections N] [--messages N] [--runs N]
import { fileURLToPath } from 'node:url';

import * as fflate from 'fflate';
import { chromium } from 'playwright-core';

import { startServer } from '../../web/serve.mjs';
import { make_export, zip_export, ZIP_NAME } from '../fixtures/audit_export.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const connections = arg('connections', 30000);
const messages = arg('messages', 300000);
const runs = arg('runs', 3);
const root = fileURLToPath(new URL('../../', import.meta.url));

let t = performance.now();
const { files, expected } = make_export({ connections, messages, invitations: 2000 });
const zip = zip_export(fflate, files);
const raw = Object.values(files).reduce((s, text) => s + Buffer.byteLength(text), 0);
console.log(`export: ${connections} connections, ${expected.messages} messages, ${(raw / 1e6).toFixed(1)} MB of CSV, ` +
  `zip ${(zip.length / 1e6).toFixed(1)} MB (made in ${Math.round(performance.now() - t)} ms)`);

const { server, url } = await startServer({ root: `${root}dist/web`, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
let foreign = 0;
try {
  const results = [];
  for (let run = 1; run <= runs; run += 1) {
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith(url) ? route.continue() : (foreign += 1, route.abort())));
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__progress = [];
      new MutationObserver((records) => {
        for (const r of records) if (r.target.id === 'audit-progress') window.__progress.push([performance.now(), Number(r.target.getAttribute('value'))]);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value'] });
    });
    await page.goto(`${url}audit.html`);
    await page.waitForSelector('html[data-audit="ready"]');
    const done = page.evaluate(() => new Promise((resolve, reject) => {
      document.addEventListener('vouch:audit-done', (e) => resolve(e.detail), { once: true });
      const error = document.querySelector('#audit-error');
      new MutationObserver(() => { if (!error.hidden) reject(new Error(error.textContent)); }).observe(error, { attributes: true });
    }));
    t = performance.now();
    await page.setInputFiles('#export-file', { name: ZIP_NAME, mimeType: 'application/zip', buffer: Buffer.from(zip) });
    const detail = await done;
    const wall = performance.now() - t;
    const progress = await page.evaluate(() => window.__progress);
    const ok = (await page.textContent('[data-figure="never"] .figure-value')).replace(/,/g, '') === String(expected.status.never);
    const steps = progress.filter(([, v]) => v > 0 && v < 1000).length;
    const span = progress.length > 1 ? progress[progress.length - 1][0] - progress[0][0] : 0;
    console.log(`run ${run}: report in ${detail.ms} ms (page's figure), ${Math.round(wall)} ms seen from node (file transfer included); ` +
      `progress bar: ${progress.length} updates, ${steps} between 0 and 100%, over ${Math.round(span)} ms; counts ${ok ? 'right' : 'WRONG'}`);
    results.push(detail.ms);
    await context.close();
  }
  results.sort((a, b) => a - b);
  console.log(`median ${results[Math.floor(results.length / 2)]} ms over ${runs} runs (goal < 3000 ms); requests beyond the origin: ${foreign}`);
} finally {
  await browser.close();
  server.close();
}
