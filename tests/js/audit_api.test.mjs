// vouch.audit in node: a generated export (tests/fixtures/audit_export.mjs) with known answers,
// every shape `files` may take giving the same report (chunks split mid-row and mid-character),
// and errors thrown as Errors that name the field.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { loadVouch, loadVouchAudit } from '../../dist/vouch/index.mjs';
import { make_export, ZIP_NAME } from '../fixtures/audit_export.mjs';

const { files, expected } = make_export({ connections: 1000, messages: 6000, invitations: 60, seed: 7 });
let vouch;
let report;

before(async () => {
  vouch = await loadVouch();
  report = await vouch.audit(files, {}, { zip_name: ZIP_NAME });
});

async function* chunks(size) {
  const bytes = new TextEncoder();
  for (const [name, text] of Object.entries(files)) {
    const all = bytes.encode(text);
    for (let at = 0; at < all.length; at += size) yield { name, data: all.subarray(at, at + size) };
  }
}

describe('vouch.audit', () => {
  test('the generated export gives its known answers', () => {
    const { summary, connections } = report;
    assert.equal(summary.as_of, expected.as_of, 'as of the date in the zip name');
    assert.equal(summary.connections, expected.connections);
    assert.equal(connections.length, expected.connections);
    assert.deepEqual(summary.status, expected.status);
    assert.deepEqual(Object.fromEntries(Object.entries(summary.per_year).map(([y, n]) => [String(y), n])),
      Object.fromEntries(Object.entries(expected.per_year).map(([y, n]) => [String(y), n])));
    assert.equal(summary.invitations.count, expected.incoming);
    assert.equal(Object.values(summary.invitations.categories).reduce((s, n) => s + n, 0), expected.incoming);
    assert.equal(summary.pending_sent_over_21_days, expected.pending_sent_over_21_days);
    let right = 0;
    for (const c of connections) {
      const want = expected.by_url[c.profile_url];
      assert.ok(want, `${c.profile_url} is a generated connection`);
      if (want.status === c.status && (want.last_interaction ?? null) === (c.last_interaction || null)) right += 1;
    }
    assert.equal(right, connections.length, 'every status and last interaction right');
    assert.deepEqual(summary.warnings, []);
  });

  test('a Map, an array and chunks split mid-row and mid-character give the same report', async () => {
    const as = { zip_name: ZIP_NAME };
    assert.deepEqual(await vouch.audit(new Map(Object.entries(files)), {}, as), report);
    assert.deepEqual(await vouch.audit(Object.entries(files).map(([name, data]) => ({ name, data })), {}, as), report);
    assert.deepEqual(await vouch.audit(chunks(997), {}, as), report);
    const { beginAudit } = await loadVouchAudit();
    const stream = await beginAudit({}, as);
    let current = null;
    for await (const { name, data } of chunks(4096)) {
      if (current && current !== name) stream.end(current); // files one after another
      current = name;
      stream.feed(name, data);
    }
    stream.end(current);
    assert.deepEqual(stream.finish(), report);
    // finishText(): the same report as JSON text (what the page's worker posts).
    const text_stream = await beginAudit({}, as);
    for (const [name, data] of Object.entries(files)) { text_stream.feed(name, data); text_stream.end(name); }
    const text = text_stream.finishText();
    assert.equal(typeof text, 'string');
    assert.deepEqual(JSON.parse(text), report);
    assert.throws(() => text_stream.finish(), /this audit is finished/);
  });

  test('options: as_of and stale_days change the statuses', async () => {
    const r = await vouch.audit(files, {}, { as_of: '2026-11-20', stale_days: 100000 });
    assert.equal(r.summary.status.faded, 0, 'nothing is faded when any interaction is recent');
    assert.equal(r.summary.status.active, expected.status.active + expected.status.faded);
  });

  test('errors are Errors that name the field', async () => {
    await assert.rejects(vouch.audit(null), /^Error: files: /);
    await assert.rejects(vouch.audit({ 'Connections.csv': 42 }), /files\["Connections\.csv"\]: expected text or bytes/);
    await assert.rejects(vouch.audit(files, {}, { stale_days: -1 }), /options\.stale_days/);
    await assert.rejects(vouch.audit(files, {}, { as_of: 20261120 }), /options\.as_of/);
    await assert.rejects(vouch.audit(files, { mode: 'loud' }), /mode/);
    await assert.rejects(vouch.audit({ 'messages.csv': files['messages.csv'] }), /Connections\.csv/);
  });
});
