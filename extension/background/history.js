// Senders whose invitations the user ignored, kept in storage.local only (never synced, never
// sent anywhere): profile address -> how many invitations were ignored. A repeat invitation from
// the same address is classified with `prior_invitations` set from this count.
//
// The background keeps one copy in memory (read once, dropped when storage.local changes), so a
// classify message costs no storage read.
const api = globalThis.vouchBrowser;
const { HISTORY_KEY } = globalThis.VouchSettings;

/** The profile address reduced to one form: https://www.linkedin.com/in/<slug>/ */
export function profile_key(url) {
  try {
    const u = new URL(url, 'https://www.linkedin.com');
    const m = u.pathname.match(/^\/in\/([^/]+)/);
    return m ? `https://www.linkedin.com/in/${decodeURIComponent(m[1]).toLowerCase()}/` : null;
  } catch {
    return null;
  }
}

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

export async function remember_ignored(url) {
  const key = profile_key(url);
  if (!key) return false;
  // Chained on the copy in memory, so two ignores in a row both count.
  const updated = load().then((history) => ({ ...history, [key]: (history[key] || 0) + 1 }));
  history_promise = updated.catch(() => {
    history_promise = null;
    return load();
  });
  writing++;
  try {
    await api.storage.local.set({ [HISTORY_KEY]: await updated });
  } finally {
    writing--;
  }
  return true;
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
