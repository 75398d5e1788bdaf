// The options page's list of the user's corrections (shared/corrections.js): one row each, newest
// first, with the sender's name, the note's first words, the category chosen and the date, and a
// button that removes it; "Remove all" asks first, in the page. The list is read from
// storage.local and follows its changes (a correction made in a LinkedIn tab shows up here);
// every change goes through the background, which keeps its copy and the policy in step.
// Names and notes came from LinkedIn's page: they are set as text only.
import './globals.js';
const api = globalThis.vouchBrowser;
const { UI_TO_BG } = globalThis.VouchMessages;
const { CORRECTIONS_KEY } = globalThis.VouchSettings;
const Corrections = globalThis.VouchCorrections;
const { t } = globalThis.VouchI18n;

const NOTE_WORDS = 8;

/** The stored corrections, newest last (an unreadable stored value reads as none). */
export async function stored_corrections() {
  const got = await api.storage.local.get(CORRECTIONS_KEY);
  try {
    return Corrections.normalize(got[CORRECTIONS_KEY] ?? []);
  } catch {
    return [];
  }
}

/** The note's first words, or a placeholder for no note. */
function first_words(message) {
  const words = typeof message === 'string' ? message.trim().split(/\s+/).filter(Boolean) : [];
  if (!words.length) return t('correctionsNoNote');
  return words.length > NOTE_WORDS ? `${words.slice(0, NOTE_WORDS).join(' ')}…` : words.join(' ');
}

function date_cell(at) {
  const td = document.createElement('td');
  if (!at) {
    td.textContent = t('correctionsUnknownDate');
    return td;
  }
  const time = document.createElement('time');
  time.dateTime = at;
  time.textContent = new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  td.append(time);
  return td;
}

function text_cell(text, class_name) {
  const td = document.createElement('td');
  if (class_name) td.className = class_name;
  td.textContent = text;
  return td;
}

/** Wires the section; resolves once the stored list is shown. */
export function init_corrections(section) {
  const table = section.querySelector('#corrections-table');
  const body = table.querySelector('tbody');
  const empty = section.querySelector('#corrections-empty');
  const remove_all = section.querySelector('#corrections-remove-all');
  const confirm = section.querySelector('#corrections-confirm');
  const confirm_text = section.querySelector('#corrections-confirm-text');
  const status = section.querySelector('#corrections-status');
  const heading = section.querySelector('h2');
  let count = 0;
  let refocus = false; // a removal is under way: once its row is gone, the focus stays in the list

  async function ask_background(message, done_text) {
    const answer = await api.runtime.sendMessage(message).catch((error) => ({ error: String(error && error.message || error) }));
    status.textContent = !answer || answer.error ? t('correctionsFailed', (answer && answer.error) || 'no answer') : done_text;
    return answer;
  }

  function row(correction) {
    const invitation = correction.invitation;
    const name = String((invitation.sender && invitation.sender.name) || '');
    const tr = document.createElement('tr');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = t('correctionsRemove');
    remove.setAttribute('aria-label', t('correctionsRemoveLabel', name));
    const key = Corrections.key_of(correction);
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      refocus = true;
      const answer = await ask_background({ type: UI_TO_BG.REMOVE_CORRECTIONS, keys: [key] }, t('correctionsRemoved'));
      if (!answer || answer.error) {
        refocus = false;
        remove.disabled = false;
      }
    });
    const actions = document.createElement('td');
    actions.append(remove);
    tr.append(text_cell(name), text_cell(first_words(invitation.message), 'note'),
      text_cell(t(`categoryPlain_${correction.category}`)), date_cell(correction.at), actions);
    return tr;
  }

  function show(list) {
    count = list.length;
    body.replaceChildren(...list.slice().reverse().map(row));
    table.hidden = !count;
    empty.hidden = !!count;
    remove_all.hidden = !count;
    if (!count) confirm.hidden = true;
    section.setAttribute('aria-busy', 'false');
    if (refocus) {
      refocus = false;
      const next = body.querySelector('button.remove');
      if (next) next.focus();
      else {
        heading.tabIndex = -1;
        heading.focus();
      }
    }
  }

  remove_all.addEventListener('click', () => {
    confirm_text.textContent = t('correctionsConfirm', count);
    confirm.hidden = false;
    section.querySelector('#corrections-confirm-no').focus();
  });
  section.querySelector('#corrections-confirm-no').addEventListener('click', () => {
    confirm.hidden = true;
    remove_all.focus();
  });
  section.querySelector('#corrections-confirm-yes').addEventListener('click', async () => {
    confirm.hidden = true;
    refocus = true;
    const answer = await ask_background({ type: UI_TO_BG.REMOVE_CORRECTIONS, all: true }, t('correctionsAllRemoved'));
    if (!answer || answer.error) refocus = false;
  });

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[CORRECTIONS_KEY]) stored_corrections().then(show);
  });
  return stored_corrections().then(show);
}
