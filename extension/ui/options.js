// The options page: the policy (contract "Policy") and Vouch's own options, stored in
// storage.sync as VouchSettings describes, and the user's corrections (ui/corrections.js), kept in
// storage.local. The core validates the policy (through the background, where the wasm runs); its
// message names the field ("policy.me.work_email: ..."), and that message is shown next to that
// field. Export writes the settings with the corrections and the history (ui/history.html shows it); import
// checks the file whole (VouchSettings.read_file, then the core) and restores all three, or, when
// anything in the file is not valid, changes nothing that is stored and says what and where, next
// to the import control. Policy fields that the form does not show (or that this Vouch does not
// know) are kept through Save; the page says which ones the core does not use. Reset keeps the
// history unless the user ticks the box beside it. Text from a file is only ever set as text.
import './globals.js';
import { init_corrections, stored_corrections } from './corrections.js';
const api = globalThis.vouchBrowser;
const { UI_TO_BG } = globalThis.VouchMessages;
const Settings = globalThis.VouchSettings;
const Corrections = globalThis.VouchCorrections;
const { t } = globalThis.VouchI18n;
globalThis.VouchI18n.localize(document);

const form = document.getElementById('form');
const status = document.getElementById('status');
const import_status = document.getElementById('import-status');
const reset_history = document.getElementById('reset-history');
const history_count = document.getElementById('history-count');
const fields = [...form.querySelectorAll('[data-path]')];
const send_for_me = document.getElementById('o-send');
const undo_seconds = document.getElementById('o-undo');
const reply_wait_days = document.getElementById('o-wait');

function get_path(obj, path) {
  return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);
}
function set_path(obj, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  const target = keys.reduce((o, k) => (o[k] && typeof o[k] === 'object' ? o[k] : (o[k] = {})), obj);
  target[last] = value;
}
/** Removes the field at `path`, and any object on the way that it leaves empty. */
function delete_path(obj, path) {
  const [key, ...rest] = path.split('.');
  if (!obj || typeof obj !== 'object' || !(key in obj)) return;
  if (!rest.length) delete obj[key];
  else {
    delete_path(obj[key], rest.join('.'));
    if (obj[key] && typeof obj[key] === 'object' && !Array.isArray(obj[key]) && !Object.keys(obj[key]).length) delete obj[key];
  }
}
/** Shows `text` in a status line, as an error, a notice or a success (its colour says which). */
function say(element, text, kind = 'ok') {
  element.textContent = text;
  element.dataset.kind = kind;
}
const error_of = (field) => field.closest('.field').querySelector('.error');

function show_error(field, message) {
  error_of(field).textContent = message;
  field.setAttribute('aria-invalid', 'true');
}
function clear_errors() {
  for (const field of [...fields, undo_seconds, reply_wait_days]) {
    error_of(field).textContent = '';
    field.removeAttribute('aria-invalid');
  }
}

// The policy the form was filled from: its fields that the form does not show (templates, rule
// weights, a field a later Vouch knows) are kept through Save.
let shown_policy = {};

/** The form's policy: empty fields are left out so the core's defaults apply. */
function read_form() {
  const policy = structuredClone(shown_policy);
  for (const field of fields) {
    const raw = field.value.trim();
    if (!raw) {
      delete_path(policy, field.dataset.path);
      continue;
    }
    if (field.hasAttribute('data-list')) set_path(policy, field.dataset.path, raw.split('\n').map((s) => s.trim()).filter(Boolean));
    else if (field.hasAttribute('data-number')) set_path(policy, field.dataset.path, Number(raw));
    else if (field.hasAttribute('data-json')) {
      try {
        set_path(policy, field.dataset.path, JSON.parse(raw));
      } catch (error) {
        throw Object.assign(new Error(t('invalidJson', error.message)), { field });
      }
    } else set_path(policy, field.dataset.path, raw);
  }
  const options = Settings.normalize_options({ send_for_me: send_for_me.checked, undo_seconds: Number(undo_seconds.value),
    reply_wait_days: Number(reply_wait_days.value) });
  return { version: Settings.VERSION, policy, options };
}

function fill_form(settings) {
  shown_policy = structuredClone(settings.policy);
  delete shown_policy.corrections; // kept in storage.local, never in the synced settings
  for (const field of fields) {
    const value = get_path(settings.policy, field.dataset.path);
    if (field.hasAttribute('data-list')) field.value = Array.isArray(value) ? value.join('\n') : '';
    else if (field.hasAttribute('data-json')) field.value = value === undefined ? '' : JSON.stringify(value, null, 2);
    else if (field.tagName === 'SELECT') field.value = value || 'balanced';
    else field.value = value === undefined || value === null ? '' : String(value);
  }
  send_for_me.checked = settings.options.send_for_me;
  undo_seconds.value = String(settings.options.undo_seconds);
  reply_wait_days.value = String(settings.options.reply_wait_days);
}

/** The field a core message names ("policy.rules[2].phrases: ..." -> the rules field), if any. */
function field_for(message) {
  const m = String(message).match(/^policy\.([\w.[\]]+)/);
  if (!m) return null;
  const path = m[1].replace(/\[\d+\].*$/, '');
  return fields.filter((f) => path === f.dataset.path || path.startsWith(f.dataset.path + '.'))
    .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0] || null;
}

/** Asks the background; resolves with its answer, or throws its error. */
async function ask(message) {
  const answer = await api.runtime.sendMessage(message);
  if (!answer || answer.error) throw new Error((answer && answer.error) || 'no answer');
  return answer;
}

