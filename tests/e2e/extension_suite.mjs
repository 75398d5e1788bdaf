// The extension's end-to-end suite, run once per browser by extension_chromium.test.mjs and
// extension_firefox.test.mjs. `launch()` gives {page, errors, foreign, close}: a page of a browser
// with the built extension loaded, whose https://www.linkedin.com/ requests are answered by
// tests/fixtures/linkedin/server.mjs with a strict CSP, `errors` the page errors and CSP
// violations seen, `foreign` every request to any other host (answered with an error).
// playwright's and puppeteer's Page share what is used here: goto, reload, evaluate(fn, arg),
// mouse.click, keyboard.press, screenshot.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { loadVouch } from '../../dist/vouch/index.mjs';
import { fixture_data } from '../fixtures/linkedin/server.mjs';
import * as base_page from './extension_page.mjs';
import * as flow_page from './flow_page.mjs';
import { open_options as open_options_of } from './extension_browsers.mjs';
import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages
import '../../extension/shared/settings.js'; // and globalThis.VouchSettings
import '../../extension/shared/corrections.js'; // and globalThis.VouchCorrections

const in_page = { ...base_page, ...flow_page }; // page functions: extension_page.mjs and flow_page.mjs

const { CS_TO_BG, UI_TO_BG, CATEGORIES } = globalThis.VouchMessages;
const { CORRECTIONS_KEY, HISTORY_KEY } = globalThis.VouchSettings;
const Corrections = globalThis.VouchCorrections;

const BASE = 'https://www.linkedin.com';
const OUT = new URL('../../test-output/', import.meta.url);
const POLICY = {}; // the extension's settings are empty: the core's defaults

/** The contract's invitation for a fixture record (what the extension should read off the card). */
function invitation_of(record, prior = 0) {
  const { id, sender, message } = record;
  return { id, sender, message, prior_invitations: prior };
}

