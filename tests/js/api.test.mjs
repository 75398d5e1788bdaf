// The JavaScript API (dist/vouch/index.mjs): every function, the errors it throws, plain-object
// round trips and bad input. Expectations come from ../shared/contract.md.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { loadVouch } from '../../dist/vouch/index.mjs';

const vouch = await loadVouch();

// While core/src/api.cpp is the skeleton's stub (its version names no rule pack), tests of the
// core's judgement and validation are reported as TODO instead of failing; they run for real as
// soon as the core lands.
const coreIsStub = Object.keys(vouch.version()).length <= 1;
const needsCore = { todo: coreIsStub ? 'the core is still the skeleton stub' : false };

const CATEGORIES = ['known', 'personal', 'generic', 'networker', 'sales', 'recruiter', 'job_seeker',
  'romance', 'scam'];
const VERDICTS = ['accept', 'ask', 'decline', 'ignore'];

const policy = {
  me: {
    name: 'Dana Whitfield', first_name: 'Dana', companies: ['Lakeside University', 'Contoso'],
    schools: ['University of Leeds'], groups: ['EDUCAUSE'], work_email: 'dana@lakeside.example.edu',
    follow_url: 'https://www.linkedin.com/in/dana-whitfield/',
  },
  mode: 'balanced',
};

const pitch = {
  id: 'inv-pitch',
  sender: { name: 'Jane Doe', headline: 'Account Executive at Acme Cloud', mutual_connections: 3 },
  message: 'Hi Dana, we offer a 30% discount on cloud backup for universities this quarter. ' +
    'Can we book a 15-minute demo next week?',
};

const isPlainObject = (v) => v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

/** Asserts that `fn` throws an Error whose message names `field`. */
function throwsNaming(fn, field) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, `expected an Error, got ${e}`);
    assert.match(e.message, new RegExp(field.replace(/[.[\]]/g, '\\$&')), `message names ${field}`);
    return true;
  });
}

describe('loadVouch', () => {
  test('creates the module once and reuses it', async () => {
    const [a, b] = await Promise.all([loadVouch(), loadVouch()]);
    assert.equal(a, vouch);
    assert.equal(b, vouch);
  });

  test('returns an API of plain functions', () => {
    for (const name of ['classify', 'draftNote', 'validatePolicy', 'defaultPolicy', 'version']) {
      assert.equal(typeof vouch[name], 'function', name);
    }
  });
});

describe('defaultPolicy and version', () => {
  test('the default policy is a plain object in balanced mode', () => {
    const p = vouch.defaultPolicy();
    assert.ok(isPlainObject(p));
    assert.equal(p.mode, 'balanced');
    assert.notEqual(vouch.defaultPolicy(), p, 'each call returns a fresh object');
  });

  test('version is a plain object naming the core', () => {
    const v = vouch.version();
    assert.ok(isPlainObject(v));
    assert.ok('core' in v);
  });
});

describe('validatePolicy', () => {
  test('{} is a valid policy', () => {
    assert.ok(isPlainObject(vouch.validatePolicy({})));
  });

  test('the default policy validates and survives a round trip unchanged', () => {
    const once = vouch.validatePolicy(vouch.defaultPolicy());
    assert.deepStrictEqual(vouch.validatePolicy(once), once);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(once)), once, 'nothing but JSON values');
  });

  test('a full policy keeps what the user set', needsCore, () => {
    const filled = vouch.validatePolicy(policy);
    assert.equal(filled.mode, 'balanced');
    assert.deepStrictEqual(filled.me.companies, policy.me.companies);
    assert.equal(filled.me.work_email, policy.me.work_email);
    assert.deepStrictEqual(vouch.validatePolicy(filled), filled);
  });

  test('JSON text and the object give the same answer', () => {
    assert.deepStrictEqual(vouch.validatePolicy(JSON.stringify(policy)), vouch.validatePolicy(policy));
  });

  test('an unknown mode is an error naming mode', needsCore, () => {
    throwsNaming(() => vouch.validatePolicy({ mode: 'reckless' }), 'mode');
  });

  test('a bad work e-mail is an error naming work_email', needsCore, () => {
    throwsNaming(() => vouch.validatePolicy({ me: { work_email: 'not an address' } }), 'work_email');
  });

  test('companies must be a list', needsCore, () => {
    throwsNaming(() => vouch.validatePolicy({ me: { companies: 'Contoso' } }), 'companies');
  });

  test('a policy that is not an object is an Error, not a crash', () => {
    for (const bad of [42, null, [], 'not json at all', '[1,2]', true]) {
      assert.throws(() => vouch.validatePolicy(bad), Error, JSON.stringify(bad));
    }
    assert.throws(() => vouch.validatePolicy(undefined), /policy/);
    assert.ok(isPlainObject(vouch.validatePolicy({})), 'the module still works afterwards');
  });
});

