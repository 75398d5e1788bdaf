// The background: the only place the core runs. It answers typed messages (shared/messages.js)
// and checks every sender first: content-script messages must come from this extension's own
// content script on a LinkedIn page, extension-page messages from this extension's own pages.
import '../platform/browser-api.js';
import '../shared/messages.js';
import '../shared/settings.js';
import { classify_all, core, summary_of, warm } from './classifier.js';
import { remember_ignored, with_history } from './history.js';
import { draft_note, note_context } from './notes.js';

const api = globalThis.vouchBrowser;
const { CS_TO_BG, UI_TO_BG, LINKEDIN_ORIGIN } = globalThis.VouchMessages;
const Settings = globalThis.VouchSettings;

// The settings, read once and kept until storage.sync says they changed; with them the policy's
// JSON text, encoded once per change (the core takes JSON text, so a batch costs no encoding).
let settings_promise = null;
function settings() {
  settings_promise ??= api.storage.sync.get(Settings.KEY).then((got) => {
    const current = Settings.migrate(got[Settings.KEY]);
    return { ...current, policy_json: JSON.stringify(current.policy ?? {}) };
  }, (error) => {
    settings_promise = null;
    throw error;
  });
  return settings_promise;
}
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes[Settings.KEY]) settings_promise = null;
});

// Load and warm the core as soon as the background starts (and when a content script's WARM
// ping wakes it), so that the first page's batch does not wait for the module.
let warming = null;
function warm_up() {
  warming ??= Promise.all([warm(async () => (await settings()).policy_json), with_history([])]).catch(() => {
    warming = null; // a later ping tries again
  });
  return warming;
}
warm_up();

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
      const [{ policy_json }, invitations] = await Promise.all([settings(), with_history(msg.invitations)]);
      return { results: (await classify_all(invitations, policy_json)).map(summary_of) };
    },
  },
  [CS_TO_BG.EXPLAIN]: {
    allowed: from_content_script,
    async run(msg) {
      if (!msg.invitation || typeof msg.invitation !== 'object') throw new Error('invitation: expected an object');
      const [{ policy_json }, [invitation]] = await Promise.all([settings(), with_history([msg.invitation])]);
      const [result] = await classify_all([invitation], policy_json);
      return result.error ? { error: result.error } : { result };
    },
  },
  [CS_TO_BG.WARM]: {
    allowed: from_content_script,
    async run() {
      warm_up();
      return { ok: true };
    },
  },
  [CS_TO_BG.REMEMBER_IGNORED]: {
    allowed: from_content_script,
    async run(msg) {
      return { ok: await remember_ignored(String(msg.profile_url || '')) };
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
        return { error: String(error && error.message || error) };
      }
    },
  },
  [UI_TO_BG.DEFAULT_POLICY]: {
    allowed: from_extension_page,
    async run() {
      return { policy: (await core()).defaultPolicy() };
    },
  },
};

api.runtime.onMessage.addListener((msg, sender, send_response) => {
  const handler = msg && typeof msg === 'object' ? handlers[msg.type] : undefined;
  if (!handler || !handler.allowed(sender)) return false; // not ours to answer
  handler.run(msg).then(send_response, (error) => send_response({ error: String(error && error.message || error) }));
  return true; // the answer comes asynchronously
});
