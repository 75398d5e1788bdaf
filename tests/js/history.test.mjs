// The extension's history (extension/shared/history.js and extension/background/history.js):
// an older build's {profile: count} is read as records, imports are checked naming what and where,
// a judgement or an action changes one sender's row, the size is bounded, the rows come newest
// first, and the CSV and JSON exports hold them (RFC 4180 quoting, formulas made inert). The
// background's copy is run against a storage.local stand-in: one write per classify batch, none
// when nothing changed, the repeat-sender memory as before. The browser side is
// tests/e2e/history_suite.mjs.
import assert from 'node:assert/strict';
import { describe, test, before } from 'node:test';

import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages,
import '../../extension/shared/settings.js'; // globalThis.VouchSettings
import '../../extension/shared/history.js'; // and globalThis.VouchHistory

const History = globalThis.VouchHistory;
const { HISTORY_KEY } = globalThis.VouchSettings;
const ANN = 'https://www.linkedin.com/in/ann/';
const BOB = 'https://www.linkedin.com/in/bob/';
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const blank = { name: '', headline: '', category: null, verdict: null, judged_at: null, corrected: false, actions: [], ignored: 0 };

describe('normalize: the stored history, either shape', () => {
  test('an older build\'s {profile: count} becomes records with `ignored` set', () => {
    assert.deepEqual(History.normalize({ [ANN]: 2, 'https://linkedin.com/in/Bob?trk=x': 1 }),
      { [ANN]: { ...blank, ignored: 2 }, [BOB]: { ...blank, ignored: 1 } });
  });

  test('a record of the present shape is kept as it is; missing fields take their defaults', () => {
    const record = { name: 'Ann Lee', headline: 'Sales at Contoso', category: 'sales', verdict: 'decline', judged_at: '2026-03-01T10:00:00.000Z',
      corrected: false, actions: [{ what: 'replied', at: '2026-03-01T10:01:00.000Z' }], ignored: 0 };
    assert.deepEqual(History.normalize({ [ANN]: record }), { [ANN]: record });
    assert.deepEqual(History.normalize({ [ANN]: { verdict: 'ask', category: 'recruiter' } }), { [ANN]: { ...blank, verdict: 'ask', category: 'recruiter' } });
  });

  test('the same sender spelled two ways is one row: the newer judgement, every action, the counts added', () => {
    const older = { category: 'generic', verdict: 'ignore', judged_at: '2026-03-01T10:00:00.000Z', actions: [{ what: 'ignored', at: '2026-03-01T10:05:00.000Z' }], ignored: 1 };
    const newer = { name: 'Ann', category: 'known', verdict: 'accept', judged_at: '2026-03-02T10:00:00.000Z', corrected: true, actions: [{ what: 'corrected', at: '2026-03-02T10:00:00.000Z' }] };
    assert.deepEqual(History.normalize({ 'https://www.linkedin.com/in/ANN/': newer, [ANN]: older }), { [ANN]: {
      ...blank, name: 'Ann', category: 'known', verdict: 'accept', judged_at: newer.judged_at, corrected: true,
      actions: [...older.actions, ...newer.actions], ignored: 1,
    } });
  });

  const refused = [
    [[ANN], /^history: expected an object of profile address to history record, got an array$/],
    [{ 'https://example.com/in/ann/': 1 }, /^history\["https:\/\/example\.com\/in\/ann\/"\]: expected a LinkedIn profile address/],
    [{ [ANN]: 'twice' }, /^history\["https:\/\/www\.linkedin\.com\/in\/ann\/"\]: expected a history record \(an object\) or a count of ignored invitations, got "twice"$/],
    [{ [ANN]: 0 }, /\]: expected a whole number of ignored invitations, at least 1, got 0$/],
    [{ [ANN]: { verdict: 'maybe' } }, /^history\["https:\/\/www\.linkedin\.com\/in\/ann\/"\]\.verdict: expected one of accept, ask, decline, ignore, got "maybe"$/],
    [{ [ANN]: { category: 'friend' } }, /\]\.category: expected one of known, personal/],
    [{ [ANN]: { name: 42 } }, /\]\.name: expected text, got 42$/],
    [{ [ANN]: { judged_at: 'yesterday' } }, /\]\.judged_at: expected a date \(ISO 8601\), got "yesterday"$/],
    [{ [ANN]: { corrected: 'yes' } }, /\]\.corrected: expected true or false, got "yes"$/],
    [{ [ANN]: { ignored: -1 } }, /\]\.ignored: expected a whole number, at least 0, got -1$/],
    [{ [ANN]: { actions: {} } }, /\]\.actions: expected a list/],
    [{ [ANN]: { actions: [{ what: 'deleted', at: '2026-03-01T10:00:00Z' }] } }, /\]\.actions\[0\]\.what: expected one of asked, replied, ignored, accepted, corrected, got "deleted"$/],
    [{ [ANN]: { actions: [{ what: 'asked', at: 12 }] } }, /\]\.actions\[0\]\.at: expected a date \(ISO 8601\), got 12$/],
  ];
  for (const [value, message] of refused) {
    test(`refused, saying what and where: ${JSON.stringify(value).slice(0, 80)}`, () => {
      assert.throws(() => History.normalize(value), { message });
    });
  }

  test('lenient (a stored value): a bad entry is left out, the rest kept', () => {
    assert.deepEqual(History.normalize({ [ANN]: { verdict: 'maybe' }, [BOB]: 3 }, { lenient: true }), { [BOB]: { ...blank, ignored: 3 } });
    assert.deepEqual(History.normalize('garbage', { lenient: true }), {});
  });
});

