// Settings as stored in storage.sync under one key, versioned so that an upgrade never loses them:
//
//   {version: 2, policy: <contract Policy>, options: {send_for_me, undo_seconds}}
//
// Version 1 (0.0.x builds) kept the policy's fields at the top level beside `send_for_me`;
// migrate() lifts any older shape into the current one and keeps every field it knows.
// Pause is not a setting: it lives in storage.local (per device) under PAUSED_KEY. The user's
// corrections live in storage.local too, under CORRECTIONS_KEY (shared/corrections.js): there
// can be a thousand of them, far beyond storage.sync's quota.
globalThis.VouchSettings = (() => {
  const VERSION = 2;
  const KEY = 'vouch_settings';
  const PAUSED_KEY = 'vouch_paused';
  const HISTORY_KEY = 'vouch_ignored_senders';
  const CORRECTIONS_KEY = 'vouch_corrections';
  const DEFAULT_OPTIONS = Object.freeze({ send_for_me: false, undo_seconds: 5 });

  const clamp = (n, lo, hi, fallback) =>
    Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;

  function normalize_options(options) {
    const o = options && typeof options === 'object' ? options : {};
    return {
      send_for_me: o.send_for_me === true,
      undo_seconds: clamp(Number(o.undo_seconds), 1, 30, DEFAULT_OPTIONS.undo_seconds),
    };
  }

  /** Lifts any stored shape (missing, v1, v2) into the current one. Never throws. */
  function migrate(stored) {
    if (!stored || typeof stored !== 'object') {
      return { version: VERSION, policy: {}, options: { ...DEFAULT_OPTIONS } };
    }
    if (stored.version === VERSION) {
      return {
        version: VERSION,
        policy: stored.policy && typeof stored.policy === 'object' ? stored.policy : {},
        options: normalize_options(stored.options),
      };
    }
    // Version 1 (or unversioned): policy fields at the top level, options beside them.
    const { version, send_for_me, undo_seconds, ...policy } = stored;
    return { version: VERSION, policy, options: normalize_options({ send_for_me, undo_seconds }) };
  }

  return Object.freeze({ VERSION, KEY, PAUSED_KEY, HISTORY_KEY, CORRECTIONS_KEY, DEFAULT_OPTIONS, migrate, normalize_options });
})();
