// The history page (contract: ui/history.html; issue 11, item 4), run once per browser by
// history_chromium.test.mjs and history_firefox.test.mjs (launchers: extension_browsers.mjs; page
// functions: extension_page.mjs, flow_page.mjs, history_page.mjs). A fixture page is annotated,
// and Vouch's verdicts are read where the contract puts them, in the history page's rows, and
// compared with the core's own classify of the same invitations; then Ask, a Decline that the
// fixture composer sends, a panel correction and an Accept each show in their rows (the page open
// meanwhile follows storage); filters and the CSV and JSON exports give the rows; Clear asks, then
// empties it; and LinkedIn's page still cannot read any verdict.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadVouch } from '../../dist/vouch/index.mjs';
import { fixture_data } from '../fixtures/linkedin/server.mjs';
import * as base_page from './extension_page.mjs';
import * as flow_page from './flow_page.mjs';
import * as history_page from './history_page.mjs';
import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages
import '../../extension/shared/settings.js'; // and globalThis.VouchSettings

const in_page = { ...base_page, ...flow_page, ...history_page };
const { profile_key, HISTORY_KEY, CORRECTIONS_KEY } = globalThis.VouchSettings;
const MANAGER = 'https://www.linkedin.com/mynetwork/invitation-manager/?gen=b';
const ASKED_KEY = 'vouch.asked'; // background/asked.js
const invitation_of = ({ id, sender, message }, prior = 0) => ({ id, sender, message, prior_invitations: prior });

