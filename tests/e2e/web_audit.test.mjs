// The audit page (dist/web/audit.html) in real headless Chromium: a generated export of 5,000
// connections chosen through the file input, the progress bar, the summary's counts against the
// export's known answers, the review list's filters, sort and CSV export, and no request beyond
// the page's origin (every request goes through context.route and is counted). A second part draws
// a report made in this test (no core involved) to check the charts, links and text handling.
// Every wait is for a condition or an event on the page, never for time.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import * as fflate from 'fflate';
import { chromium } from 'playwright-core';

import { startServer } from '../../web/serve.mjs';
import { make_export, zip_export, ZIP_NAME } from '../fixtures/audit_export.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const output = `${root}test-output`;

let server;
let url;
let browser;
let context;
let page;
const foreign = [];
const pageErrors = [];
const { files, expected } = make_export({ connections: 5000, messages: 20000 });

before(async () => {
  await mkdir(output, { recursive: true });
  ({ server, url } = await startServer({ root: `${root}dist/web`, port: 0 }));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  // Every request the page or its worker makes passes here: the origin's are served, any other
  // is counted and refused.
  await context.route('**/*', (route) => {
    const address = route.request().url();
    if (address.startsWith(url)) return route.continue();
    foreign.push(address);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
  // The progress bar's values as they change (its value attribute follows .value).
  await page.addInitScript(() => {
    window.__progress = [];
    new MutationObserver((records) => {
      for (const r of records) if (r.target.id === 'audit-progress') window.__progress.push(Number(r.target.getAttribute('value')));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.goto(`${url}audit.html`);
  await page.waitForSelector('html[data-audit="ready"]');
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

const figure = async (key) => Number((await page.textContent(`[data-figure="${key}"] .figure-value`)).replace(/,/g, ''));

async function choose_zip() {
  const zip = zip_export(fflate, files);
  // The report, or the page's error (the audit module missing, an export it refused) as a failure.
  const done = page.evaluate(() => new Promise((resolve, reject) => {
    document.addEventListener('vouch:audit-done', (e) => resolve(e.detail), { once: true });
    const error = document.querySelector('#audit-error');
    new MutationObserver(() => { if (!error.hidden) reject(new Error(`the page says: ${error.textContent}`)); })
      .observe(error, { attributes: true, attributeFilter: ['hidden'] });
  }));
  await page.setInputFiles('#export-file', { name: ZIP_NAME, mimeType: 'application/zip', buffer: Buffer.from(zip) });
  return done;
}

describe('audit page', () => {
  test('says that nothing leaves the browser, and the playground links to it', async () => {
    assert.match(await page.textContent('#privacy'), /Nothing leaves this browser/);
    assert.match(await page.textContent('#privacy'), /unless you save the report/);
    const playground = await context.newPage();
    await playground.goto(url);
    assert.equal(await playground.getAttribute('#audit-link', 'href'), 'audit.html');
    await playground.close();
  });

  test('a 5,000-connection export chosen through the file input gives its known answers', async () => {
    const detail = await choose_zip();
    assert.equal(detail.connections, expected.connections);
    assert.ok(detail.ms > 0);
    const moves = await page.evaluate(() => window.__progress);
    assert.ok(moves.length >= 3, `the progress bar moved (${moves.join(', ')})`);
    assert.ok(moves.some((v) => v > 0 && v < 1000), 'it showed a part done');
    for (const key of ['active', 'faded', 'never', 'new']) assert.equal(await figure(key), expected.status[key], key);
    assert.equal(await figure('invitations'), expected.incoming);
    assert.equal(await figure('pending'), expected.pending_sent_over_21_days);
    const years = await page.$$eval('.chart .tone-year', (gs) => Object.fromEntries(gs.map((g) => [g.dataset.key, Number(g.dataset.value)])));
    for (const [year, count] of Object.entries(expected.per_year)) assert.equal(years[year], count, `connections made in ${year}`);
    const stale = await page.$$eval('.chart-card:last-child .bar', (gs) => gs.reduce((s, g) => s + Number(g.dataset.value), 0));
    assert.equal(stale, expected.status.faded + expected.status.never, 'stale by role adds up to faded and never');
    assert.match(await page.textContent('#review-count'), new RegExp(`of ${(expected.status.faded + expected.status.never).toLocaleString('en')} `));
    await page.screenshot({ path: `${output}/web_audit.png`, fullPage: false });
  });

  test('the review list filters by status and year, sorts, links to profiles and exports CSV', async () => {
    await page.selectOption('#filter-status', 'never');
    await page.waitForFunction((n) => document.querySelector('#review-count').textContent.startsWith(n), expected.status.never.toLocaleString('en'));
    const statuses = await page.$$eval('#review-body .status', (n) => [...new Set(n.map((x) => x.textContent))]);
    assert.deepEqual(statuses, ['Never in touch']);
    const links = await page.$$eval('#review-body a.profile', (a) => a.map((x) => x.href));
    assert.ok(links.length > 0);
    for (const href of links) {
      assert.match(href, /^https:\/\/www\.linkedin\.com\/in\/[^/]+\/$/);
      assert.equal(expected.by_url[href]?.status, 'never', href);
    }
    const year = Object.keys(expected.per_year)[2];
    await page.selectOption('#filter-year', year);
    await page.waitForFunction(() => !document.querySelector('#review-more') || true);
    const connected = await page.$$eval('#review-body tr td:nth-child(2)', (t) => t.map((x) => x.textContent));
    assert.ok(connected.length > 0 && connected.every((d) => d.startsWith(year)), `all connected in ${year}`);

    const download = page.waitForEvent('download');
    await page.click('#export-csv');
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'Name,Company,Position,Connected,Last interaction,Status,Role,Profile,Reason');
    const want = Object.values(expected.by_url).length && Number((await page.textContent('#review-count')).split(' ')[0].replace(/,/g, ''));
    assert.equal(lines.length - 1, want, 'one row per listed connection');
    assert.ok(lines.slice(1).every((l) => l.includes(',never,')));

    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-year', '');
    await page.click('#review-table [data-sort="name"]');
    await page.waitForSelector('#review-table th[aria-sort="ascending"] [data-sort="name"]');
    const names = await page.$$eval('#review-body a.profile', (a) => a.slice(0, 50).map((x) => x.textContent.toLocaleLowerCase()));
    assert.deepEqual(names, [...names].sort(), 'sorted by name');
  });

  test('made no request beyond its own origin and logged no error', async () => {
    assert.deepEqual(foreign, []);
    assert.deepEqual(pageErrors, []);
  });

  test('a file that is not a zip is refused with a clear error', async () => {
    await page.setInputFiles('#export-file', { name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('hello, not a zip') });
    await page.waitForSelector('#audit-error:not([hidden])');
    assert.match(await page.textContent('#audit-error'), /not a zip/);
  });

  test('a report drawn from a fixture: markup stays text, only LinkedIn profile links are links', async () => {
    const connections = [
      { name: 'Eve <img src=x onerror="document.title=1">', profile_url: 'https://www.linkedin.com/in/eve/', company: '<b>Acme</b>', position: 'Account Executive',
        connected_on: '2019-03-01', messages: { sent: 0, received: 0, last: null }, endorsements: 0, recommendations: 0, last_interaction: null,
        status: 'never', role: 'sales', reasons: ['Connected 2019, no message, endorsement or recommendation since'] },
      { name: 'Mallory', profile_url: 'javascript:alert(1)', company: '', position: 'Recruiter', connected_on: '2020-01-01',
        messages: { sent: 1, received: 0, last: '2021-01-01' }, endorsements: 0, recommendations: 0, last_interaction: '2021-01-01',
        status: 'faded', role: 'recruiter', reasons: ['Last message 2021-01-01, over a year before 2026-11-20'] },
      { name: 'Oscar', profile_url: 'https://evil.example/in/oscar/', company: '', position: '', connected_on: '2020-01-01',
        messages: { sent: 1, received: 1, last: '2021-02-01' }, endorsements: 0, recommendations: 0, last_interaction: '2021-02-01',
        status: 'faded', role: null, reasons: [] },
      { name: 'Ann', profile_url: 'https://www.linkedin.com/in/ann/', company: '', position: '', connected_on: '2026-10-01',
        messages: { sent: 0, received: 0, last: null }, endorsements: 0, recommendations: 0, last_interaction: null, status: 'new', role: null, reasons: [] },
    ];
    const summary = { as_of: '2026-11-20', connections: 4, status: { active: 0, faded: 2, never: 1, new: 1 }, per_year: { 2019: 1, 2020: 2, 2026: 1 },
      invitations: { count: 3, categories: { sales: 2, generic: 1 } }, pending_sent_over_21_days: 1,
      warnings: [{ file: 'messages.csv', line: 7, message: 'bad date "<script>" in DATE' }] };
    await page.evaluate(async (report) => (await import('./audit.js')).show_report(report), { connections, summary });
    await page.waitForSelector('#review:not([hidden])');
    assert.equal(await page.$$eval('#summary img, #review-body img, #review-body b, #summary script', (n) => n.length), 0);
    assert.notEqual(await page.title(), '1');
    assert.deepEqual(await page.$$eval('#review-body a', (a) => a.map((x) => x.getAttribute('href'))), ['https://www.linkedin.com/in/eve/']);
    assert.match(await page.textContent('#summary .warnings'), /messages\.csv, line 7: bad date "<script>"/);
    const mix = await page.$$eval('.chart-card:nth-child(3) .bar', (g) => g.map((x) => [x.dataset.key, Number(x.dataset.value)]));
    assert.deepEqual(mix, [['sales', 2], ['generic', 1]]);
    const roles = await page.$$eval('.chart-card:nth-child(4) .bar', (g) => Object.fromEntries(g.map((x) => [x.dataset.key, Number(x.dataset.value)])));
    assert.deepEqual(roles, { sales: 1, recruiter: 1, none: 1 });
    assert.match(await page.textContent('.chart-card:nth-child(4)'), /1 sellers and 1 recruiters/);
    await page.screenshot({ path: `${output}/web_audit_fixture.png`, fullPage: true });
  });
});
