// Bulk triage, whole notes, unread cards and a page that learns nothing, run once per browser by
// triage_chromium.test.mjs and triage_firefox.test.mjs (launchers: extension_browsers.mjs; page
// functions: extension_page.mjs). Verdicts are read inside Vouch's closed roots through each
// browser's remote protocol; what LinkedIn's own scripts can see is read with page.evaluate.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadVouch } from '../../dist/vouch/index.mjs';
import { fixture_data, fixture_set } from '../fixtures/linkedin/server.mjs';
import * as in_page from './extension_page.mjs';
import { history_rows } from './history_page.mjs';
import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages
import '../../extension/shared/settings.js'; // and globalThis.VouchSettings

const { CATEGORIES, VERDICTS } = globalThis.VouchMessages;
const { PAUSED_KEY, profile_key } = globalThis.VouchSettings;
const BASE = 'https://www.linkedin.com';
const MANAGER = `${BASE}/mynetwork/invitation-manager/`;
const TEST_PACE_KEY = 'vouch_triage_test_pace_ms'; // content/triage.js
const TEST_PACE_MS = 100;
const MESSAGES = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));

// The triage's groups (content/triage.js): accept first, then by category.
const GROUP_OF_CATEGORY = {
  scam: 'scam', romance: 'scam', sales: 'sales', generic: 'generic', networker: 'generic',
  recruiter: 'jobs', job_seeker: 'jobs', known: 'accept', personal: 'accept',
};
const group_of = (result) => (result.verdict === 'accept' ? 'accept' : GROUP_OF_CATEGORY[result.category]);
const invitation_of = ({ id, sender, message }) => ({ id, sender, message, prior_invitations: 0 });

