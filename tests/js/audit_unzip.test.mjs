// The audit page's unzipping (web/audit-unzip.mjs) with fflate from npm: the files the audit
// reads come out whole, in chunks, from the zip's root or a folder; others are ignored; a file
// that is not a zip is refused with an error saying so.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fflate from 'fflate';

import { audit_file_name, unzip_export } from '../../web/audit-unzip.mjs';

const collect = async (zip, opts = {}) => {
  const parts = {};
  const progress = [];
  const names = await unzip_export(fflate, zip, {
    ...opts,
    on_chunk: (name, chunk, last) => { (parts[name] ||= { chunks: [], last: 0 }).chunks.push(chunk); if (last) parts[name].last += 1; },
    on_progress: (f) => progress.push(f),
  });
  const text = {};
  for (const [name, p] of Object.entries(parts)) {
    assert.equal(p.last, 1, `${name}: one last chunk`);
    text[name] = fflate.strFromU8(Buffer.concat(p.chunks.map((c) => Buffer.from(c))));
  }
  return { names, text, progress };
};

describe('unzip_export', () => {
  test('audit_file_name keeps the files the audit reads, from any folder', () => {
    assert.equal(audit_file_name('Basic_LinkedInDataExport_11-20-2026/messages.csv'), 'messages.csv');
    assert.equal(audit_file_name('Connections.csv'), 'Connections.csv');
    assert.equal(audit_file_name('Jobs/Job Applications.csv'), null);
  });

  test('a large file comes out whole in several chunks, in a folder, others ignored', async () => {
    const big = Array.from({ length: 60000 }, (_, i) => `c${i},Ann ${i},"x, y",2025-10-06 23:49:02 UTC`).join('\r\n');
    const zip = fflate.zipSync({
      'Export/Connections.csv': fflate.strToU8('First Name,Last Name\r\nAnn,Lee\r\n'),
      'Export/messages.csv': fflate.strToU8(big),
      'Export/Ad_Targeting.csv': fflate.strToU8('ignored'),
    });
    const { names, text, progress } = await collect(zip, { block: 4096 });
    assert.deepEqual(names, ['Connections.csv', 'messages.csv']);
    assert.equal(text['Connections.csv'], 'First Name,Last Name\r\nAnn,Lee\r\n');
    assert.equal(text['messages.csv'], big);
    assert.ok(progress.length > 2, 'progress reported more than once');
    assert.equal(progress.at(-1), 1);
    assert.ok(progress.every((f, i) => i === 0 || f >= progress[i - 1]), 'progress only moves forward');
  });

  test('stored (uncompressed) entries are read too', async () => {
    const zip = fflate.zipSync({ 'Profile.csv': [fflate.strToU8('First Name\nUma'), { level: 0 }] });
    const { text } = await collect(zip);
    assert.equal(text['Profile.csv'], 'First Name\nUma');
  });

  test('a file that is not a zip is refused, saying so', async () => {
    await assert.rejects(collect(fflate.strToU8('First Name,Last Name\n')), /the export: this is not a zip file/);
    const whole = fflate.zipSync({ 'messages.csv': fflate.strToU8('a,b\n'.repeat(50000)) });
    await assert.rejects(collect(whole.subarray(0, whole.length >> 1)), /the export: (messages\.csv is cut short|the zip could not be read)/);
    await assert.rejects(unzip_export(fflate, 'text', { on_chunk() {} }), /expected the bytes of a zip/);
  });
});
