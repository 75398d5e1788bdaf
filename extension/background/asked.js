// When Vouch's Ask placed its "where have we crossed paths?" question for a sender, kept in
// storage.local under ASKED_KEY (never synced, never sent anywhere): {profile_key: epoch_ms}.
// The invitation stays pending meanwhile; CLASSIFY answers carry `asked_at` per invitation so
// that the card can say "Asked 9 days ago" and, after the wait, offer to ignore.
const api = globalThis.vouchBrowser;
const Settings = globalThis.VouchSettings;

/** The storage.local key of the asked dates. */
export const ASKED_KEY = 'vouch.asked';

let asked_promise = null;
function load() {
  asked_promise ??= api.storage.local.get(ASKED_KEY).then((got) => {
    const stored = got[ASKED_KEY];
    return stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
  }, (error) => {
    asked_promise = null;
    throw error;
  });
  return asked_promise;
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[ASKED_KEY]) asked_promise = null;
});

/** Remembers that Vouch asked `url`'s sender now (or at `when`); resolves with the date, or null for no address. */
export async function mark_asked(url, when = Date.now()) {
  const key = Settings.profile_key(url);
  if (!key) return null;
  const asked = { ...(await load()), [key]: when };
  asked_promise = Promise.resolve(asked);
  await api.storage.local.set({ [ASKED_KEY]: asked });
  return when;
}

/** The date Vouch asked each invitation's sender (epoch ms), or null: one per invitation, in order. */
export async function asked_dates(invitations) {
  const asked = await load();
  return invitations.map((inv) => {
    const key = inv && inv.sender && Settings.profile_key(inv.sender.profile_url);
    const when = key ? Number(asked[key]) : NaN;
    return Number.isFinite(when) && when > 0 ? when : null;
  });
}

/** Forgets when Vouch asked `url`'s sender (the invitation was ignored or accepted); whether there was a date. */
export async function forget_asked(url) {
  const key = Settings.profile_key(url);
  const asked = await load();
  if (!key || !(key in asked)) return false;
  const rest = { ...asked };
  delete rest[key];
  asked_promise = Promise.resolve(rest);
  await api.storage.local.set({ [ASKED_KEY]: rest });
  return true;
}
