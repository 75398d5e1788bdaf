// Property tests (fast-check) of the extension's pure parts under node: the text map's spans
// (extension/content/text-map.js, over a small stand-in for the DOM's text nodes and
// TreeWalker), and the settings' migration and import (extension/shared/settings.js): any
// stored or imported value is lifted or refused with an Error naming where, never a crash, and a
// valid policy always comes through whole. (The card reader, extension/content/adapters, needs a
// real DOM with selectors; jsdom is not installed, so it is tested in the browsers only.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import fc from 'fast-check';

import '../../extension/shared/messages.js';
import '../../extension/shared/settings.js';
import '../../extension/shared/corrections.js';
import '../../extension/shared/history.js'; // read_file normalises an imported history with it

const Settings = globalThis.VouchSettings;
const { normalize } = globalThis.VouchCorrections;
const RUNS = Number(process.env.VOUCH_PROPERTY_RUNS || 500);

// --- A stand-in for the few DOM parts read_text and range_for use ------------------------------
class FakeText {
  constructor(data) { this.nodeType = 3; this.data = data; this.parentElement = null; }
  get length() { return this.data.length; }
}
class FakeElement {
  constructor(tagName, children, attrs = {}) {
    this.nodeType = 1; this.tagName = tagName; this.attrs = attrs; this.childNodes = children; this.parentElement = null;
    for (const c of children) c.parentElement = this;
  }
  getAttribute(name) { return name in this.attrs ? this.attrs[name] : null; }
}
globalThis.NodeFilter = { SHOW_TEXT: 4, FILTER_ACCEPT: 1, FILTER_REJECT: 2, FILTER_SKIP: 3 };
globalThis.document = {
  createTreeWalker(root, what, filter) {
    const texts = [];
    const walk = (n) => { for (const c of n.childNodes) (c.nodeType === 3 ? texts.push(c) : walk(c)); };
    walk(root);
    let i = 0;
    return { nextNode() {
      while (i < texts.length) { const t = texts[i++]; if (filter.acceptNode(t) === NodeFilter.FILTER_ACCEPT) return t; }
      return null;
    } };
  },
  createRange() {
    return { setStart(n, o) { this.startContainer = n; this.startOffset = o; }, setEnd(n, o) { this.endContainer = n; this.endOffset = o; } };
  },
};
await import('../../extension/content/text-map.js');
const { read_text, range_for } = globalThis.VouchTextMap;

// Text with the white space, emoji (two UTF-16 units) and letters a note has.
const piece = fc.array(fc.constantFrom('a', 'B', 'é', ' ', '\n', '\t', '\u00a0', '😀', 'ß', '.', '?', '\u2003'), { maxLength: 12 })
  .map((a) => a.join(''));
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, piece.map((s) => new FakeText(s)), tie('element')),
  element: fc.record({
    tag: fc.constantFrom('SPAN', 'P', 'BUTTON', 'SCRIPT', 'A', 'DIV'),
    hidden: fc.boolean(),
    children: fc.array(tie('node'), { maxLength: 4 }),
  }).map(({ tag, hidden, children }) => new FakeElement(tag, children, hidden ? { 'aria-hidden': 'true' } : {})),
})).element.map((el) => new FakeElement('DIV', [el]));

// The text read_text must give: the shown text nodes' text, white space runs as one space, trimmed.
function shown_text(root) {
  const SKIP = new Set(['BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE', 'VOUCH-ANNOTATION']);
  let out = '';
  const walk = (n, hidden) => {
    for (const c of n.childNodes) {
      if (c.nodeType === 3) { if (!hidden) out += c.data; } else walk(c, hidden || SKIP.has(c.tagName) || c.getAttribute('aria-hidden') === 'true');
    }
  };
  walk(root, false);
  return out.split(/\s+/).filter(Boolean).join(' ');
}

describe('text map: read_text and range_for on generated markup', () => {
  test('the text is the shown text with white space collapsed, and every position maps back to its character', () => {
    fc.assert(fc.property(tree, (root) => {
      const map = read_text(root);
      assert.equal(map.text, shown_text(root));
      for (let p = 0; p < map.text.length; p++) {
        const r = range_for(map, p, p + 1);
        assert.ok(r, `position ${p} of ${JSON.stringify(map.text)} has no range`);
        const ch = r.startContainer.data[r.startOffset];
        // A space stands for the white space before the next run: it maps to that run's first unit.
        assert.equal(ch, map.text[p] === ' ' ? map.text[p + 1] : map.text[p]);
        assert.equal(r.endContainer, r.startContainer);
        assert.equal(r.endOffset, r.startOffset + 1);
      }
    }), { numRuns: RUNS });
  });

  test('range_for on any span: null, or a range within its text nodes; never a throw', () => {
    const bound = fc.oneof(fc.integer({ min: -3, max: 60 }), fc.double(), fc.constantFrom(NaN, Infinity, -0, 1.5, null, undefined, '2'));
    fc.assert(fc.property(tree, bound, bound, (root, start, end) => {
      const map = read_text(root);
      const r = range_for(map, start, end);
      const fits = start >= 0 && end > start && end <= map.text.length && Number.isInteger(start) && Number.isInteger(end);
      if (!fits) { assert.equal(r, null); return; }
      assert.ok(r);
      assert.ok(r.startOffset >= 0 && r.startOffset <= r.startContainer.length);
      assert.ok(r.endOffset >= 1 && r.endOffset <= r.endContainer.length);
    }), { numRuns: RUNS });
  });
});

