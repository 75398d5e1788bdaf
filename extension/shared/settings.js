// Settings as stored in storage.sync under one key, versioned so that an upgrade never loses them:
//
//   {version: 2, policy: <contract Policy>, options: {send_for_me, undo_seconds, reply_wait_days}}
//
// reply_wait_days: how long an Ask waits for the sender's answer before its card offers "Ignore now".
//
// Version 1 (0.0.x builds) kept the policy's fields at the top level beside `send_for_me`;
// migrate() lifts any older shape into the current one and keeps every field it knows.
// Pause is not a setting: it lives in storage.local (per device) under PAUSED_KEY. The user's
// corrections live in storage.local too, under CORRECTIONS_KEY (shared/corrections.js): there
// can be a thousand of them, far beyond storage.sync's quota; so does the history (HISTORY_KEY:
// every sender Vouch judged, what the user did, and the repeat-sender memory; shared/history.js).
//
// A settings file (Export, Import) is the stored settings with the corrections and the history:
//
//   {version: 2, policy, options, corrections: [...], history: {"https://www.linkedin.com/in/x/": {...}}}
//
// (an older export's history, {"https://www.linkedin.com/in/x/": 2}, still imports).
//
// read_file() checks a file whole before anything is stored: its shape, its version (a newer one
// is refused), the options, the history and the corrections' shape; the core then checks the
// policy with the corrections (the background's VALIDATE_POLICY, as the form's Save does). The
// policy is kept as the file has it, fields the core does not know included (a policy may carry
// more, and a later Vouch may read them); what is outside the policy and unknown here is dropped,
// and named in `dropped` so that the page can say so.
// Classic script (see messages.js): the background, the extension pages and the tests use it.
globalThis.VouchSettings = (() => {
  const VERSION = 2;
  const KEY = 'vouch_settings';
  const PAUSED_KEY = 'vouch_paused';
  const HISTORY_KEY = 'vouch_ignored_senders'; // the name is older than the history's present shape
  const CORRECTIONS_KEY = 'vouch_corrections';
  const DEFAULT_OPTIONS = Object.freeze({ send_for_me: false, undo_seconds: 5, reply_wait_days: 14 });
  const UNDO_RANGE = Object.freeze([1, 30]);
  const WAIT_RANGE = Object.freeze([1, 90]);
  const FILE_FIELDS = Object.freeze(['version', 'policy', 'options', 'corrections', 'history']);
  const V1_OPTION_FIELDS = Object.freeze(['send_for_me', 'undo_seconds']);

  const clamp = (n, lo, hi, fallback) =>
    Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;
  const is_object = (v) => !!v && typeof v === 'object' && !Array.isArray(v);

  /** How a value's type is named in a message ("an array", "a string"...), as the core names them. */
  function type_of(v) {
    if (v === null) return 'null';
    if (Array.isArray(v)) return 'an array';
    return { object: 'an object', string: 'a string', number: 'a number', boolean: 'a boolean' }[typeof v] || typeof v;
  }

  function normalize_options(options) {
    const o = is_object(options) ? options : {};
    return {
      send_for_me: o.send_for_me === true,
      undo_seconds: clamp(Number(o.undo_seconds), UNDO_RANGE[0], UNDO_RANGE[1], DEFAULT_OPTIONS.undo_seconds),
      reply_wait_days: Math.round(clamp(Number(o.reply_wait_days), WAIT_RANGE[0], WAIT_RANGE[1], DEFAULT_OPTIONS.reply_wait_days)),
    };
  }

  /** Lifts any stored shape (missing, v1, v2, newer) into the current one. Never throws. */
  function migrate(stored) {
    if (!is_object(stored)) {
      return { version: VERSION, policy: {}, options: { ...DEFAULT_OPTIONS } };
    }
    // The current layout; also what a newer Vouch synced from another device has (its policy
    // and options are read as this version's, rather than taken for a version 1 policy).
    if (stored.version === VERSION || (Number.isInteger(stored.version) && stored.version > VERSION)) {
      return {
        version: VERSION,
        policy: is_object(stored.policy) ? stored.policy : {},
        options: normalize_options(stored.options),
      };
    }
    // Version 1 (or unversioned): policy fields at the top level, options beside them.
    const { version, send_for_me, undo_seconds, ...policy } = stored;
    return { version: VERSION, policy, options: normalize_options({ send_for_me, undo_seconds }) };
  }

  /** The profile address reduced to one form, https://www.linkedin.com/in/<slug>/, or null. */
  function profile_key(url) {
    try {
      const u = new URL(url, 'https://www.linkedin.com');
      const m = u.pathname.match(/^\/in\/([^/]+)/);
      return m ? `https://www.linkedin.com/in/${decodeURIComponent(m[1]).toLowerCase()}/` : null;
    } catch {
      return null;
    }
  }

  /**
   * The history as stored (shared/history.js has its shape; an older build's {profile: count}
   * is read too). Throws an Error naming the first bad entry. Needs shared/history.js loaded.
   */
  function normalize_history(value, where = 'history') {
    if (!globalThis.VouchHistory) throw new Error('normalize_history: shared/history.js is not loaded');
    return globalThis.VouchHistory.normalize(value, { where });
  }

  /** A file's options, checked (not clamped: a value out of range is an error that names it). */
  function read_options(options, where, dropped) {
    if (!is_object(options)) throw new Error(`${where}: expected an object, got ${type_of(options)}`);
    const { send_for_me = DEFAULT_OPTIONS.send_for_me, undo_seconds = DEFAULT_OPTIONS.undo_seconds,
      reply_wait_days = DEFAULT_OPTIONS.reply_wait_days, ...rest } = options;
    const prefix = where === 'options' ? 'options.' : '';
    if (typeof send_for_me !== 'boolean') throw new Error(`${prefix}send_for_me: expected true or false, got ${type_of(send_for_me)}`);
    if (!Number.isInteger(undo_seconds) || undo_seconds < UNDO_RANGE[0] || undo_seconds > UNDO_RANGE[1]) {
      throw new Error(`${prefix}undo_seconds: expected a whole number from ${UNDO_RANGE[0]} to ${UNDO_RANGE[1]}, got ${JSON.stringify(undo_seconds) ?? type_of(undo_seconds)}`);
    }
    if (!Number.isInteger(reply_wait_days) || reply_wait_days < WAIT_RANGE[0] || reply_wait_days > WAIT_RANGE[1]) {
      throw new Error(`${prefix}reply_wait_days: expected a whole number from ${WAIT_RANGE[0]} to ${WAIT_RANGE[1]}, got ${JSON.stringify(reply_wait_days) ?? type_of(reply_wait_days)}`);
    }
    if (where === 'options') dropped.push(...Object.keys(rest).map((k) => `options.${k}`));
    return { send_for_me, undo_seconds, reply_wait_days };
  }

  /** Thrown for a file written by a newer Vouch; `version` is the file's. */
  class NewerVersionError extends Error {
    constructor(version) {
      super(`version: the file is from a newer Vouch (settings version ${version}); this Vouch reads version ${VERSION} and older`);
      this.version = version;
    }
  }

  /**
   * Reads a settings file (the parsed JSON) as an import, or throws an Error whose message names
   * where the file is wrong ("options.undo_seconds: ...", "corrections[2].category: ...");
   * a NewerVersionError for a newer version. `corrections` and `history` are null when the file
   * has none (an older export): the stored ones then stay. Corrections carried inside the policy
   * (the contract's `policy.corrections`) join the file's list: they are stored with the others,
   * never in storage.sync. `normalize_corrections` is VouchCorrections.normalize (kept apart so
   * that this file needs no other global).
   */
  function read_file(file, normalize_corrections) {
    if (!is_object(file)) throw new Error(`the file: expected a Vouch settings object, got ${type_of(file)}`);
    const dropped = [];
    let policy;
    let options;
    // The current layout: a version other than 1, or no version but a `policy` or `options` (a
    // version 1 file was the policy itself, and no policy has fields of those names).
    if ('version' in file ? file.version !== 1 : 'policy' in file || 'options' in file) {
      const { version = VERSION } = file;
      if (!Number.isInteger(version) || version < 1) throw new Error(`version: expected a whole number, got ${JSON.stringify(version) ?? type_of(version)}`);
      if (version > VERSION) throw new NewerVersionError(version);
      if (!('policy' in file)) throw new Error('policy: missing (a version 2 file keeps the policy there)');
      if (!is_object(file.policy)) throw new Error(`policy: expected an object, got ${type_of(file.policy)}`);
      policy = { ...file.policy };
      options = read_options(file.options ?? {}, 'options', dropped);
      dropped.push(...Object.keys(file).filter((k) => !FILE_FIELDS.includes(k)));
    } else {
      // Version 1 (or unversioned): every other top-level field is the policy's.
      const { version, send_for_me, undo_seconds, corrections, history, ...rest } = file;
      const v1_options = Object.fromEntries(V1_OPTION_FIELDS.filter((k) => k in file).map((k) => [k, file[k]]));
      policy = rest;
      options = read_options(v1_options, 'the file', dropped);
    }
    let corrections = null;
    if ('corrections' in policy) {
      try {
        corrections = normalize_corrections(policy.corrections);
      } catch (error) {
        throw new Error(`policy.${error.message}`);
      }
      delete policy.corrections;
    }
    if ('corrections' in file) corrections = [...(corrections || []), ...normalize_corrections(file.corrections)];
    if (corrections) corrections = normalize_corrections(corrections);
    const history = 'history' in file ? normalize_history(file.history) : null;
    return { settings: { version: VERSION, policy, options }, corrections, history, dropped };
  }

  /**
   * The paths of the policy's fields that the core did not take: those absent from what its
   * validation gave back (the policy with every field it knows, defaults filled in). Objects
   * are followed into, lists are not.
   */
  function unused_fields(policy, validated, prefix = 'policy') {
    const unused = [];
    for (const [k, v] of Object.entries(is_object(policy) ? policy : {})) {
      const path = `${prefix}.${k}`;
      if (!is_object(validated) || !(k in validated)) unused.push(path);
      else if (is_object(v) && is_object(validated[k])) unused.push(...unused_fields(v, validated[k], path));
    }
    return unused;
  }

  return Object.freeze({
    VERSION, KEY, PAUSED_KEY, HISTORY_KEY, CORRECTIONS_KEY, DEFAULT_OPTIONS, NewerVersionError,
    migrate, normalize_options, profile_key, normalize_history, read_file, unused_fields,
  });
})();
