// The history (shared/history.js has its shape) as the background keeps it: one copy in memory,
// read from storage.local once (an older build's {profile: count} read as records), changed here
// first and then written, one write per change and none when nothing changed. Every CLASSIFY the
// background answers records the latest judgement of each sender (after corrections), in one
// change for the whole batch; RECORD_ACTION adds what the user did; a correction marks the row.
// The repeat-sender memory is the records' `ignored`: with_history() raises an invitation's
// `prior_invitations` to it.
//
// Extension pages read the history through get_history() (the copy in memory holds a change whose
// write is still under way); the options page replaces it (an import) or clears it (Reset, when
// the user asks; the history page's Clear) through set_history().
const api = globalThis.vouchBrowser;
const Settings = globalThis.VouchSettings;
const History = globalThis.VouchHistory;
const { HISTORY_KEY } = Settings;
const { profile_key } = Settings;

let history_promise = null;
const echoes = new Map(); // the JSON of our own writes whose storage.onChanged has not come yet -> how many
function load() {
  history_promise ??= api.storage.local.get(HISTORY_KEY).then((got) => {
    return History.normalize(got[HISTORY_KEY] ?? {}, { lenient: true });
  }, (error) => {
    history_promise = null;
    throw error;
  });
  return history_promise;
}
// A change made elsewhere is taken as it is; the echo of our own write changes nothing.
api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !changes[HISTORY_KEY]) return;
  const value = changes[HISTORY_KEY].newValue;
  const text = JSON.stringify(value ?? {});
  const pending = echoes.get(text) || 0;
  if (pending) {
    if (pending > 1) echoes.set(text, pending - 1);
    else echoes.delete(text);
    return;
  }
  history_promise = Promise.resolve(History.normalize(value ?? {}, { lenient: true }));
});

// Writes one after another, so that an older write never lands after a newer one.
let writes = Promise.resolve();

/** Applies `change(history) -> history` to the copy in memory now, then stores the result (unless it is the same object). */
function update(change) {
  const before = load();
  const updated = before.then(change);
  // Chained on the copy in memory, so two changes in a row both count; a change that fails
  // leaves the history as it was.
  history_promise = updated.catch(() => before);
  const written = Promise.all([before, updated]).then(([old, history]) => {
    if (history === old) return history;
    const text = JSON.stringify(history);
    writes = writes.catch(() => {}).then(async () => {
      echoes.set(text, (echoes.get(text) || 0) + 1);
      try {
        await api.storage.local.set({ [HISTORY_KEY]: history });
      } catch (error) {
        echoes.delete(text);
        history_promise = null; // read again what storage holds
        throw error;
      }
    });
    return writes.then(() => history);
  });
  written.catch(() => {}); // a caller that does not wait still leaves no unhandled rejection
  return written;
}

/** The history as stored, newest changes included. */
export const get_history = () => load();

/**
 * Records each classified invitation's judgement for its sender, in one change: `invitations`
 * and `results` (the core's whole results) are in the same order; a result that is an error,
 * or an invitation without a profile address, records nothing.
 */
export function record_judgements(invitations, results, at = Date.now()) {
  return update((history) => results.reduce((h, result, i) => {
    const inv = invitations[i];
    if (!result || result.error || !inv || !inv.sender) return h;
    const corrected = Array.isArray(result.reasons) && result.reasons.some((r) => r && r.rule === 'corrections.same');
    return History.judged(h, profile_key(inv.sender.profile_url), {
      name: inv.sender.name, headline: inv.sender.headline, category: result.category, verdict: result.verdict, corrected,
    }, at);
  }, history));
}

/** Adds what the user did (VouchHistory.ACTIONS) to the sender's row; resolves false for no profile address. */
export async function record_action(url, what, at = Date.now()) {
  const key = profile_key(url);
  if (!key) return false;
  await update((history) => History.acted(history, key, what, at));
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
    const key = inv && inv.sender && profile_key(inv.sender.profile_url);
    const known = (key && history[key] && history[key].ignored) || 0;
    return known > (inv.prior_invitations || 0) ? { ...inv, prior_invitations: known } : inv;
  });
}
