#!/usr/bin/env node
// Generates an export of 5,000 connections with known answers (scripts/gen-export.mjs) and checks
// `vouch audit` on its zip and its folder against them: every status and last interaction, the
// summary's counts and the malformed rows by file and line. Exit 1 on any difference.
//   node tests/audit/check-export.mjs VOUCH_TOOL [CONNECTIONS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../../scripts/gen-export.mjs';

const tool = process.argv[2];
const n = Number(process.argv[3] || 5000);
const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const dir = mkdtempSync(join(tmpdir(), 'vouch-audit-'));
let failures = 0;
const fail = (msg) => { if (failures++ < 20) console.error(`FAIL ${msg}`); };
try {
  execFileSync('node', [join(root, 'scripts/gen-export.mjs'), '--out', dir, '--connections', String(n), '--messages', String(n * 10), '--seed', '7']);
  const { answers } = generate({ connections: n, messages: n * 10, seed: 7 });
  writeFileSync(join(dir, 'policy.json'), '{"me": {"name": "Ann Me"}}');
  const run = (args) => execFileSync(tool, ['audit', '--policy', join(dir, 'policy.json'), ...args], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const zip = join(dir, 'Basic_LinkedInDataExport_11-20-2026.zip');
  const lines = run([zip]).trim().split('\n').map((l) => JSON.parse(l));
  const folder = run([join(dir, 'export'), '--as-of', answers.as_of]);
  if (folder.trim().split('\n').length !== lines.length) fail('the folder and the zip give different numbers of lines');
  if (lines.length !== answers.connections.length) fail(`${lines.length} connections, expected ${answers.connections.length}`);
  let right = 0;
  answers.connections.forEach((want, i) => {
    const got = lines[i] || {};
    const ok = got.profile_url === want.profile_url && got.status === want.status && got.last_interaction === want.last_interaction;
    if (ok) right++;
    else fail(`connection ${i + 1} ${want.name}: got ${got.status} ${got.last_interaction}, expected ${want.status} ${want.last_interaction}`);
  });
  const s = JSON.parse(run([zip, '--summary']));
  const w = answers.summary;
  if (s.as_of !== answers.as_of) fail(`as_of ${s.as_of}, expected ${answers.as_of}`);
  if (s.connections !== w.connections) fail(`summary connections ${s.connections}, expected ${w.connections}`);
  for (const k of Object.keys(w.status)) if (s.status[k] !== w.status[k]) fail(`summary status.${k} ${s.status[k]}, expected ${w.status[k]}`);
  if (s.invitations.count !== w.invitations) fail(`invitations ${s.invitations.count}, expected ${w.invitations}`);
  if (s.pending_sent_over_21_days !== w.pending_sent_over_21_days) fail(`pending ${s.pending_sent_over_21_days}, expected ${w.pending_sent_over_21_days}`);
  const gotW = JSON.stringify(s.warnings.map(({ file, line }) => ({ file, line })));
  if (gotW !== JSON.stringify(w.warnings)) fail(`warnings ${gotW}, expected ${JSON.stringify(w.warnings)}`);
  console.log(`audit export check: ${right}/${answers.connections.length} connections right (${(100 * right / answers.connections.length).toFixed(2)}%), ` +
    `status ${JSON.stringify(s.status)}, invitations ${s.invitations.count}, pending ${s.pending_sent_over_21_days}, warnings ${s.warnings.length}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
