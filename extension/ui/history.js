// The history page (contract: ui/history.html): every sender whose invitation Vouch judged, newest
// judgement first, one row each: <tr data-profile data-category data-verdict data-actions> with
// the sender, Vouch's latest judgement (after any correction), its date, what the user did and
// how many of their invitations were ignored (the repeat-sender memory that sets
// `prior_invitations`). Filters by verdict, category, action and text; exports the rows shown as
// CSV or JSON; Clear asks first, in the page. The rows come from the background's copy
// (UI_TO_BG.GET_HISTORY, which holds a change whose write is still under way) and follow
// storage.local's changes. Names and headlines came from LinkedIn's page: set as text only.
import './globals.js';
const api = globalThis.vouchBrowser;
const { UI_TO_BG, CATEGORIES, VERDICTS } = globalThis.VouchMessages;
const { HISTORY_KEY } = globalThis.VouchSettings;
const History = globalThis.VouchHistory;
const { t } = globalThis.VouchI18n;
globalThis.VouchI18n.localize(document);

const table = document.getElementById('history-table');
const body = table.querySelector('tbody');
const empty = document.getElementById('history-empty');
const shown_line = document.getElementById('history-shown');
const status = document.getElementById('history-status');
const filter = {
  verdict: document.getElementById('h-verdict'),
  category: document.getElementById('h-category'),
  action: document.getElementById('h-action'),
  text: document.getElementById('h-text'),
};
const confirm = document.getElementById('clear-confirm');

function add_options(select, values, label) {
  for (const value of values) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label(value);
    select.append(option);
  }
}
add_options(filter.verdict, VERDICTS, (v) => t(`verdict_${v}`));
add_options(filter.category, CATEGORIES, (c) => t(`categoryPlain_${c}`));
add_options(filter.action, History.ACTIONS, (a) => t(`historyAction_${a}`));

const day = (at) => new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
function time_of(at) {
  const time = document.createElement('time');
  time.dateTime = at;
  time.textContent = day(at);
  time.title = new Date(at).toLocaleString();
  return time;
}
function cell(...content) {
  const td = document.createElement('td');
  td.append(...content);
  return td;
}

function row_of(r) {
  const tr = document.createElement('tr');
  tr.dataset.profile = r.profile;
  tr.dataset.category = r.category || '';
  tr.dataset.verdict = r.verdict || '';
  tr.dataset.actions = r.actions.map((a) => a.what).join(' ');
  const link = document.createElement('a');
  link.href = r.profile; // profile_key's form: https://www.linkedin.com/in/<slug>/
  link.rel = 'noreferrer';
  link.target = '_blank';
  link.textContent = r.name || r.profile;
  const sender = cell(link);
  sender.className = 'sender';
  if (r.headline) {
    const headline = document.createElement('div');
    headline.className = 'headline';
    headline.textContent = r.headline;
    sender.append(headline);
  }
  const verdict = cell(r.verdict ? t(`verdict_${r.verdict}`) : t('historyNotJudged'));
  verdict.className = 'verdict';
  const category = cell(r.category ? t(`categoryPlain_${r.category}`) : '');
  if (r.corrected) category.append(` (${t('historyCorrected')})`);
  category.className = 'category';
  const date = cell(...(r.judged_at ? [time_of(r.judged_at)] : []));
  date.className = 'date';
  const did = cell();
  did.className = 'did';
  r.actions.forEach((a, i) => {
    if (i) did.append(', ');
    did.append(`${t(`historyAction_${a.what}`)} `, time_of(a.at));
  });
  if (!r.actions.length) did.textContent = t('historyNothing');
  const ignored = cell(String(r.ignored));
  ignored.className = 'ignored';
  tr.append(sender, verdict, category, date, did, ignored);
  return tr;
}

let all = []; // every row, newest first
let shown = []; // the rows the filters let through

function matches(r) {
  if (filter.verdict.value && r.verdict !== filter.verdict.value) return false;
  if (filter.category.value && r.category !== filter.category.value) return false;
  const action = filter.action.value;
  if (action === 'none' ? r.actions.length : action && !r.actions.some((a) => a.what === action)) return false;
  const text = filter.text.value.trim().toLowerCase();
  return !text || [r.name, r.headline, r.profile].some((s) => s.toLowerCase().includes(text));
}

function render() {
  shown = all.filter(matches);
  body.replaceChildren(...shown.map(row_of));
  table.hidden = !shown.length;
  empty.hidden = !!all.length;
  shown_line.textContent = all.length ? t('historyShown', shown.length, all.length) : '';
  for (const id of ['export-csv', 'export-json']) document.getElementById(id).disabled = !shown.length;
  document.getElementById('clear').disabled = !all.length;
  table.setAttribute('aria-busy', 'false');
}

async function load() {
  try {
    const answer = await api.runtime.sendMessage({ type: UI_TO_BG.GET_HISTORY });
    if (!answer || answer.error) throw new Error((answer && answer.error) || 'no answer');
    all = History.rows(History.normalize(answer.history, { lenient: true }));
  } catch (error) {
    status.textContent = t('historyNotRead', String(error && error.message || error));
  }
  render();
}

for (const control of Object.values(filter)) control.addEventListener('input', render);
document.getElementById('filters').addEventListener('submit', (event) => event.preventDefault());

function download(text, type, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}
document.getElementById('export-csv').addEventListener('click', () => download(History.to_csv(shown), 'text/csv;charset=utf-8', 'vouch-history.csv'));
document.getElementById('export-json').addEventListener('click', () => download(History.to_json(shown), 'application/json', 'vouch-history.json'));

document.getElementById('clear').addEventListener('click', () => {
  document.getElementById('clear-confirm-text').textContent = t('historyClearConfirm', all.length);
  confirm.hidden = false;
  document.getElementById('clear-no').focus();
});
document.getElementById('clear-no').addEventListener('click', () => {
  confirm.hidden = true;
  document.getElementById('clear').focus();
});
document.getElementById('clear-yes').addEventListener('click', async () => {
  confirm.hidden = true;
  const answer = await api.runtime.sendMessage({ type: UI_TO_BG.SET_HISTORY, history: {} }).catch((error) => ({ error: String(error && error.message || error) }));
  status.textContent = !answer || answer.error ? t('historyNotCleared2', (answer && answer.error) || 'no answer') : t('historyAllCleared');
  await load();
  filter.verdict.focus();
});

api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[HISTORY_KEY]) load();
});
load();
