// Launchers for the extension's end-to-end tests and benchmark: a real browser with the built
// extension loaded and a page whose https://www.linkedin.com/ requests are answered by
// tests/fixtures/linkedin/server.mjs (strict CSP). Each returns {page, errors, foreign, close}:
// `errors` collects page errors, CSP violations and dialogs; `foreign` every request to any other
// host (aborted). Chromium: playwright-core with Debian's chromium, extension from
// dist/extension/chromium. Firefox: puppeteer-core over WebDriver BiDi with Debian's firefox-esr,
// extension from dist/extension/firefox installed as a temporary add-on.
//
// The shadow roots of Vouch's elements (<vouch-annotation>, <vouch-triage>, <vouch-toast>,
// <vouch-note-helper>) are
// closed, so that LinkedIn's scripts cannot read them, and so cannot a test's page.evaluate.
// `in_annotations(fn, arg)` reaches them as a browser's own tools do, through its remote protocol
// (Chromium's DevTools protocol pierces closed roots; WebDriver BiDi serializes them with
// includeShadowTree "all"), and runs `fn(arg, root_of)` in the page, where root_of(host) is the
// closed root of one of those elements as they were when the call began. `arg` and the result
// cross as JSON.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture_response } from '../fixtures/linkedin/server.mjs';
import { wait_for_element } from './extension_page.mjs';

/**
 * URLs that are no request to any host: content in place (data:) and the extension's own files
 * (its pages' scripts and styles), which the browser reads from the installed package.
 */
const not_network = (url) => /^(data|chrome-extension|moz-extension):/i.test(url);

const FIREFOX_ID = JSON.parse(readFileSync(new URL('../../extension/platform/firefox/manifest.json', import.meta.url), 'utf8'))
  .browser_specific_settings.gecko.id;
const FIREFOX_UUID = '6b7f3a52-3c1e-4d8e-9a61-0d5e2f7c9b10';

/** The elements whose closed roots in_annotations() opens. */
const VOUCH_HOSTS = ['VOUCH-ANNOTATION', 'VOUCH-TRIAGE', 'VOUCH-TOAST', 'VOUCH-NOTE-HELPER'];

const dist = (browser) => new URL(`../../dist/extension/${browser}`, import.meta.url).pathname;

/** The page function that runs `fn` with the annotations' roots, given as (host, root) pairs. */
function with_roots(fn) {
  return `async function (arg_json, ...pairs) {
    const roots = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) roots.set(pairs[i], pairs[i + 1]);
    const root_of = (host) => roots.get(host) || null;
    const value = await (${fn.toString()})(JSON.parse(arg_json), root_of);
    return JSON.stringify(value === undefined ? null : value);
  }`;
}

/** in_annotations() for Chromium: DOM.getDocument with pierce, then Runtime.callFunctionOn. */
function chromium_in_annotations(cdp) {
  const GROUP = 'vouch-test-roots';
  return async (fn, arg) => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const pairs = [];
    (function walk(node) {
      if (VOUCH_HOSTS.includes(node.nodeName)) for (const shadow of node.shadowRoots || []) pairs.push(node.backendNodeId, shadow.backendNodeId);
      for (const child of node.children || []) walk(child);
      for (const shadow of node.shadowRoots || []) walk(shadow);
    })(root);
    const resolve = async (backendNodeId) => (await cdp.send('DOM.resolveNode', { backendNodeId, objectGroup: GROUP })).object.objectId;
    try {
      const [document_id, ...ids] = await Promise.all([root.backendNodeId, ...pairs].map(resolve));
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId: document_id, functionDeclaration: with_roots(fn),
        arguments: [{ value: JSON.stringify(arg ?? null) }, ...ids.map((objectId) => ({ objectId }))],
        awaitPromise: true, returnByValue: true,
      });
      if (exceptionDetails) throw new Error((exceptionDetails.exception && exceptionDetails.exception.description) || exceptionDetails.text);
      return JSON.parse(result.value);
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => {});
    }
  };
}

