// Senders whose invitations the user ignored, kept in storage.local only (never synced, never
// sent anywhere): profile address -> how many invitations were ignored. A repeat invitation from
// the same address is classified with `prior_invitations` set from this count.
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

async function load() {
  const got = await api.storage.local.get(HISTORY_KEY);
  return got[HISTORY_KEY] && typeof got[HISTORY_KEY] === 'object' ? got[HISTORY_KEY] : {};
}

export async function remember_ignored(url) {
  const key = profile_key(url);
  if (!key) return false;
  const history = await load();
  history[key] = (history[key] || 0) + 1;
  await api.storage.local.set({ [HISTORY_KEY]: history });
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
