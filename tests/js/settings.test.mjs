// The extension's settings file (extension/shared/settings.js): read_file checks an import whole
// before anything is stored (shape, version, options, history, corrections), migrate lifts a
// stored shape, unused_fields names the policy fields the core did not take. The browser side
// (the options page storing nothing on a bad file) is tests/e2e/settings_import_suite.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadVouch } from '../../dist/vouch/index.mjs';
import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages,
import '../../extension/shared/settings.js'; // globalThis.VouchSettings
import '../../extension/shared/corrections.js'; // globalThis.VouchCorrections
import '../../extension/shared/history.js'; // and globalThis.VouchHistory

const Settings = globalThis.VouchSettings;
const { normalize } = globalThis.VouchCorrections;
const read = (file) => Settings.read_file(file, normalize);

const DEFAULT_OPTIONS = { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 };
/** A history record as an older build's count {profile: n} reads (shared/history.js). */
const counted = (ignored) => ({ name: '', headline: '', category: null, verdict: null, judged_at: null, corrected: false, actions: [], ignored });
const correction = (name, category, at = '2026-03-01T10:00:00.000Z') => ({
  invitation: { id: `inv-${name}`, sender: { name, profile_url: `https://www.linkedin.com/in/${name}/` }, message: `Hello from ${name}` },
  category, at,
});

describe('read_file: a settings file of the wrong shape is refused, saying what and where', () => {
  const refused = [
    [[1, 2, 3], /^the file: expected a Vouch settings object, got an array$/],
    [null, /^the file: expected a Vouch settings object, got null$/],
    ['hello', /^the file: expected a Vouch settings object, got a string$/],
    [42, /^the file: expected a Vouch settings object, got a number$/],
    [true, /^the file: expected a Vouch settings object, got a boolean$/],
    [{ version: 2, policy: 'hello' }, /^policy: expected an object, got a string$/],
    [{ version: 2, policy: [1, 2] }, /^policy: expected an object, got an array$/],
    [{ version: 2, policy: null }, /^policy: expected an object, got null$/],
    [{ policy: 'hello' }, /^policy: expected an object, got a string$/], // no version, but the current layout
    [{ version: 2 }, /^policy: missing/],
    [{ version: '2', policy: {} }, /^version: expected a whole number, got "2"$/],
    [{ version: 1.5, policy: {} }, /^version: expected a whole number, got 1.5$/],
    [{ version: 0, policy: {} }, /^version: expected a whole number, got 0$/],
    [{ version: 2, policy: {}, options: 'fast' }, /^options: expected an object, got a string$/],
    [{ version: 2, policy: {}, options: { send_for_me: 'yes' } }, /^options\.send_for_me: expected true or false, got a string$/],
    [{ version: 2, policy: {}, options: { undo_seconds: 100 } }, /^options\.undo_seconds: expected a whole number from 1 to 30, got 100$/],
    [{ version: 2, policy: {}, options: { undo_seconds: '5' } }, /^options\.undo_seconds: expected a whole number from 1 to 30, got "5"$/],
    [{ version: 2, policy: {}, options: { reply_wait_days: 0 } }, /^options\.reply_wait_days: expected a whole number from 1 to 90, got 0$/],
    [{ version: 2, policy: {}, options: { reply_wait_days: 2.5 } }, /^options\.reply_wait_days: expected a whole number from 1 to 90, got 2\.5$/],
    [{ me: { name: 'Dana' }, undo_seconds: 0 }, /^undo_seconds: expected a whole number from 1 to 30, got 0$/], // version 1
    [{ version: 2, policy: {}, corrections: 'all of them' }, /^corrections: expected a list$/],
    [{ version: 2, policy: {}, corrections: [correction('ann', 'friend')] }, /^corrections\[0\]\.category: expected one of known, /],
    [{ version: 2, policy: { corrections: [{ category: 'known' }] } }, /^policy\.corrections\[0\]\.invitation: expected an invitation object$/],
    [{ version: 2, policy: {}, history: [] }, /^history: expected an object of profile address to history record, got an array$/],
    [{ version: 2, policy: {}, history: { 'https://example.com/ann': 1 } }, /^history\["https:\/\/example\.com\/ann"\]: expected a LinkedIn profile address/],
    [{ version: 2, policy: {}, history: { 'https://www.linkedin.com/in/ann/': 0 } }, /^history\["https:\/\/www\.linkedin\.com\/in\/ann\/"\]: expected a whole number of ignored invitations, at least 1, got 0$/],
    [{ version: 2, policy: {}, history: { 'https://www.linkedin.com/in/ann/': 'twice' } }, /got "twice"$/],
  ];
  for (const [file, message] of refused) {
    test(`${JSON.stringify(file)}`, () => {
      assert.throws(() => read(file), (error) => error instanceof Error && message.test(error.message));
    });
  }

  test('a file of a newer version is refused as such, naming its version', () => {
    const newer = { version: Settings.VERSION + 1, policy: { mode: 'open' }, options: DEFAULT_OPTIONS };
    assert.throws(() => read(newer), (error) => error instanceof Settings.NewerVersionError
      && error.version === Settings.VERSION + 1 && /^version: the file is from a newer Vouch \(settings version 3\)/.test(error.message));
  });
});

