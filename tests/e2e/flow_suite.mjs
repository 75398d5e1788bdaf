// The one-click workflow as the seeds practise it (issue 11, items 1 and 2), run once per browser
// by flow_chromium.test.mjs and flow_firefox.test.mjs (launchers: extension_browsers.mjs; page
// functions: extension_page.mjs): Ask puts the question in LinkedIn's composer and keeps the
// invitation; the card then shows how long ago Vouch asked and, after the wait, "Ignore now"
// (the clock is the asked dates seeded in storage.local); the sender's answer pasted in the panel
// is judged as the note; Decline ignores only after the fixture composer has sent the reply, and
// nothing when it is closed unsent. Verdicts and states are read inside Vouch's closed roots
// through the browser's remote protocol.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadVouch } from '../../dist/vouch/index.mjs';
import { fixture_data } from '../fixtures/linkedin/server.mjs';
import * as base_page from './extension_page.mjs';
import * as flow_page from './flow_page.mjs';
import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages
import '../../extension/shared/settings.js'; // and globalThis.VouchSettings

const in_page = { ...base_page, ...flow_page }; // page functions: extension_page.mjs and flow_page.mjs

const { profile_key } = globalThis.VouchSettings;
const BASE = 'https://www.linkedin.com';
const MANAGER = `${BASE}/mynetwork/invitation-manager/?gen=b`;
const ASKED_KEY = 'vouch.asked'; // background/asked.js
const DAY_MS = 24 * 60 * 60 * 1000;
const MESSAGES = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
const word = (key) => MESSAGES[key].message;
const invitation_of = ({ id, sender, message }) => ({ id, sender, message, prior_invitations: 0 });

