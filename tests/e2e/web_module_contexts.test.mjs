// The JavaScript API where the extension will use it: a module service worker and a module
// worker, under the extension's CSP (script-src 'self' 'wasm-unsafe-eval', sent by the server).
// A page on 127.0.0.1 is a secure context, so a real service worker can be registered there.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from '../../web/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

// Each context answers one message: {invitation, policy} -> {result} or {error}.
const answer = `
import { loadVouch } from './vouch/index.mjs';
async function respond(data, reply) {
  try {
    const vouch = await loadVouch();
    reply({ result: vouch.classify(data.invitation, data.policy), version: vouch.version(),
            error: (() => { try { vouch.classify(42, {}); return null; } catch (e) { return e.message; } })() });
  } catch (e) {
    reply({ failed: String(e && e.message || e) });
  }
}`;

const files = {
  'index.html': `<!doctype html><meta charset="utf-8"><title>contexts</title>
<script type="module" src="page.mjs"></script>`,
  'page.mjs': `
window.viaServiceWorker = async (data) => {
  await navigator.serviceWorker.register('sw.mjs', { type: 'module' });
  const registration = await navigator.serviceWorker.ready;
  const channel = new MessageChannel();
  const reply = new Promise((resolve) => { channel.port1.onmessage = (e) => resolve(e.data); });
  registration.active.postMessage(data, [channel.port2]);
  return reply;
};
window.viaWorker = (data) => new Promise((resolve) => {
  const worker = new Worker('worker.mjs', { type: 'module' });
  worker.onmessage = (e) => resolve(e.data);
  worker.onerror = (e) => resolve({ failed: e.message });
  worker.postMessage(data);
});
document.documentElement.dataset.ready = 'yes';`,
  'sw.mjs': `${answer}
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => respond(event.data, (m) => event.ports[0].postMessage(m)));`,
  'worker.mjs': `${answer}
self.onmessage = (event) => respond(event.data, (m) => self.postMessage(m));`,
};

const data = {
  invitation: { id: 'ctx-1', sender: { name: 'Jane Doe' }, message: 'Hello there' },
  policy: { mode: 'balanced' },
};

let server;
let url;
let browser;
let page;
let dir;
const violations = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-contexts-'));
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(dir, name), text)));
  await mkdir(join(dir, 'vouch'));
  for (const f of ['index.mjs', 'index.wasm']) await copyFile(`${root}dist/vouch/${f}`, join(dir, 'vouch', f));
  ({ server, url } = await startServer({ root: dir, port: 0 }));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  page.on('console', (m) => { if (/Content.Security.Policy|EvalError|unsafe-eval/i.test(m.text())) violations.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('html[data-ready="yes"]');
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

function checkAnswer(reply) {
  assert.equal(reply.failed, undefined, `the module failed to load or run: ${reply.failed}`);
  assert.equal(reply.result.id, 'ctx-1');
  assert.equal(typeof reply.result.verdict, 'string');
  assert.ok('core' in reply.version);
  assert.equal(typeof reply.error, 'string', 'bad input comes back as an Error');
}

test('the module runs in a module service worker under the extension CSP', async () => {
  checkAnswer(await page.evaluate((d) => window.viaServiceWorker(d), data));
});

test('the module runs in a module worker under the extension CSP', async () => {
  checkAnswer(await page.evaluate((d) => window.viaWorker(d), data));
});

test('no CSP violation was reported', () => {
  assert.deepStrictEqual(violations, []);
});
