// The options page's settings file in a real browser, run once per browser by
// settings_import_chromium.test.mjs and settings_import_firefox.test.mjs with the launchers of
// extension_browsers.mjs. The user's settings (storage.sync), corrections and repeat-sender
// history (storage.local) are stored first; then every malformed, wrongly shaped or newer-version
// file is imported and must change none of them, with an error shown next to the import control
// in the error colour, saying what is wrong and where. A good file then restores all three; the
// policy's fields the form does not show are kept through Save (and named, when the core does not
// use them); fields outside the policy that Vouch does not know are dropped, and named. Reset
// keeps the history unless the box beside it is ticked.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadVouch } from '../../dist/vouch/index.mjs';
import { fixture_data } from '../fixtures/linkedin/server.mjs';
import * as in_page from './extension_page.mjs';
import { open_options } from './extension_browsers.mjs';
import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages,
import '../../extension/shared/settings.js'; // globalThis.VouchSettings
import '../../extension/shared/corrections.js'; // and globalThis.VouchCorrections

const { CORRECTIONS_KEY, HISTORY_KEY, DEFAULT_OPTIONS } = globalThis.VouchSettings;
const Corrections = globalThis.VouchCorrections;

const correction = (slug, name, category, at) => ({
  invitation: { id: `inv-${slug}`, sender: { name, profile_url: `https://www.linkedin.com/in/${slug}/` }, message: `Hi, ${name} here: we met at EDUCAUSE.` },
  category, at,
});

// What the user has before any import: settings saved through the form, two corrections and the
// senders they ignored, as the extension stored them.
const FORM = { 'f-name': 'Dana Whitfield', 'f-companies': 'Contoso\nNorthwind', 'f-mode': 'quality', 'o-undo': '7' };
const STORED_SETTINGS = {
  version: 2,
  policy: { me: { name: 'Dana Whitfield', companies: ['Contoso', 'Northwind'] }, mode: 'quality' },
  options: { send_for_me: false, undo_seconds: 7, reply_wait_days: 14 },
};
const STORED_CORRECTIONS = [
  correction('ann-lee', 'Ann Lee', 'known', '2026-03-01T10:00:00.000Z'),
  correction('bo-chen', 'Bo Chen', 'personal', '2026-03-02T10:00:00.000Z'),
];
const STORED_HISTORY = { 'https://www.linkedin.com/in/sam-seller/': 2, 'https://www.linkedin.com/in/nick-network/': 1 };

const GOOD = {
  version: 2,
  policy: { me: { name: 'Dana W.', schools: ['University of Leeds'] }, mode: 'open', signature: '— Dana' },
  options: { send_for_me: true, undo_seconds: 3, reply_wait_days: 14 },
  corrections: [correction('cy-diaz', 'Cy Diaz', 'sales', '2026-04-01T09:00:00.000Z')],
  history: { 'https://www.linkedin.com/in/rita-recruiter/': 3 }, // an older export's shape: profile -> count
};
/** GOOD's history as stored and exported now (shared/history.js): a record with that count. */
const GOOD_HISTORY = { 'https://www.linkedin.com/in/rita-recruiter/': {
  name: '', headline: '', category: null, verdict: null, judged_at: null, corrected: false, actions: [], ignored: 3 } };

// Each bad file (its text), and what the error must say: what is wrong and where.
const BAD = [
  ['not JSON at all', '{"version": 2, "policy": {', /not valid JSON/],
  ['an array', '[1,2,3]', /the file: expected a Vouch settings object, got an array/],
  ['null', 'null', /the file: expected a Vouch settings object, got null/],
  ['a string', '"hello"', /the file: expected a Vouch settings object, got a string/],
  ['a number', '42', /the file: expected a Vouch settings object, got a number/],
  ['a policy that is a string', JSON.stringify({ version: 2, policy: 'hello', options: {} }), /policy: expected an object, got a string/],
  ['a policy that is a string, with no version', JSON.stringify({ policy: 'hello' }), /policy: expected an object, got a string/],
  ['a newer version', JSON.stringify({ ...GOOD, version: 3 }), /newer Vouch \(settings version 3\); this Vouch reads version 2 and older\. Update Vouch/],
  ['a version that is not a number', JSON.stringify({ ...GOOD, version: 'two' }), /version: expected a whole number/],
  ['options of the wrong type', JSON.stringify({ ...GOOD, options: [true, 5] }), /options: expected an object, got an array/],
  ['an undo delay out of range', JSON.stringify({ ...GOOD, options: { undo_seconds: 100 } }), /options\.undo_seconds: expected a whole number from 1 to 30, got 100/],
  ['a policy field the core rejects', JSON.stringify({ ...GOOD, policy: { mode: 'sometimes' } }), /policy\.mode: /],
  ['a rule the core rejects', JSON.stringify({ ...GOOD, policy: { rules: [{ id: 'x' }] } }), /policy\.rules\[0\]/],
  ['a correction the core rejects', JSON.stringify({ ...GOOD, corrections: [{ invitation: { id: 'x', message: 'Hi' }, category: 'known' }] }), /corrections\[0\]\.invitation: sender/],
  ['a history of the wrong shape', JSON.stringify({ ...GOOD, history: ['https://www.linkedin.com/in/x/'] }), /history: expected an object/],
  ['a history entry that is no profile', JSON.stringify({ ...GOOD, history: { 'https://example.com/x': 1 } }), /history\["https:\/\/example\.com\/x"\]: expected a LinkedIn profile address/],
];