describe('judgements and actions', () => {
  const judgement = { name: 'Ann Lee', headline: 'Sales at Contoso', category: 'sales', verdict: 'decline' };

  test('a judgement makes the row; the same one again changes nothing (the same object)', () => {
    const once = History.judged({}, ANN, judgement, T0);
    assert.deepEqual(once, { [ANN]: { ...blank, ...judgement, judged_at: '2026-03-01T10:00:00.000Z' } });
    assert.equal(History.judged(once, ANN, judgement, T0 + 1000), once);
  });

  test('a new judgement replaces the old one and its date; a correction says so', () => {
    const once = History.judged({}, ANN, judgement, T0);
    const corrected = History.judged(once, ANN, { ...judgement, category: 'known', verdict: 'accept', corrected: true }, T0 + 60000);
    assert.deepEqual(corrected[ANN], { ...once[ANN], category: 'known', verdict: 'accept', corrected: true, judged_at: '2026-03-01T10:01:00.000Z' });
    assert.deepEqual(once[ANN].category, 'sales', 'the old history is not changed');
  });

  test('a judgement without a profile address, category or verdict records nothing', () => {
    const h = {};
    assert.equal(History.judged(h, null, judgement), h);
    assert.equal(History.judged(h, ANN, { ...judgement, verdict: 'unread' }), h);
  });

  test('actions are added in order; an ignore counts for the repeat-sender memory, nothing else does', () => {
    let h = History.judged({}, ANN, judgement, T0);
    for (const [i, what] of ['asked', 'replied', 'ignored', 'accepted', 'corrected', 'ignored'].entries()) h = History.acted(h, ANN, what, T0 + i * 1000);
    assert.deepEqual(h[ANN].actions.map((a) => a.what), ['asked', 'replied', 'ignored', 'accepted', 'corrected', 'ignored']);
    assert.equal(h[ANN].ignored, 2);
    assert.equal(History.acted(h, ANN, 'deleted'), h, 'an unknown action changes nothing');
  });

  test('a sender keeps the newest MAX_ACTIONS actions', () => {
    let h = {};
    for (let i = 0; i < History.MAX_ACTIONS + 5; i++) h = History.acted(h, ANN, 'ignored', T0 + i * 1000);
    assert.equal(h[ANN].actions.length, History.MAX_ACTIONS);
    assert.equal(h[ANN].actions[0].at, new Date(T0 + 5000).toISOString());
    assert.equal(h[ANN].ignored, History.MAX_ACTIONS + 5, 'the count keeps counting');
  });

  test('the history keeps the MAX_SENDERS senders seen most recently', () => {
    const many = {};
    for (let i = 0; i <= History.MAX_SENDERS; i++) {
      many[`https://www.linkedin.com/in/s${i}/`] = { ...blank, category: 'generic', verdict: 'ignore', judged_at: new Date(T0 + i * 1000).toISOString() };
    }
    const kept = History.normalize(many);
    assert.equal(Object.keys(kept).length, History.MAX_SENDERS);
    assert.ok(!('https://www.linkedin.com/in/s0/' in kept), 'the oldest went');
    const judged = History.judged(kept, ANN, judgement, T0 + 10e6);
    assert.equal(Object.keys(judged).length, History.MAX_SENDERS);
    assert.ok(ANN in judged && !('https://www.linkedin.com/in/s1/' in judged));
  });
});