describe('classify', () => {
  test('returns a plain result object in the contract shape', () => {
    const r = vouch.classify(pitch, policy);
    assert.ok(isPlainObject(r));
    assert.equal(r.id, pitch.id, 'id is echoed');
    assert.ok(CATEGORIES.includes(r.category), r.category);
    assert.ok(VERDICTS.includes(r.verdict), r.verdict);
    assert.ok(r.confidence >= 0 && r.confidence <= 1, `confidence ${r.confidence}`);
    assert.ok(Array.isArray(r.reasons));
    for (const reason of r.reasons) {
      assert.equal(typeof reason.rule, 'string');
      assert.equal(typeof reason.text, 'string');
    }
    assert.deepStrictEqual(JSON.parse(JSON.stringify(r)), r, 'nothing but JSON values');
  });

  test('a clear sales pitch is sales, declined with a reply and evidence in the note', needsCore, () => {
    const r = vouch.classify(pitch, policy);
    assert.equal(r.category, 'sales');
    assert.equal(r.verdict, 'decline');
    assert.equal(typeof r.reply, 'string');
    assert.ok(r.reply.length > 0);
    assert.ok(r.reasons.some((x) => Array.isArray(x.span)), 'at least one reason points into the note');
  });

  test('spans are UTF-16 [start, end) ranges inside the message', needsCore, () => {
    const invitation = { ...pitch, message: `🎉🎉 ${pitch.message}` };
    const r = vouch.classify(invitation, policy);
    const spans = r.reasons.filter((x) => x.span).map((x) => x.span);
    assert.ok(spans.length > 0);
    const plain = vouch.classify(pitch, policy).reasons.filter((x) => x.span).map((x) => x.span);
    for (const [start, end] of spans) {
      assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end);
      assert.ok(end <= invitation.message.length);
    }
    // Two emoji are four UTF-16 code units (plus a space): every span moves by exactly five.
    assert.deepStrictEqual(spans, plain.map(([s, e]) => [s + 5, e + 5]));
  });

  test('the verdict follows the mode for a generic invitation', needsCore, () => {
    // A stranger Vouch is sure of (a seller's headline, two mutual connections): when it is unsure
    // whether a bare invitation is from someone you know, it asks in every mode instead.
    const generic = { id: 'g', sender: { name: 'Leo Marsh', headline: 'Sales Manager at Acme', mutual_connections: 2 },
      message: "I'd like to add you to my professional network on LinkedIn." };
    const verdicts = Object.fromEntries(['quality', 'balanced', 'open'].map(
      (mode) => [mode, vouch.classify(generic, { ...policy, mode }).verdict]));
    assert.deepStrictEqual(verdicts, { quality: 'ignore', balanced: 'ask', open: 'accept' });
  });

  test('a generic sender who invited before is ignored', needsCore, () => {
    const r = vouch.classify({ id: 'p', sender: { name: 'Nora Quinn' }, message: null, prior_invitations: 2 }, policy);
    assert.equal(r.verdict, 'ignore');
    assert.ok(r.reply === undefined || r.reply === null);
  });

  test('unknown fields are ignored and the inputs are not changed', () => {
    const invitation = { ...pitch, expect: { category: 'sales' }, note: 'test-only field' };
    const before = structuredClone(invitation);
    const policyBefore = structuredClone(policy);
    assert.deepStrictEqual(vouch.classify(invitation, policy), vouch.classify(pitch, policy));
    assert.deepStrictEqual(invitation, before);
    assert.deepStrictEqual(policy, policyBefore);
  });

  test('JSON text and the object give the same answer', () => {
    assert.deepStrictEqual(vouch.classify(JSON.stringify(pitch), JSON.stringify(policy)),
      vouch.classify(pitch, policy));
  });

  test('the policy defaults to {}', () => {
    assert.deepStrictEqual(vouch.classify(pitch), vouch.classify(pitch, {}));
  });

  test('markup in a note is text: spans index the raw characters', needsCore, () => {
    const message = '<b>Special offer</b> we offer a 20% discount, book a 15-minute demo &amp; call';
    const r = vouch.classify({ ...pitch, message }, policy);
    for (const { span } of r.reasons) {
      if (span) assert.ok(span[1] <= message.length);
    }
  });

  test('a missing sender.name is an Error naming sender.name', needsCore, () => {
    throwsNaming(() => vouch.classify({ id: 'x', sender: {}, message: 'hi' }, policy), 'sender.name');
    throwsNaming(() => vouch.classify({ id: 'x', message: 'hi' }, policy), 'sender');
  });

  test('a missing id is an Error naming id', needsCore, () => {
    throwsNaming(() => vouch.classify({ sender: { name: 'A B' } }, policy), 'id');
  });

  test('an invitation that is not an object is an Error, not a crash', () => {
    for (const bad of [42, null, [], 'not json at all', '"a string"', false]) {
      assert.throws(() => vouch.classify(bad, policy), Error, JSON.stringify(bad));
    }
    assert.throws(() => vouch.classify(undefined, policy), /invitation/);
    assert.throws(() => vouch.classify(() => 1, policy), /invitation/);
    const cyclic = { id: 'c', sender: { name: 'C' } };
    cyclic.self = cyclic;
    assert.throws(() => vouch.classify(cyclic, policy), /invitation/);
    assert.equal(vouch.classify(pitch, policy).id, pitch.id, 'the module still works afterwards');
  });

  test('a bad policy is an Error naming the policy field', needsCore, () => {
    throwsNaming(() => vouch.classify(pitch, { mode: 'reckless' }), 'mode');
  });
});

describe('draftNote', () => {
  const target = {
    id: 't-1',
    target: { name: 'Priya Raman', headline: 'Head of Data at Northwind', companies: ['Northwind', 'Contoso'] },
    context: { relation: 'worked_together', where: 'Contoso', when: '2019' },
    limit: 200,
  };

  test('drafts at least three distinct notes within the limit, or says it is not implemented', () => {
    let result;
    try {
      result = vouch.draftNote(target, policy);
    } catch (e) {
      assert.ok(e instanceof Error);
      assert.match(e.message, /not yet implemented/);
      return;
    }
    assert.ok(isPlainObject(result));
    assert.equal(result.id, target.id);
    assert.ok(result.notes.length >= 3);
    assert.equal(new Set(result.notes).size, result.notes.length, 'distinct');
    for (const note of result.notes) {
      assert.ok(note.length <= target.limit, `${note.length} > ${target.limit}`);
      assert.match(note, /Priya/);
    }
  });

  test('a target that is not an object is an Error, not a crash', () => {
    for (const bad of [42, null, 'nope']) assert.throws(() => vouch.draftNote(bad, policy), Error);
    assert.throws(() => vouch.draftNote(undefined, policy), /target/);
  });
});