/** Has the core check the form's settings, then stores them; with any error, nothing is stored. */
async function validate_and_save(settings) {
  clear_errors();
  try {
    await ask({ type: UI_TO_BG.VALIDATE_POLICY, policy: settings.policy });
  } catch ({ message }) {
    const field = field_for(message);
    if (field) {
      show_error(field, message);
      field.focus();
    }
    say(status, field ? t('formHasErrors') : t('notSaved', message), 'error');
    return false;
  }
  await api.storage.sync.set({ [Settings.KEY]: settings });
  shown_policy = structuredClone(settings.policy);
  say(status, t('saved'));
  return true;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  let settings;
  try {
    settings = read_form();
  } catch (error) {
    clear_errors();
    show_error(error.field, error.message);
    say(status, t('formHasErrors'), 'error');
    return;
  }
  await validate_and_save(settings);
});

/** The stored history in its present shape (an older build's is read as it; a bad entry reads as none). */
async function stored_history() {
  const got = await api.storage.local.get(Settings.HISTORY_KEY);
  return globalThis.VouchHistory.normalize(got[Settings.HISTORY_KEY] ?? {}, { lenient: true });
}

async function show_history_count() {
  history_count.textContent = t('historyCount', Object.keys(await stored_history()).length);
}

document.getElementById('export').addEventListener('click', async () => {
  const [got, corrections, history] = await Promise.all([api.storage.sync.get(Settings.KEY), stored_corrections(), stored_history()]);
  const exported = { ...Settings.migrate(got[Settings.KEY]), corrections, history };
  const blob = new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'vouch-settings.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
});

/**
 * Checks a settings file whole: its JSON, its shape and version (VouchSettings.read_file), then
 * its policy with its corrections (the core, in the background). Resolves with what read_file
 * gives and the policy's fields the core did not take; throws an Error saying what is wrong and
 * where in the file.
 */
async function check_file(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(t('importNotJson', error.message));
  }
  let imported;
  try {
    imported = Settings.read_file(parsed, Corrections.normalize);
  } catch (error) {
    throw new Error(error instanceof Settings.NewerVersionError ? t('importNewer', error.version, Settings.VERSION) : error.message);
  }
  const { policy } = imported.settings;
  const with_corrections = imported.corrections ? { ...policy, corrections: Corrections.for_policy(imported.corrections) } : policy;
  let validated;
  try {
    validated = (await ask({ type: UI_TO_BG.VALIDATE_POLICY, policy: with_corrections })).policy;
  } catch ({ message }) {
    // The corrections are the file's own list, not the policy's.
    throw new Error(message.replace(/^policy\.corrections\[/, 'corrections['));
  }
  return { ...imported, unused: Settings.unused_fields(policy, validated) };
}

/**
 * Stores an import's settings, corrections and history (those it has), all or nothing: when a
 * later part cannot be stored, the earlier ones are put back as they were.
 */
async function store_import({ settings, corrections, history }) {
  const [got, corrections_before] = await Promise.all([api.storage.sync.get(Settings.KEY), corrections ? stored_corrections() : null]);
  const settings_before = got[Settings.KEY];
  await api.storage.sync.set({ [Settings.KEY]: settings });
  try {
    if (corrections) await ask({ type: UI_TO_BG.SET_CORRECTIONS, corrections });
    if (history) await ask({ type: UI_TO_BG.SET_HISTORY, history });
  } catch (error) {
    if (settings_before === undefined) await api.storage.sync.remove(Settings.KEY);
    else await api.storage.sync.set({ [Settings.KEY]: settings_before });
    if (corrections) await ask({ type: UI_TO_BG.SET_CORRECTIONS, corrections: corrections_before }).catch(() => {});
    throw error;
  }
}

document.getElementById('import').addEventListener('change', async (event) => {
  const input = event.target;
  const file = input.files[0];
  if (!file) return;
  say(import_status, '');
  input.removeAttribute('aria-invalid');
  try {
    const imported = await check_file(await file.text());
    await store_import(imported);
    clear_errors();
    fill_form(imported.settings);
    show_history_count();
    const notes = [t('importDone')];
    if (imported.unused.length) notes.push(t('importKeptUnused', imported.unused.join(', ')));
    if (imported.dropped.length) notes.push(t('importDropped', imported.dropped.join(', ')));
    say(import_status, notes.join(' '), notes.length > 1 ? 'notice' : 'ok');
  } catch (error) {
    say(import_status, t('importFailed', error.message), 'error');
    input.setAttribute('aria-invalid', 'true');
  }
  input.value = '';
});

document.getElementById('reset').addEventListener('click', async () => {
  const settings = Settings.migrate(null);
  fill_form(settings);
  if (!(await validate_and_save(settings))) return;
  if (!reset_history.checked) return;
  try {
    await ask({ type: UI_TO_BG.SET_HISTORY, history: {} });
    reset_history.checked = false;
    say(status, `${t('saved')} ${t('historyCleared')}`);
  } catch ({ message }) {
    say(status, t('historyNotCleared', message), 'error');
  }
  show_history_count();
});

// The form is busy until the stored settings are in it (tests wait for aria-busy="false" too),
// and so is the corrections section until their list is shown.
Promise.all([api.storage.sync.get(Settings.KEY), show_history_count()]).then(([got]) => {
  fill_form(Settings.migrate(got[Settings.KEY]));
  form.setAttribute('aria-busy', 'false');
});
init_corrections(document.getElementById('corrections'));