export function define_settings_suite(browser, launch) {
  describe(`the settings file in ${browser}`, () => {
    let env;
    let options;
    /** Everything the user has stored: settings (sync), corrections and history (local). */
    const stored = async () => ({
      settings: await options.evaluate(in_page.stored_settings),
      corrections: await options.evaluate(in_page.stored_local, CORRECTIONS_KEY),
      history: await options.evaluate(in_page.stored_local, HISTORY_KEY),
    });
    const form_ids = Object.keys(FORM);

    before(async () => {
      env = await launch();
      options = await open_options(env);
    });
    after(async () => {
      if (env) await env.close();
    });

    it('stores the user\'s settings through the form, beside their corrections and history', async () => {
      await options.evaluate(in_page.store_local, { [CORRECTIONS_KEY]: STORED_CORRECTIONS, [HISTORY_KEY]: STORED_HISTORY });
      await options.evaluate(in_page.fill_options_and_save, FORM);
      await options.evaluate(in_page.wait_for_element, ['#status', 'Saved']);
      assert.deepEqual(await stored(), { settings: STORED_SETTINGS, corrections: STORED_CORRECTIONS, history: STORED_HISTORY });
      // A page opened now shows how many senders the history holds.
      await options.close();
      options = await open_options(env);
      await options.evaluate(in_page.wait_for_element, ['#history-count', 'senders in the history: 2']);
    });

    for (const [what, text, message] of BAD) {
      it(`an import of ${what} changes nothing, and says what is wrong next to the import control, as an error`, async () => {
        const before_import = await stored();
        await options.evaluate(in_page.import_settings, text);
        const said = await options.evaluate(in_page.wait_for_element, ['#import-status', 'Not imported']);
        assert.match(said, message);
        const line = await options.evaluate(in_page.status_line, 'import-status');
        assert.equal(line.kind, 'error');
        assert.equal(line.colour, line.error_colour, 'in the colour of errors');
        assert.notEqual(line.colour, line.success_colour, 'not in the colour of success');
        assert.deepEqual({ next_to: line.next_to, describes_it: line.describes_it }, { next_to: 'import', describes_it: true }, 'next to the import control');
        assert.doesNotMatch(said, /Imported and saved/);
        assert.deepEqual(await stored(), before_import, 'settings, corrections and history are as they were');
        assert.deepEqual(before_import, { settings: STORED_SETTINGS, corrections: STORED_CORRECTIONS, history: STORED_HISTORY });
        assert.deepEqual(await options.evaluate(in_page.form_values, form_ids), FORM, 'the form still shows the stored settings');
      });
    }

    it('a good file is imported whole: settings, corrections and history, and exported back the same', async () => {
      await options.evaluate(in_page.import_settings, JSON.stringify(GOOD));
      const said = await options.evaluate(in_page.wait_for_element, ['#import-status', 'Imported and saved.']);
      assert.equal(said, 'Imported and saved.', 'nothing to report: no field left out or unused');
      const line = await options.evaluate(in_page.status_line, 'import-status');
      assert.deepEqual({ kind: line.kind, colour: line.colour }, { kind: 'ok', colour: line.success_colour });
      const { corrections, history, ...settings } = GOOD;
      assert.deepEqual(Object.keys(history), Object.keys(GOOD_HISTORY));
      assert.deepEqual(await stored(), { settings, corrections, history: GOOD_HISTORY }, 'the older history shape is stored in the present one');
      assert.deepEqual(await options.evaluate(in_page.form_values, ['f-name', 'f-schools', 'f-mode', 'f-signature', 'o-send', 'o-undo']),
        { 'f-name': 'Dana W.', 'f-schools': 'University of Leeds', 'f-mode': 'open', 'f-signature': '— Dana', 'o-send': true, 'o-undo': '3' });
      await options.evaluate(in_page.wait_for_element, ['#history-count', 'senders in the history: 1']);
      assert.deepEqual(JSON.parse(await options.evaluate(in_page.export_settings)), { ...GOOD, history: GOOD_HISTORY });
    });

    it('unknown fields: the policy\'s are kept through the next Save and named; those outside it are dropped and named', async () => {
      const file = {
        ...GOOD,
        policy: { ...GOOD.policy, me: { ...GOOD.policy.me, pronouns: 'she/her' }, language: 'en', future_setting: { level: 2 } },
        options: { ...GOOD.options, theme: 'dark' },
        colour: 'blue',
      };
      await options.evaluate(in_page.import_settings, JSON.stringify(file));
      const said = await options.evaluate(in_page.wait_for_element, ['#import-status', 'Imported and saved.']);
      assert.match(said, /Kept as they are, though this Vouch does not use them: policy\.me\.pronouns, policy\.future_setting\./);
      assert.match(said, /Left out, as this Vouch does not know them: options\.theme, colour\./);
      assert.equal((await options.evaluate(in_page.status_line, 'import-status')).kind, 'notice');
      assert.deepEqual((await options.evaluate(in_page.stored_settings)).policy, file.policy, 'stored as the file has it');

      // The form shows none of them; a Save of the form keeps them all.
      await options.evaluate(in_page.fill_options_and_save, { 'f-headline': 'IT Director', 'f-signature': '' });
      await options.evaluate(in_page.wait_for_element, ['#status', 'Saved']);
      const { signature, ...rest } = file.policy;
      const saved = (await options.evaluate(in_page.stored_settings)).policy;
      assert.deepEqual(saved, { ...rest, me: { ...file.policy.me, headline: 'IT Director' } }, 'kept through Save; the cleared field is gone');
      const exported = JSON.parse(await options.evaluate(in_page.export_settings));
      assert.deepEqual(exported.policy, saved);
      assert.equal('colour' in exported, false);
      assert.equal('theme' in exported.options, false);
    });

    it('Reset keeps the repeat-sender history and the corrections unless asked; with the box ticked it clears the history only', async () => {
      const before_reset = await stored();
      assert.ok(Object.keys(before_reset.history).length > 0);
      await options.evaluate(in_page.press_reset, { forget_history: false });
      await options.evaluate(in_page.wait_for_element, ['#status', 'Saved']);
      assert.deepEqual(await stored(), {
        settings: { version: 2, policy: {}, options: { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 } },
        corrections: before_reset.corrections, history: before_reset.history,
      });

      await options.evaluate(in_page.press_reset, { forget_history: true });
      await options.evaluate(in_page.wait_for_element, ['#status', 'The history was cleared.']);
      assert.deepEqual(await stored(), {
        settings: { version: 2, policy: {}, options: { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 } },
        corrections: before_reset.corrections, history: {},
      });
      await options.evaluate(in_page.wait_for_element, ['#history-count', 'senders in the history: 0']);
      assert.equal(await options.evaluate(() => document.getElementById('reset-history').checked), false, 'the box is cleared for next time');
    });

    it('the history a file brings is the one LinkedIn\'s cards are judged with, until Reset is asked to forget it', async () => {
      const record = fixture_data.invitations.find((r) => r.id === 'f-default');
      const vouch = await loadVouch();
      const policy = { corrections: Corrections.for_policy(await options.evaluate(in_page.stored_local, CORRECTIONS_KEY)) };
      const verdict = (prior) => vouch.classify({ id: record.id, sender: record.sender, message: record.message, prior_invitations: prior }, policy).verdict;
      assert.notEqual(verdict(1), verdict(0), 'an earlier ignored invitation changes this card\'s verdict');
      const show_cards = async () => {
        await env.page.goto('https://www.linkedin.com/mynetwork/invitation-manager/?gen=b');
        await env.page.evaluate(in_page.wait_for_annotations, fixture_data.invitations.length);
        return (await env.in_annotations(in_page.card_state, [record.id])).verdict;
      };
      assert.equal(await show_cards(), verdict(0));

      await options.evaluate(in_page.import_settings, JSON.stringify({ version: 2, policy: {}, options: DEFAULT_OPTIONS, history: { [record.sender.profile_url]: 1 } }));
      await options.evaluate(in_page.wait_for_element, ['#import-status', 'Imported and saved.']);
      assert.equal(await show_cards(), verdict(1), 'judged with the imported history');

      await options.evaluate(in_page.press_reset, { forget_history: true });
      await options.evaluate(in_page.wait_for_element, ['#status', 'The history was cleared.']);
      assert.equal(await show_cards(), verdict(0), 'and without it once forgotten');
    });

    it('sends no request anywhere and raises no page error', () => {
      assert.deepEqual(env.foreign, []);
      assert.deepEqual(env.errors, []);
    });
  });
}