export function define_flow_suite(browser, launch) {
  describe(`Ask keeps the invitation, Decline ignores after Send, in ${browser}`, () => {
    let vouch;
    let env;
    const page = () => env.page;
    const shadow = (fn, arg) => env.in_annotations(fn, arg);
    const by_id = Object.fromEntries(fixture_data.invitations.map((r) => [r.id, r]));
    const total = fixture_data.invitations.length;
    const expected = (record, message = record.message) => vouch.classify(invitation_of({ ...record, message }), {});
    const events_of = (id, type) => page().evaluate(([i, t]) => window.__fixture.events.filter((e) => e.id === i && e.type === t), [id, type]);

    async function open() {
      await page().goto(MANAGER);
      return page().evaluate(in_page.wait_for_annotations, total);
    }
    async function click(target, selector) {
      const p = await shadow(in_page.point_of, [target, selector]);
      await page().mouse.click(p.x, p.y);
    }
    async function press_in_composer(what) {
      const p = await page().evaluate(in_page.composer_point, what);
      await page().mouse.click(p.x, p.y);
    }
    async function toast_says(part) {
      for (;;) {
        const answer = await shadow(in_page.wait_for_toast, part);
        if (!answer.retry) return answer.text;
      }
    }
    async function with_extension_page(fn) {
      const tab = await env.open_extension_page('ui/options.html', { behind: true });
      try {
        return await fn(tab);
      } finally {
        await tab.close();
      }
    }
    const card_says = (id, selector, part) => shadow(in_page.wait_for_card_text, [id, selector, part]);

    before(async () => {
      vouch = await loadVouch();
      env = await launch();
      for (const id of ['f-recruiter', 'f-jobseeker', 'f-networker']) assert.equal(expected(by_id[id]).verdict, 'ask', `${id} is an Ask card`);
      for (const id of ['f-sales', 'f-payload']) assert.equal(expected(by_id[id]).verdict, 'decline', `${id} is a Decline card`);
    });
    after(async () => {
      if (env) await env.close();
    });

    it('Ask places the question in LinkedIn\'s composer, keeps the invitation pending and remembers when', async () => {
      await open();
      const started = Date.now();
      await click('f-recruiter', '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', 'f-recruiter']);
      const asked = await card_says('f-recruiter', '.asked', word('askedToday'));
      assert.deepEqual(asked.buttons, [], 'no "Ignore now" on the day Vouch asked');
      // The composer's state after the last input event the question caused (one per typed step).
      const composed = (await events_of('f-recruiter', 'composer')).pop();
      const wordings = ((r) => [r.reply, ...r.reply_variants].map((w) => w.trim()))(expected(by_id['f-recruiter']));
      assert.ok(wordings.includes(composed.text), `the core's question in the composer: ${JSON.stringify(composed.text)}`);
      const stored = await with_extension_page((tab) => tab.evaluate(in_page.stored_local, ASKED_KEY));
      const when = stored[profile_key(by_id['f-recruiter'].sender.profile_url)];
      assert.ok(when >= started - 1000 && when <= Date.now() + 1000, `the date asked is stored: ${JSON.stringify(stored)}`);
      // The user closes the conversation (or sends the question): the invitation stays.
      await press_in_composer('close');
      await page().evaluate(in_page.wait_for_fixture_event, ['close', 'f-recruiter']);
      assert.deepEqual(await events_of('f-recruiter', 'ignore'), [], 'an Ask never ignores');
      assert.equal(await page().evaluate(() => !!document.querySelector('[data-fixture-id="f-recruiter"]')), true);

      // The next visit: the card still waits, and says since when.
      await open();
      const again = await card_says('f-recruiter', '.asked', word('askedToday'));
      assert.deepEqual(again.buttons, []);
    });

    it('shows "Asked 9 days ago" while waiting, and "Ignore now" after the policy\'s 14 days (a user press)', async () => {
      const now = Date.now();
      await with_extension_page(async (tab) => {
        const stored = (await tab.evaluate(in_page.stored_local, ASKED_KEY)) || {};
        await tab.evaluate(in_page.store_local, { [ASKED_KEY]: {
          ...stored,
          [profile_key(by_id['f-jobseeker'].sender.profile_url)]: now - 9 * DAY_MS - 60000,
          [profile_key(by_id['f-networker'].sender.profile_url)]: now - 15 * DAY_MS - 60000,
        } });
      });
      await open();
      const nine = await card_says('f-jobseeker', '.asked', 'Asked 9 days ago');
      assert.deepEqual(nine.buttons, [], 'still within the wait: nothing offered');
      const fifteen = await card_says('f-networker', '.asked', 'Asked 15 days ago');
      assert.match(fifteen.text, /14 days/);
      assert.deepEqual(fifteen.buttons, [word('ignoreNow')]);
      assert.deepEqual(await events_of('f-networker', 'ignore'), [], 'not ignored before the user presses');
      await click('f-networker', '.ignore-now');
      await page().evaluate(in_page.wait_for_fixture_event, ['ignore', 'f-networker']);
      assert.deepEqual(await events_of('f-jobseeker', 'ignore'), [], 'the card within its wait is left alone');
    });

    it('judges the invitation again with the sender\'s answer pasted in the panel as the note', async () => {
      const answer = 'We met at the Rust meetup in Lyon last March, you gave the talk on parsers and we had dinner with Camille afterwards.';
      const want = expected(by_id['f-jobseeker'], answer);
      assert.notEqual(want.verdict, 'ask', 'the answer changes the core\'s verdict, so the test can tell');
      await click('f-jobseeker', '.badge');
      await shadow(in_page.card_state, ['f-jobseeker', { panel: 'filled' }]);
      await shadow(in_page.fill_in_card, ['f-jobseeker', '.answer', answer]);
      await click('f-jobseeker', '.judge-answer');
      const said = await card_says('f-jobseeker', '.answer-status', 'With their answer');
      assert.equal(said.text, word('answerVerdict').replace('$1', word(`verdict_${want.verdict}`)).replace('$2', word(`category_${want.category}`)));
      assert.deepEqual(await events_of('f-jobseeker', 'ignore'), []);
      assert.deepEqual(await events_of('f-jobseeker', 'accept'), [], 'the new verdict is shown, never acted on');
    });

    it('waits as long as the options say: with 7 days, the card asked 9 days ago offers "Ignore now"', async () => {
      await with_extension_page(async (tab) => {
        await tab.evaluate(in_page.wait_for_element, ['#form[aria-busy="false"]']);
        await tab.evaluate(in_page.fill_options_and_save, { 'o-wait': '7' });
        await tab.evaluate(in_page.wait_for_element, ['#status', 'Saved']);
        assert.equal((await tab.evaluate(in_page.stored_settings)).options.reply_wait_days, 7);
      });
      await open();
      const nine = await card_says('f-jobseeker', '.asked', 'Asked 9 days ago');
      assert.match(nine.text, /7 days/);
      assert.deepEqual(nine.buttons, [word('ignoreNow')]);
      assert.deepEqual(await events_of('f-jobseeker', 'ignore'), [], 'offered, not pressed');
    });

    it('Decline ignores only after the composer sends the reply, with an undo countdown announced once', async () => {
      await open();
      await click('f-sales', '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', 'f-sales']);
      assert.equal(await page().evaluate(in_page.toast_present), false, 'no countdown runs while the reply is unsent');
      assert.deepEqual(await events_of('f-sales', 'ignore'), []);
      await press_in_composer('send');
      const sent = await page().evaluate(in_page.wait_for_fixture_event, ['send', 'f-sales']);
      await toast_says(word('undo'));
      let tick;
      for (;;) {
        tick = await shadow(in_page.toast_tick);
        if (!tick.retry) break;
      }
      assert.ok(!tick.no_count, 'the countdown ticks apart from the message');
      assert.equal(tick.after.message, tick.before.message, 'what is announced does not change each second');
      assert.equal(tick.count_hidden, true, 'the seconds are hidden from screen readers');
      assert.equal(tick.same_button, true, 'the Undo control stays the same element');
      assert.equal(tick.focused, true, 'and keeps the focus');
      const ignored = await page().evaluate(in_page.wait_for_fixture_event, ['ignore', 'f-sales']);
      assert.ok(ignored.at >= sent.at, 'ignored after the send');
    });

    it('Decline with the composer closed unsent ignores nothing, and the card says so', async () => {
      await click('f-payload', '.act');
      await page().evaluate(in_page.wait_for_fixture_event, ['composer', 'f-payload']);
      await press_in_composer('close');
      await page().evaluate(in_page.wait_for_fixture_event, ['close', 'f-payload']);
      const said = await toast_says('without sending');
      assert.equal(said, word('declineNotSent'));
      await click('f-payload', '.badge');
      await card_says('f-payload', '.panel', word('declineNotSent'));
      assert.deepEqual(await events_of('f-payload', 'send'), []);
      assert.deepEqual(await events_of('f-payload', 'ignore'), [], 'nothing ignored');
      assert.equal(await page().evaluate(() => !!document.querySelector('[data-fixture-id="f-payload"]')), true);
      assert.deepEqual(env.errors, []);
    });
  });
}
