// The audit page: one file input (and a drop zone) -> a module worker (audit-worker.js) unzips
// and audits the export with a progress bar -> the summary, charts and review list
// (audit-view.mjs). The report lives in this tab's memory only; "Save report" downloads it.
//
// Signals for tests: <html data-audit="ready"> once wired; `vouch:audit-done` on document with
// detail {connections, ms} when a report is shown (ms: from choosing the file to the report).
import { download, render_summary, review_csv, setup_review } from './audit-view.mjs';
import { loadPolicy } from './policy.mjs';
import { replaceChildren } from './dom.mjs';

const $ = (id) => document.getElementById(id);
const PHASES = { reading: [0, 0.05, 'Reading the file…'], auditing: [0.05, 0.95, 'Unzipping and reading your export…'], judging: [0.95, 1, 'Joining and judging…'] };

let worker = null;
let report = null;
let review = null;

function show_error(message) {
  $('audit-error').textContent = message;
  $('audit-error').hidden = false;
  $('progress-box').hidden = true;
  $('audit-status').textContent = message;
}

function set_progress(phase, fraction) {
  const [from, to, label] = PHASES[phase] || PHASES.auditing;
  $('audit-progress').value = Math.round((from + (to - from) * Math.min(1, Math.max(0, fraction))) * 1000);
  $('progress-label').textContent = label;
}

/** Shows a report ({connections, summary}); exported so a test can draw one without the core. */
export function show_report(result, started = performance.now()) {
  report = result;
  render_summary($('summary'), report);
  review = setup_review({
    status: $('filter-status'), role: $('filter-role'), year: $('filter-year'), count: $('review-count'),
    body: $('review-body'), more: $('review-more'), sort_buttons: [...document.querySelectorAll('#review-table [data-sort]')],
  }, report.connections);
  $('report').hidden = false;
  $('review').hidden = false;
  $('progress-box').hidden = true;
  const ms = Math.round(performance.now() - started);
  $('audit-status').textContent = `Report ready: ${report.connections.length} connections.`;
  document.dispatchEvent(new CustomEvent('vouch:audit-done', { detail: { connections: report.connections.length, ms } }));
}

function start(files) {
  const started = performance.now();
  if (!files.length) return;
  worker?.terminate();
  worker = new Worker(new URL('./audit-worker.js', import.meta.url), { type: 'module' });
  $('audit-error').hidden = true;
  $('report').hidden = true;
  $('review').hidden = true;
  replaceChildren($('review-body'));
  report = null;
  $('progress-box').hidden = false;
  set_progress('reading', 0);
  worker.onmessage = ({ data }) => {
    if (data.type === 'progress') set_progress(data.phase, data.fraction);
    else if (data.type === 'done') {
      worker.terminate();
      worker = null;
      let result;
      try { result = JSON.parse(data.report_json); } catch (e) { show_error(`The audit's report could not be read: ${e.message}`); return; }
      show_report(result, started);
    }
    else if (data.type === 'error') { show_error(data.message); worker.terminate(); worker = null; }
  };
  worker.onerror = (event) => { show_error(`The audit could not run: ${event.message || 'the worker failed to load'}`); };
  const options = {};
  if ($('as-of').value) options.as_of = $('as-of').value;
  worker.postMessage({ type: 'audit', files: [...files], policy: loadPolicy(), options });
}

const stamp = () => new Date().toISOString().slice(0, 10);

$('export-file').addEventListener('change', (event) => start(event.target.files));
const drop = $('drop');
drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  start(event.dataTransfer?.files || []);
});
// A file dropped beside the box is not opened by the browser (the tab would leave the page).
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', (event) => event.preventDefault());
$('save-json').addEventListener('click', () => report && download(`vouch-audit-${stamp()}.json`, JSON.stringify(report, null, 1), 'application/json'));
const save_csv = () => review && download(`vouch-review-${stamp()}.csv`, review_csv(review.list()), 'text/csv');
$('save-csv').addEventListener('click', save_csv);
$('export-csv').addEventListener('click', save_csv);
document.documentElement.dataset.audit = 'ready';
