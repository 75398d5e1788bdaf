// Holding new cards back until they are annotated, for a short while at most.
//
// Cards that LinkedIn adds (a page of invitations arriving, more while scrolling) have not been
// rendered yet when the annotator's pass starts: mutation records and the pass's microtask run
// before the browser's next frame. Without a hold, that frame styles, lays out, paints and
// rasterizes LinkedIn's cards bare while the background's answer waits behind it, and the next
// frame does it again with the badges: the cards visibly grow, and the badges come a frame of
// 50-100 ms later on a slow machine. With the hold, the new cards are left out of rendering
// (an attribute of Vouch's own that a document-level rule hides) until their annotations are in
// place, so that the frame in between has nothing to do and the cards and their badges are
// rendered once, together.
//
// A hold never outlasts HOLD_MS: if the answer is late (the background starting, a truncated
// note still expanding), the cards are shown bare and annotated when the answer comes. Nothing of
// the page's own (its classes, its inline styles) is touched.
globalThis.VouchCardHold = (() => {
  const HOLD_MS = 120;
  const ATTRIBUTE = 'data-vouch-held';
  const active = new Set(); // release functions of holds not yet released
  let rule_installed = false;

  /** Adds the rule that hides held cards to the document (once; hold() does it if need be). */
  function install() {
    if (rule_installed) return;
    rule_installed = true;
    globalThis.VouchStyles.adopt(document, `[${ATTRIBUTE}] { display: none !important; }`);
  }

  /** Holds `cards` back; returns release(), which shows them again (safe to call twice). */
  function hold(cards) {
    install();
    for (const card of cards) card.setAttribute(ATTRIBUTE, '');
    let timer = 0;
    const release = () => {
      if (!active.delete(release)) return;
      clearTimeout(timer);
      for (const card of cards) card.removeAttribute(ATTRIBUTE);
    };
    active.add(release);
    timer = setTimeout(release, HOLD_MS);
    return release;
  }

  /** Shows every held card now (Vouch paused or stopped). */
  function release_all() {
    for (const release of [...active]) release();
  }

  return Object.freeze({ install, hold, release_all });
})();