export function define_triage_suite(browser, launch) {
  describe(`bulk triage, whole notes and a page that learns nothing, in ${browser}`, () => {
    let vouch;
    let env;
    const page = () => env.page;
    const shadow = (fn, arg) => env.in_annotations(fn, arg);
    const expected = (record) => vouch.classify(invitation_of(record), {});

    /** Calls an in-page function that answers {retry: true} until Vouch's element is there. */
    async function ask_until_there(fn, arg) {
      for (;;) {
        const answer = await shadow(fn, arg);
        if (!answer || !answer.retry) return answer;
        await page().evaluate(in_page.wait_for_annotations, 1);
      }
    }
    async function open(url, count) {
      await page().goto(url);
      return page().evaluate(in_page.wait_for_annotations, count);
    }
    async function mouse_click(target, selector) {
      const p = await shadow(in_page.point_of, [target, selector]);
      await page().mouse.click(p.x, p.y);
    }
    async function store_local(key, value) {
      const tab = await env.open_extension_page('ui/options.html', { behind: true });
      try {
        await tab.evaluate(in_page.store_local, { [key]: value });
      } finally {
        await tab.close();
      }
    }
    const ignores_of = (events, ids) => events.filter((e) => e.type === 'ignore' && ids.includes(e.id));
    const min_gap = (events) => Math.min(...events.slice(1).map((e, i) => e.at - events[i].at));

    before(async () => {
      vouch = await loadVouch();
      env = await launch();
    });
    after(async () => {
      if (env) await env.close();
    });

    describe('bulk triage of a page of 60 invitations', () => {
      const data = fixture_set('triage');
      const records = data.invitations;
      const by_profile = Object.fromEntries(records.map((r) => [r.sender.profile_url, r]));
      let want_group = null; // profile -> the group of the core's judgement (once the core is loaded)
      const profiles_in = (group) => records.filter((r) => want_group[r.sender.profile_url] === group).map((r) => r.sender.profile_url);
      const ids_of = (profiles) => profiles.map((p) => by_profile[p].id);
      let moved = null; // the seller the user moves to "people to accept"
      let stopped_sales = 0;
      let stopped_scams = 0;

      it('lists every card in five groups, each with its reasons one click away and its group changeable', async () => {
        assert.equal(records.length, 60);
        want_group = Object.fromEntries(records.map((r) => [r.sender.profile_url, group_of(expected(r))]));
        await open(`${MANAGER}?gen=b&data=triage`, records.length);
        const closed = await ask_until_there(in_page.triage_says, '');
        assert.deepEqual({ launcher: closed.launcher, expanded: closed.expanded, open: closed.open },
          { launcher: 'Triage 60 invitations', expanded: 'false', open: false });
        await shadow(in_page.triage_press, ['.launcher']);
        const state = await shadow(in_page.triage_says, '');
        assert.equal(state.open, true);
        assert.deepEqual(state.groups.map((g) => g.key), ['scam', 'sales', 'generic', 'jobs', 'accept']);
        for (const g of state.groups) {
          const want = profiles_in(g.key);
          assert.ok(want.length >= 5, `${g.key}: the fixture has several cards of the group`);
          assert.deepEqual(g.entries.map((e) => e.profile).sort(), [...want].sort(), `${g.key}: the cards the core puts there`);
          assert.ok(g.entries.every((e) => e.has_reasons_toggle && e.group === g.key && e.done === ''), `${g.key}: reasons and a group choice on each`);
          if (g.key === 'accept') assert.equal(g.run, null, 'no bulk action on the people to accept: Accept is never pressed in bulk');
          else assert.deepEqual(g.run, { text: `Ignore these ${want.length}…`, disabled: false });
        }

        // Reasons: one click, the core's own words.
        const seller = profiles_in('sales')[0];
        const shown = await shadow(in_page.triage_reasons, seller);
        assert.equal(shown.expanded, 'true');
        assert.deepEqual(shown.reasons, expected(by_profile[seller]).reasons.map((r) => r.text));

        // The user moves one seller to the people to accept: it leaves the sellers' action.
        moved = profiles_in('sales')[1];
        await shadow(in_page.triage_move, [moved, 'accept']);
        const after_move = await shadow(in_page.triage_says, '');
        const sales = after_move.groups.find((g) => g.key === 'sales');
        assert.ok(!sales.entries.some((e) => e.profile === moved));
        assert.ok(after_move.groups.find((g) => g.key === 'accept').entries.some((e) => e.profile === moved && e.group === 'accept'));
        assert.equal(sales.run.text, `Ignore these ${profiles_in('sales').length - 1}…`);
      });

      it('at the shipped pace, ignores a confirmed group at least a second apart, and stops when asked', async () => {
        const scams = ids_of(profiles_in('scam'));
        await shadow(in_page.triage_press, ['.group[data-group="scam"] .run']);
        const asking = await shadow(in_page.triage_says, '');
        assert.match(asking.confirm, new RegExp(`^Press Ignore on ${scams.length} invitations \\(Scams and flirts\\)`));
        assert.deepEqual(await page().evaluate(() => window.__fixture.events.filter((e) => e.type === 'ignore')), [], 'nothing before the confirmation');
        await shadow(in_page.triage_press, ['.group[data-group="scam"] .confirm-yes']);
        const two = await page().evaluate(in_page.wait_for_event_count, ['ignore', 2]);
        await mouse_click('triage', '.stop');
        const said = await shadow(in_page.triage_says, 'Stopped');
        const events = await page().evaluate(() => window.__fixture.events);
        stopped_scams = ignores_of(events, scams).length;
        assert.ok(stopped_scams >= 2 && stopped_scams < scams.length, `stopped after ${stopped_scams} of ${scams.length}`);
        assert.match(said.status, new RegExp(`^Stopped: ignored ${stopped_scams} of ${scams.length} \\(Scams and flirts\\); ${scams.length - stopped_scams} left as they were\\.`));
        assert.ok(two[1].at - two[0].at >= 1000, `the shipped pace is human: ${Math.round(two[1].at - two[0].at)} ms between two cards`);
        assert.equal(said.stop_shown, false);
      });

      it('with a test pace, carries out a group one card at a time, stops in the middle, never presses Accept or Send, and reports what it did', async () => {
        await store_local(TEST_PACE_KEY, TEST_PACE_MS);
        const sales = ids_of(profiles_in('sales').filter((p) => p !== moved));
        await shadow(in_page.triage_press, ['.group[data-group="sales"] .run']);
        await shadow(in_page.triage_press, ['.group[data-group="sales"] .confirm-yes']);
        const before_stop = stopped_scams + 4;
        await page().evaluate(in_page.wait_for_event_count, ['ignore', before_stop]);
        await mouse_click('triage', '.stop');
        const said = await shadow(in_page.triage_says, 'Stopped');
        let events = await page().evaluate(() => window.__fixture.events);
        const ignored_sales = ignores_of(events, sales);
        stopped_sales = ignored_sales.length;
        assert.ok(stopped_sales >= 4 && stopped_sales < sales.length, `stopped in the middle: ${stopped_sales} of ${sales.length}`);
        assert.match(said.status, new RegExp(`^Stopped: ignored ${stopped_sales} of ${sales.length} \\(Sellers\\); ${sales.length - stopped_sales} left as they were\\.`));
        assert.deepEqual(ignored_sales.map((e) => e.id), sales.slice(0, stopped_sales), 'one card after another, in the page\'s order');
        assert.ok(min_gap(ignored_sales) >= TEST_PACE_MS - 5, `never faster than the pace: ${Math.round(min_gap(ignored_sales))} ms`);
        const group = said.groups.find((g) => g.key === 'sales');
        assert.equal(group.entries.filter((e) => e.done === 'ignored').length, stopped_sales);
        assert.ok(group.entries.filter((e) => e.done !== 'ignored').every((e) => e.state === 'Left as it was'));
        assert.equal(group.run.text, `Ignore these ${sales.length - stopped_sales}…`, 'what was left can be run later');

        // A whole group, to its end.
        const generic = ids_of(profiles_in('generic'));
        await shadow(in_page.triage_press, ['.group[data-group="generic"] .run']);
        await shadow(in_page.triage_press, ['.group[data-group="generic"] .confirm-yes']);
        const done = await shadow(in_page.triage_says, 'Done');
        assert.equal(done.status, `Done: ignored ${generic.length} of ${generic.length} (Generic).`);
        events = await page().evaluate(() => window.__fixture.events);
        assert.equal(ignores_of(events, generic).length, generic.length);
        assert.equal(ignores_of(events, sales).length, stopped_sales, 'a stopped group stays stopped');
        assert.equal(ignores_of(events, ids_of(profiles_in('scam'))).length, stopped_scams);
        assert.ok(!events.some((e) => e.type === 'ignore' && e.id === by_profile[moved].id), 'the moved seller was left alone');
        assert.deepEqual(events.filter((e) => ['accept', 'composer', 'send'].includes(e.type)), [], 'no Accept, no reply, no Send: only Ignore');

        // LinkedIn removed the ignored cards; every card left still has its one annotation.
        const left = records.length - stopped_scams - stopped_sales - generic.length;
        const cards = await page().evaluate(() => [...document.querySelectorAll('[data-fixture-id^="t-"]')].map((c) => c.querySelectorAll('vouch-annotation').length));
        assert.equal(cards.length, left);
        assert.ok(cards.every((n) => n === 1));
        await store_local(TEST_PACE_KEY, null);

        // The history page (contract): one row per sender of the 60, with the core's judgement
        // (the moved seller's too: moving a card in the triage is no correction), and "ignored"
        // on exactly the cards the triage ignored.
        const history = await env.open_extension_page('ui/history.html', { behind: true });
        try {
          const ignored_ids = new Set(events.filter((e) => e.type === 'ignore').map((e) => e.id));
          const last = [...ignored_ids].map((id) => records.find((r) => r.id === id)).filter(Boolean).pop();
          const rows = await history.evaluate(history_rows, { profile: profile_key(last.sender.profile_url), action: 'ignored' });
          const row_of = Object.fromEntries(rows.map((r) => [r.profile, r]));
          for (const r of records) {
            const row = row_of[profile_key(r.sender.profile_url)];
            assert.ok(row, `${r.id}: a history row`);
            const want = expected(r);
            assert.deepEqual({ verdict: row.verdict, category: row.category }, { verdict: want.verdict, category: want.category }, `${r.id}: the history holds the core's judgement`);
            assert.equal(row.actions.includes('ignored'), ignored_ids.has(r.id), `${r.id}: "ignored" in the history exactly when the triage ignored it`);
          }
        } finally {
          await history.close();
        }
      });
    });

    describe('a truncated note is read whole before it is judged', () => {
      const de = fixture_set('truncated-de');
      const long_notes = (records) => records.filter((r) => r.message && r.message.length > 120);
      for (const gen of ['a', 'b']) {
        it(`generation ${gen.toUpperCase()}, in German: the expand control is pressed, an open note is left open, the card is judged on the full text`, async () => {
          const records = de.invitations;
          await open(`${MANAGER}?gen=${gen}&lang=de&data=truncated-de`, records.length);
          const cards = await shadow(in_page.read_cards);
          for (const record of records.filter((r) => !r.expand_fails)) {
            const card = cards.find((c) => c.id === record.id);
            const want = expected(record);
            assert.equal(card.annotations, 1, `${record.id}: one annotation`);
            assert.deepEqual({ verdict: card.verdict, category: card.category, reasons: card.reasons },
              { verdict: want.verdict, category: want.category, reasons: want.reasons.length }, `${record.id}: the core's judgement of the full note`);
            if (record.message) assert.equal(card.note_text.trim(), record.message, `${record.id}: the page shows the whole note`);
          }
          // The evidence that decides these cards lies past the cut: judged on the visible part
          // alone, they would come out otherwise.
          const cut = (r) => ({ ...r, message: `${r.message.slice(0, 100)}…` });
          assert.ok(long_notes(records).filter((r) => !r.expand_fails && !r.expanded)
            .some((r) => expected(cut(r)).category !== expected(r).category), 'the fixture needs the whole note');
          const events = await page().evaluate(() => window.__fixture.events);
          assert.deepEqual(events.filter((e) => e.type === 'collapse'), [], 'an open note is never collapsed');
          const opened = long_notes(records).filter((r) => !r.expanded).map((r) => r.id).sort();
          assert.deepEqual(events.filter((e) => e.type === 'expand').map((e) => e.id).sort(), opened, 'each truncated note pressed once');

          // The note that would not open: not judged, and the card says so.
          const stuck = cards.find((c) => c.id === 'de-stuck');
          assert.deepEqual({ annotations: stuck.annotations, verdict: stuck.verdict, reasons: stuck.reasons }, { annotations: 1, verdict: 'unread', reasons: 0 });
          const words = await shadow(in_page.unread_state, 'de-stuck');
          assert.deepEqual(words, { badge: MESSAGES.unreadBadge.message, label: MESSAGES.unreadLabel.message, why: MESSAGES.unreadNote.message, kind: 'note' });
        });
      }

      it('the English generation-B page: every truncated note judged whole', async () => {
        await open(`${MANAGER}?gen=b`, fixture_data.invitations.length);
        const cards = await shadow(in_page.read_cards);
        for (const record of long_notes(fixture_data.invitations)) {
          const card = cards.find((c) => c.id === record.id);
          assert.equal(card.note_text.trim(), record.message, `${record.id}: the whole note`);
          assert.equal(card.verdict, expected(record).verdict, `${record.id}: verdict`);
        }
      });
    });

    describe('a card Vouch could not read', () => {
      for (const gen of ['a', 'b']) {
        it(`generation ${gen.toUpperCase()}: gets a small neutral badge that says so, with no verdict`, async () => {
          await open(`${MANAGER}?gen=${gen}`, fixture_data.invitations.length + 1);
          const state = await shadow(in_page.unread_state, 'unknown');
          assert.deepEqual(state, { badge: MESSAGES.unreadBadge.message, label: MESSAGES.unreadLabel.message, why: MESSAGES.unreadShape.message, kind: 'shape' });
          const seen = await page().evaluate(in_page.annotations_as_the_page_sees_them);
          assert.ok(seen.every((h) => h.shadow_root === null && h.attributes.join() === 'data-theme'), 'closed, nothing on the host but its theme');
        });
      }
    });

    describe('the page learns nothing', () => {
      // Vouch's words for verdicts, categories and the triage's groups, and the ids behind them.
      const vocabulary = [
        ...VERDICTS, ...CATEGORIES, 'job seeker', 'unread',
        ...Object.entries(MESSAGES).filter(([k]) => /^(verdict_|category_|categoryPlain_|triageGroup_|badge|unread|triageVerdict)/.test(k)).map(([, v]) => v.message),
      ].map((w) => w.replace(/\$\d/g, '').trim()).filter((w) => w.length > 2);
      const word_re = (w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu');

      /** What Vouch added to what LinkedIn's scripts can read, as strings (counts kept). */
      function added(before, now) {
        const count = new Map();
        for (const s of before) count.set(s, (count.get(s) || 0) + 1);
        return now.filter((s) => {
          const n = count.get(s) || 0;
          if (n) count.set(s, n - 1);
          return !n;
        });
      }

      for (const [gen, data_name] of [['b', 'triage'], ['a', null], ['b', 'truncated-de']]) {
        it(`generation ${gen.toUpperCase()}${data_name ? ` (${data_name})` : ''}: no category, verdict, reason or reply readable by the page's own scripts`, async () => {
          const records = fixture_set(data_name).invitations;
          const url = `${MANAGER}?gen=${gen}${data_name ? `&data=${data_name}` : ''}${data_name === 'truncated-de' ? '&lang=de' : ''}`;
          // What the page holds without Vouch: the same page with Vouch paused.
          await store_local(PAUSED_KEY, true);
          await page().goto(url);
          await page().evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
          const bare = await page().evaluate(in_page.page_readable);
          await store_local(PAUSED_KEY, null);

          // With Vouch, after a user has looked at everything: panels, the triage and its reasons.
          await open(url, records.length);
          const cards = await shadow(in_page.read_cards); // opens every panel (and closes it)
          await mouse_click(cards.find((c) => c.verdict && c.verdict !== 'unread').id, '.badge');
          await ask_until_there(in_page.triage_says, '');
          await shadow(in_page.triage_press, ['.launcher']);
          const first = records.find((r) => cards.find((c) => c.id === r.id && c.reasons > 0));
          await shadow(in_page.triage_reasons, first.sender.profile_url);
          const seen = await page().evaluate(in_page.page_readable);

          assert.ok(seen.hosts.length >= records.length, 'Vouch\'s elements are there');
          assert.ok(seen.hosts.every((h) => !h.open), `every root of Vouch's is closed: ${JSON.stringify(seen.hosts.filter((h) => h.open))}`);
          const fixture_texts = new Set(records.flatMap((r) => [r.message, r.sender.name, r.sender.headline]).filter(Boolean));
          const new_texts = added(bare.texts, seen.texts).filter((t) => !fixture_texts.has(t)); // a note shown whole is LinkedIn's
          const new_attributes = added(bare.attributes, seen.attributes);
          const new_sheets = added(bare.sheets, seen.sheets);
          for (const [what, strings] of [['text', new_texts], ['attribute', new_attributes], ['style sheet', new_sheets], ['highlight name', seen.highlights]]) {
            for (const s of strings) {
              const word = vocabulary.find((w) => word_re(w).test(s));
              assert.equal(word, undefined, `the page can read "${word}" in a ${what} Vouch added: ${JSON.stringify(s).slice(0, 200)}`);
            }
          }
          assert.ok(!seen.attributes.some((a) => /^data-(verdict|category|confidence|unread)=/.test(a)), 'no judgement in an attribute');
          // No reason's words or drafted reply anywhere the page can read (but for a reason that
          // quotes LinkedIn's own words, "3 mutual connections", which the bare page holds too).
          const everything = [...seen.texts, ...seen.attributes, ...seen.sheets].join('\n');
          const bare_everything = [...bare.texts, ...bare.attributes, ...bare.sheets].join('\n');
          for (const record of records) {
            const result = expected(record);
            for (const r of result.reasons.filter((x) => !bare_everything.includes(x.text))) {
              assert.ok(!everything.includes(r.text), `${record.id}: the reason "${r.text}" is readable`);
            }
            for (const reply of [result.reply, ...(result.reply_variants || [])].filter(Boolean)) {
              assert.ok(!everything.includes(reply.slice(0, 40)), `${record.id}: a drafted reply is readable`);
            }
          }
        });
      }
    });

    it('leaves no extension address in the page, sends no request elsewhere, raises no page error', async () => {
      assert.equal(await shadow(in_page.extension_addresses_in_page), false);
      assert.deepEqual(env.foreign, []);
      assert.deepEqual(env.errors, []);
    });
  });
}
