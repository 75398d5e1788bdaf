// The web playground in real headless Chromium: type an invitation, see the verdict, the evidence
// marked in the note and a reply; break the policy and see the core's error next to the field;
// draft a connection note from a target and a relation chip.
// Screenshots go to test-output/. Every wait is for a condition on the page, never for time.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { startServer } from '../../web/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const output = `${root}test-output`;

const coreWait = { timeout: 15000 };

const pitch = 'Hi Dana, we offer universities a 30% discount on our backup platform this quarter. ' +
  'Can we book a 15-minute demo next week?';

let server;
let url;
let browser;
let page;
const foreignRequests = [];
const pageErrors = [];

before(async () => {
  await mkdir(output, { recursive: true });
  ({ server, url } = await startServer({ root: `${root}dist/web`, port: 0 }));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  page = await context.newPage();
  page.on('request', (request) => {
    const address = request.url();
    if (!address.startsWith(url) && !address.startsWith('blob:') && !address.startsWith('data:')) {
      foreignRequests.push(address);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector('html[data-vouch="ready"]');
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
});

/** Clears the invitation form and types `invitation` into it, key by key for the note. */
async function typeInvitation({ name, headline = '', mutual = '', note = '' }) {
  await page.fill('#inv-name', name);
  await page.fill('#inv-headline', headline);
  await page.fill('#inv-mutual', String(mutual));
  await page.fill('#inv-message', '');
  await page.locator('#inv-message').pressSequentially(note);
}

describe('web playground', () => {
  test('loads the engine from its own origin, with no errors', async () => {
    assert.equal(await page.getAttribute('#result', 'aria-busy'), 'false');
    assert.ok(await page.isVisible('#result-body'), 'the first sample is classified on load');
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('.wasm')).map((e) => e.name));
    assert.equal(wasm.length, 1, 'the .wasm was fetched once');
    await page.screenshot({ path: `${output}/web_playground_loaded.png`, fullPage: true });
  });

  test('a typed sales pitch is declined, with the evidence marked and a reply', async () => {
    await typeInvitation({ name: 'Jane Doe', headline: 'Account Executive at Acme Cloud', mutual: 3, note: pitch });
    await page.waitForSelector('#result[data-category="sales"][data-verdict="decline"]', coreWait);
    assert.match(await page.textContent('#verdict'), /Decline/);

    const marks = await page.$$eval('#note-view mark', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(marks.length > 0, 'at least one piece of the note is marked');
    for (const text of marks) assert.ok(pitch.includes(text), `"${text}" is text of the note`);
    assert.equal(await page.textContent('#note-view'), pitch, 'marking leaves the note as it was');
    assert.ok((await page.$$('#reasons li')).length >= 1);

    const reply = await page.textContent('#reply .reply-text');
    assert.ok(reply.trim().length > 0, 'a reply is drafted');
    assert.ok(await page.isVisible('#reply button:has-text("Copy")'));
    await page.screenshot({ path: `${output}/web_playground.png`, fullPage: true });
  });

  test('a note with markup stays text', async () => {
    const note = 'Hello <img src=x onerror="document.title=1"> <b>bold</b> & friends';
    await typeInvitation({ name: 'Eve Adams', note });
    await page.waitForFunction((text) => document.querySelector('#note-view')?.textContent === text, note);
    assert.equal(await page.$$eval('#note-view img, #note-view b', (n) => n.length), 0);
    assert.notEqual(await page.title(), '1');
  });

  test('a missing sender name is shown next to the name field', async () => {
    await typeInvitation({ name: '', note: 'Hi there' });
    await page.waitForSelector('#inv-name-error:not([hidden])', coreWait);
    assert.match(await page.textContent('#inv-name-error'), /sender\.name/);
    assert.equal(await page.getAttribute('#inv-name', 'aria-invalid'), 'true');
  });

  test('samples can be picked with the keyboard', async () => {
    await page.focus('#sample-buttons [data-category="scam"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#inv-name').value === 'Sophia King');
    assert.equal(await page.getAttribute('#sample-buttons [data-category="scam"]', 'aria-pressed'), 'true');
  });

  test('a bad work e-mail shows the core error next to the field', async () => {
    await page.fill('#me-work-email', 'dana at lakeside');
    await page.waitForSelector('#me-work-email-error:not([hidden])', coreWait);
    assert.match(await page.textContent('#me-work-email-error'), /work_email/);
    assert.equal(await page.getAttribute('#me-work-email', 'aria-invalid'), 'true');
    assert.ok(await page.isVisible('#result-notice'), 'the result says it uses the last valid policy');
    await page.screenshot({ path: `${output}/web_playground_policy_error.png`, fullPage: true });
    await page.fill('#me-work-email', 'dana.whitfield@lakeside.example.edu');
    await page.waitForSelector('#me-work-email-error', { state: 'hidden' });
  });

  test('importing a file that is not JSON shows an error and keeps the policy', async () => {
    const before = await page.inputValue('#me-name');
    await page.setInputFiles('#policy-import', {
      name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"me": {"name": "Broken"'),
    });
    await page.waitForSelector('#policy-error:not([hidden])');
    assert.match(await page.textContent('#policy-error'), /not valid JSON/);
    assert.equal(await page.inputValue('#me-name'), before);
  });

  test('an imported policy fills the form and survives a reload', async () => {
    const policy = { me: { name: 'Robin Example', companies: ['Initech', 'Globex'], work_email: 'robin@initech.example' }, mode: 'quality' };
    await page.setInputFiles('#policy-import', {
      name: 'robin.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(policy)),
    });
    await page.waitForSelector('#policy-status:not([hidden])');
    assert.equal(await page.inputValue('#me-name'), 'Robin Example');
    assert.equal(await page.inputValue('#me-companies'), 'Initech\nGlobex');
    assert.ok(await page.isChecked('#mode-quality'));

    await page.reload();
    await page.waitForSelector('html[data-vouch="ready"]');
    assert.equal(await page.inputValue('#me-name'), 'Robin Example');
    assert.ok(await page.isChecked('#mode-quality'));
  });

  test('the page asked nothing of any other origin and logged no errors', () => {
    assert.deepStrictEqual(foreignRequests, []);
    assert.deepStrictEqual(pageErrors, []);
  });
});

/** The drafted notes as the panel shows them. */
function shownNotes() {
  return page.$$eval('#note-drafts .note-draft', (items) => items.map((item) => ({
    text: item.querySelector('.note-text').textContent,
    tone: item.dataset.tone ?? null,
    count: item.querySelector('.note-count').textContent,
  })));
}

describe('connection-note panel', () => {
  const target = { name: 'Dr. Priya Raman, PhD', headline: 'Head of Data at Northwind', companies: 'Northwind\nContoso Ltd', schools: 'Imperial College London' };

  test('drafts three notes within the limit, addressed to the first name, naming the shared company', async () => {
    await page.click('#policy-reset'); // the example policy: Dana, who worked at Contoso
    await page.fill('#nt-name', target.name);
    await page.fill('#nt-headline', target.headline);
    await page.fill('#nt-companies', target.companies);
    await page.fill('#nt-schools', target.schools);
    await page.click('#relation-chips label:has(input[value="worked_together"])');
    await page.waitForSelector('#notes[data-relation="worked_together"]', coreWait);
    const notes = await shownNotes();
    assert.ok(notes.length >= 3, `${notes.length} notes`);
    assert.equal(new Set(notes.map((n) => n.text)).size, notes.length, 'the notes are distinct');
    for (const note of notes) {
      assert.ok(note.text.length <= 200, `${note.text.length} characters: ${note.text}`);
      assert.match(note.text, /\bPriya\b/);
      assert.equal(note.count, `${note.text.length} / 200`);
    }
    assert.ok(notes.some((n) => /Contoso/.test(n.text)), 'the company shared with the policy is named');
    assert.match(await page.textContent('#notes-limit'), /200 characters/);
    await page.locator('#notes').screenshot({ path: `${output}/web_notes.png` });
  });

  test('another chip changes the drafts', async () => {
    const before = (await shownNotes()).map((n) => n.text);
    await page.click('#relation-chips label:has(input[value="met_at"])');
    await page.fill('#nt-where', 'EDUCAUSE Annual Conference');
    await page.fill('#nt-when', '2023');
    await page.waitForSelector('#notes[data-relation="met_at"]');
    const after = await shownNotes();
    assert.ok(after.length >= 3);
    assert.notDeepEqual(after.map((n) => n.text), before);
    for (const note of after) {
      assert.match(note.text, /\bPriya\b/);
      assert.match(note.text, /EDUCAUSE/);
      assert.ok(note.text.length <= 200);
    }
  });

  test('chips follow the keyboard; a missing topic is shown next to its field', async () => {
    await page.focus('#relation-chips input:checked');
    await page.keyboard.press('ArrowRight'); // met_at -> their_content, as in any radio group
    await page.waitForSelector('#notes[data-relation="their_content"]');
    assert.ok(await page.isVisible('#nt-topic'));
    assert.equal(await page.isVisible('#nt-where'), false);
    await page.waitForSelector('#nt-topic-error:not([hidden])');
    assert.match(await page.textContent('#nt-topic-error'), /context\.topic/);
    await page.fill('#nt-topic', 'their post on data contracts');
    await page.waitForSelector('#nt-topic-error', { state: 'hidden' });
    assert.ok((await shownNotes()).every((n) => /data contracts/.test(n.text)));
  });

  test('a stranger\'s note says why; the preferred tone comes first; Premium allows 300', async () => {
    await page.click('#relation-chips label:has(input[value="cold"])');
    await page.fill('#nt-companies', 'Northwind');
    await page.fill('#nt-reason', '');
    await page.waitForSelector('#nt-reason-error:not([hidden])');
    const reason = 'I lead the data platform team at Lakeside University and would value comparing notes on data contracts';
    await page.fill('#nt-reason', reason);
    await page.waitForSelector('#nt-reason-error', { state: 'hidden' });
    await page.click('#tone-chips label:has(input[value="formal"])');
    let notes = await shownNotes();
    assert.equal(notes[0].tone, 'formal');
    assert.ok(notes.every((n) => n.text.includes('data platform team')));

    await page.check('#me-premium');
    await page.waitForFunction(() => /300/.test(document.querySelector('#notes-limit').textContent));
    notes = await shownNotes();
    for (const note of notes) {
      assert.ok(note.text.length <= 300);
      assert.equal(note.count, `${note.text.length} / 300`);
    }
    await page.screenshot({ path: `${output}/web_notes_page.png`, fullPage: true });
    await page.uncheck('#me-premium');
  });

  test('a name with markup stays text in the notes', async () => {
    await page.fill('#nt-name', '<img src=x onerror="document.title=2"> Eve');
    await page.waitForFunction(() => document.querySelector('#notes').dataset.count !== undefined);
    assert.equal(await page.$$eval('#note-drafts img', (n) => n.length), 0);
    assert.notEqual(await page.title(), '2');
  });

  test('drafting asked nothing of any other origin and logged no errors', () => {
    assert.deepStrictEqual(foreignRequests, []);
    assert.deepStrictEqual(pageErrors, []);
  });
});
