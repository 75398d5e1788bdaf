#!/usr/bin/env node
// Benchmark: how long the extension takes to annotate 100 invitation cards, in Chromium.
// Prints figures, asserts nothing (style.md: benchmarks are programs that print figures).
//
// The browser starts with the built extension and is left to settle (its own start-up work is not
// Vouch's). Then, for each run: load an empty invitation manager (generation B fixture, strict
// CSP; a fresh page, so a fresh content script), append 100 cards in one go (the fixture marks
// `fixture:cards-added` right before the append), and mark `bench:annotated` when the extension's
// `vouch:annotated` event finds all 100 annotated. The figure is performance.measure between the
// two marks. The content script's own measures split it into the pass and, within the pass, the
// round trip to the core in the background. Each run also follows the frames: when the cards'
// content was first rendered (and that frame's main-thread time), and when the annotations were
// first on screen (the end of the first frame after `bench:annotated`).
//
// The first WARMUP runs are warm-up, as in any benchmark of JIT-compiled code: the background's
// core starts in V8's baseline tiers (its wasm ran 3-5x slower on the first batches of 100 than
// from the fifth on), and so does each fresh content script. The first run is printed as the
// cold figure (the first batch after the background started); the median is over the runs after
// the warm-up.
//   usage: node tests/bench/annotate_bench.mjs [runs=10] [cards=100] [settle_ms=3000] [warmup=5]   (after scripts/build)
import { launch_chromium } from '../e2e/extension_browsers.mjs';
import { fixture_data } from '../fixtures/linkedin/server.mjs';

const runs = Number(process.argv[2] || 10);
const count = Number(process.argv[3] || 100);
const settle_ms = Number(process.argv[4] ?? 3000);
const warmup = Number(process.argv[5] ?? 5);

/** `count` distinct invitations, cycling through the fixture's kinds of note. */
function invitations(n) {
  const base = fixture_data.invitations.filter((r) => r.id !== 'f-payload');
  return Array.from({ length: n }, (_, i) => {
    const r = base[i % base.length];
    const slug = `bench-${i}`;
    return { ...r, id: `b-${i}`, sender: { ...r.sender, name: `${r.sender.name} ${i}`, profile_url: `https://www.linkedin.com/in/${slug}/` } };
  });
}

/** In the page: add the cards, resolve with the figures once all are annotated and on screen. */
function add_and_measure(cards) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not annotated within 30 s')), 30000);
    let t0 = 0; // the fixture's cards-added mark
    let last_name = null; // the name on the last card added
    let annotated_at = null;
    let shown = null; // end of the first frame that rendered the new cards' content
    let render = null; // that frame's main-thread time
    const finish = (badges_shown) => {
      clearTimeout(timer);
      resolve({
        total: annotated_at, render, shown, badges_shown,
        passes: performance.getEntriesByName('vouch:pass').map((e) => e.duration),
        core: performance.getEntriesByName('vouch:classify').map((e) => e.duration),
        start: performance.getEntriesByName('vouch:pass-start').map((e) => e.startTime - t0),
      });
    };
    // Each frame until the annotations are on screen: in its animation-frame callbacks, whether
    // the last card's name is rendered (checkVisibility is false while it is not), then the
    // frame's end as the first task after it (a message posted from those callbacks is queued
    // behind the frame's style, layout and paint).
    const frame = () => requestAnimationFrame(() => {
      const from = performance.now();
      const rendered = !!last_name && last_name.checkVisibility();
      const after_annotated = annotated_at !== null;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const end = performance.now();
        if (rendered && shown === null) {
          shown = end - t0;
          render = end - from;
        }
        if (after_annotated && rendered) finish(end - t0);
        else frame();
      };
      channel.port2.postMessage(0);
    });
    const on_annotated = () => {
      if (document.querySelectorAll('vouch-annotation').length < cards.length) return;
      performance.mark('bench:annotated');
      document.removeEventListener('vouch:annotated', on_annotated);
      annotated_at = performance.measure('bench:annotate', 'fixture:cards-added', 'bench:annotated').duration;
    };
    document.addEventListener('vouch:annotated', on_annotated);
    frame();
    window.__fixture.addCards(cards);
    t0 = performance.getEntriesByName('fixture:cards-added').at(-1).startTime;
    last_name = document.querySelector(`[data-fixture-id="${cards[cards.length - 1].id}"] strong`);
  });
}

const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const env = await launch_chromium();
await new Promise((resolve) => setTimeout(resolve, settle_ms));
const cards = invitations(count);
const totals = [];
const on_screen = [];
try {
  for (let run = 1; run <= warmup + runs; run++) {
    await env.page.goto('https://www.linkedin.com/mynetwork/invitation-manager/?gen=b&empty=1');
    // The cards come once the content script watches the page (it starts at document_idle).
    await env.page.waitForFunction(() => performance.getEntriesByName('vouch:started').length > 0);
    const r = await env.page.evaluate(add_and_measure, cards);
    totals.push(r.total);
    on_screen.push(r.badges_shown);
    const ms = (list) => list.map((p) => p.toFixed(1)).join(', ');
    console.log(`${run <= warmup ? 'warm-up ' : ''}run ${run}${run === 1 ? ' (the core\'s first batch)' : ''}: ${count} cards annotated in ${r.total.toFixed(1)} ms`
      + ` (pass started after ${ms(r.start)} ms; content-script passes ${ms(r.passes)} ms, of which from sending the cards to the core to handling its answer ${ms(r.core)} ms);`
      + ` the cards' content first rendered in a frame ending at ${r.shown.toFixed(1)} ms (main-thread time ${r.render.toFixed(1)} ms);`
      + ` annotations on screen at ${r.badges_shown.toFixed(1)} ms`);
  }
} finally {
  await env.close();
}
const measured = totals.slice(warmup);
if (measured.length) {
  console.log(`first batch after the background started: ${totals[0].toFixed(1)} ms;`
    + ` median of ${measured.length} runs after ${warmup} warm-up runs: ${median(measured).toFixed(1)} ms from cards appearing to vouch:annotated`
    + ` (fastest ${Math.min(...measured).toFixed(1)}, slowest ${Math.max(...measured).toFixed(1)}; target: 50 ms);`
    + ` annotations on screen after ${median(on_screen.slice(warmup)).toFixed(1)} ms`);
}
if (env.errors.length || env.foreign.length) console.log('page errors:', env.errors, 'foreign requests:', env.foreign);