// --- Settings ---------------------------------------------------------------------------------
const name = fc.string({ minLength: 1, maxLength: 20 });
const valid_policy = fc.record({
  me: fc.record({ name, companies: fc.array(name, { maxLength: 3 }), schools: fc.array(name, { maxLength: 2 }), work_email: fc.emailAddress() }, { requiredKeys: ['name'] }),
  mode: fc.constantFrom('quality', 'balanced', 'open'),
  language: fc.constantFrom('en', 'fr', 'de', 'es', 'pt', 'it', 'nl'),
  note_limit: fc.integer({ min: 60, max: 300 }),
  signature: name,
  rule_weights: fc.dictionary(fc.constantFrom('sales.demo', 'known.met'), fc.double({ min: -20, max: 20, noNaN: true }), { maxKeys: 2 }),
  a_later_field: fc.jsonValue({ maxDepth: 2 }),
}, { requiredKeys: [] });
const valid_options = fc.record({
  send_for_me: fc.boolean(), undo_seconds: fc.integer({ min: 1, max: 30 }), reply_wait_days: fc.integer({ min: 1, max: 90 }),
}, { requiredKeys: [] });
const located = /^(the file|version|policy|options|corrections|history)(\.|\[|:| )/;

function read_or_error(file) {
  try {
    return { result: Settings.read_file(file, normalize) };
  } catch (error) {
    assert.ok(error instanceof Error, `threw ${String(error)}`);
    assert.ok(!(error instanceof TypeError) && !(error instanceof RangeError), `crashed: ${error.stack}`);
    assert.match(error.message, located);
    return { error };
  }
}

describe('settings: migration and import', () => {
  test('migrate lifts any stored value into the current shape and never throws', () => {
    fc.assert(fc.property(fc.anything(), (stored) => {
      const s = Settings.migrate(stored);
      assert.equal(s.version, Settings.VERSION);
      assert.ok(s.policy && typeof s.policy === 'object' && !Array.isArray(s.policy));
      assert.equal(typeof s.options.send_for_me, 'boolean');
      assert.ok(Number.isInteger(s.options.undo_seconds) && s.options.undo_seconds >= 1 && s.options.undo_seconds <= 30);
      assert.ok(Number.isInteger(s.options.reply_wait_days) && s.options.reply_wait_days >= 1 && s.options.reply_wait_days <= 90);
    }), { numRuns: RUNS });
  });

  test('migrate keeps a stored valid policy whole', () => {
    fc.assert(fc.property(valid_policy, valid_options, (policy, options) => {
      assert.deepEqual(Settings.migrate({ version: 2, policy, options }).policy, policy);
    }), { numRuns: RUNS });
  });

  test('read_file on any JSON value: a result or an Error that names where, never a crash', () => {
    const file = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ version: fc.jsonValue({ maxDepth: 1 }), policy: fc.jsonValue({ maxDepth: 3 }), options: fc.jsonValue({ maxDepth: 2 }),
        corrections: fc.jsonValue({ maxDepth: 3 }), history: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }),
    );
    fc.assert(fc.property(file, (f) => { read_or_error(JSON.parse(JSON.stringify(f))); }), { numRuns: RUNS * 2 });
  });

  test('read_file never loses a valid policy: it comes back whole, with the options as given', () => {
    fc.assert(fc.property(valid_policy, valid_options, fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
      (policy, options, extra) => {
        const file = JSON.parse(JSON.stringify({ ...extra, version: 2, policy, options }));
        const { result, error } = read_or_error(file);
        assert.ok(!error, error && error.message);
        assert.deepEqual(result.settings.policy, file.policy);
        assert.deepEqual(result.settings.options, { ...Settings.DEFAULT_OPTIONS, ...file.options });
        // Whatever else the file held outside the known fields is named, not dropped silently.
        for (const k of Object.keys(extra)) if (!['version', 'policy', 'options', 'corrections', 'history'].includes(k)) assert.ok(result.dropped.includes(k));
      }), { numRuns: RUNS });
  });

  test('a newer version is refused with NewerVersionError, whatever it holds', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 1e9 }), valid_policy, (version, policy) => {
      assert.throws(() => Settings.read_file({ version, policy }, normalize), Settings.NewerVersionError);
    }), { numRuns: RUNS });
  });
});