describe('read_file: a good file', () => {
  test('the current layout: settings, corrections and history as they are', () => {
    const file = {
      version: 2, policy: { me: { name: 'Dana Whitfield' }, mode: 'quality' }, options: { send_for_me: true, undo_seconds: 3, reply_wait_days: 14 },
      corrections: [correction('ann', 'known'), correction('bob', 'sales')],
      history: { 'https://www.linkedin.com/in/ann/': { ...counted(2), name: 'Ann', category: 'sales', verdict: 'decline', judged_at: '2026-03-01T10:00:00.000Z',
        actions: [{ what: 'replied', at: '2026-03-01T10:01:00.000Z' }, { what: 'ignored', at: '2026-03-01T10:01:05.000Z' }] } },
    };
    assert.deepEqual(read(file), {
      settings: { version: 2, policy: file.policy, options: file.options },
      corrections: file.corrections, history: file.history, dropped: [],
    });
  });

  test('an older export\'s history (profile -> count) is read as records with that count', () => {
    const got = read({ version: 2, policy: {}, history: { 'https://www.linkedin.com/in/ann/': 2 } });
    assert.deepEqual(got.history, { 'https://www.linkedin.com/in/ann/': counted(2) });
  });

  test('an older export (no corrections, no history) leaves the stored ones alone: both null', () => {
    const { corrections, history } = read({ version: 2, policy: {}, options: DEFAULT_OPTIONS });
    assert.deepEqual({ corrections, history }, { corrections: null, history: null });
  });

  test('version 1 (the policy at the top level) is lifted, its options checked', () => {
    const v1 = { me: { name: 'Dana' }, mode: 'open', send_for_me: true, undo_seconds: 9, corrections: [correction('ann', 'known')] };
    assert.deepEqual(read(v1), {
      settings: { version: 2, policy: { me: { name: 'Dana' }, mode: 'open' }, options: { send_for_me: true, undo_seconds: 9, reply_wait_days: 14 } },
      corrections: v1.corrections, history: null, dropped: [],
    });
    assert.deepEqual(read({ version: 1, mode: 'open' }).settings, { version: 2, policy: { mode: 'open' }, options: DEFAULT_OPTIONS });
  });

  test('the policy is kept whole, fields unknown here included; what is unknown outside it is named as dropped', () => {
    const file = { version: 2, policy: { mode: 'open', pronouns: 'she', me: { name: 'Dana', nickname: 'D' } }, options: { undo_seconds: 4, theme: 'dark' }, colour: 'blue' };
    const got = read(file);
    assert.deepEqual(got.settings.policy, file.policy);
    assert.deepEqual(got.settings.options, { send_for_me: false, undo_seconds: 4, reply_wait_days: 14 });
    assert.deepEqual(got.dropped, ['options.theme', 'colour']);
  });

  test('corrections inside the policy join the file\'s list and leave the policy (never synced)', () => {
    const inside = correction('ann', 'known');
    const outside = correction('bob', 'sales');
    const got = read({ version: 2, policy: { mode: 'open', corrections: [{ invitation: inside.invitation, category: 'known' }] }, corrections: [outside] });
    assert.deepEqual(got.settings.policy, { mode: 'open' });
    assert.deepEqual(got.corrections, [{ ...inside, at: null }, outside]);
  });

  test('history addresses are reduced to one form, and counts for the same sender add up', () => {
    const got = read({ version: 2, policy: {}, history: { 'https://www.linkedin.com/in/Ann/': 1, 'https://linkedin.com/in/ann?x=1': 2 } });
    assert.deepEqual(got.history, { 'https://www.linkedin.com/in/ann/': counted(3) });
  });

  test('the file read is not changed', () => {
    const file = { version: 2, policy: { mode: 'open', corrections: [] }, options: DEFAULT_OPTIONS };
    const copy = structuredClone(file);
    read(file);
    assert.deepEqual(file, copy);
  });
});

describe('migrate and export round trip', () => {
  test('stored settings of a newer version (synced from a newer Vouch) keep their policy and options', () => {
    const newer = { version: Settings.VERSION + 1, policy: { mode: 'open', me: { name: 'Dana' } }, options: { send_for_me: true, undo_seconds: 4, reply_wait_days: 14 } };
    assert.deepEqual(Settings.migrate(newer), { version: Settings.VERSION, policy: newer.policy, options: newer.options });
  });

  test('an exported file reads back as the settings it came from', () => {
    const stored = Settings.migrate({ me: { name: 'Dana' }, mode: 'quality', send_for_me: true, undo_seconds: 8 });
    const exported = { ...stored, corrections: [correction('ann', 'known')], history: { 'https://www.linkedin.com/in/ann/': 1 } };
    const got = read(JSON.parse(JSON.stringify(exported)));
    assert.deepEqual(got.settings, stored);
    assert.deepEqual(got.corrections, exported.corrections);
    assert.deepEqual(got.history, { 'https://www.linkedin.com/in/ann/': counted(1) });
    assert.deepEqual(read(JSON.parse(JSON.stringify({ ...exported, history: got.history }))).history, got.history, 'the new shape reads back as it is');
  });
});

describe('unused_fields: the policy fields the core did not take, by what its validation gives back', async () => {
  const vouch = await loadVouch();
  test('the form\'s fields and the core\'s others are used; anything else is named with its path', () => {
    const policy = {
      me: { name: 'Dana Whitfield', companies: ['Contoso'], nickname: 'D' }, mode: 'open', signature: '— Dana', note_limit: 300,
      pronouns: 'she', rules: [{ id: 'my.rule', category: 'sales', text: 'Mentions a webinar', weight: 2, phrases: ['join our webinar'] }],
    };
    assert.deepEqual(Settings.unused_fields(policy, vouch.validatePolicy(policy)), ['policy.me.nickname', 'policy.pronouns']);
  });
  test('an empty policy has none', () => {
    assert.deepEqual(Settings.unused_fields({}, vouch.validatePolicy({})), []);
  });
});
