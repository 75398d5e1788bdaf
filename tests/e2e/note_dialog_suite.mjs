// The "Add a note" helper's end-to-end suite, run once per browser by note_dialog_chromium.test.mjs
// and note_dialog_firefox.test.mjs with the launchers of extension_browsers.mjs. The fixture
// profile page (tests/fixtures/linkedin/profile.html, strict CSP) opens LinkedIn's invitation
// dialog in the shadow root of #interop-outlet (or, with ?dialog=document, in the document); the
// helper must appear next to its note field, draft with the core in the background, and put the
// chosen note in the field so that the fixture's counter and Send button react. Nothing is sent.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { loadVouch } from '../../dist/vouch/index.mjs';
import * as in_page from './extension_page.mjs';

const PROFILE = 'https://www.linkedin.com/in/priya-raman-7731/';
const OUT = new URL('../../test-output/', import.meta.url);
const POLICY = {
  me: { name: 'Dana Whitfield', first_name: 'Dana', companies: ['Contoso', 'Lakeside University'], schools: ['Univ. of Leeds'] },
  mode: 'balanced',
};
const SETTINGS = { vouch_settings: { version: 2, policy: POLICY, options: { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 } } };

// ---- functions that run in the fixture page (self-contained, passed to page.evaluate) ----

/**
 * What the helper and the dialog show now (run through env.in_annotations: the helper's root is
 * closed, and root_of opens it as the browser's remote protocol does).
 */
function helper_snapshot(_arg, root_of) {
  const roots = [document, document.querySelector('#interop-outlet')?.shadowRoot].filter(Boolean);
  const find = (selector) => roots.map((r) => r.querySelector(selector)).find(Boolean) || null;
  const hosts = roots.flatMap((r) => [...r.querySelectorAll('vouch-note-helper')]);
  const host = hosts[0];
  const root = host && root_of(host);
  const box = root && root.querySelector('.box');
  const field = find('#custom-message');
  const send = find('button[aria-label="Send invitation"]');
  return {
    helpers: hosts.length,
    page_can_open: !!(host && host.shadowRoot),
    host_attributes: host ? host.getAttributeNames().filter((a) => a !== 'data-theme') : [],
    in_outlet: !!(host && host.getRootNode() !== document),
    next_to_field: !!(host && field && host.previousElementSibling && host.previousElementSibling.contains(field)),
    state: box ? box.dataset.state || null : null,
    relation: box ? box.dataset.relation || null : null,
    chips: root ? [...root.querySelectorAll('.chip')].map((c) => ({ label: c.textContent, checked: c.querySelector('input').checked, relation: c.querySelector('input').dataset.relation })) : [],
    notes: root ? [...root.querySelectorAll('.draft .text')].map((n) => n.textContent) : [],
    counts: root ? [...root.querySelectorAll('.draft .count')].map((n) => n.textContent) : [],
    message: root ? root.querySelector('.hint').textContent : '',
    markup: root ? root.querySelectorAll('script, img, iframe, a, object').length : 0,
    field_value: field ? field.value : null,
    counter: find('#custom-message-counter')?.textContent ?? null,
    send_enabled: send ? !send.disabled : null,
  };
}

/**
 * Resolves with the helper's snapshot once it matches `want` ({state, relation, includes: text
 * every note contains}); gives up after 20 s.
 */
