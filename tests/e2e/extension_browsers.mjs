// Launchers for the extension's end-to-end tests and benchmark: a real browser with the built
// extension loaded and a page whose https://www.linkedin.com/ requests are answered by
// tests/fixtures/linkedin/server.mjs (strict CSP). Each returns {page, errors, foreign, close}:
// `errors` collects page errors, CSP violations and dialogs; `foreign` every request to any other
// host (aborted). Chromium: playwright-core with Debian's chromium, extension from
// dist/extension/chromium. Firefox: puppeteer-core over WebDriver BiDi with Debian's firefox-esr,
// extension from dist/extension/firefox installed as a temporary add-on.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture_response } from '../fixtures/linkedin/server.mjs';

/** URLs that name content in place (data:) rather than a request to any host. */
const not_network = (url) => /^data:/i.test(url);

const dist = (browser) => new URL(`../../dist/extension/${browser}`, import.meta.url).pathname;

export async function launch_chromium() {
  const profile = mkdtempSync(join(tmpdir(), 'vouch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    // Playwright's own defaults include --disable-extensions; keep only ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist('chromium')}`, `--load-extension=${dist('chromium')}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const answer = fixture_response(url);
    if (answer) return route.fulfill(answer);
    foreign.push(url);
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] || await context.waitForEvent('serviceworker');
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) errors.push(`csp: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  return {
    page, errors, foreign, worker, context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launch_firefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1100, height: 900 },
    extraPrefsFirefox: {
      // Temporary add-ons are not signed; keep Firefox from reaching out on its own.
      'xpinstall.signatures.required': false,
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(dist('firefox'));
  const errors = [];
  const foreign = [];
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    // Firefox reports data: URLs (the fixture's inline avatar, a font of its own) as requests;
    // they are decoded in place, never sent, so they are let through and not counted.
    if (not_network(request.url())) return request.continue();
    const answer = fixture_response(request.url());
    if (answer) {
      const { status, headers, body } = answer;
      return request.respond({ status, headers, contentType: headers['content-type'], body });
    }
    foreign.push(request.url());
    return request.abort();
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) errors.push(`csp: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  return { page, errors, foreign, browser, close: () => browser.close() };
}
