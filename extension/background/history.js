// Senders whose invitations the user ignored, kept in storage.local only (never synced, never
// sent anywhere): profile address -> how many invitations were ignored. A repeat invitation from
// the same address is classified with `prior_invitations` set from this count.
//
// The background keeps one copy in memory (read once, dropped when storage.local changes), so a
// classify message costs no storage read. The options page exports it with the settings, and
// replaces it (an import) or clears it (Reset, when the user asks) through set_history().
const api = globalThis.vouchBrowser;
const Settings = globalThis.VouchSettings;
const { HISTORY_KEY } = Settings;

const profile_key = Settings.profile_key;

let history_promise = null;
let writing = 0; // our own writes under way: the copy in memory is already the newest
function load() {
  history_promise ??= api.storage.local.get(HISTORY_KEY).then(
    (got) => (got[HISTORY_KEY] && typeof got[HISTORY_KEY] === 'object' ? got[HISTORY_KEY] : {}),
    (error) => {
      history_promise = null;
      throw error;
    });
  return history_promise;
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[HISTORY_KEY] && !writing) history_promise = null;
});

/** Applies `change(history) -> history` to the copy in memory now, then stores the result. */
async function update(change) {
  // Chained on the copy in memory, so two changes in a row both count.
  const updated = load().then(change);
  history_promise = updated.catch(() => {
    history_promise = null;
    return load();
  });
  writing++;
  try {
    const history = await updated;
    await api.storage.local.set({ [HISTORY_KEY]: history });
    return history;
  } catch (error) {
    history_promise = null; // read again what storage holds
    throw error;
  } finally {
    writing--;
  }
}

export async function remember_ignored(url) {
  const key = profile_key(url);
  if (!key) return false;
  await update((history) => ({ ...history, [key]: (history[key] || 0) + 1 }));
  return true;
}

/** Replaces the whole history (an import's, already checked by Settings.normalize_history; {} clears it). */
export function set_history(history) {
  return update(() => history);
}

/** Returns copies of the invitations with prior_invitations raised to what the history knows. */
export async function with_history(invitations) {
  const history = await load();
  return invitations.map((inv) => {
    const key = inv.sender && profile_key(inv.sender.profile_url);
    const known = (key && history[key]) || 0;
    return known > (inv.prior_invitations || 0) ? { ...inv, prior_invitations: known } : inv;
  });
}