/** in_annotations() for Firefox: script.callFunction over BiDi, shadow roots serialized as well. */
function firefox_in_annotations(page) {
  const realm = () => page.mainFrame().browsingContext.defaultRealm;
  const check = (answer) => {
    if (answer.type === 'exception') throw new Error(answer.exceptionDetails.text);
    return answer.result;
  };
  return async (fn, arg) => {
    // Vouch's hosts in the document and in the page's open shadow roots (LinkedIn's dialog outlet).
    const find_hosts = `() => {
      const found = [];
      const walk = (root) => {
        found.push(...root.querySelectorAll("${VOUCH_HOSTS.join(', ').toLowerCase()}"));
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return found;
    }`;
    const hosts = check(await realm().callFunction(find_hosts, false, {
      resultOwnership: 'root', serializationOptions: { maxObjectDepth: 1, maxDomDepth: 0, includeShadowTree: 'all' },
    }));
    const pairs = [];
    for (const host of hosts.value || []) {
      const shadow = host.value && host.value.shadowRoot;
      if (shadow && shadow.sharedId) pairs.push({ sharedId: host.sharedId }, { sharedId: shadow.sharedId });
    }
    try {
      const answer = check(await realm().callFunction(with_roots(fn), true, {
        arguments: [{ type: 'string', value: JSON.stringify(arg ?? null) }, ...pairs], resultOwnership: 'none', userActivation: true,
      }));
      return JSON.parse(answer.value);
    } finally {
      if (hosts.handle) await realm().disown([hosts.handle]).catch(() => {});
    }
  };
}

/** The options page of a launched browser (`env`), once it has filled its form from storage. */
export async function open_options(env) {
  const options = await env.open_extension_page('ui/options.html');
  await options.evaluate(wait_for_element, ['#form[aria-busy="false"]']);
  return options;
}

/**
 * `lang` (say 'de') starts the browser in that UI language, as a user's German Chromium: on Linux
 * Chromium takes its locale from the LANGUAGE / LANG environment (the language needs Debian's
 * chromium-l10n; without it Chromium falls back to en-US). Not --lang: with it, Chromium 156 here
 * never started the extension's service worker. Without `lang`, the environment's language,
 * English on the test machines.
 */
export async function launch_chromium({ lang } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'vouch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1100, height: 900 },
    // Playwright's own defaults include --disable-extensions; keep only ours.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${dist('chromium')}`, `--load-extension=${dist('chromium')}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}_${lang.toUpperCase()}.UTF-8` } } : {}),
  });
  const errors = [];
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (not_network(url)) return route.continue();
    const answer = fixture_response(url);
    if (answer) return route.fulfill(answer);
    foreign.push(url);
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] || await context.waitForEvent('serviceworker');
  const extension_origin = `chrome-extension://${new URL(worker.url()).host}`;
  const page = context.pages()[0] || await context.newPage();
  const in_annotations = chromium_in_annotations(await context.newCDPSession(page));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) errors.push(`csp: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  return {
    page, errors, foreign, worker, context, in_annotations,
    /**
     * A new tab showing one of the extension's own pages (ui/options.html, ui/popup.html); with
     * `behind`, the LinkedIn tab stays the active one (as when the toolbar popup opens over it).
     */
    async open_extension_page(path, { behind = false } = {}) {
      const tab = await context.newPage();
      tab.on('pageerror', (error) => errors.push(`pageerror in ${path}: ${error.message}`));
      await tab.goto(`${extension_origin}/${path}`);
      if (behind) {
        await page.bringToFront();
        await tab.reload();
      }
      return tab;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Resolves once `tab` shows `url`, fully loaded. The question is asked again until then: while
 * the tab moves from about:blank into the extension's process, a call may land in the document
 * that is going away and fail (puppeteer's waitForFunction gives up on that), so a failed call is
 * simply asked again of the new document.
 */
async function wait_for_document(tab, url) {
  const deadline = Date.now() + 20000;
  for (;;) {
    try {
      if (await tab.evaluate((want) => location.href === want && document.readyState === 'complete', url)) return;
    } catch {
      // the old document went away during the call
    }
    if (Date.now() > deadline) throw new Error(`${url} did not load within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `lang` (say 'de') asks Firefox for that UI language through the intl.locale.requested pref; the
 * language pack must be installed (Debian's firefox-esr-l10n-de), or Firefox stays in English.
 */
export async function launch_firefox({ lang } = {}) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    // Lets WebDriver BiDi open the extension's own moz-extension:// pages (options, popup).
    args: ['--remote-allow-system-access'],
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
      // A fixed internal UUID, so that the test can open the extension's own pages.
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: FIREFOX_UUID }),
      ...(lang ? { 'intl.locale.requested': lang } : {}),
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
  return {
    page, errors, foreign, browser, in_annotations: firefox_in_annotations(page),
    async open_extension_page(path, { behind = false } = {}) {
      const tab = await browser.newPage({ background: behind });
      tab.on('pageerror', (error) => errors.push(`pageerror in ${path}: ${error.message}`));
      // Firefox loads extension pages in their own process, and WebDriver BiDi never reports the
      // navigation as finished: start it, then wait in the page for its document to be ready.
      const url = `moz-extension://${FIREFOX_UUID}/${path}`;
      tab.goto(url).catch(() => {});
      await wait_for_document(tab, url);
      return tab;
    },
    close: () => browser.close(),
  };
}