export function define_suite(browser, launch) {
  describe(`the extension in ${browser}`, () => {
    let vouch;
    let env;
    const page = () => env.page;
    /** Runs an in-page function that looks inside the annotations' closed roots (see extension_page.mjs). */
    const shadow = (fn, arg) => env.in_annotations(fn, arg);
    const expected = (record, prior, policy = POLICY) => vouch.classify(invitation_of(record, prior), policy);
    const by_id = Object.fromEntries(fixture_data.invitations.map((r) => [r.id, r]));
    const total = fixture_data.invitations.length;
    const unread = 1; // the fixture's card of an unknown shape, which gets the neutral "not read" badge
    const ignored = {}; // fixture id -> how many times the suite has ignored that sender

    async function open(path, count) {
      await page().goto(`${BASE}${path}`);
      return page().evaluate(in_page.wait_for_annotations, count);
    }
    /** The toast's text once it says `part` (its root is closed: asked again for a newer toast). */
    async function toast_says(part) {
      for (;;) {
        const answer = await shadow(in_page.wait_for_toast, part);
        if (!answer.retry) return answer.text;
      }
    }
    async function click(fixture_id, selector) {
      const p = await shadow(in_page.point_of, [fixture_id, selector]);
      await page().mouse.click(p.x, p.y);
    }
    const open_options = () => open_options_of(env);
    function assert_cards_match_core(cards, priors = {}, policy = POLICY) {
      for (const card of cards.filter((c) => c.id in by_id)) {
        const want = expected(by_id[card.id], priors[card.id] || 0, policy);
        assert.equal(card.annotations, 1, `${card.id}: exactly one annotation`);
        assert.equal(card.verdict, want.verdict, `${card.id}: verdict`);
        assert.equal(card.category, want.category, `${card.id}: category`);
        assert.equal(card.reasons, want.reasons.length, `${card.id}: every reason listed`);
        const spans = want.reasons.filter((r) => Array.isArray(r.span)).length;
        assert.equal(card.highlights, spans, `${card.id}: every evidence span highlighted`);
        assert.equal(card.highlights_closed, 0, `${card.id}: nothing painted while its panel is closed`);
        assert.equal(card.has_decline_button, ['ask', 'decline'].includes(want.verdict) && !!want.reply, `${card.id}: one-click decline offered`);
      }
    }

    before(async () => {
      mkdirSync(OUT, { recursive: true });
      vouch = await loadVouch();
      env = await launch();
    });
    after(async () => {
      if (env) await env.close();
    });

    it('annotates every card of a generation-B invitation manager once, with the core\'s verdict', async () => {
      await open('/mynetwork/invitation-manager/?gen=b', total);
      const cards = await shadow(in_page.read_cards);
      assert.equal(cards.filter((c) => c.id in by_id).length, total);
      assert_cards_match_core(cards);
      await page().screenshot({ path: new URL(`extension-${browser}-annotated.png`, OUT).pathname, fullPage: true });
    });

    it('highlights the evidence in LinkedIn\'s own note text while the panel is open, without changing its nodes', async () => {
      const with_notes = fixture_data.invitations.filter((r) => r.message);
      const messages = Object.fromEntries(with_notes.map((r) => [r.id, r.message]));
      const closed = await page().evaluate(in_page.evidence_state, messages);
      assert.ok(!closed.ranges || closed.ranges.length === 0, `with every panel closed the page's highlight registry holds nothing (${closed.ranges})`);
      const ids = with_notes.map((r) => r.id);
      assert.ok(await shadow(in_page.set_panels, [ids, true]) > 0, 'panels opened');
      const state = await page().evaluate(in_page.evidence_state, messages);
      await shadow(in_page.set_panels, [ids, false]);
      const after_close = await page().evaluate(in_page.evidence_state, messages);
      assert.ok(!after_close.ranges || after_close.ranges.length === 0, 'closing the panels takes the evidence out of the page again');
      const spans = with_notes.flatMap((r) => expected(r).reasons.filter((x) => Array.isArray(x.span)).map((x) => r.message.slice(x.span[0], x.span[1])));
      assert.ok(spans.length > 0, 'the fixture has evidence to paint');
      assert.ok(state.ranges, 'the page has a CSS Custom Highlight named vouch-evidence');
      const normalize = (t) => t.replace(/\s+/g, ' ');
      assert.deepEqual([...state.ranges].map(normalize).sort(), spans.map(normalize).sort(), 'each range covers exactly one piece of evidence');
      for (const [id, intact] of Object.entries(state.notes)) assert.ok(intact, `${id}: the note is still one text node with its text`);
    });

    it('gives a card of an unknown shape only the neutral "not read" badge, no verdict', async () => {
      const cards = await shadow(in_page.read_cards);
      const unknown = cards.find((c) => c.id === 'unknown');
      assert.ok(unknown, 'the fixture has an unknown card');
      assert.deepEqual({ annotations: unknown.annotations, verdict: unknown.verdict, reasons: unknown.reasons, decline: unknown.has_decline_button },
        { annotations: 1, verdict: 'unread', reasons: 0, decline: false });
    });

    it('keeps the judgement out of the page\'s reach: a closed root, and nothing on the host but its theme', async () => {
      const seen = await page().evaluate(in_page.annotations_as_the_page_sees_them);
      assert.ok(seen.length >= total);
      for (const host of seen) assert.deepEqual(host, { shadow_root: null, attributes: ['data-theme'], class_name: '', light_text: '', children: 0 });
    });

    it('opens the panel from the badge with the mouse and closes it with Escape', async () => {
      await click('f-sales', '.badge');
      const opened = await shadow(in_page.badge_state, 'f-sales'); // once the panel is filled
      assert.deepEqual({ expanded: opened.expanded, hidden: opened.panel_hidden }, { expanded: 'true', hidden: false });
      await page().screenshot({ path: new URL(`extension-${browser}-panel.png`, OUT).pathname });
      await page().keyboard.press('Escape');
      const closed = await shadow(in_page.panel_hidden, 'f-sales');
      assert.equal(closed, true);
    });

    it('is keyboard accessible: the badge is a labelled button, Enter opens the panel, Escape closes it and returns focus', async () => {
      await shadow(in_page.focus_badge, 'f-recruiter');
      await page().keyboard.press('Enter');
      const opened = await shadow(in_page.badge_state, 'f-recruiter');
      assert.equal(opened.tag, 'BUTTON');
      assert.match(opened.label, /^Vouch suggests: \w+ \(.+, confidence \d+%\)/);
      assert.deepEqual({ expanded: opened.expanded, controls: opened.controls_panel, role: opened.panel_role, hidden: opened.panel_hidden },
        { expanded: 'true', controls: true, role: 'region', hidden: false });
      assert.ok(opened.panel_label, 'the panel is labelled');
      await page().keyboard.press('Tab'); // into the panel (the decline button or the reply box)
      await page().keyboard.press('Escape');
      const closed = await shadow(in_page.badge_state, 'f-recruiter');
      assert.deepEqual({ expanded: closed.expanded, hidden: closed.panel_hidden, focus: closed.focus_on_badge }, { expanded: 'false', hidden: true, focus: true });
    });

    it('keeps a note full of HTML and script payloads inert text', async () => {
      const effects = await page().evaluate(in_page.payload_effects);
      assert.deepEqual(effects, { pwned: null, stray_images: 0, stray_scripts: 0 });
      const card = (await shadow(in_page.read_cards)).find((c) => c.id === 'f-payload');
      assert.equal(card.annotations, 1);
      assert.equal(card.markup_in_shadow, 0);
    });

    it('annotates a card added after load (as scrolling adds them), once', async () => {
      await page().evaluate((late) => window.__fixture.addCards([late]), fixture_data.late);
      await page().evaluate(in_page.wait_for_annotations, total + unread + 1);
      const cards = await shadow(in_page.read_cards);
      const late = cards.find((c) => c.id === fixture_data.late.id);
      const want = expected(fixture_data.late);
      assert.equal(late.annotations, 1);
      assert.equal(late.verdict, want.verdict);
      assert.ok(cards.every((c) => c.annotations <= 1), 'no card annotated twice');
      assert.deepEqual(await page().evaluate(in_page.hidden_cards), [], 'every card is shown once annotated');
    });

    it('renders a card added later only with its annotation', async () => {
      const record = { ...fixture_data.late, id: 'f-late-held', sender: { ...fixture_data.late.sender, profile_url: 'https://www.linkedin.com/in/late-held/' } };
      const first_frame = await page().evaluate(in_page.add_card_first_frame, record);
      assert.ok(first_frame.annotated || !first_frame.rendered, `in the first frame after it was added: ${JSON.stringify(first_frame)}`);
      await page().evaluate(in_page.wait_for_annotations, total + unread + 2);
      assert.deepEqual(await page().evaluate(in_page.hidden_cards), []);
    });

    if (browser === 'chromium') {
      it('holds a new card back while the answer is awaited, and shows it after the hold at most when the background is slow', async () => {
        const record = { ...fixture_data.late, id: 'f-late-slow', sender: { ...fixture_data.late.sender, profile_url: 'https://www.linkedin.com/in/late-slow/' } };
        // Keep the background busy for 1.5 s, so that the card's answer comes well after the hold.
        const busy = env.worker.evaluate(() => {
          const until = performance.now() + 1500;
          while (performance.now() < until);
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
        const seen = await page().evaluate(in_page.add_card_and_watch, record);
        await busy;
        assert.deepEqual(seen.first_frame, { rendered: false, annotated: false }, 'held back in the first frame, while the answer is awaited');
        assert.ok(seen.shown < seen.annotated, `shown (${seen.shown} ms) before its annotation (${seen.annotated} ms)`);
        assert.ok(seen.shown < 1000, `shown after ${seen.shown} ms, not held until the answer`);
        assert.deepEqual(await page().evaluate(in_page.hidden_cards), []);
      });
    }

    it('reads generation-A cards, expanding truncated notes before judging', async () => {
      await open('/mynetwork/invitation-manager/?gen=a', total);
      const cards = await shadow(in_page.read_cards);
      assert_cards_match_core(cards);
      for (const c of cards.filter((x) => x.id in by_id && by_id[x.id].message)) {
        assert.equal(c.note_text.trim(), by_id[c.id].message, `${c.id}: the full note was read`);
      }
    });

    it('follows SPA navigation from My Network to the invitation manager', async () => {
      await open('/mynetwork/?gen=b', 3);
      let cards = await shadow(in_page.read_cards);
      assert.equal(cards.length, 3, 'the block on My Network shows three invitations');
      assert_cards_match_core(cards);
      const pymk = await page().evaluate(() => document.querySelectorAll('.pymk vouch-annotation').length);
      assert.equal(pymk, 0, '"people you may know" cards are not invitations');
      await page().evaluate(() => document.querySelector('a[href="/mynetwork/invitation-manager/"][data-nav]').click());
      await page().evaluate(in_page.wait_for_annotations, total);
      cards = await shadow(in_page.read_cards);
      assert_cards_match_core(cards);
    });

    it('declines in one click: reply in LinkedIn\'s composer, Ignore only after the user sends it and the undo delay; undo holds it', async () => {
      await open('/mynetwork/invitation-manager/?gen=b', total);
      // No panel is opened first: the decline asks the background for the whole result itself.
      const offered = await shadow(in_page.decline_offered);
      // The core picks one of its wordings by the invitation's id, which the page gives its own.
      const sales_wordings = ((r) => [r.reply, ...r.reply_variants].map((w) => w.trim()))(expected(by_id['f-sales']));
      const kept = { id: ['f-payload', ...Object.keys(offered)].find((id) => id !== 'f-sales' && offered[id] && by_id[id] && by_id[id].reply
        && expected(by_id[id]).verdict === 'decline') };
      assert.ok(offered['f-sales'], 'the sales pitch offers the one-click decline');
      assert.ok(kept.id, 'a second card to undo on');
      assert.equal(await shadow(in_page.panels_built), 0, 'no panel was built before the declines');
      const press_in_composer = async (what) => {
        const p = await page().evaluate(in_page.composer_point, what);
        await page().mouse.click(p.x, p.y);
      };

      // Undo first: decline, send (the user's press), then take it back from the toast.
      await click(kept.id, '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', kept.id]);
      await press_in_composer('send');
      await page().evaluate(in_page.wait_for_fixture_event, ['send', kept.id]);
      await toast_says('Undo');
      await click('toast', '.action');
      await toast_says('Kept the invitation');

      // Then the real thing.
      await click('f-sales', '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', 'f-sales']);
      await press_in_composer('send');
      await page().evaluate(in_page.wait_for_fixture_event, ['ignore', 'f-sales']);
      ignored['f-sales'] = 1;
      const events = await page().evaluate(() => window.__fixture.events);
      // The composer's state after the last input event the reply caused (one per typed step).
      const composed = events.filter((e) => e.type === 'composer' && e.id === 'f-sales').pop();
      assert.ok(sales_wordings.includes(composed.text), `one of the core's drafted replies, line breaks included: ${JSON.stringify(composed.text)}`);
      assert.equal(composed.paragraphs, composed.text.split('\n').length, 'one paragraph per line');
      assert.equal(composed.enabled, true, 'LinkedIn\'s Send button became enabled');
      const at = (type) => events.findIndex((e) => e.type === type && e.id === 'f-sales');
      assert.ok(at('composer') < at('send') && at('send') < at('ignore'), 'the reply is placed, then sent, then the invitation ignored');
      assert.ok(!events.some((e) => e.type === 'ignore' && e.id === kept.id), 'the undone ignore never happened');
      const still_there = await page().evaluate((id) => !!document.querySelector(`[data-fixture-id="${id}"]`), kept.id);
      assert.ok(still_there);
    });

    it('asks with no reply path: copies the question, says so, and keeps the invitation', async () => {
      // f-nonote has no note, so LinkedIn offers no reply; the core asks such a generic invitation.
      assert.equal(by_id['f-nonote'].reply, false, 'the fixture card has no reply control');
      const nonote = (await shadow(in_page.read_cards)).find((c) => c.id === 'f-nonote');
      assert.ok(nonote.has_decline_button, `the core's verdict ${nonote.verdict} offers the one-click action`);
      await click('f-nonote', '.act');
      const said = await toast_says('no reply box');
      assert.match(said, /no reply box/);
      assert.match(said, /stays pending/);
      const asked = await shadow(in_page.wait_for_card_text, ['f-nonote', '.asked', 'Asked today']);
      assert.deepEqual(asked.buttons, [], 'no "Ignore now" before the wait is over');
      const events = await page().evaluate(() => window.__fixture.events);
      assert.ok(!events.some((e) => e.type === 'ignore' && e.id === 'f-nonote'), 'an Ask never ignores');
    });

    it('remembers ignored senders: their next invitation carries prior_invitations', async () => {
      await open('/mynetwork/invitation-manager/?gen=b', total);
      assert.ok(ignored['f-sales'], 'the suite ignored at least one sender');
      assert_cards_match_core(await shadow(in_page.read_cards), ignored);
    });

    it('the core judges the fixture\'s blatant sales pitch with a demo request as decline', () => {
      assert.equal(expected(by_id['f-sales']).verdict, 'decline');
    });

    it('follows the page\'s dark theme', async () => {
      await open('/mynetwork/invitation-manager/?gen=b&theme=dark', total);
      const dark = await shadow(in_page.themes);
      assert.ok(dark.length >= total && dark.every((t) => t.theme === 'dark'), 'every annotation is dark on a dark page');
      await click('f-sales', '.badge');
      await shadow(in_page.badge_state, 'f-sales'); // once the panel is filled
      await page().screenshot({ path: new URL(`extension-${browser}-dark-panel.png`, OUT).pathname });
      await open('/mynetwork/invitation-manager/?gen=b', total);
      const light = await shadow(in_page.themes);
      assert.ok(light.every((t) => t.theme === 'light'), 'and light on a light page');
      assert.notEqual(dark[0].panel_background, light[0].panel_background);
    });

    it('popup: counts this tab\'s invitations per verdict, and its switch pauses and resumes Vouch; the toolbar badge counts those waiting', async () => {
      const cards = await shadow(in_page.read_cards);
      const want = { accept: 0, ask: 0, decline: 0, ignore: 0 };
      for (const c of cards) if (c.verdict in want) want[c.verdict]++;
      const waiting = String(Object.values(want).reduce((a, b) => a + b, 0));
      const popup = await env.open_extension_page('ui/popup.html', { behind: true });
      try {
        await popup.evaluate(in_page.wait_for_element, ['#counts']);
        assert.deepEqual(await popup.evaluate(in_page.popup_counts), want);
        assert.equal(await popup.evaluate(in_page.linkedin_badge, waiting), waiting, 'the badge: every judged invitation waits');
        await popup.evaluate(() => document.getElementById('paused').click());
        await page().evaluate(in_page.wait_for_no_annotations);
        assert.equal(await popup.evaluate(in_page.linkedin_badge, ''), '', 'no count while paused');
        await popup.evaluate(() => document.getElementById('paused').click());
        await page().evaluate(in_page.wait_for_annotations, total);
        assert.equal(await popup.evaluate(in_page.linkedin_badge, waiting), waiting, 'the count is back on resume');
        assert_cards_match_core(await shadow(in_page.read_cards), ignored);
      } finally {
        await popup.close();
      }
    });

    it('options: the core validates the policy and its error shows next to the field; a valid one is saved to storage.sync', async () => {
      const options = await open_options();
      try {
        await options.evaluate(in_page.fill_options_and_save, { 'f-name': 'Dana Whitfield', 'f-email': 'dana at example.edu' });
        await options.evaluate(in_page.wait_for_element, ['#status', 'Not saved']);
        const bad = await options.evaluate(in_page.field_error, 'f-email');
        assert.match(bad.error, /^policy\.me\.work_email: /);
        assert.equal(bad.invalid, 'true');
        assert.equal((await options.evaluate(in_page.field_error, 'f-name')).error, '', 'no error beside the other fields');
        assert.equal(await options.evaluate(in_page.stored_settings), null, 'nothing is saved');

        await options.evaluate(in_page.fill_options_and_save, { 'f-email': 'dana@example.edu', 'f-companies': 'Contoso\nNorthwind' });
        await options.evaluate(in_page.wait_for_element, ['#status', 'Saved']);
        assert.equal((await options.evaluate(in_page.field_error, 'f-email')).invalid, null);
        assert.deepEqual(await options.evaluate(in_page.stored_settings), {
          version: 2,
          policy: { me: { name: 'Dana Whitfield', work_email: 'dana@example.edu', companies: ['Contoso', 'Northwind'] }, mode: 'balanced' },
          options: { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 },
        });
      } finally {
        await options.close();
      }
    });

    it('options: export gives the stored settings as JSON; import lifts an older settings file to the current version', async () => {
      const options = await open_options();
      try {
        const stored = await options.evaluate(in_page.stored_settings);
        const history = await options.evaluate(in_page.stored_local, HISTORY_KEY);
        assert.ok(Object.keys(history).length > 0, 'the suite ignored senders before');
        assert.deepEqual(JSON.parse(await options.evaluate(in_page.export_settings)), { ...stored, corrections: [], history });

        // Version 1 kept the policy's fields at the top level beside Vouch's own options.
        const v1 = { me: { name: 'Dana Whitfield', schools: ['University of Michigan'] }, mode: 'quality', send_for_me: false, undo_seconds: 3 };
        await options.evaluate(in_page.import_settings, JSON.stringify(v1));
        await options.evaluate(in_page.wait_for_element, ['#import-status', 'Imported']);
        assert.deepEqual(await options.evaluate(in_page.stored_settings), {
          version: 2, policy: { me: v1.me, mode: 'quality' }, options: { send_for_me: false, undo_seconds: 3, reply_wait_days: 14 },
        });
        assert.deepEqual(await options.evaluate(in_page.form_values, ['f-name', 'f-schools', 'f-mode', 'o-undo']),
          { 'f-name': 'Dana Whitfield', 'f-schools': 'University of Michigan', 'f-mode': 'quality', 'o-undo': '3' });

        // A file whose policy the core rejects is shown with its error, next to the import
        // control, and not saved; the form still shows the stored settings.
        await options.evaluate(in_page.import_settings, JSON.stringify({ version: 2, policy: { mode: 'sometimes' }, options: {} }));
        const said = await options.evaluate(in_page.wait_for_element, ['#import-status', 'Not imported']);
        assert.match(said, /policy\.mode: /);
        assert.equal((await options.evaluate(in_page.stored_settings)).policy.mode, 'quality');
        assert.equal((await options.evaluate(in_page.form_values, ['f-mode']))['f-mode'], 'quality');
        assert.deepEqual(await options.evaluate(in_page.stored_local, HISTORY_KEY), history, 'the history is kept');
      } finally {
        await options.close();
      }
    });

    it('"send for me": with the option on, the one-click decline also presses LinkedIn\'s Send', async () => {
      const options = await open_options();
      try {
        await options.evaluate(in_page.fill_options_and_save, { 'f-mode': 'balanced', 'o-send': true, 'o-undo': '1' });
        await options.evaluate(in_page.wait_for_element, ['#status', 'Saved']);
        assert.deepEqual((await options.evaluate(in_page.stored_settings)).options, { send_for_me: true, undo_seconds: 1, reply_wait_days: 14 });
      } finally {
        await options.close();
      }
      await open('/mynetwork/invitation-manager/?gen=b', total);
      const sales = (await shadow(in_page.read_cards)).find((c) => c.id === 'f-sales');
      assert.ok(sales.has_decline_button);
      await click('f-sales', '.act');
      const sent = await page().evaluate(in_page.wait_for_fixture_event, ['send', 'f-sales']);
      assert.equal(sent.text, sales.reply.trim());
      await page().evaluate(in_page.wait_for_fixture_event, ['ignore', 'f-sales']);
      ignored['f-sales'] += 1;
    });

    it('the background answers only the senders a message type is meant for', async () => {
      const options = await open_options();
      try {
        // A content-script message from an extension page (not a LinkedIn tab) gets no answer.
        const classify = await options.evaluate(in_page.message_background, { type: CS_TO_BG.CLASSIFY, invitations: [invitation_of(by_id['f-sales'])] });
        assert.ok(!(classify.answer && classify.answer.results), `refused: ${JSON.stringify(classify)}`);
        const explain = await options.evaluate(in_page.message_background, { type: CS_TO_BG.EXPLAIN, invitation: invitation_of(by_id['f-sales']) });
        assert.ok(!(explain.answer && (explain.answer.result || explain.answer.error)), `refused: ${JSON.stringify(explain)}`);
        const correct = await options.evaluate(in_page.message_background, { type: CS_TO_BG.CORRECT, invitation: invitation_of(by_id['f-sales']), category: 'known' });
        assert.ok(!(correct.answer && (correct.answer.result || correct.answer.error)), `refused: ${JSON.stringify(correct)}`);
        assert.equal(await options.evaluate(in_page.stored_local, CORRECTIONS_KEY), null, 'and nothing was stored');
        const unknown = await options.evaluate(in_page.message_background, { type: 'cs-to-bg:no-such-message' });
        assert.ok(!(unknown.answer && Object.keys(unknown.answer).length), `no answer to an unknown type: ${JSON.stringify(unknown)}`);
        // The page's own message is answered, by the core.
        const validated = await options.evaluate(in_page.message_background, { type: UI_TO_BG.VALIDATE_POLICY, policy: { mode: 'open' } });
        assert.equal(validated.answer.policy.mode, 'open');

        // Leave the settings as the suite found them: the core's defaults.
        await options.evaluate(() => document.getElementById('reset').click());
        await options.evaluate(in_page.wait_for_element, ['#status', 'Saved']);
        assert.deepEqual(await options.evaluate(in_page.stored_settings), { version: 2, policy: {}, options: { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 } });
      } finally {
        await options.close();
      }
    });

    it('"Not right?": a card marked as another category gets the corrected verdict, which survives a reload, shows in the options, and goes when removed there', async () => {
      const id = 'f-recruiter';
      const record = by_id[id];
      const prior = ignored[id] || 0;
      const before = expected(record, prior);
      assert.notEqual(before.category, 'known', 'the fixture card is not read as known to begin with');
      await open('/mynetwork/invitation-manager/?gen=b', total);

      // One click opens the categories, a second chooses one.
      await click(id, '.badge');
      const opened = await shadow(in_page.card_state, [id, { panel: 'filled' }]);
      assert.deepEqual({ category: opened.category, toggle: opened.picker.toggle, expanded: opened.picker.expanded },
        { category: before.category, toggle: 'Not right?', expanded: 'false' });
      await click(id, '.not-right');
      const picking = await shadow(in_page.card_state, [id]);
      assert.equal(picking.picker.expanded, 'true');
      assert.deepEqual(picking.picker.choices.map((c) => c.category), CATEGORIES, 'all nine categories');
      assert.ok(picking.picker.choices.every((c) => c.label && !CATEGORIES.includes(c.label) && !c.label.includes('_')), 'in plain words');
      assert.deepEqual(picking.picker.choices.filter((c) => c.pressed === 'true').map((c) => c.category), [before.category], 'Vouch\'s category is the pressed one');
      await click(id, '.category[data-category="known"]');
      const corrected = await shadow(in_page.card_state, [id, { category: 'known', panel: 'filled' }]);

      // Stored in storage.local, newest last: the invitation as the content script read it off the card.
      const options = await open_options();
      let stored;
      try {
        stored = await options.evaluate(in_page.stored_local, CORRECTIONS_KEY);
        assert.equal(stored.length, 1);
        const [c] = stored;
        assert.equal(c.category, 'known');
        assert.match(c.invitation.id, /^card-\d+$/);
        assert.deepEqual({ sender: c.invitation.sender, message: c.invitation.message }, { sender: record.sender, message: record.message });
        assert.ok(!Number.isNaN(Date.parse(c.at)), 'dated');
        assert.equal((await options.evaluate(in_page.stored_settings)).policy.corrections, undefined, 'nothing of it in storage.sync');
      } finally {
        await options.close();
      }
      const policy = { corrections: [{ invitation: stored[0].invitation, category: 'known' }] };
      const want = expected(record, prior, policy);
      assert.notEqual(want.verdict, before.verdict, 'the correction changes the verdict');
      assert.deepEqual({ verdict: corrected.verdict, category: corrected.category, reasons: corrected.reasons.length },
        { verdict: want.verdict, category: 'known', reasons: want.reasons.length });
      assert.equal(corrected.reasons[0].text, want.reasons[0].text, 'the first reason says the user marked it');
      assert.deepEqual(corrected.picker.choices.filter((c) => c.pressed === 'true').map((c) => c.category), ['known']);
      assert.ok(corrected.picker.focus_on_toggle, 'the focus stays in the panel, on "Not right?"');
      assert.match(corrected.said, /Someone I know/);
      for (const host of await page().evaluate(in_page.annotations_as_the_page_sees_them)) {
        assert.deepEqual(host.attributes, ['data-theme'], 'still nothing on the host for the page to read');
      }

      // A reload reads the card again and finds it corrected; the other cards follow the core too.
      await open('/mynetwork/invitation-manager/?gen=b', total);
      assert_cards_match_core(await shadow(in_page.read_cards), ignored, policy);
      assert.equal((await shadow(in_page.card_state, [id])).category, 'known');

      // The options list it; removing it there gives the card its first verdict back, in the open page.
      const listing = await open_options();
      try {
        const shown = await listing.evaluate(in_page.correction_rows);
        const first_words = record.message.split(/\s+/).slice(0, 8).join(' ');
        assert.deepEqual(shown.rows, [{
          sender: record.sender.name, note: `${first_words}…`, category: 'Someone I know', date: shown.rows[0].date,
          datetime: stored[0].at, remove_label: `Remove the correction for ${record.sender.name}`,
        }]);
        assert.ok(shown.rows[0].date.length > 0, 'a date is shown');
        await listing.evaluate(in_page.press_in_corrections, { remove_for: record.sender.name });
        await listing.evaluate(in_page.wait_for_element, ['#corrections-status', 'Correction removed']);
        await listing.evaluate(in_page.wait_for_correction_rows, 0);
        assert.equal((await listing.evaluate(in_page.correction_rows)).empty_shown, true);
        assert.deepEqual(await listing.evaluate(in_page.stored_local, CORRECTIONS_KEY), []);
      } finally {
        await listing.close();
      }
      const restored = await shadow(in_page.card_state, [id, { category: before.category }]);
      assert.equal(restored.verdict, before.verdict);
      assert_cards_match_core(await shadow(in_page.read_cards), ignored);
    });

    it('marks the reasons that argued against the verdict, in words and colour, and shows no rule ids', async () => {
      const id = 'f-sales';
      const want = expected(by_id[id], ignored[id] || 0);
      const against = want.reasons.filter((r) => r.weight < 0);
      assert.ok(against.length > 0 && against.length < want.reasons.length, 'the core gives reasons both ways');
      await click(id, '.badge');
      const state = await shadow(in_page.card_state, [id, { panel: 'filled' }]);
      assert.equal(state.reasons.length, want.reasons.length);
      for (const [i, reason] of want.reasons.entries()) {
        const shown = state.reasons[i];
        if (reason.weight < 0) {
          assert.equal(shown.against, true, `${reason.text}: marked as against`);
          assert.deepEqual({ text: shown.tag.text, visible: shown.tag.visible, hidden_from_readers: shown.tag.hidden_from_readers },
            { text: 'against', visible: true, hidden_from_readers: true }, `${reason.text}: a visible label`);
          assert.equal(shown.spoken, 'Argues against this verdict: ', `${reason.text}: words for screen readers`);
        } else {
          assert.deepEqual({ against: shown.against, tag: shown.tag, spoken: shown.spoken }, { against: false, tag: null, spoken: '' }, reason.text);
        }
        assert.ok(shown.text.includes(reason.text), `${reason.text}: its words are shown`);
        assert.ok(!shown.text.includes(reason.rule), `no rule id in "${shown.text}"`);
      }
      const colour = (against_or_not) => state.reasons.find((r) => r.against === against_or_not).color;
      assert.notEqual(colour(true), colour(false), 'a different colour as well');
      await page().keyboard.press('Escape');
    });

    it('options: export carries the corrections and import restores them; an import that is not valid changes nothing; "Remove all" asks first', async () => {
      const correction = (record, category, at) => ({ invitation: { id: record.id, sender: record.sender, message: record.message }, category, at });
      const file = {
        version: 2, policy: {}, options: { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 },
        corrections: [correction(by_id['f-scam'], 'generic', '2026-03-01T10:00:00.000Z'), correction(by_id['f-default'], 'known', '2026-03-02T10:00:00.000Z')],
      };
      const options = await open_options();
      try {
        await options.evaluate(in_page.import_settings, JSON.stringify(file));
        await options.evaluate(in_page.wait_for_element, ['#import-status', 'Imported']);
        assert.deepEqual(await options.evaluate(in_page.stored_local, CORRECTIONS_KEY), file.corrections);
        await options.evaluate(in_page.wait_for_correction_rows, 2);
        assert.deepEqual((await options.evaluate(in_page.correction_rows)).rows.map((r) => [r.sender, r.category]),
          [[by_id['f-default'].sender.name, 'Someone I know'], [by_id['f-scam'].sender.name, 'Generic, no real reason']], 'newest first');

        // The open LinkedIn page follows: the imported correction for f-default is its verdict now.
        const imported = await shadow(in_page.card_state, ['f-default', { category: 'known' }]);
        assert.equal(imported.verdict, expected(by_id['f-default'], 0, { corrections: Corrections.for_policy(file.corrections) }).verdict);
        // The file has no history: the stored one is kept (with the new judgements the page just
        // recorded in it), and exported as it is.
        const history = (await options.evaluate(in_page.stored_local, HISTORY_KEY)) ?? {};
        assert.deepEqual(JSON.parse(await options.evaluate(in_page.export_settings)), { ...file, history });

        const settings_before = await options.evaluate(in_page.stored_settings);
        const bad_files = [
          { ...file, policy: { mode: 'open' }, corrections: [{ ...file.corrections[0], category: 'friend' }] },
          { ...file, policy: { mode: 'open' }, corrections: [{ invitation: { id: 'x', message: 'Hello' }, category: 'known' }] }, // the core wants a sender
          { ...file, policy: { mode: 'open' }, corrections: 'all of them' },
        ];
        for (const bad of bad_files) {
          await options.evaluate(in_page.import_settings, JSON.stringify(bad));
          const said = await options.evaluate(in_page.wait_for_element, ['#import-status', 'Not imported']);
          assert.match(said, /corrections/, 'the message names the corrections');
          assert.deepEqual(await options.evaluate(in_page.stored_settings), settings_before, `${said}: the settings are unchanged`);
          assert.deepEqual(await options.evaluate(in_page.stored_local, CORRECTIONS_KEY), file.corrections, `${said}: the corrections are unchanged`);
        }

        // "Remove all" asks in the page; Cancel keeps them.
        await options.evaluate(in_page.press_in_corrections, { id: 'corrections-remove-all' });
        await options.evaluate(in_page.wait_for_element, ['#corrections-confirm', 'Remove all 2 corrections?']);
        await options.evaluate(in_page.press_in_corrections, { id: 'corrections-confirm-no' });
        assert.equal(await options.evaluate(() => document.getElementById('corrections-confirm').hidden), true);
        assert.equal((await options.evaluate(in_page.stored_local, CORRECTIONS_KEY)).length, 2);
        await options.evaluate(in_page.press_in_corrections, { id: 'corrections-remove-all' });
        await options.evaluate(in_page.wait_for_element, ['#corrections-confirm', 'Remove all 2 corrections?']);
        await options.evaluate(in_page.press_in_corrections, { id: 'corrections-confirm-yes' });
        await options.evaluate(in_page.wait_for_element, ['#corrections-status', 'All corrections removed']);
        await options.evaluate(in_page.wait_for_correction_rows, 0);
        assert.deepEqual(await options.evaluate(in_page.stored_local, CORRECTIONS_KEY), []);
      } finally {
        await options.close();
      }
      await shadow(in_page.card_state, ['f-default', { category: expected(by_id['f-default']).category }]);
      assert_cards_match_core(await shadow(in_page.read_cards), ignored);
    });

    it('leaves no extension address in the page, sends no request elsewhere, raises no page error', async () => {
      assert.equal(await shadow(in_page.extension_addresses_in_page), false);
      assert.deepEqual(env.foreign, []);
      assert.deepEqual(env.errors, []);
    });
  });
}
