// The history: every sender whose invitation Vouch judged, and what the user did with it. Kept in
// storage.local only (never synced, never sent anywhere) under VouchSettings.HISTORY_KEY, one
// object keyed by the profile address in VouchSettings.profile_key's form:
//
//   {"https://www.linkedin.com/in/<slug>/": {
//      name, headline,              // as read off the card (LinkedIn's text: shown as text only)
//      category, verdict,           // Vouch's latest judgement, after any correction (null: none yet)
//      judged_at,                   // ISO date of that judgement (when it last changed), or null
//      corrected,                   // whether the latest judgement is the user's correction
//      actions: [{what, at}],       // what the user did, oldest first, the newest MAX_ACTIONS
//      ignored                      // how many of the sender's invitations were ignored
//   }, ...}
//
// `ignored` is the repeat-sender memory: a new invitation from the sender is classified with
// `prior_invitations` set from it. The history keeps the MAX_SENDERS senders seen most recently
// (judged or acted on); older ones are dropped, oldest first.
//
// Builds before this one kept only the memory, {"https://www.linkedin.com/in/<slug>/": count};
// normalize() reads that shape too (a count becomes a record with `ignored` set and no judgement),
// in storage and in an imported settings file.
//
// Also here: the history as table rows (newest first) and their CSV (RFC 4180, with cells that a
// spreadsheet would take for a formula made inert) and JSON exports.
// Classic script (see messages.js): the background, the extension pages and the tests use it.
globalThis.VouchHistory = (() => {
  const { CATEGORIES, VERDICTS } = globalThis.VouchMessages;
  const Settings = globalThis.VouchSettings;
  const ACTIONS = Object.freeze(['asked', 'replied', 'ignored', 'accepted', 'corrected']);
  const MAX_SENDERS = 5000;
  const MAX_ACTIONS = 20;
  const MAX_NAME = 300;
  const MAX_HEADLINE = 600;

  const is_object = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
  const shown = (v) => JSON.stringify(v) ?? String(v);
  const iso = (at) => new Date(at).toISOString();
  const valid_date = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
  const time_of = (v) => (v ? Date.parse(v) : -Infinity);

  /** A record with nothing known yet. */
  const empty = () => ({ name: '', headline: '', category: null, verdict: null, judged_at: null, corrected: false, actions: [], ignored: 0 });

  /** The latest date in a record: its judgement or its newest action (-Infinity for none). */
  function last_at(record) {
    const last = record.actions.length ? time_of(record.actions[record.actions.length - 1].at) : -Infinity;
    return Math.max(time_of(record.judged_at), last);
  }

  /** One stored or imported entry, checked; throws an Error naming `where` and the field. */
  function read_record(value, where) {
    // The shape of builds before this one: a count of ignored invitations.
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new Error(`${where}: expected a whole number of ignored invitations, at least 1, got ${shown(value)}`);
      }
      return { ...empty(), ignored: value };
    }
    if (!is_object(value)) throw new Error(`${where}: expected a history record (an object) or a count of ignored invitations, got ${Array.isArray(value) ? 'a list' : shown(value)}`);
    const record = empty();
    for (const [field, max] of [['name', MAX_NAME], ['headline', MAX_HEADLINE]]) {
      const v = value[field] ?? '';
      if (typeof v !== 'string') throw new Error(`${where}.${field}: expected text, got ${shown(v)}`);
      if (v.length > max) throw new Error(`${where}.${field}: longer than ${max} characters`);
      record[field] = v;
    }
    const category = value.category ?? null;
    if (category !== null && !CATEGORIES.includes(category)) throw new Error(`${where}.category: expected one of ${CATEGORIES.join(', ')}, got ${shown(category)}`);
    const verdict = value.verdict ?? null;
    if (verdict !== null && !VERDICTS.includes(verdict)) throw new Error(`${where}.verdict: expected one of ${VERDICTS.join(', ')}, got ${shown(verdict)}`);
    const judged_at = value.judged_at ?? null;
    if (judged_at !== null && !valid_date(judged_at)) throw new Error(`${where}.judged_at: expected a date (ISO 8601), got ${shown(judged_at)}`);
    const corrected = value.corrected ?? false;
    if (typeof corrected !== 'boolean') throw new Error(`${where}.corrected: expected true or false, got ${shown(corrected)}`);
    const ignored = value.ignored ?? 0;
    if (!Number.isSafeInteger(ignored) || ignored < 0) throw new Error(`${where}.ignored: expected a whole number, at least 0, got ${shown(ignored)}`);
    const actions = value.actions ?? [];
    if (!Array.isArray(actions)) throw new Error(`${where}.actions: expected a list, got ${shown(actions)}`);
    record.actions = actions.map((a, i) => {
      const at = `${where}.actions[${i}]`;
      if (!is_object(a)) throw new Error(`${at}: expected {what, at}`);
      if (!ACTIONS.includes(a.what)) throw new Error(`${at}.what: expected one of ${ACTIONS.join(', ')}, got ${shown(a.what)}`);
      if (!valid_date(a.at)) throw new Error(`${at}.at: expected a date (ISO 8601), got ${shown(a.at)}`);
      return { what: a.what, at: iso(a.at) };
    }).sort((a, b) => time_of(a.at) - time_of(b.at)).slice(-MAX_ACTIONS);
    Object.assign(record, { category, verdict, judged_at: judged_at && iso(judged_at), corrected, ignored });
    return record;
  }

  /** Two records of one sender (addresses spelled two ways) as one: the newer judgement, every action, the counts added. */
  function merged(a, b) {
    const [older, newer] = time_of(a.judged_at) > time_of(b.judged_at) ? [b, a] : [a, b];
    const seen = new Set();
    const actions = [...a.actions, ...b.actions].sort((x, y) => time_of(x.at) - time_of(y.at))
      .filter((x) => !seen.has(`${x.what} ${x.at}`) && seen.add(`${x.what} ${x.at}`)).slice(-MAX_ACTIONS);
    return {
      name: newer.name || older.name, headline: newer.headline || older.headline,
      category: newer.category, verdict: newer.verdict, judged_at: newer.judged_at, corrected: newer.corrected,
      actions, ignored: a.ignored + b.ignored,
    };
  }

  /** The newest MAX_SENDERS records of `history` (itself when it holds no more). */
  function bounded(history) {
    const keys = Object.keys(history);
    if (keys.length <= MAX_SENDERS) return history;
    const kept = keys.map((k) => [k, last_at(history[k])]).sort((x, y) => y[1] - x[1]).slice(0, MAX_SENDERS);
    return Object.fromEntries(kept.map(([k]) => [k, history[k]]));
  }

  /**
   * The history as stored, from a stored value or an import (either shape). Throws an Error
   * naming the first bad entry ("history[\"https://...\"].verdict: ..."); with `lenient`, a bad
   * entry is left out instead (a damaged stored value loses that entry, not the rest).
   */
  function normalize(value, { where = 'history', lenient = false } = {}) {
    if (!is_object(value)) {
      if (lenient) return {};
      throw new Error(`${where}: expected an object of profile address to history record, got ${Array.isArray(value) ? 'an array' : shown(value)}`);
    }
    const history = {};
    for (const [url, entry] of Object.entries(value)) {
      const at = `${where}[${JSON.stringify(url)}]`;
      let key;
      let record;
      try {
        key = Settings.profile_key(url);
        if (!key || !/^https?:\/\/(www\.)?linkedin\.com\/in\//i.test(url)) {
          throw new Error(`${at}: expected a LinkedIn profile address (https://www.linkedin.com/in/...)`);
        }
        record = read_record(entry, at);
      } catch (error) {
        if (lenient) continue;
        throw error;
      }
      history[key] = history[key] ? merged(history[key], record) : record;
    }
    return bounded(history);
  }

  const clip = (v, max) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

  /**
   * `history` with the judgement of one invitation recorded for its sender: {name, headline,
   * category, verdict, corrected}, made at `at` (epoch ms). The same object when nothing changed
   * (the same judgement of a sender whose name and headline are as stored).
   */
  function judged(history, key, { name, headline, category, verdict, corrected = false }, at = Date.now()) {
    if (!key || !CATEGORIES.includes(category) || !VERDICTS.includes(verdict)) return history;
    const before = history[key] || empty();
    const seen = { name: clip(name, MAX_NAME) || before.name, headline: clip(headline, MAX_HEADLINE) || before.headline };
    const same_judgement = before.category === category && before.verdict === verdict && before.corrected === corrected;
    if (same_judgement && seen.name === before.name && seen.headline === before.headline && history[key]) return history;
    return bounded({
      ...history,
      [key]: { ...before, ...seen, category, verdict, corrected, judged_at: same_judgement && before.judged_at ? before.judged_at : iso(at) },
    });
  }

  /** `history` with what the user did (one of ACTIONS) added to the sender's record; 'ignored' counts too. */
  function acted(history, key, what, at = Date.now()) {
    if (!key || !ACTIONS.includes(what)) return history;
    const before = history[key] || empty();
    const actions = [...before.actions, { what, at: iso(at) }].slice(-MAX_ACTIONS);
    return bounded({ ...history, [key]: { ...before, actions, ignored: before.ignored + (what === 'ignored' ? 1 : 0) } });
  }

  /**
   * The table's rows, newest judgement first (senders never judged, known from an older build's
   * memory only, come last): {profile, name, headline, category, verdict, judged_at, corrected,
   * actions, ignored}.
   */
  function rows(history) {
    return Object.entries(history)
      .map(([profile, r]) => ({ profile, ...r, actions: r.actions.map((a) => ({ ...a })) }))
      .sort((a, b) => time_of(b.judged_at) - time_of(a.judged_at) || last_at(b) - last_at(a) || (a.profile < b.profile ? -1 : 1));
  }

  const CSV_COLUMNS = Object.freeze(['profile', 'name', 'headline', 'category', 'verdict', 'judged_at', 'corrected', 'actions', 'ignored']);

  /**
   * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled.
   * Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
   * return) gets a leading apostrophe first, so it stays text (OWASP's advice for CSV injection).
   */
  function csv_field(value) {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  /** The rows as CSV text: a header, one line per row, CRLF line ends; actions as "what at; what at". */
  function to_csv(list) {
    const line = (cells) => cells.map(csv_field).join(',');
    const lines = [line(CSV_COLUMNS)];
    for (const r of list) {
      lines.push(line(CSV_COLUMNS.map((c) => {
        if (c === 'actions') return r.actions.map((a) => `${a.what} ${a.at}`).join('; ');
        if (c === 'corrected') return r.corrected ? 'yes' : 'no';
        return r[c];
      })));
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  /** The rows as JSON text: a list of row objects, as rows() gives them. */
  const to_json = (list) => `${JSON.stringify(list, null, 2)}\n`;

  return Object.freeze({ ACTIONS, MAX_SENDERS, MAX_ACTIONS, CSV_COLUMNS, normalize, judged, acted, bounded, rows, last_at, csv_field, to_csv, to_json });
})();
