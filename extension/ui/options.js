// The options page: the policy (contract "Policy") and Vouch's own options, stored in
// storage.sync as VouchSettings describes, and the user's corrections (ui/corrections.js), kept in
// storage.local. The core validates the policy (through the background, where the wasm runs); its
// message names the field ("policy.me.work_email: ..."), and that message is shown next to that
// field. Export writes the settings with the corrections; import restores both, or, when anything
// in the file is not valid, changes nothing that is stored.
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
const fields = [...form.querySelectorAll('[data-path]')];
const send_for_me = document.getElementById('o-send');
const undo_seconds = document.getElementById('o-undo');

function get_path(obj, path) {
  return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);
}
function set_path(obj, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  const target = keys.reduce((o, k) => (o[k] ??= {}), obj);
  target[last] = value;
}
const error_of = (field) => field.closest('.field').querySelector('.error');

function show_error(field, message) {
  error_of(field).textContent = message;
  field.setAttribute('aria-invalid', 'true');
}
function clear_errors() {
  for (const field of [...fields, undo_seconds]) {
    error_of(field).textContent = '';
    field.removeAttribute('aria-invalid');
  }
}

/** The form's policy: empty fields are left out so the core's defaults apply. */
function read_form() {
  const policy = {};
  for (const field of fields) {
    const raw = field.value.trim();
    if (!raw) continue;
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
  const options = Settings.normalize_options({ send_for_me: send_for_me.checked, undo_seconds: Number(undo_seconds.value) });
  return { version: Settings.VERSION, policy, options };
}

function fill_form(settings) {
  for (const field of fields) {
    const value = get_path(settings.policy, field.dataset.path);
    if (field.hasAttribute('data-list')) field.value = Array.isArray(value) ? value.join('\n') : '';
    else if (field.hasAttribute('data-json')) field.value = value === undefined ? '' : JSON.stringify(value, null, 2);
    else if (field.tagName === 'SELECT') field.value = value || 'balanced';
    else field.value = value === undefined || value === null ? '' : String(value);
  }
  send_for_me.checked = settings.options.send_for_me;
  undo_seconds.value = String(settings.options.undo_seconds);
}

/** The field a core message names ("policy.rules[2].phrases: ..." -> the rules field), if any. */
function field_for(message) {
  const m = String(message).match(/^policy\.([\w.[\]]+)/);
  if (!m) return null;
  const path = m[1].replace(/\[\d+\].*$/, '');
  return fields.filter((f) => path === f.dataset.path || path.startsWith(f.dataset.path + '.'))
    .sort((a, b) => b.dataset.path.length - a.dataset.path.length)[0] || null;
}

/**
 * Has the core check the settings' policy (with `corrections`, when given: an import's), then
 * stores the settings and those corrections; with any error, nothing is stored.
 */
async function validate_and_save(settings, corrections = null) {
  clear_errors();
  const policy = corrections ? { ...settings.policy, corrections: Corrections.for_policy(corrections) } : settings.policy;
  const answer = await api.runtime.sendMessage({ type: UI_TO_BG.VALIDATE_POLICY, policy });
  if (!answer || answer.error) {
    const message = (answer && answer.error) || 'no answer';
    const field = field_for(message);
    if (field) {
      show_error(field, message);
      field.focus();
    }
    status.textContent = field ? t('formHasErrors') : t('notSaved', message);
    return false;
  }
  const previous = corrections ? (await api.storage.sync.get(Settings.KEY))[Settings.KEY] : undefined;
  await api.storage.sync.set({ [Settings.KEY]: settings });
  if (corrections) {
    const stored = await api.runtime.sendMessage({ type: UI_TO_BG.SET_CORRECTIONS, corrections })
      .catch((error) => ({ error: String(error && error.message || error) }));
    if (!stored || stored.error) { // the corrections could not be stored: neither are the settings
      if (previous === undefined) await api.storage.sync.remove(Settings.KEY);
      else await api.storage.sync.set({ [Settings.KEY]: previous });
      status.textContent = t('notSaved', (stored && stored.error) || 'no answer');
      return false;
    }
  }
  status.textContent = t('saved');
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
    status.textContent = t('formHasErrors');
    return;
  }
  await validate_and_save(settings);
});

document.getElementById('export').addEventListener('click', async () => {
  const [got, corrections] = await Promise.all([api.storage.sync.get(Settings.KEY), stored_corrections()]);
  const exported = { ...Settings.migrate(got[Settings.KEY]), corrections };
  const blob = new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'vouch-settings.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
});

/**
 * An exported file: {settings, corrections}, where corrections is null when the file has none
 * (an older export), and the stored ones then stay. Throws an Error naming what is not valid.
 */
function read_export(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(t('invalidJson', error.message));
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(t('notSaved', 'expected a settings object'));
  const { corrections, ...settings } = parsed;
  let list = null;
  if (corrections !== undefined) {
    try {
      list = Corrections.normalize(corrections);
    } catch (error) {
      throw new Error(t('notSaved', error.message));
    }
  }
  return { settings: Settings.migrate(settings), corrections: list };
}

document.getElementById('import').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  let imported;
  try {
    imported = read_export(await file.text());
  } catch (error) {
    status.textContent = error.message;
    event.target.value = '';
    return;
  }
  fill_form(imported.settings);
  if (await validate_and_save(imported.settings, imported.corrections)) status.textContent = t('importDone');
  event.target.value = '';
});

document.getElementById('reset').addEventListener('click', async () => {
  const settings = Settings.migrate(null);
  fill_form(settings);
  await validate_and_save(settings);
});

// The form is busy until the stored settings are in it (tests wait for aria-busy="false" too),
// and so is the corrections section until their list is shown.
api.storage.sync.get(Settings.KEY).then((got) => {
  fill_form(Settings.migrate(got[Settings.KEY]));
  form.setAttribute('aria-busy', 'false');
});
init_corrections(document.getElementById('corrections'));
