// The annotator: finds invitation cards through the page's adapter, reads them, asks the
// background to classify them in one message per pass, and leaves exactly one <vouch-annotation>
// in each card. A MutationObserver batches changes (SPA navigation, cards added while scrolling)
// into one pass per batch of mutations; a card is never annotated twice. After each pass that did
// work (and after the first pass on a page) it dispatches `vouch:annotated` on document.
// When the user's corrections change (a "Not right?" here or in another tab, a removal in the
// options), refresh() asks for every annotated card's judgement again, in one message, updates
// the cards whose judgement changed and dispatches `vouch:annotated` again.
globalThis.VouchAnnotator = (() => {
  const api = globalThis.vouchBrowser;
  const { CS_TO_BG } = globalThis.VouchMessages;
  const Card = globalThis.VouchInvitationCard;
  const TextMap = globalThis.VouchTextMap;
  const Styles = globalThis.VouchStyles;
  const Hold = globalThis.VouchCardHold;
  const Unread = globalThis.VouchUnreadBadge;
  const ADAPTERS = [globalThis.VouchInvitationManager, globalThis.VouchMyNetwork];

  let seen = new WeakSet(); // cards annotated, being read, or found unreadable
  let live = new Set(); // the annotations attached to cards: {reading, host, root, settle, renew, set_highlights, summary, forget}
  const watched = new WeakSet(); // cards whose Ignore and Accept tell the history (kept across stop/start)
  // Elements added since the last pass. Mutation records arrive in the task that made the change,
  // before the browser's next frame, so these have never been rendered: a card among them may be
  // held back until it is annotated (card-hold.js); a card found any other way may be on screen.
  let fresh = new Set();
  let generation = 0; // start() and stop() each begin a new one; a pass of an older one attaches nothing
  let observer = null;
  let scheduled = false;
  let first_pass = true;
  let serial = 0;

  const own_node = (node) => node.nodeType === 1 && /^VOUCH-/.test(node.tagName);
  function relevant(records) {
    return records.some((r) => {
      if (r.target.nodeType === 1 && r.target.closest && r.target.closest('vouch-annotation, vouch-toast')) return false;
      return [...r.addedNodes].some((n) => !own_node(n)) || r.type === 'characterData';
    });
  }

  // A microtask, not a timer: the observer already hands over every change of a task in one
  // batch, and running before the next frame lets the browser lay out LinkedIn's new cards and
  // their annotations once instead of twice.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      pass();
    });
  }

  /**
   * Tells the history when the user (or Vouch's decline, or the bulk triage) presses LinkedIn's
   * own Ignore or Accept on the card: the repeat-sender memory counts an ignore.
   */
  function record_on_press(card, profile_url) {
    if (watched.has(card)) return;
    watched.add(card);
    for (const [button, what] of [[Card.ignore_button(card), 'ignored'], [Card.accept_button(card), 'accepted']]) {
      if (!button) continue;
      button.addEventListener('click', () => {
        api.runtime.sendMessage({ type: CS_TO_BG.RECORD_ACTION, profile_url, what }).catch(() => {});
      }, { once: true, capture: true });
    }
  }

  async function classify(invitations) {
    try {
      const answer = await api.runtime.sendMessage({ type: CS_TO_BG.CLASSIFY, invitations });
      if (answer && Array.isArray(answer.results)) return answer.results;
      const error = (answer && answer.error) || 'no answer from the background';
      return invitations.map((inv) => ({ id: inv.id, error }));
    } catch (e) {
      return invitations.map((inv) => ({ id: inv.id, error: String(e && e.message || e) }));
    }
  }

  /** The whole result for one invitation (reasons, reply, variants), for the panel and the decline. */
  async function explain(invitation) {
    const answer = await api.runtime.sendMessage({ type: CS_TO_BG.EXPLAIN, invitation });
    if (answer && answer.result) return answer.result;
    throw new Error((answer && answer.error) || 'no answer from the background');
  }

  /** Stores the user's category for one invitation; resolves with {result, summary} or {error}. */
  async function correct(invitation, category) {
    const answer = await api.runtime.sendMessage({ type: CS_TO_BG.CORRECT, invitation, category });
    return answer || { error: 'no answer from the background' };
  }

  /**
   * The annotation for one reading, unattached and not yet settled: {reading, host, root, settle,
   * renew, set_highlights, summary, forget}; and the card's Ignore and Accept tell the history from
   * now on (a card is read once, so once).
   */
  function prepare(reading, theme) {
    const { card } = reading;
    let details = null; // asked for once, when first needed; forgotten when the judgement changes
    const load_details = () => {
      details ??= explain(reading.invitation).catch((error) => {
        details = null; // a later open may try again
        throw error;
      });
      return details;
    };
    const prepared = { reading, summary: null, details: load_details, forget: () => { details = null; } };
    const annotation = globalThis.VouchAnnotation.prepare({
      message: reading.invitation.message, theme,
      details: load_details,
      on_decline: (reply, set_status) => globalThis.VouchDecline.run(card, reply, {
        set_status, profile_url: reading.invitation.sender.profile_url,
        copy: (text) => globalThis.VouchAnnotation.copy_text(text, annotation.root),
      }),
      on_ask: (reply, set_status) => globalThis.VouchDecline.ask(card, reply, {
        set_status, profile_url: reading.invitation.sender.profile_url,
        copy: (text) => globalThis.VouchAnnotation.copy_text(text, annotation.root),
      }),
      on_ignore_now: () => globalThis.VouchDecline.ignore_now(card),
      // The evidence is painted in LinkedIn's note only while the user reads the reasons: the
      // page's scripts can read the document's highlight registry, so it holds nothing otherwise.
      on_toggle: () => paint_all(),
      // The sender's answer to the Ask, judged as the invitation's note (nothing is stored).
      on_answer: (answer) => explain({ ...reading.invitation, message: answer }),
      on_correct: async (category) => {
        // The invitation exactly as it was read off the card and sent for classification.
        const answer = await correct(reading.invitation, category);
        if (answer.result && answer.summary) {
          details = Promise.resolve(answer.result);
          prepared.summary = answer.summary;
          paint_all();
        }
        return answer;
      },
    });
    record_on_press(card, reading.invitation.sender.profile_url);
    return Object.assign(prepared, annotation);
  }

  /** The ranges of LinkedIn's note text that the summary's evidence spans cover, or null. */
  function evidence_ranges(reading, summary) {
    if (!reading.map || !Array.isArray(summary.spans)) return null;
    return summary.spans
      .map((span) => TextMap.range_for(reading.map, span[0], span[1]))
      .filter(Boolean);
  }

  /**
   * Paints the evidence of those of `annotations` whose panel is open (adding to what is painted)
   * and tells each how much. A closed card's evidence is not in the page at all (contract: the
   * page's scripts learn nothing, and CSS.highlights is theirs to read).
   */
  function paint(annotations) {
    const painted = TextMap.supported();
    const all_ranges = [];
    for (const p of annotations) {
      if (!p.is_open || !p.is_open()) { p.set_highlights?.(0); continue; }
      const ranges = evidence_ranges(p.reading, p.summary);
      if (!ranges) continue;
      p.set_highlights(painted ? ranges.length : 0);
      all_ranges.push(...ranges);
    }
    TextMap.highlight(all_ranges);
  }

  /** Forgets the annotations LinkedIn has taken out of the page (an ignored card, another page). */
  function prune() {
    for (const p of live) if (!p.host.isConnected) live.delete(p);
  }

  /** Paints every live annotation's evidence afresh (a judgement changed, and with it its spans). */
  function paint_all() {
    prune();
    TextMap.clear_highlights();
    paint(live);
  }

  /**
   * Annotates the cards in one go: every annotation is settled first, then all are appended, and
   * the evidence of all cards is painted with one highlight update (its ranges made after the
   * appends, so that no insertion has live ranges to update).
   */
  function attach_all(prepared, summaries) {
    const attached = [];
    for (const [i, p] of prepared.entries()) {
      const { card } = p.reading;
      if (card.querySelector(':scope > vouch-annotation') || !card.isConnected) continue;
      p.summary = summaries[i] || { error: 'no result' };
      p.settle(p.summary);
      attached.push(p);
    }
    prune();
    for (const p of attached) {
      p.reading.card.append(p.host);
      live.add(p);
    }
    paint(attached);
    return attached.length;
  }

  const same_summary = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  // One refresh at a time; changes that come while one runs are covered by one more after it.
  let refreshing = null;
  let refresh_again = false;
  async function refresh_once() {
    prune();
    const annotations = [...live];
    if (!annotations.length) return;
    const refresh_generation = generation;
    const summaries = await classify(annotations.map((p) => p.reading.invitation));
    if (refresh_generation !== generation) return; // paused meanwhile: nothing of ours is left
    let changed = 0;
    for (const [i, p] of annotations.entries()) {
      const summary = summaries[i];
      // No answer (the background failed): the card keeps the judgement it has.
      if (!summary || summary.error || !p.host.isConnected) continue;
      // Even with the same verdict, the reasons may have moved (what the corrections taught): the
      // panel is filled anew, and the badge and highlights only where the summary changed.
      const moved = !same_summary(summary, p.summary);
      p.summary = summary;
      p.forget();
      p.renew(summary);
      if (moved) changed++;
    }
    if (changed) paint_all();
    document.dispatchEvent(new CustomEvent('vouch:annotated'));
  }

  /** Asks for every annotated card's judgement again (the corrections changed). */
  function refresh() {
    if (refreshing) {
      refresh_again = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          refresh_again = false;
          await refresh_once();
        } while (refresh_again);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  // What needs no card is done on the first pass over a page with invitations, rather than when a
  // page of cards arrives (LinkedIn fetches them after the page shows): adding a rule to the
  // document makes the browser recompute which style sheets apply, and parsing the annotation's
  // sheet takes a few milliseconds too. Pages without invitations never pay for it.
  let preloaded = false;
  function preload() {
    if (preloaded) return;
    preloaded = true;
    Hold.install();
    if (TextMap.supported()) TextMap.install_highlight_style();
    globalThis.VouchAnnotation.preload();
  }

  /**
   * Gives each card Vouch could not read the neutral badge (unread-badge.js); "Try again" there
   * reads the card anew. Returns how many were marked.
   */
  function mark_unreadable(cards, why) {
    let marked = 0;
    for (const card of cards) {
      const on_retry = () => {
        seen.delete(card);
        schedule();
      };
      if (card.isConnected && Unread.mark(card, why, { theme: Styles.theme_for(card), on_retry })) marked++;
    }
    return marked;
  }

  async function pass() {
    const added = fresh; // what was added since the last pass (see `fresh`)
    fresh = new Set();
    const adapter = ADAPTERS.find((a) => a.matches(location));
    if (adapter) preload();
    // Finding the cards and starting to read them (up to a read's first wait) change nothing in
    // the page, so the card module may look up each card's links and buttons once for both.
    const { cards, all_read, strays } = Card.with_memo(() => {
      // List items of a shape no adapter reads get the neutral badge (and lose it should they
      // become readable cards: LinkedIn may fill an item in after adding it).
      const strays = adapter && adapter.find_unreadable ? adapter.find_unreadable(document).filter((c) => !seen.has(c) && !Unread.has(c)) : [];
      const found = adapter ? adapter.find_cards(document).filter((c) => !seen.has(c)) : [];
      if (!found.length) return { cards: found, all_read: null, strays };
      performance.mark('vouch:pass-start');
      for (const c of found) {
        seen.add(c);
        Unread.clear(c);
      }
      return { cards: found, all_read: Promise.all(found.map((c) => Card.read(c).catch(() => null))), strays };
    });
    let marked = mark_unreadable(strays, 'shape');
    const was_first = first_pass;
    first_pass = false;
    if (!cards.length) {
      if (was_first || marked) document.dispatchEvent(new CustomEvent('vouch:annotated'));
      return;
    }
    // Cards that arrived since the last pass have not been rendered yet: they are held back until
    // their annotations are in (card-hold.js). Any other card may be on screen already.
    const is_fresh = (card) => {
      for (let el = card; el; el = el.parentElement) if (added.has(el)) return true;
      return false;
    };
    const focused = document.activeElement;
    const unrendered = cards.filter((c) => is_fresh(c) && !(focused && c.contains(focused)));
    const release = unrendered.length ? Hold.hold(unrendered) : () => {};
    const pass_generation = generation;
    let annotated = 0;
    try {
      const read = await all_read;
      // A card that could not be read, or whose whole note would not open, is not judged.
      if (pass_generation === generation) {
        marked += mark_unreadable(cards.filter((_, i) => !read[i]), 'shape');
        marked += mark_unreadable(cards.filter((_, i) => read[i] && read[i].unreadable), 'note');
      }
      const readings = read
        .map((reading, i) => reading && !reading.unreadable && { card: cards[i], ...reading })
        .filter(Boolean);
      for (const r of readings) r.invitation.id = `card-${++serial}`;
      performance.mark('vouch:classify-start');
      const answer = readings.length ? classify(readings.map((r) => r.invitation)) : Promise.resolve([]);
      // While the background classifies, the annotations are built (unattached, no verdict yet).
      const theme = readings.length ? Styles.theme_for(readings[0].card) : 'light';
      const prepared = readings.map((r) => prepare(r, theme));
      const summaries = await answer;
      performance.measure('vouch:classify', 'vouch:classify-start'); // sending the cards to handling the answer
      // Vouch was paused (or paused and resumed) meanwhile: these cards are the new start's to read.
      if (pass_generation === generation) annotated = attach_all(prepared, summaries);
    } finally {
      release();
    }
    performance.mark('vouch:pass-end');
    performance.measure('vouch:pass', 'vouch:pass-start', 'vouch:pass-end');
    if (annotated || was_first || marked) document.dispatchEvent(new CustomEvent('vouch:annotated'));
  }

  function start() {
    if (observer) return;
    observer = new MutationObserver((records) => {
      if (!relevant(records)) return;
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === 1 && !own_node(n)) fresh.add(n);
      }
      schedule();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    window.addEventListener('popstate', schedule);
    first_pass = true;
    generation++;
    schedule();
    performance.mark('vouch:started');
  }

  /** Stops and removes everything Vouch put into the page. */
  function stop() {
    if (observer) observer.disconnect();
    observer = null;
    generation++;
    fresh = new Set();
    window.removeEventListener('popstate', schedule);
    for (const host of document.querySelectorAll('vouch-annotation')) host.remove();
    globalThis.VouchToast.hide();
    Hold.release_all();
    TextMap.clear_highlights();
    seen = new WeakSet();
    live = new Set();
  }

  function counts() {
    const out = { accept: 0, ask: 0, decline: 0, ignore: 0 };
    for (const p of live) {
      if (p.host.isConnected && p.summary && p.summary.verdict in out) out[p.summary.verdict]++;
    }
    return out;
  }

  /**
   * The cards judged on this page, for the bulk triage: {card, invitation, summary, details()}
   * per card still in the page, in the page's order; details() resolves with the whole result.
   */
  function judged() {
    prune();
    return [...live]
      .filter((p) => p.summary && !p.summary.error)
      .map((p) => ({ card: p.reading.card, invitation: p.reading.invitation, summary: p.summary, details: p.details }))
      .sort((a, b) => (a.card.compareDocumentPosition(b.card) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  return Object.freeze({ start, stop, counts, refresh, judged });
})();
