// The background: the only place the core runs. It answers typed messages (shared/messages.js)
// and checks every sender first: content-script messages must come from this extension's own
// content script on a LinkedIn page, extension-page messages from this extension's own pages.
import '../platform/browser-api.js';
import '../shared/messages.js';
import '../shared/settings.js';
import '../shared/corrections.js';
import '../shared/history.js';
import { classify_all, core, summary_of, warm } from './classifier.js';
import { add_correction, corrections, on_change as on_corrections_change, remove_corrections, set_corrections } from './corrections.js';
import { get_history, record_action, record_judgements, set_history, with_history } from './history.js';
import { asked_dates, forget_asked, mark_asked } from './asked.js';
import { draft_note, note_context } from './notes.js';

const api = globalThis.vouchBrowser;
const { CS_TO_BG, UI_TO_BG, LINKEDIN_ORIGIN, CATEGORIES, VERDICTS } = globalThis.VouchMessages;
const Settings = globalThis.VouchSettings;
const Corrections = globalThis.VouchCorrections;
const History = globalThis.VouchHistory;
const error_text = (error) => String((error && error.message) || error);
// Days Vouch waits for an answer to its Ask before it offers to ignore (the default).
const REPLY_WAIT_DAYS = 14;
const reply_wait_days = (options) => (Number.isInteger(options && options.reply_wait_days) && options.reply_wait_days > 0
  ? options.reply_wait_days : REPLY_WAIT_DAYS);

// The settings, read once and kept until storage.sync says they changed; the corrections, kept
// by corrections.js; and the policy the core gets (the settings' policy with the corrections), as
// JSON text encoded once per change of either (the core takes JSON text, so a batch costs no
// encoding).
let settings_promise = null;
function settings() {
  settings_promise ??= api.storage.sync.get(Settings.KEY).then((got) => Settings.migrate(got[Settings.KEY]), (error) => {
    settings_promise = null;
    throw error;
  });
  return settings_promise;
}
let policy_json_promise = null;
function policy_json() {
  policy_json_promise ??= Promise.all([settings(), corrections()]).then(([{ policy }, list]) => {
    const own = { ...policy };
    delete own.corrections; // corrections come from storage.local only
    return JSON.stringify(list.length ? { ...own, corrections: Corrections.for_policy(list) } : own);
  }, (error) => {
    policy_json_promise = null;
    throw error;
  });
  return policy_json_promise;
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes[Settings.KEY]) {
    settings_promise = null;
    policy_json_promise = null;
  }
});
on_corrections_change(() => {
  policy_json_promise = null;
});

// Load and warm the core as soon as the background starts (and when a content script's WARM
// ping wakes it), so that the first page's batch does not wait for the module.
let warming = null;
function warm_up() {
  warming ??= Promise.all([warm(policy_json), with_history([])]).catch(() => {
    warming = null; // a later ping tries again
  });
  return warming;
}
warm_up();

/**
 * What the user did with a sender's invitation, for the history: `what` one of
 * VouchHistory.ACTIONS, `url` the sender's profile address. An invitation ignored or accepted is
 * no longer waiting for an answer to Vouch's Ask: its asked date goes.
 */
async function record_user_action(url, what) {
  if (!History.ACTIONS.includes(what)) return { error: `what: expected one of ${History.ACTIONS.join(', ')}, got ${JSON.stringify(what) ?? String(what)}` };
  if (typeof url !== 'string' || !Settings.profile_key(url)) return { error: `profile_url: expected a LinkedIn profile address (https://www.linkedin.com/in/...), got ${JSON.stringify(url) ?? String(url)}` };
  await record_action(url, what);
  if (what === 'ignored' || what === 'accepted') await forget_asked(url);
  return { ok: true };
}

function from_content_script(sender) {
  const url = sender.url || (sender.tab && sender.tab.url) || '';
  return sender.id === api.runtime.id && !!sender.tab && url.startsWith(LINKEDIN_ORIGIN + '/');
}

function from_extension_page(sender) {
  return sender.id === api.runtime.id && (sender.url || '').startsWith(api.runtime.getURL('ui/'));
}