export function define_history_suite(browser, launch) {
  describe(`the history page in ${browser}`, () => {
    let vouch;
    let env;
    let history; // the history page, open in a tab behind LinkedIn's the whole time
    const page = () => env.page;
    const shadow = (fn, arg) => env.in_annotations(fn, arg);
    const records = fixture_data.invitations;
    const by_id = Object.fromEntries(records.map((r) => [r.id, r]));
    const profile_of = (id) => profile_key(by_id[id].sender.profile_url);
    const rows = (want) => history.evaluate(in_page.history_rows, want);
    const row_of = async (id, want = {}) => (await rows({ profile: profile_of(id), ...want })).find((r) => r.profile === profile_of(id));

    async function open() {
      await page().goto(MANAGER);
      return page().evaluate(in_page.wait_for_annotations, records.length);
    }
    async function click(target, selector) {
      const p = await shadow(in_page.point_of, [target, selector]);
      await page().mouse.click(p.x, p.y);
    }
    async function press_in_composer(what) {
      const p = await page().evaluate(in_page.composer_point, what);
      await page().mouse.click(p.x, p.y);
    }

    before(async () => {
      vouch = await loadVouch();
      env = await launch();
      history = await env.open_extension_page('ui/history.html', { behind: true });
    });
    after(async () => {
      if (env) await env.close();
    });

    it('lists every invitation judged, one row per sender, with the core\'s own verdict and category', async () => {
      assert.deepEqual(await rows({}), [], 'nothing judged yet');
      await open();
      const shown = await rows({ count: records.length });
      assert.deepEqual(shown.map((r) => r.profile).sort(), records.map((r) => profile_key(r.sender.profile_url)).sort(), 'one row per sender, the profile address normalised');
      for (const record of records) {
        const want = vouch.classify(invitation_of(record), {});
        const row = shown.find((r) => r.profile === profile_key(record.sender.profile_url));
        assert.deepEqual({ verdict: row.verdict, category: row.category, actions: row.actions }, { verdict: want.verdict, category: want.category, actions: [] }, record.id);
        assert.ok(row.cells[0].startsWith(record.sender.name), `${record.id}: the name as text`);
      }
      // LinkedIn's page holds Vouch's elements, closed, with nothing of the judgement on them.
      const seen = await page().evaluate(in_page.annotations_as_the_page_sees_them);
      assert.ok(seen.length >= records.length && seen.every((h) => h.shadow_root === null && h.attributes.join() === 'data-theme'));
      const readable = await page().evaluate(in_page.page_readable);
      assert.ok(!readable.attributes.some((a) => /^data-(verdict|category|confidence)=/.test(a)), 'no judgement in an attribute the page can read');
      // (What its texts and style sheets show is triage_suite.mjs's to check, against the page without Vouch.)
    });

    it('after Ask, the row says asked', async () => {
      await click('f-recruiter', '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', 'f-recruiter']);
      const row = await row_of('f-recruiter', { action: 'asked' });
      assert.deepEqual(row.actions, ['asked']);
      await press_in_composer('close');
      await page().evaluate(in_page.wait_for_fixture_event, ['close', 'f-recruiter']);
    });

    it('after a Decline the fixture composer sends, the row says replied and ignored, and the sender counts as ignored once', async () => {
      await open();
      await click('f-sales', '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', 'f-sales']);
      await press_in_composer('send');
      await page().evaluate(in_page.wait_for_fixture_event, ['ignore', 'f-sales']);
      const row = await row_of('f-sales', { action: 'ignored' });
      assert.deepEqual(row.actions, ['replied', 'ignored']);
      assert.equal(row.cells[5], '1', 'the repeat-sender memory, visible');
      const stored = await history.evaluate(in_page.stored_local, HISTORY_KEY);
      assert.equal(stored[profile_of('f-sales')].ignored, 1);
    });

    it('a correction in the panel: the row has the new category, the corrected verdict, and says corrected', async () => {
      const id = 'f-jobseeker';
      assert.notEqual(vouch.classify(invitation_of(by_id[id]), {}).category, 'known');
      await click(id, '.badge');
      await shadow(in_page.card_state, [id, { panel: 'filled' }]);
      await click(id, '.not-right');
      await click(id, '.category[data-category="known"]');
      await shadow(in_page.card_state, [id, { category: 'known', panel: 'filled' }]);
      const row = await row_of(id, { action: 'corrected', category: 'known' });
      const corrections = await history.evaluate(in_page.stored_local, CORRECTIONS_KEY);
      const want = vouch.classify(invitation_of(by_id[id]), { corrections: corrections.map(({ invitation, category }) => ({ invitation, category })) });
      assert.deepEqual({ category: row.category, verdict: row.verdict, actions: row.actions }, { category: 'known', verdict: want.verdict, actions: ['corrected'] });
      assert.match(row.cells[2], /your correction/);
    });

    it('an Accept the user presses shows as accepted, and the asked date goes', async () => {
      const asked_before = await history.evaluate(in_page.stored_local, ASKED_KEY);
      assert.ok(profile_of('f-recruiter') in asked_before, 'Vouch remembered asking');
      await page().click('[data-fixture-id="f-recruiter"] button[aria-label^="Accept"]');
      await page().evaluate(in_page.wait_for_fixture_event, ['accept', 'f-recruiter']);
      const row = await row_of('f-recruiter', { action: 'accepted' });
      assert.deepEqual(row.actions, ['asked', 'accepted']);
      const asked_after = await history.evaluate(in_page.stored_local, ASKED_KEY);
      assert.ok(!(profile_of('f-recruiter') in asked_after), `the asked date is dropped: ${JSON.stringify(asked_after)}`);
    });

    it('a later visit judges the ignored sender again with the history\'s count (prior_invitations)', async () => {
      await open();
      const want = vouch.classify(invitation_of(by_id['f-sales'], 1), {});
      const row = await row_of('f-sales');
      assert.equal(row.verdict, want.verdict);
      assert.equal(row.category, want.category);
    });

    it('filters by verdict, category, what the user did and text, and exports the rows shown as CSV and JSON', async () => {
      const all = await rows({ count: records.length });
      const ignore_rows = all.filter((r) => r.verdict === 'ignore');
      assert.ok(ignore_rows.length >= 2, 'the fixture has several ignore verdicts');
      await history.evaluate(in_page.history_filter, { verdict: 'ignore' });
      assert.deepEqual((await rows({ count: ignore_rows.length })).map((r) => r.profile), ignore_rows.map((r) => r.profile));

      await history.evaluate(in_page.history_filter, { verdict: '', category: 'known' });
      const known = all.filter((r) => r.category === 'known');
      assert.deepEqual((await rows({ count: known.length })).map((r) => r.profile), known.map((r) => r.profile));

      await history.evaluate(in_page.history_filter, { category: '', action: 'replied' });
      assert.deepEqual((await rows({ count: 1 })).map((r) => r.profile), [profile_of('f-sales')]);
      await history.evaluate(in_page.history_filter, { action: 'none' });
      assert.equal((await rows({ count: all.length - 3 })).length, all.length - 3, 'all but the three the user acted on');

      const name = by_id['f-scam'].sender.name;
      await history.evaluate(in_page.history_filter, { action: '', text: name.toUpperCase() });
      assert.deepEqual((await rows({ count: 1 })).map((r) => r.profile), [profile_of('f-scam')]);

      await history.evaluate(in_page.history_filter, { text: '' , verdict: 'ignore' });
      const csv = await history.evaluate(in_page.history_export, 'csv');
      assert.match(csv.type, /^text\/csv/);
      const lines = csv.text.split('\r\n');
      assert.equal(lines[0], 'profile,name,headline,category,verdict,judged_at,corrected,actions,ignored');
      assert.equal(lines.at(-1), '');
      assert.deepEqual(lines.slice(1, -1).map((l) => l.split(',')[0]), ignore_rows.map((r) => r.profile), 'one line per row shown, in order');
      const json = JSON.parse((await history.evaluate(in_page.history_export, 'json')).text);
      assert.deepEqual(json.map((r) => [r.profile, r.category, r.verdict]), ignore_rows.map((r) => [r.profile, r.category, r.verdict]));
      await history.evaluate(in_page.history_filter, { verdict: '' });
      const every = JSON.parse((await history.evaluate(in_page.history_export, 'json')).text);
      assert.equal(every.length, records.length);
      assert.deepEqual(every.find((r) => r.profile === profile_of('f-sales')).actions.map((a) => a.what), ['replied', 'ignored']);
    });

    it('Clear asks first, then empties the history; the next visit fills it again, live', async () => {
      const kept = await history.evaluate(in_page.history_clear, false);
      assert.deepEqual(kept, { shown: true, text: `Forget all ${records.length} senders, with what you did and the repeat-sender memory?` });
      assert.equal((await rows({ count: records.length })).length, records.length, 'Keep keeps it');
      await history.evaluate(in_page.history_clear, true);
      assert.deepEqual(await rows({ count: 0 }), []);
      assert.deepEqual(await history.evaluate(in_page.stored_local, HISTORY_KEY), {});
      await open();
      const again = await rows({ count: records.length });
      assert.ok(again.every((r) => r.actions.length === 0));
      assert.equal(again.find((r) => r.profile === profile_of('f-sales')).verdict, vouch.classify(invitation_of(by_id['f-sales']), {}).verdict,
        'the repeat-sender memory went with it');
      // The page is reached from the options page and the popup.
      for (const [path, selector] of [['ui/options.html', 'a#to-history'], ['ui/popup.html', 'button#history']]) {
        const tab = await env.open_extension_page(path, { behind: true });
        try {
          const found = await tab.evaluate((sel) => {
            const el = document.querySelector(sel);
            return el && { text: el.textContent, href: el.href || null };
          }, selector);
          assert.ok(found && found.text, `${path}: ${selector} is there and says what it is`);
          if (found.href) assert.match(found.href, /\/ui\/history\.html$/);
        } finally {
          await tab.close();
        }
      }
      assert.equal(await shadow(in_page.extension_addresses_in_page), false);
      assert.deepEqual(env.foreign, []);
      assert.deepEqual(env.errors, []);
    });
  });
}
