// Same answers everywhere: every corpus through the wasm module (via the JS API, plain objects)
// and through the native `vouch classify` must give identical results, record for record.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadVouch } from '../../dist/vouch/index.mjs';
import { corpora, readJson, readLines, runNative } from './corpus.mjs';

/** What the wasm module says of one input line, in the shape the native tool writes. */
function classifyLine(vouch, line, lineNumber, policy) {
  let invitation;
  try {
    invitation = JSON.parse(line);
  } catch {
    invitation = line; // not JSON: handed over as text, for the core to reject
  }
  try {
    return vouch.classify(invitation, policy);
  } catch (e) {
    assert.ok(e instanceof Error, 'the API throws Error objects');
    return { line: lineNumber, error: e.message };
  }
}

for (const { name, invitations, policy } of corpora()) {
  test(`${name}: wasm and native classify give identical results`, async () => {
    const vouch = await loadVouch();
    // The tool skips blank lines and numbers the others as they are in the file.
    const lines = readLines(invitations)
      .map((text, i) => ({ text, number: i + 1 }))
      .filter(({ text }) => text.trim() !== '');
    const native = await runNative(['classify', '--policy', policy, invitations]);
    const nativeLines = native.stdout.split('\n').filter((l) => l !== '');
    assert.ok(native.code <= 1, `vouch classify failed (exit ${native.code}): ${native.stderr}`);
    assert.equal(nativeLines.length, lines.length, 'one output line per non-blank input line');
    const policyObject = readJson(policy);
    let errors = 0;
    lines.forEach(({ text, number }, i) => {
      const fromNative = JSON.parse(nativeLines[i]);
      const fromWasm = classifyLine(vouch, text, number, policyObject);
      if ('error' in fromNative || 'error' in fromWasm) {
        errors += 1;
        // Both must reject the line with the same message (the tool adds the line number).
        assert.ok('error' in fromNative && 'error' in fromWasm,
          `line ${number}: native ${JSON.stringify(fromNative)} vs wasm ${JSON.stringify(fromWasm)}`);
        assert.deepStrictEqual(fromWasm, fromNative, `line ${number}`);
        return;
      }
      assert.deepStrictEqual(fromWasm, fromNative, `line ${number} (${fromNative.id})`);
    });
    assert.equal(native.code, errors ? 1 : 0, 'the tool exits 1 exactly when a line was rejected');
  });
}
