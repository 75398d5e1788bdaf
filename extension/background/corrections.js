// The user's corrections (shared/corrections.js has their shape), as the background keeps them:
// one copy in memory, read from storage.local once and changed here first, then written. Every
// change goes through this module (the content script's CORRECT, the options page's removals and
// imports), so the copy in memory is the newest the moment a change is made: a content script
// that hears of the change from storage.onChanged and asks for new verdicts already gets them.
// `on_change(fn)` tells the background when to re-encode the policy.
const api = globalThis.vouchBrowser;
const { CORRECTIONS_KEY } = globalThis.VouchSettings;
const Corrections = globalThis.VouchCorrections;

let list_promise = null;
let stored_text = null; // the JSON of the list as last read or written here
const listeners = new Set();

function changed() {
  for (const fn of listeners) fn();
}

function read_stored(value) {
  try {
    return Corrections.normalize(value ?? []);
  } catch {
    return []; // a damaged stored value: no corrections rather than no verdicts
  }
}

function load() {
  list_promise ??= api.storage.local.get(CORRECTIONS_KEY).then((got) => {
    stored_text = JSON.stringify(got[CORRECTIONS_KEY] ?? []);
    return read_stored(got[CORRECTIONS_KEY]);
  }, (error) => {
    list_promise = null;
    throw error;
  });
  return list_promise;
}

// A change made elsewhere (another copy of the extension's pages writing directly, a sync of the
// profile) is taken as it is; the echo of our own write changes nothing.
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes[CORRECTIONS_KEY]) return;
  const text = JSON.stringify(changes[CORRECTIONS_KEY].newValue ?? []);
  if (text === stored_text) return;
  stored_text = text;
  list_promise = Promise.resolve(read_stored(changes[CORRECTIONS_KEY].newValue));
  changed();
});

/** Calls `fn` whenever the corrections change. */
export function on_change(fn) {
  listeners.add(fn);
}

/** The stored corrections, newest last. */
export const corrections = () => load();

/** Applies `change(list) -> list` in memory now, then stores the result; resolves with it. */
async function update(change) {
  const updated = load().then(change);
  // Chained on the copy in memory, so two changes in a row both count; a change that fails
  // leaves the list as it was.
  list_promise = updated.catch(() => {
    list_promise = null;
    return load();
  });
  const list = await updated;
  const text = JSON.stringify(list);
  if (text === stored_text) return list; // nothing changed
  stored_text = text;
  changed(); // the policy is encoded again, from the new list, when it is next needed
  try {
    await api.storage.local.set({ [CORRECTIONS_KEY]: list });
  } catch (error) {
    list_promise = null; // read again what storage holds
    stored_text = null;
    changed();
    throw error;
  }
  return list;
}

/** Adds the user's category for one invitation as its newest correction. */
export function add_correction(invitation, category) {
  return update((list) => Corrections.added(list, { invitation, category, at: new Date().toISOString() }));
}

/** Removes the corrections with these keys (VouchCorrections.key_of), or all of them. */
export function remove_corrections({ keys, all }) {
  const gone = new Set(Array.isArray(keys) ? keys.map(String) : []);
  return update((list) => (all === true ? [] : list.filter((c) => !gone.has(Corrections.key_of(c)))));
}

/** Replaces every correction with `list` (already checked: an import). */
export function set_corrections(list) {
  return update(() => list);
}
