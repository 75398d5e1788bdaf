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
import * as in_page from './extension_page.mjs';

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
    const expected = (record, prior) => vouch.classify(invitation_of(record, prior), POLICY);
    const by_id = Object.fromEntries(fixture_data.invitations.map((r) => [r.id, r]));
    const total = fixture_data.invitations.length;

    async function open(path, count) {
      await page().goto(`${BASE}${path}`);
      return page().evaluate(in_page.wait_for_annotations, count);
    }
    async function click(fixture_id, selector) {
      const p = await page().evaluate(in_page.point_of, [fixture_id, selector]);
      await page().mouse.click(p.x, p.y);
    }
    function assert_cards_match_core(cards, priors = {}) {
      for (const card of cards.filter((c) => c.id in by_id)) {
        const want = expected(by_id[card.id], priors[card.id] || 0);
        assert.equal(card.annotations, 1, `${card.id}: exactly one annotation`);
        assert.equal(card.verdict, want.verdict, `${card.id}: verdict`);
        assert.equal(card.category, want.category, `${card.id}: category`);
        assert.equal(card.reasons, want.reasons.length, `${card.id}: every reason listed`);
        const spans = want.reasons.filter((r) => Array.isArray(r.span)).length;
        assert.equal(card.highlights, spans, `${card.id}: every evidence span highlighted`);
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
      const cards = await page().evaluate(in_page.read_cards);
      assert.equal(cards.filter((c) => c.id in by_id).length, total);
      assert_cards_match_core(cards);
      await page().screenshot({ path: new URL(`extension-${browser}-annotated.png`, OUT).pathname, fullPage: true });
    });

    it('leaves a card of an unknown shape alone', async () => {
      const cards = await page().evaluate(in_page.read_cards);
      const unknown = cards.find((c) => c.id === 'unknown');
      assert.ok(unknown, 'the fixture has an unknown card');
      assert.equal(unknown.annotations, 0);
    });

    it('opens the panel from the badge with the mouse and closes it with Escape', async () => {
      await click('f-sales', '.badge');
      const open_state = await page().evaluate(() => {
        const root = document.querySelector('[data-fixture-id="f-sales"] vouch-annotation').shadowRoot;
        return { expanded: root.querySelector('.badge').getAttribute('aria-expanded'), hidden: root.querySelector('.panel').hidden };
      });
      assert.deepEqual(open_state, { expanded: 'true', hidden: false });
      await page().screenshot({ path: new URL(`extension-${browser}-panel.png`, OUT).pathname });
      await page().keyboard.press('Escape');
      const closed = await page().evaluate(() => document.querySelector('[data-fixture-id="f-sales"] vouch-annotation').shadowRoot.querySelector('.panel').hidden);
      assert.equal(closed, true);
    });

    it('keeps a note full of HTML and script payloads inert text', async () => {
      const effects = await page().evaluate(in_page.payload_effects);
      assert.deepEqual(effects, { pwned: null, stray_images: 0, stray_scripts: 0 });
      const card = (await page().evaluate(in_page.read_cards)).find((c) => c.id === 'f-payload');
      assert.equal(card.annotations, 1);
      assert.equal(card.markup_in_shadow, 0);
    });

    it('annotates a card added after load (as scrolling adds them), once', async () => {
      await page().evaluate((late) => window.__fixture.addCards([late]), fixture_data.late);
      await page().evaluate(in_page.wait_for_annotations, total + 1);
      const cards = await page().evaluate(in_page.read_cards);
      const late = cards.find((c) => c.id === fixture_data.late.id);
      const want = expected(fixture_data.late);
      assert.equal(late.annotations, 1);
      assert.equal(late.verdict, want.verdict);
      assert.ok(cards.every((c) => c.annotations <= 1), 'no card annotated twice');
    });

    it('reads generation-A cards, expanding truncated notes before judging', async () => {
      await open('/mynetwork/invitation-manager/?gen=a', total);
      const cards = await page().evaluate(in_page.read_cards);
      assert_cards_match_core(cards);
      for (const c of cards.filter((x) => x.id in by_id && by_id[x.id].message)) {
        assert.equal(c.note_text.trim(), by_id[c.id].message, `${c.id}: the full note was read`);
      }
    });

    it('follows SPA navigation from My Network to the invitation manager', async () => {
      await open('/mynetwork/?gen=b', 3);
      let cards = await page().evaluate(in_page.read_cards);
      assert.equal(cards.length, 3, 'the block on My Network shows three invitations');
      assert_cards_match_core(cards);
      const pymk = await page().evaluate(() => document.querySelectorAll('.pymk vouch-annotation').length);
      assert.equal(pymk, 0, '"people you may know" cards are not invitations');
      await page().evaluate(() => document.querySelector('a[href="/mynetwork/invitation-manager/"][data-nav]').click());
      await page().evaluate(in_page.wait_for_annotations, total);
      cards = await page().evaluate(in_page.read_cards);
      assert_cards_match_core(cards);
    });

    it('declines in one click: reply in LinkedIn\'s composer, Ignore after the undo delay; undo holds it', async () => {
      await open('/mynetwork/invitation-manager/?gen=b', total);
      const before_cards = await page().evaluate(in_page.read_cards);
      const sales = before_cards.find((c) => c.id === 'f-sales');
      const kept = before_cards.find((c) => c.id === 'f-recruiter' && c.has_decline_button)
        || before_cards.find((c) => c.id !== 'f-sales' && c.has_decline_button && by_id[c.id] && by_id[c.id].reply);
      assert.ok(sales.has_decline_button, 'the sales pitch offers the one-click decline');
      assert.ok(kept, 'a second card to undo on');

      // Undo first: decline, then take it back from the toast.
      await click(kept.id, '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', kept.id]);
      await page().evaluate(in_page.wait_for_toast, 'Undo');
      await click('toast', '.action');
      await page().evaluate(in_page.wait_for_toast, 'Kept the invitation');

      // Then the real thing.
      await click('f-sales', '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['ignore', 'f-sales']);
      const events = await page().evaluate(() => window.__fixture.events);
      // The composer's state after the last input event the reply caused (one per typed step).
      const composed = events.filter((e) => e.type === 'composer' && e.id === 'f-sales').pop();
      assert.equal(composed.text, sales.reply.trim(), 'the reply, line breaks included');
      assert.equal(composed.paragraphs, sales.reply.trim().split('\n').length, 'one paragraph per line');
      assert.equal(composed.enabled, true, 'LinkedIn\'s Send button became enabled');
      assert.ok(events.findIndex((e) => e.type === 'composer' && e.id === 'f-sales') < events.findIndex((e) => e.type === 'ignore' && e.id === 'f-sales'),
        'the reply is placed before the invitation is ignored');
      assert.ok(!events.some((e) => e.type === 'send'), 'sending stays the user\'s press');
      assert.ok(!events.some((e) => e.type === 'ignore' && e.id === kept.id), 'the undone ignore never happened');
      const still_there = await page().evaluate((id) => !!document.querySelector(`[data-fixture-id="${id}"]`), kept.id);
      assert.ok(still_there);
    });

    it('with no reply path, copies the reply, ignores, and says so', async () => {
      const nonote = (await page().evaluate(in_page.read_cards)).find((c) => c.id === 'f-nonote');
      if (!nonote.has_decline_button) return; // the core does not ask this one: nothing to decline
      await click('f-nonote', '.act');
      const said = await page().evaluate(in_page.wait_for_toast, 'no reply box');
      assert.match(said, /no reply box/);
      await page().evaluate(in_page.wait_for_fixture_event, ['ignore', 'f-nonote']);
    });

    it('remembers ignored senders: their next invitation carries prior_invitations', async () => {
      await open('/mynetwork/invitation-manager/?gen=b', total);
      const cards = await page().evaluate(in_page.read_cards);
      const priors = { 'f-sales': 1 };
      if (cards.find((c) => c.id === 'f-nonote') && expected(by_id['f-nonote']).reply) priors['f-nonote'] = 1;
      assert_cards_match_core(cards, priors);
    });

    it('judges a blatant sales pitch with a demo request as decline (once the core is real)', (t) => {
      const want = expected(by_id['f-sales']);
      if (want.category === 'generic' && want.reasons.length === 0) return t.todo('the core is still a stub');
      assert.equal(want.verdict, 'decline');
    });

    it('leaves no extension address in the page, sends no request elsewhere, raises no page error', async () => {
      assert.equal(await page().evaluate(in_page.extension_addresses_in_page), false);
      assert.deepEqual(env.foreign, []);
      assert.deepEqual(env.errors, []);
    });
  });
}
