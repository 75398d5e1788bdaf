// Classification throughput of the wasm module in node, through the public JS API, next to the
// native figure (`vouch bench`, line "json_api: N invitations/s") measured in the same run over the
// same records. Prints; asserts nothing.
//
//   node tests/bench/wasm_bench.mjs [--min N]     (default: the corpus repeated to >= 100,000)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { loadVouch } from '../../dist/vouch/index.mjs';
import { corpora, readJson, readLines, runNative } from '../js/corpus.mjs';

const minIndex = process.argv.indexOf('--min');
const minimum = minIndex > 0 ? Number(process.argv[minIndex + 1]) : 100_000;

// The project's own corpus (the first listed: fixtures, or the sample until they exist).
const { name, invitations, policy: policyPath } = corpora()[0];
const lines = readLines(invitations).filter((line) => line.trim() !== '');
const repeats = Math.ceil(minimum / lines.length);
const allLines = Array.from({ length: repeats }, () => lines).flat();
const records = allLines.map((line) => JSON.parse(line));
const policy = readJson(policyPath);

const vouch = await loadVouch();

/** Invitations a second for `classify` over all records (after a warm-up pass over the corpus). */
function measure(inputs, policyArgument) {
  let sink = 0;
  for (const input of inputs.slice(0, lines.length * 3)) sink += vouch.classify(input, policyArgument).confidence;
  const start = performance.now();
  for (const input of inputs) sink += vouch.classify(input, policyArgument).confidence;
  const seconds = (performance.now() - start) / 1000;
  if (Number.isNaN(sink)) console.log('(unreachable; keeps the results alive)');
  return { perSecond: inputs.length / seconds, seconds };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

console.log(`corpus: ${name} (${lines.length} invitations) repeated ${repeats}x = ${records.length} invitations`);
const objects = measure(records, policy);
console.log(`wasm (JS API, plain objects): ${fmt(objects.perSecond)} invitations/s (${objects.seconds.toFixed(2)} s)`);
const texts = measure(allLines, JSON.stringify(policy));
console.log(`wasm (JS API, JSON text):     ${fmt(texts.perSecond)} invitations/s (${texts.seconds.toFixed(2)} s)`);

// What the API adds in JavaScript: the result arrives as JSON text and is handed back as a plain
// object. Timed alone over the same number of results, to show how much of the gap it is.
const resultTexts = lines.map((line) => JSON.stringify(vouch.classify(line, JSON.stringify(policy))));
let parsed = 0;
const parseStart = performance.now();
for (let i = 0; i < allLines.length; i += 1) parsed += JSON.parse(resultTexts[i % resultTexts.length]).confidence;
const parseSeconds = (performance.now() - parseStart) / 1000;
if (Number.isNaN(parsed)) console.log('(unreachable)');
console.log(`  of which JSON.parse of the results: ${(parseSeconds * 1e6 / allLines.length).toFixed(1)} µs per invitation ` +
  `(${(100 * parseSeconds / texts.seconds).toFixed(0)}% of the JSON-text time)`);

// The native tool over the very same records, written to a temporary file.
const dir = await mkdtemp(join(tmpdir(), 'vouch-bench-'));
try {
  const file = join(dir, 'invitations.jsonl');
  await writeFile(file, `${allLines.join('\n')}\n`);
  const native = await runNative(['bench', '--policy', policyPath, file]);
  const match = /json_api:\s*([\d.,]+)\s*invitations\/s/.exec(native.stdout);
  if (!match) {
    console.log(`native: no "json_api" figure from build/native/vouch bench (exit ${native.code}); ` +
      `output: ${JSON.stringify((native.stdout + native.stderr).trim().slice(0, 200))}`);
  } else {
    const nativePerSecond = Number(match[1].replace(/,/g, ''));
    console.log(`native (vouch bench json_api): ${fmt(nativePerSecond)} invitations/s`);
    const ratio = nativePerSecond / objects.perSecond;
    console.log(`ratio: wasm time / native time = ${ratio.toFixed(2)}x (plain objects), ` +
      `${(nativePerSecond / texts.perSecond).toFixed(2)}x (JSON text); goal <= 1.5x`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
