// Bulk triage: every invitation Vouch judged on the page, in five groups, and the user's
// confirmed group carried out one card at a time.
//
//   scam       scams and flirts (scam, romance)
//   sales      sellers
//   generic    generic notes and connection collectors (generic, networker)
//   jobs       recruiters and job seekers
//   accept     people to accept: every card whose verdict is accept, and the known and personal
//              ones Vouch is unsure of (which it asks about). Never acted on in bulk.
//
// A group's action is LinkedIn's own Ignore, pressed on each card in turn with a human pace
// between two presses (at least a second, with jitter: PACE_MS plus up to JITTER_MS), stopped at
// once by Stop, and reported as it goes and at the end. Nothing happens before the user confirms
// the group; Vouch never presses Accept or Send here, and never replies (so a seller's group is
// ignored without the courteous reply a single card's decline drafts). The user may move any
// entry to another group first (e.g. someone they know out of "generic"); the move is for this
// triage only (the card's "Not right?" teaches Vouch).
//
// Tests set a faster pace under TEST_PACE_KEY in storage.local (a number of milliseconds,
// jitter half of it); the shipped build never writes it, so the human pace is the default.
globalThis.VouchTriage = (() => {
  const api = globalThis.vouchBrowser;
  const { t } = globalThis.VouchI18n;
  const Card = globalThis.VouchInvitationCard;
  const Annotator = globalThis.VouchAnnotator;
  const Panel = globalThis.VouchTriagePanel;
  const Styles = globalThis.VouchStyles;
  const ADAPTERS = [globalThis.VouchInvitationManager, globalThis.VouchMyNetwork];
  const PACE_MS = 1000;
  const JITTER_MS = 1500;
  const TEST_PACE_KEY = 'vouch_triage_test_pace_ms';
  const MIN_CARDS = 2; // the control shows once a page holds this many judged invitations
  const GROUPS = ['scam', 'sales', 'generic', 'jobs', 'accept'];
  const GROUP_OF_CATEGORY = {
    scam: 'scam', romance: 'scam', sales: 'sales', generic: 'generic', networker: 'generic',
    recruiter: 'jobs', job_seeker: 'jobs', known: 'accept', personal: 'accept',
  };

  /** The group a judgement falls in (see the top of this file). */
  const group_of = (summary) => (summary.verdict === 'accept' ? 'accept' : GROUP_OF_CATEGORY[summary.category] || 'generic');

  let panel = null;
  let entries = []; // {key, card, name, profile_url, verdict_word, group, done, details}
  let run = null; // the run under way: {group, stopped, wake}
  let serial = 0;

  function on_page() {
    return ADAPTERS.some((a) => a.matches(location));
  }

  function ensure_panel() {
    if (panel && panel.host.isConnected) return panel;
    panel = Panel.create({ theme: Styles.theme_for(document.body), on_open: open, on_run: start_run, on_stop: stop_run,
      on_move: move, on_reasons: reasons, on_show: show });
    document.body.append(panel.host);
    return panel;
  }

  /** After each annotation pass: shows the control (with the count) where there are enough cards. */
  function update() {
    const judged = on_page() ? Annotator.judged() : [];
    if (judged.length < MIN_CARDS && !run && !(panel && panel.is_open())) {
      if (panel) panel.host.remove();
      return;
    }
    ensure_panel().set_count(judged.length);
  }

  /** Opens the panel with every judged card now on the page. */
  function open() {
    if (run) return;
    entries = Annotator.judged().map(({ card, invitation, summary, details }) => ({
      key: String(++serial), card, name: invitation.sender.name, profile_url: invitation.sender.profile_url,
      verdict_word: t('triageVerdict', t(`verdict_${summary.verdict}`)), group: group_of(summary), done: '', details, message: invitation.message,
    }));
    panel.set_count(entries.length);
    panel.open({
      empty: entries.length === 0,
      groups: GROUPS.map((key) => ({ key, label: t(`triageGroup_${key}`), entries: entries.filter((e) => e.group === key) })),
    });
  }

  function move(entry, group) {
    if (run || !GROUPS.includes(group) || entry.group === group) return;
    const from = entry.group;
    entry.group = group;
    panel.move_entry(entry, from);
  }

  /** The entry's reasons in words, each with the evidence it quotes from the note. */
  async function reasons(entry) {
    const result = await entry.details();
    const message = entry.message || '';
    return (Array.isArray(result.reasons) ? result.reasons : []).map((r) => ({
      text: r.text || t('reasonWithoutText'),
      quote: Array.isArray(r.span) && r.span[1] > r.span[0] && r.span[1] <= message.length ? message.slice(r.span[0], r.span[1]) : '',
    }));
  }

  function show(entry) {
    if (entry.card.isConnected) entry.card.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  async function pace() {
    let test_pace = null;
    try {
      const got = await api.storage.local.get(TEST_PACE_KEY);
      const n = Number(got[TEST_PACE_KEY]);
      if (got[TEST_PACE_KEY] !== undefined && Number.isFinite(n) && n >= 0) test_pace = n;
    } catch {
      // the human pace
    }
    return test_pace === null ? () => PACE_MS + Math.random() * JITTER_MS : () => test_pace + Math.random() * (test_pace / 2);
  }

  /** Waits `ms`, or less if the run is stopped meanwhile. */
  const wait = (current, ms) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    current.wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });

  /** Ignores the group's waiting cards, one at a time, until done or stopped. */
  async function start_run(group) {
    if (run || group === 'accept' || !GROUPS.includes(group)) return;
    const todo = entries.filter((e) => e.group === group && !e.done);
    if (!todo.length) return;
    const current = { group, stopped: false, wake: () => {} };
    run = current;
    panel.set_running(group);
    const label = t(`triageGroup_${group}`);
    const gap = await pace();
    let ignored = 0;
    let gone = 0;
    for (const [i, entry] of todo.entries()) {
      if (current.stopped) break;
      if (i > 0) {
        await wait(current, gap());
        if (current.stopped) break;
      }
      panel.say(t('triageRunning', i + 1, todo.length));
      const ignore = entry.card.isConnected ? Card.ignore_button(entry.card) : null;
      if (ignore && ignore.isConnected) {
        ignore.click(); // LinkedIn's own control; the annotator's listener on it remembers the sender
        entry.done = 'ignored';
        ignored++;
      } else {
        entry.done = 'gone';
        gone++;
      }
      panel.update_entry(entry);
    }
    const left = todo.filter((e) => !e.done);
    for (const entry of left) {
      entry.done = 'left';
      panel.update_entry(entry);
      entry.done = ''; // still waiting: a later run of the group includes it
    }
    run = null;
    panel.set_running(null);
    panel.say(current.stopped
      ? t('triageStopped', ignored, todo.length, label, left.length)
      : t('triageDone', ignored, todo.length, label) + (gone ? ` ${t('triageGone', gone)}` : ''));
    update();
  }

  function stop_run() {
    if (!run) return;
    run.stopped = true;
    run.wake();
  }

  function start() {
    document.addEventListener('vouch:annotated', update);
    update();
  }

  function stop() {
    document.removeEventListener('vouch:annotated', update);
    stop_run();
    if (panel) panel.host.remove();
    panel = null;
    entries = [];
  }

  return Object.freeze({ start, stop, group_of, PACE_MS, JITTER_MS, TEST_PACE_KEY });
})();