describe('rows and exports', () => {
  const h = {
    [ANN]: { ...blank, name: 'Ann', category: 'sales', verdict: 'decline', judged_at: '2026-03-01T10:00:00.000Z', actions: [{ what: 'replied', at: '2026-03-01T10:01:00.000Z' }] },
    [BOB]: { ...blank, name: '=HYPERLINK("http://evil.example","click")', headline: 'Says "hi", then\nleaves', category: 'scam', verdict: 'ignore', judged_at: '2026-03-02T10:00:00.000Z' },
    'https://www.linkedin.com/in/old/': { ...blank, ignored: 2 },
  };

  test('newest judgement first; senders known only from an older build\'s memory last', () => {
    assert.deepEqual(History.rows(h).map((r) => r.profile), [BOB, ANN, 'https://www.linkedin.com/in/old/']);
    assert.deepEqual(History.rows(h)[1], { profile: ANN, ...h[ANN] });
  });

  test('CSV: a header, CRLF line ends, quotes doubled, line breaks and commas quoted', () => {
    const lines = History.to_csv(History.rows(h)).split('\r\n');
    assert.equal(lines[0], 'profile,name,headline,category,verdict,judged_at,corrected,actions,ignored');
    assert.equal(lines[2], `${ANN},Ann,,sales,decline,2026-03-01T10:00:00.000Z,no,replied 2026-03-01T10:01:00.000Z,0`);
    assert.equal(lines[1], `${BOB},"'=HYPERLINK(""http://evil.example"",""click"")","Says ""hi"", then\nleaves",scam,ignore,2026-03-02T10:00:00.000Z,no,,0`);
    assert.equal(lines.at(-1), '', 'the last line ends with CRLF too');
  });

  test('CSV: every cell a spreadsheet would run as a formula starts with an apostrophe', () => {
    for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) assert.ok(History.csv_field(bad).replace(/^"/, '').startsWith(`'${bad[0]}`), JSON.stringify(bad));
    for (const fine of ['Ann', '2026-03-01', 'a=b', '']) assert.equal(History.csv_field(fine), fine);
  });

  test('JSON: the rows as they are', () => {
    assert.deepEqual(JSON.parse(History.to_json(History.rows(h))), History.rows(h));
  });
});

describe('the background\'s copy (background/history.js) over a storage.local stand-in', () => {
  const store = {};
  const writes = [];
  const listeners = [];
  let bg;
  before(async () => {
    store[HISTORY_KEY] = { [ANN]: 2 }; // what an older build left
    globalThis.vouchBrowser = {
      storage: {
        local: {
          async get(key) { return key in store ? { [key]: structuredClone(store[key]) } : {}; },
          async set(items) {
            for (const [k, v] of Object.entries(items)) {
              const oldValue = store[k];
              store[k] = structuredClone(v);
              writes.push(k);
              for (const fn of listeners) fn({ [k]: { oldValue, newValue: structuredClone(v) } }, 'local');
            }
          },
        },
        onChanged: { addListener: (fn) => listeners.push(fn) },
      },
    };
    bg = await import('../../extension/background/history.js');
  });

  const inv = (slug, name) => ({ id: slug, sender: { name, profile_url: `https://www.linkedin.com/in/${slug}/` }, message: null });
  const res = (category, verdict, reasons = []) => ({ id: 'x', category, verdict, confidence: 0.9, reasons });

  test('the repeat-sender memory works on the older shape as before', async () => {
    const [ann, bob] = await bg.with_history([inv('ann', 'Ann'), inv('bob', 'Bob')]);
    assert.equal(ann.prior_invitations, 2);
    assert.equal(bob.prior_invitations, undefined);
  });

  test('a classify batch is one write; the same judgements again, none', async () => {
    const n = writes.length;
    await bg.record_judgements([inv('ann', 'Ann'), inv('bob', 'Bob'), { id: 'c' }], [res('sales', 'decline'), res('scam', 'ignore'), { id: 'c', error: 'x' }]);
    assert.equal(writes.length, n + 1);
    assert.deepEqual(Object.keys(store[HISTORY_KEY]).sort(), [ANN, BOB]);
    assert.equal(store[HISTORY_KEY][ANN].ignored, 2, 'the count migrated with the row');
    assert.equal(store[HISTORY_KEY][ANN].verdict, 'decline');
    await bg.record_judgements([inv('ann', 'Ann'), inv('bob', 'Bob')], [res('sales', 'decline'), res('scam', 'ignore')]);
    assert.equal(writes.length, n + 1, 'nothing changed: nothing written');
  });

  test('a correction\'s result marks the row corrected; actions add up and an ignore raises prior_invitations', async () => {
    await bg.record_judgements([inv('bob', 'Bob')], [res('known', 'accept', [{ rule: 'corrections.same', text: 'You marked this invitation as someone you know' }])]);
    assert.deepEqual([store[HISTORY_KEY][BOB].category, store[HISTORY_KEY][BOB].corrected], ['known', true]);
    await Promise.all([bg.record_action(BOB, 'replied'), bg.record_action(BOB, 'ignored')]);
    assert.deepEqual(store[HISTORY_KEY][BOB].actions.map((a) => a.what), ['replied', 'ignored']);
    assert.equal((await bg.with_history([inv('bob', 'Bob')]))[0].prior_invitations, 1);
    assert.equal(await bg.record_action('https://example.com/x', 'ignored'), false);
  });

  test('a change made elsewhere (another page writing storage) is what the next read sees', async () => {
    await globalThis.vouchBrowser.storage.local.set({ [HISTORY_KEY]: { [ANN]: 5 } });
    assert.deepEqual(await bg.get_history(), { [ANN]: { ...blank, ignored: 5 } });
    await bg.set_history({});
    assert.deepEqual(store[HISTORY_KEY], {});
    assert.deepEqual(await bg.get_history(), {});
  });
});