async function wait_for_helper(env, want) {
  const LIMIT_MS = 20000;
  const matches = (s) => s.helpers > 0 && (!want.state || s.state === want.state) && (!want.relation || s.relation === want.relation) &&
    (!want.includes || (s.notes.length > 0 && s.notes.every((n) => n.includes(want.includes))));
  const until = Date.now() + LIMIT_MS;
  let s = null;
  for (;;) {
    s = await env.in_annotations(helper_snapshot, null);
    if (matches(s)) return s;
    if (Date.now() > until) throw new Error(`helper not ${JSON.stringify(want)} after ${LIMIT_MS} ms: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Centre of a control, scrolled into view: in the page or its dialog outlet ('page'), or in the helper ('helper'). */
function point_of([where, selector], root_of) {
  const roots = [document, document.querySelector('#interop-outlet')?.shadowRoot].filter(Boolean);
  const helper = where === 'helper' ? roots.map((r) => r.querySelector('vouch-note-helper')).find(Boolean) : null;
  const scope = helper ? root_of(helper) : null;
  const el = scope ? scope.querySelector(selector) : roots.map((r) => r.querySelector(selector)).find(Boolean);
  if (!el) throw new Error(`no ${selector} in the ${where}`);
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

// ---- the suite ----

/** Puts POLICY into the extension's storage.sync, through its worker or one of its own pages. */
async function store_policy(env) {
  if (env.worker) {
    await env.worker.evaluate((s) => chrome.storage.sync.set(s), SETTINGS);
    return;
  }
  if (!env.open_extension_page) throw new Error(`no way to store a policy in ${env.name || 'this browser'}`);
  const tab = await env.open_extension_page('ui/options.html');
  await tab.evaluate((s) => (globalThis.browser || globalThis.chrome).storage.sync.set(s), SETTINGS);
  await tab.close();
}

export function define_note_suite(browser, launch) {
  describe(`the "Add a note" helper in ${browser}`, () => {
    let vouch;
    let env;
    let first_notes = [];
    const page = () => env.page;
    const click = async (where, selector) => {
      const p = await env.in_annotations(point_of, [where, selector]);
      await page().mouse.click(p.x, p.y);
    };
    const core_notes = (target, context) =>
      vouch.draftNote({ id: 'expected', target: { name: 'Priya Raman', ...target }, context, limit: 200 }, POLICY).notes;

    async function open_note_dialog(query = '') {
      await page().goto(`${PROFILE}${query}`);
      await click('page', '#connect');
      await click('page', 'button[aria-label="Add a note"]');
    }

    before(async () => {
      mkdirSync(OUT, { recursive: true });
      vouch = await loadVouch();
      env = await launch();
      await store_policy(env);
    });
    after(async () => {
      if (env) await env.close();
    });

    it('appears next to the note field in the dialog\'s shadow root, the shared company chosen and drafted', async () => {
      await open_note_dialog();
      const s = await wait_for_helper(env, { state: 'drafted' });
      assert.equal(s.helpers, 1, 'one helper');
      assert.equal(s.page_can_open, false, 'its shadow root is closed to the page');
      assert.deepEqual(s.host_attributes, [], 'the host in the page carries no state, relation or count');
      assert.ok(s.in_outlet, 'inside the dialog outlet\'s shadow root');
      assert.ok(s.next_to_field, 'right after LinkedIn\'s note field');
      assert.deepEqual(s.chips.filter((c) => /at /.test(c.label)).map((c) => [c.label, c.relation]), [
        ['Worked together at Contoso Ltd', 'worked_together'],
        ['Studied together at University of Leeds', 'studied_together'],
      ], 'Contoso Ltd matches the policy\'s Contoso, University of Leeds its Univ. of Leeds; nothing else is shared');
      assert.equal(s.chips.find((c) => c.checked).label, 'Worked together at Contoso Ltd', 'the shared company is pre-selected');
      assert.deepEqual(s.notes, core_notes({ companies: ['Contoso Ltd'] }, { relation: 'worked_together' }), 'the core\'s notes');
      assert.ok(s.notes.length >= 3);
      for (const [i, note] of s.notes.entries()) {
        assert.ok(note.length <= 200, note);
        assert.match(note, /\bPriya\b/);
        assert.equal(s.counts[i], `${note.length} / 200 characters`);
      }
      first_notes = s.notes;
      await page().screenshot({ path: new URL(`note-dialog-${browser}.png`, OUT).pathname });
    });

    it('a chip changes the draft: "met at…" asks where, then drafts with it', async () => {
      await click('helper', '.chip:has(input[data-relation="met_at"])');
      let s = await wait_for_helper(env, { state: 'prompt', relation: 'met_at' });
      assert.equal(s.notes.length, 0, 'no draft before saying where');
      await click('helper', 'input[type="text"]');
      await page().keyboard.type('EDUCAUSE 2023');
      s = await wait_for_helper(env, { state: 'drafted', relation: 'met_at', includes: 'EDUCAUSE 2023' });
      assert.ok(s.notes.length >= 3);
      assert.notDeepEqual(s.notes, first_notes);
      assert.deepEqual(s.notes, core_notes({}, { relation: 'met_at', where: 'EDUCAUSE 2023' }), 'the core\'s notes');
      for (const note of s.notes) {
        assert.ok(note.length <= 200);
        assert.match(note, /\bPriya\b/);
      }
    });

    it('puts the chosen note into LinkedIn\'s field: its counter counts it and Send is enabled; nothing is sent', async () => {
      const before_insert = await wait_for_helper(env, { state: 'drafted' });
      const chosen = before_insert.notes[1];
      await click('helper', '.draft:nth-child(2)');
      await click('helper', 'button.use');
      const typed = await page().evaluate(in_page.wait_for_fixture_event, ['note', 'profile']);
      assert.equal(typed.text, chosen, 'the second draft, as picked');
      assert.equal(typed.counter, `${chosen.length}/200`, 'LinkedIn\'s counter reacted');
      assert.equal(typed.enabled, true, 'LinkedIn\'s Send button is enabled');
      const s = await wait_for_helper(env, {});
      assert.equal(s.field_value, chosen);
      assert.equal(s.send_enabled, true);
      assert.equal(s.markup, 0, 'text only in the helper');
      const events = await page().evaluate(() => window.__fixture.events);
      assert.ok(!events.some((e) => e.type === 'send'), 'sending stays the user\'s press');
      await page().screenshot({ path: new URL(`note-dialog-${browser}-inserted.png`, OUT).pathname });
    });

    it('also works where the dialog is in the document (older pages)', async () => {
      await open_note_dialog('?dialog=document');
      const s = await wait_for_helper(env, { state: 'drafted' });
      assert.equal(s.helpers, 1);
      assert.equal(s.in_outlet, false);
      assert.ok(s.next_to_field);
      await click('helper', '.chip:has(input[data-relation="cold"])');
      await click('helper', 'input[type="text"]');
      await page().keyboard.type('I lead data at Lakeside and would value your view on data contracts');
      const drafted = await wait_for_helper(env, { state: 'drafted', relation: 'cold', includes: 'data contracts' });
      await click('helper', 'button.use');
      const typed = await page().evaluate(in_page.wait_for_fixture_event, ['note', 'profile']);
      assert.equal(typed.text, drafted.notes[0]);
      assert.equal(typed.enabled, true);
    });

    it('leaves no extension address in the page, sends no request elsewhere, raises no page error', async () => {
      assert.equal(await env.in_annotations(in_page.extension_addresses_in_page), false);
      assert.deepEqual(env.foreign, []);
      assert.deepEqual(env.errors, []);
    });
  });
}
