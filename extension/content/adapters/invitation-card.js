// How to read one received-invitation card, in both markup generations that linkedin-dom.md
// describes. The page adapters (invitation-manager.js, my-network.js) find candidate cards; this
// module decides whether a candidate is a person's invitation and reads it.
//
// Anchors, most specific first (none of them English words):
//   generation A (Ember, named classes): li.invitation-card, .invitation-card__title/__subtitle,
//     .member-insights__reason, .invitation-card__custom-message (its inner button is "see more"),
//     .invitation-card__action-container (Ignore = artdeco-button--tertiary, Accept = --secondary),
//     the reply button sits in .invitation-card__custom-message-container.
//   generation B (2024+, hashed classes): [role=listitem] cards; a profile link (/in/...) with the
//     name in <strong>; the first text block after it is the headline; the note is
//     [data-testid=expandable-text-box] (or a class/attribute naming the invitation message) and
//     its expand control [data-testid=expandable-text-button]. A truncated note holds only its
//     visible part until that control is pressed (linkedin-dom.md), so read() presses it first:
//     with click(), which LinkedIn's inline pointer-events: none does not stop (a public project
//     that reads invitations on the live site in 2026 does the same), and only while its
//     aria-expanded is not "true", because the same test id is the collapse control of an open
//     note.
//   both: the action pair is two adjacent sibling buttons, Ignore first, Accept second; only
//     where no such pair exists do we fall back to the buttons' aria-labels in several languages.
globalThis.VouchInvitationCard = (() => {
  const NOTE_SELECTORS = [
    '.invitation-card__custom-message',
    '[data-testid="expandable-text-box"]',
    '[class*="invitation-card__custom-message"]:not([class*="container"])',
    '[class*="invitation-card__message"]',
    '[data-test-invitation-message]',
  ].join(',');
  const EXPAND_SELECTOR = '[data-testid="expandable-text-button"]';
  // Generation A's "see more" controls, by class (inside the note, or just after it).
  const EXPAND_A_SELECTOR = '.lt-line-clamp__more, .inline-show-more-text__button, [class*="see-more"]';
  // Last resort for an expand control with no known anchor: its words in LinkedIn's languages.
  const MORE_WORDS = /^(…\s*)?(see more|show more|more|mehr( anzeigen)?|weiterlesen|plus|voir plus|afficher plus|ver más|más|ver mais|mais|altro|mostra altro|meer|meer weergeven|toon meer)\s*$/i;
  // A text that stops short: it ends in an ellipsis.
  const CUT_SHORT = /(…|\.\.\.)\s*$/;
  // Last resort only (see above): the first word of the controls' labels in LinkedIn's languages.
  const WORDS = {
    accept: /^(accept|accepter|annehmen|aceptar|aceitar|accetta|accepteren)\b/i,
    ignore: /^(ignore|ignorer|ignorieren|ignorar|ignora|negeren)\b/i,
    reply: /^(reply|répondre|antworten|responder|rispondi|beantwoorden)\b/i,
  };
  const EXPAND_WAIT_MS = 1500;

  const is_generation_a = (card) => card.matches('.invitation-card, [class~="invitation-card"]');
  const own = (card, el) => !el.closest('vouch-annotation') && el.isConnected && card.contains(el);

  // href -> profile address (or null), so that a card's links are parsed once, not on every read.
  // The usual forms ("/in/slug/...", "https://www.linkedin.com/in/slug?...") are read directly;
  // any other (percent-encoded slugs included) goes through the URL parser.
  const PLAIN_PROFILE_HREF = /^(?:https:\/\/www\.linkedin\.com)?\/in\/([A-Za-z0-9_-]+)(?=[/?#]|$)/;
  const profile_urls = new Map();
  function profile_url_of(a) {
    const href = a.getAttribute('href');
    const plain = href && PLAIN_PROFILE_HREF.exec(href);
    if (plain) return `https://www.linkedin.com/in/${plain[1]}/`;
    const key = `${location.origin} ${href}`;
    let url = profile_urls.get(key);
    if (url !== undefined) return url;
    try {
      const u = new URL(href, location.origin);
      const m = u.pathname.match(/^\/in\/[^/]+/);
      url = m ? `https://www.linkedin.com${m[0]}/` : null;
    } catch {
      url = null;
    }
    if (profile_urls.size >= 5000) profile_urls.clear();
    profile_urls.set(key, url);
    return url;
  }

  // While `with_memo` runs (code that changes nothing in the page: finding cards and reading
  // them), a card's links and action pair are looked up once, not once by each caller.
  let memo = null;
  function with_memo(fn) {
    if (memo) return fn();
    memo = { links: new Map(), pair: new Map() };
    try {
      return fn();
    } finally {
      memo = null;
    }
  }
  function memoized(kind, card, compute) {
    if (!memo) return compute(card);
    const known = memo[kind];
    if (!known.has(card)) known.set(card, compute(card));
    return known.get(card);
  }

  /** The distinct profile addresses a card links to, with the links themselves. */
  const profile_links = (card) => memoized('links', card, find_profile_links);
  function find_profile_links(card) {
    const links = [];
    for (const a of card.querySelectorAll('a[href*="/in/"]')) {
      const url = profile_url_of(a);
      if (url) links.push({ a, url });
    }
    return links;
  }

  const label_of = (b) => (b.getAttribute('aria-label') || b.textContent || '').trim();

  /** [ignore, accept] buttons, or null when the card has no such pair. */
  const action_pair = (card) => memoized('pair', card, find_action_pair);
  function find_action_pair(card) {
    if (is_generation_a(card)) {
      const box = card.querySelector('.invitation-card__action-container');
      if (box) {
        const ignore = box.querySelector('.artdeco-button--tertiary');
        const accept = box.querySelector('.artdeco-button--secondary, .artdeco-button--primary');
        if (ignore && accept) return [ignore, accept];
      }
    }
    const buttons = [...card.querySelectorAll('button')].filter((b) => own(card, b));
    for (const b of buttons) {
      const next = b.nextElementSibling;
      if (next && next.tagName === 'BUTTON' && !b.matches(EXPAND_SELECTOR) && !next.matches(EXPAND_SELECTOR)) {
        return [b, next];
      }
    }
    const ignore = buttons.find((b) => WORDS.ignore.test(label_of(b)));
    const accept = buttons.find((b) => WORDS.accept.test(label_of(b)));
    return ignore && accept ? [ignore, accept] : null;
  }

  /** Whether the element is one person's invitation card that this module can read. */
  function is_card(el) {
    const urls = new Set(profile_links(el).map((l) => l.url));
    return urls.size === 1 && action_pair(el) !== null;
  }

  /**
   * Whether a list item found where invitations are listed is one Vouch cannot read: it holds
   * text and a pair of controls, as an invitation does (a lone "Show more" is not one), but is no
   * card and holds none.
   */
  function is_unreadable(el) {
    if (is_card(el) || !text_of(el) || (!action_pair(el) && el.querySelectorAll('button').length < 2)) return false;
    return cards_within(el).length === 0;
  }

  /** The smallest ancestor of each profile link inside root that is a card (structure only). */
  function cards_within(root) {
    const found = new Set();
    for (const a of root.querySelectorAll('a[href*="/in/"]')) {
      for (let el = a.parentElement; el && root.contains(el); el = el.parentElement) {
        if (action_pair(el)) {
          if (is_card(el)) found.add(el);
          break;
        }
      }
    }
    return [...found];
  }

  function note_of(card) {
    return [...card.querySelectorAll(NOTE_SELECTORS)].find((el) => own(card, el)) || null;
  }

  const text_of = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : '');

  function name_of(card, link) {
    const title = card.querySelector('.invitation-card__title');
    if (title) return text_of(title);
    const links = profile_links(card);
    for (const { a } of links) {
      const strong = a.querySelector('strong');
      if (strong && text_of(strong)) return text_of(strong);
    }
    for (const { a } of links) {
      if (text_of(a)) return text_of(a);
    }
    const img = link.a.querySelector('img[alt]') || card.querySelector('img[alt]');
    return img ? img.getAttribute('alt').trim() : '';
  }

  /**
   * The first `limit` text blocks (p, span, div without block children) after the name, outside
   * links and controls. Blocks are found in document order and never dropped, so stopping at
   * `limit` gives the first `limit` of the whole list.
   */
  function text_blocks_after_name(card, note, limit = Infinity) {
    const blocks = [];
    for (const el of card.querySelectorAll('p, span, div')) {
      if (blocks.length >= limit) break;
      if (!own(card, el) || el.closest('a, button, time') || (note && (note.contains(el) || el.contains(note)))) continue;
      if (el.querySelector('p, div, button, a')) continue;
      const t = text_of(el);
      if (t && !blocks.some((b) => b.contains(el))) blocks.push(el);
    }
    return blocks;
  }

  /** "3 mutual connections" -> 3; "Sam Lee and 2 other mutual connections" -> 3; in any language. */
  function parse_mutual(text) {
    const m = text.match(/\d[\d.,\u00a0 ]*/);
    if (!m) return text ? 1 : 0;
    const n = Number(m[0].replace(/[^\d]/g, ''));
    return /^\d/.test(text) ? n : n + 1;
  }

  function headline_and_insights(card, note) {
    if (is_generation_a(card)) {
      const insights = card.querySelector('.member-insights__reason, .member-insights');
      return {
        headline: text_of(card.querySelector('.invitation-card__subtitle')),
        insights: insights ? text_of(insights) : '',
      };
    }
    const [headline, second] = text_blocks_after_name(card, note, 2);
    const insights = second && /\d/.test(text_of(second)) ? text_of(second) : '';
    return { headline: text_of(headline), insights };
  }

  /**
   * Resolves once `ready()` holds, checked after every change inside `el`, or with false after
   * `ms` at the latest.
   */
  function until(el, ready, ms) {
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (ready()) done(true);
      });
      const timer = setTimeout(() => done(ready()), ms);
      function done(ok) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(ok);
      }
      observer.observe(el, { childList: true, characterData: true, subtree: true, attributes: true });
    });
  }

  /** The control that shows the rest of a truncated note, or null. */
  function expand_control(card, note) {
    if (!note) return null;
    const in_card = [...card.querySelectorAll(`${EXPAND_SELECTOR}, ${EXPAND_A_SELECTOR}`)].filter((b) => own(card, b));
    const anchored = in_card.find((b) => note.contains(b)) || in_card[0];
    if (anchored) return anchored;
    // By words: a button inside the note, or the first one after it.
    const buttons = [...card.querySelectorAll('button')].filter((b) => own(card, b));
    const after = buttons.find((b) => note.contains(b) || (note.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));
    return after && MORE_WORDS.test(text_of(after)) ? after : null;
  }

  /**
   * Opens a truncated note (either generation) and waits for its whole text: {note, complete}.
   * A note with no expand control, or whose control says it is open already, is complete as it
   * is (an open note is never collapsed). Otherwise the control is pressed, and the note is
   * complete once its text has changed and the control has gone, says it is open, or reads
   * differently ("less"); a page that only unclamps text it already held counts too, when its
   * control says open and the text does not end in an ellipsis. `complete` is false when none of
   * that happened within EXPAND_WAIT_MS.
   */
  async function expand(card, note) {
    const control = expand_control(card, note);
    if (!control || control.getAttribute('aria-expanded') === 'true') return { note, complete: true };
    const before = text_of(note);
    const label = text_of(control);
    const current = () => note_of(card);
    const opened = () => !control.isConnected || !card.contains(control) || control.getAttribute('aria-expanded') === 'true'
      || text_of(control) !== label;
    const grown = () => {
      const now = current();
      return !!now && text_of(now) !== before && text_of(now).length >= before.length - 1;
    };
    const ready = () => (grown() && opened())
      || (control.isConnected && control.getAttribute('aria-expanded') === 'true' && !CUT_SHORT.test(before));
    const done = until(card, ready, EXPAND_WAIT_MS);
    control.click();
    const complete = ready() || await done;
    return { note: current(), complete };
  }

  function reply_button(card) {
    const pair = action_pair(card) || [];
    const note = note_of(card);
    const candidates = [...card.querySelectorAll('button')].filter(
      (b) => own(card, b) && !pair.includes(b) && !b.matches(EXPAND_SELECTOR) && !(note && note.contains(b)));
    if (is_generation_a(card)) {
      const in_container = candidates.find((b) => b.closest('.invitation-card__custom-message-container'));
      if (in_container) return in_container;
    }
    // The reply control follows the note; by words only when there is no note to anchor on.
    const after_note = note && candidates.find((b) => note.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return after_note || candidates.find((b) => WORDS.reply.test(label_of(b))) || null;
  }

  /**
   * Reads a card: {invitation (contract shape, without id), note, map} where `map` is the note's
   * text map for highlighting. Returns null for a card it cannot read (an unknown shape), and
   * {unreadable: 'note'} for one whose truncated note could not be opened (never judged on a
   * part of its note).
   */
  async function read(card) {
    const links = profile_links(card);
    if (!links.length || !action_pair(card)) return null;
    const { note, complete } = await expand(card, note_of(card));
    if (!complete) return { unreadable: 'note' };
    const name = name_of(card, links[0]);
    if (!name) return null;
    const { headline, insights } = headline_and_insights(card, note);
    const map = note ? globalThis.VouchTextMap.read_text(note) : null;
    const sender = { name, profile_url: links[0].url };
    if (headline) sender.headline = headline;
    if (insights) sender.mutual_connections = parse_mutual(insights);
    return { invitation: { sender, message: map ? map.text : null }, note, map };
  }

  const ignore_button = (card) => (action_pair(card) || [])[0] || null;
  const accept_button = (card) => (action_pair(card) || [])[1] || null;

  return Object.freeze({ is_card, is_unreadable, cards_within, read, ignore_button, accept_button, reply_button, profile_links, with_memo });
})();