const handlers = {
  [CS_TO_BG.CLASSIFY]: {
    allowed: from_content_script,
    async run(msg) {
      if (!Array.isArray(msg.invitations)) throw new Error('invitations: expected an array');
      const [policy, invitations, asked, { options }] = await Promise.all([policy_json(), with_history(msg.invitations),
        asked_dates(msg.invitations), settings()]);
      const wait = reply_wait_days(options);
      const results = await classify_all(invitations, policy);
      // One change of the history for the whole batch; the answer does not wait for its write
      // (extension pages read the history from the copy in memory, which already has it).
      record_judgements(invitations, results).catch(() => {});
      return { results: results.map((result, i) => {
        const summary = summary_of(result);
        return summary && !summary.error ? { ...summary, asked_at: asked[i], reply_wait_days: wait } : summary;
      }) };
    },
  },
  [CS_TO_BG.EXPLAIN]: {
    allowed: from_content_script,
    async run(msg) {
      if (!msg.invitation || typeof msg.invitation !== 'object') throw new Error('invitation: expected an object');
      const [policy, [invitation]] = await Promise.all([policy_json(), with_history([msg.invitation])]);
      const [result] = await classify_all([invitation], policy);
      return result.error ? { error: result.error } : { result };
    },
  },
  [CS_TO_BG.CORRECT]: {
    allowed: from_content_script,
    async run(msg) {
      const { invitation, category } = msg;
      if (!invitation || typeof invitation !== 'object' || Array.isArray(invitation)) throw new Error('invitation: expected an object');
      if (!CATEGORIES.includes(category)) throw new Error(`category: expected one of ${CATEGORIES.join(', ')}`);
      // The core checks the invitation as the policy will carry it before anything is stored.
      try {
        (await core()).validatePolicy({ corrections: [{ invitation, category }] });
      } catch (error) {
        return { error: error_text(error) };
      }
      await add_correction(invitation, category);
      const [policy, [with_prior]] = await Promise.all([policy_json(), with_history([invitation])]);
      const [result] = await classify_all([with_prior], policy);
      if (result.error) return { error: result.error };
      // The history's row takes the corrected judgement, and says the user corrected it. The
      // answer does not wait for the write (as CLASSIFY's): the card's panel is answered first.
      record_judgements([with_prior], [result]).catch(() => {});
      record_action(with_prior.sender && with_prior.sender.profile_url, 'corrected').catch(() => {});
      return { result, summary: summary_of(result) };
    },
  },
  [CS_TO_BG.WARM]: {
    allowed: from_content_script,
    async run() {
      warm_up();
      return { ok: true };
    },
  },
  [CS_TO_BG.RECORD_ACTION]: {
    allowed: from_content_script,
    async run(msg) {
      return record_user_action(msg.profile_url, msg.what);
    },
  },
  // The message of builds before RECORD_ACTION (a LinkedIn tab still running an older content script).
  [CS_TO_BG.REMEMBER_IGNORED]: {
    allowed: from_content_script,
    async run(msg) {
      return record_user_action(msg.profile_url, 'ignored');
    },
  },
  [CS_TO_BG.MARK_ASKED]: {
    allowed: from_content_script,
    async run(msg) {
      return { asked_at: await mark_asked(String(msg.profile_url || '')) };
    },
  },
  [CS_TO_BG.SET_COUNTS]: {
    allowed: from_content_script,
    // The toolbar badge of the sender's tab: how many invitations there wait for a decision.
    async run(msg, sender) {
      const counts = msg.counts && typeof msg.counts === 'object' ? msg.counts : {};
      const waiting = VERDICTS.reduce((n, v) => n + (Number.isInteger(counts[v]) && counts[v] > 0 ? counts[v] : 0), 0);
      const tabId = sender.tab.id;
      await api.action.setBadgeBackgroundColor({ tabId, color: '#0b5d4b' });
      await api.action.setBadgeText({ tabId, text: waiting ? String(Math.min(waiting, 999)) : '' });
      return { ok: true };
    },
  },
  [CS_TO_BG.GET_OPTIONS]: {
    allowed: from_content_script,
    async run() {
      return { options: (await settings()).options };
    },
  },
  [CS_TO_BG.NOTE_CONTEXT]: {
    allowed: from_content_script,
    async run(msg) {
      return note_context(msg.target, (await settings()).policy);
    },
  },
  [CS_TO_BG.DRAFT_NOTE]: {
    allowed: from_content_script,
    async run(msg) {
      return draft_note(msg.request, (await settings()).policy);
    },
  },
  [UI_TO_BG.VALIDATE_POLICY]: {
    allowed: from_extension_page,
    async run(msg) {
      const vouch = await core();
      try {
        return { policy: vouch.validatePolicy(msg.policy) };
      } catch (error) {
        return { error: error_text(error) };
      }
    },
  },
  [UI_TO_BG.DEFAULT_POLICY]: {
    allowed: from_extension_page,
    async run() {
      return { policy: (await core()).defaultPolicy() };
    },
  },
  [UI_TO_BG.SET_CORRECTIONS]: {
    allowed: from_extension_page,
    async run(msg) {
      let list;
      try { // all or nothing: a list the core would reject changes nothing
        list = Corrections.normalize(msg.corrections);
        (await core()).validatePolicy({ corrections: Corrections.for_policy(list) });
      } catch (error) {
        return { error: error_text(error) };
      }
      return { count: (await set_corrections(list)).length };
    },
  },
  [UI_TO_BG.GET_HISTORY]: {
    allowed: from_extension_page,
    async run() {
      return { history: await get_history() };
    },
  },
  [UI_TO_BG.SET_HISTORY]: {
    allowed: from_extension_page,
    async run(msg) {
      let history;
      try { // all or nothing, as the corrections
        history = Settings.normalize_history(msg.history);
      } catch (error) {
        return { error: error_text(error) };
      }
      return { count: Object.keys(await set_history(history)).length };
    },
  },
  [UI_TO_BG.REMOVE_CORRECTIONS]: {
    allowed: from_extension_page,
    async run(msg) {
      return { count: (await remove_corrections({ keys: msg.keys, all: msg.all })).length };
    },
  },
};

api.runtime.onMessage.addListener((msg, sender, send_response) => {
  const handler = msg && typeof msg === 'object' ? handlers[msg.type] : undefined;
  if (!handler || !handler.allowed(sender)) return false; // not ours to answer
  handler.run(msg, sender).then(send_response, (error) => send_response({ error: error_text(error) }));
  return true; // the answer comes asynchronously
});
