// The network audit page shipped inside the extension (ui/audit.html, issue 12), in Debian's
// Chromium with the built extension loaded: the options page links to it, a generated export of
// 2,000 connections chosen through its file input gives the export's known answers, and the page
// makes no request at all (its scripts, worker and wasm come from the extension's own package).
// Every wait is for a condition or an event on the page, never for time.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import * as fflate from 'fflate';

import { launch_chromium } from './extension_browsers.mjs';
import { make_export, zip_export, ZIP_NAME } from '../fixtures/audit_export.mjs';

let env;
let audit;
const { files, expected } = make_export({ connections: 2000, messages: 8000 });

before(async () => { env = await launch_chromium(); });
after(async () => { await env?.close(); });

const figure = async (key) => Number((await audit.textContent(`[data-figure="${key}"] .figure-value`)).replace(/,/g, ''));

describe('the extension\'s audit page (Chromium)', () => {
  test('the options page links to it, and it opens inside the extension', async () => {
    const options = await env.open_extension_page('ui/options.html');
    assert.equal(await options.getAttribute('#audit-link', 'href'), 'audit.html');
    assert.match(await options.textContent('#audit-link'), /audit/i);
    await Promise.all([options.waitForURL(/\/ui\/audit\.html$/), options.click('#audit-link')]);
    audit = options;
    await audit.waitForSelector('html[data-audit="ready"]');
    assert.match(audit.url(), /^chrome-extension:\/\/[a-p]{32}\/ui\/audit\.html$/);
    assert.match(await audit.textContent('#privacy'), /Nothing leaves this browser/);
    assert.equal(await audit.getAttribute('.site-footer a', 'href'), 'options.html');
  });

  test('a 2,000-connection export chosen through the file input gives its known answers', async () => {
    const done = audit.evaluate(() => new Promise((resolve, reject) => {
      document.addEventListener('vouch:audit-done', (e) => resolve(e.detail), { once: true });
      const error = document.querySelector('#audit-error');
      new MutationObserver(() => { if (!error.hidden) reject(new Error(`the page says: ${error.textContent}`)); })
        .observe(error, { attributes: true, attributeFilter: ['hidden'] });
    }));
    await audit.setInputFiles('#export-file', { name: ZIP_NAME, mimeType: 'application/zip', buffer: Buffer.from(zip_export(fflate, files)) });
    const detail = await done;
    assert.equal(detail.connections, expected.connections);
    for (const key of ['active', 'faded', 'never', 'new']) assert.equal(await figure(key), expected.status[key], key);
    assert.equal(await figure('invitations'), expected.incoming);
    assert.equal(await figure('pending'), expected.pending_sent_over_21_days);
    const links = await audit.$$eval('#review-body a.profile', (a) => a.map((x) => x.href));
    assert.ok(links.length > 0, 'the review list has profile links');
    for (const href of links) assert.match(expected.by_url[href]?.status ?? '', /^(faded|never)$/, href);
  });

  test('no request left the browser and no page error or CSP violation was seen', () => {
    assert.deepEqual(env.foreign, []);
    assert.deepEqual(env.errors, []);
  });
});
