// LinkedIn's "Add a note" dialog (Connect, then "Add a note") and the profile page it opens on.
// Everything Vouch knows about that markup is here, found by structure, ids and links, never by
// English words (see ../shared/linkedin-dom.md):
//   - the dialog lives in an open shadow root hosted by div#interop-outlet (the live site as a
//     public automation project read it in 2026), or in the document itself (generation A:
//     role="dialog", class artdeco-modal);
//   - the note field is textarea#custom-message (also name="message"); its maxlength, where set,
//     is the limit LinkedIn enforces (200 free, 300 Premium);
//   - LinkedIn's framework tracks the field's value itself: text goes in through the native
//     HTMLTextAreaElement value setter, then bubbling input and change events, so its counter and
//     its Send button react (setting .value alone is swallowed by the framework's value tracker);
//   - the profile: the name is the page's h1 (document.title "<Name> | LinkedIn" as a fallback);
//     companies and schools come from the Experience and Education sections, found by their
//     anchors #experience / #education (as public profile scrapers find them), reading the
//     visible copies (span[aria-hidden="true"]) and the /company/ and /school/ links.
globalThis.VouchNoteDialog = (() => {
  const FIELD = 'textarea#custom-message, textarea[name="message"]';
  const DIALOG = '[role="dialog"], dialog, .artdeco-modal';
  const OUTLET = '#interop-outlet';
  const PROFILE_PATH = /^\/in\/[^/]+\/?/;

  /** Where dialogs may appear: the document, and the outlet's shadow root once it has one. */
  function roots(doc) {
    const outlet = doc.querySelector(OUTLET);
    return outlet && outlet.shadowRoot ? [doc, outlet.shadowRoot] : [doc];
  }

  /** The note fields showing in `root` (most specific first; else a dialog's only textarea). */
  function note_fields(root) {
    const named = [...root.querySelectorAll(FIELD)];
    if (named.length) return named;
    return [...root.querySelectorAll(DIALOG)]
      .map((dialog) => dialog.querySelectorAll('textarea'))
      .filter((areas) => areas.length === 1)
      .map((areas) => areas[0]);
  }

  /** The block the helper goes after: the field's own wrapper inside the dialog. */
  function anchor_of(field) {
    const dialog = field.closest(DIALOG);
    let node = field;
    while (node.parentElement && node.parentElement !== dialog && node.parentElement.querySelectorAll('textarea').length === 1 &&
           !node.parentElement.querySelector('button')) {
      node = node.parentElement;
    }
    return node;
  }

  /** LinkedIn's own limit for the field (its maxlength), or 0 when it sets none. */
  function limit_of(field) {
    return field.maxLength > 0 ? field.maxLength : 0;
  }

  /** Puts `text` into the field so that LinkedIn's framework sees it, as typing would. */
  function insert(field, text) {
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    field.focus();
    setter.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  const text_of = (node) => (node.textContent || '').replace(/\s+/g, ' ').trim();

  /** The visible text lines of one list entry: LinkedIn repeats each for screen readers. */
  function lines_of(item) {
    const visible = item.querySelectorAll('span[aria-hidden="true"]');
    return (visible.length ? [...visible] : [...item.querySelectorAll('a, span, p, div')].filter((n) => !n.children.length))
      .map(text_of).filter(Boolean);
  }

  /**
   * Organisation names a profile section lists: the text of its /company/ (or /school/) links and
   * each entry's visible lines cut at " · " ("Contoso · Full-time"). Lines with digits (dates,
   * durations) are left out; the core matches the rest against the user's own list, so a job
   * title among them does no harm.
   */
  function orgs_in(doc, anchor_id, link_part) {
    const anchor = doc.getElementById(anchor_id);
    const section = anchor && (anchor.closest('section') || anchor.parentElement);
    if (!section) return [];
    const names = [...section.querySelectorAll(`a[href*="${link_part}"]`)].map(text_of);
    for (const item of section.querySelectorAll('li')) {
      if (item.querySelector('li')) continue; // a group of positions: its inner entries count
      for (const line of lines_of(item)) if (!/\d/.test(line)) names.push(line.split(' · ')[0]);
    }
    return [...new Set(names.map((n) => n.trim()).filter((n) => n && n.length <= 120))].slice(0, 24);
  }

  /** The profile's own name and headline, from the page's top card. */
  function top_card(doc) {
    const h1 = doc.querySelector('main h1') || doc.querySelector('h1');
    const name = h1 ? text_of(h1) : (doc.title.split(' | ')[0] || '').trim();
    let headline = '';
    const card = h1 && (h1.closest('section') || h1.parentElement);
    if (card) {
      const marked = card.querySelector('.text-body-medium, [data-generated-suggestion-target]');
      const after = [...card.querySelectorAll('div, p')].find((n) =>
        !n.children.length && text_of(n) && (h1.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING));
      headline = text_of(marked || after || { textContent: '' });
    }
    return { name, headline };
  }

  /** The contract's target for the profile this page shows, or null on any other page. */
  function read_profile(doc, loc) {
    if (!PROFILE_PATH.test(loc.pathname)) return null;
    const { name, headline } = top_card(doc);
    if (!name) return null;
    const target = { name, companies: orgs_in(doc, 'experience', '/company/'), schools: orgs_in(doc, 'education', '/school/') };
    if (headline && headline !== name) target.headline = headline.slice(0, 300);
    return target;
  }

  return Object.freeze({ roots, note_fields, anchor_of, limit_of, insert, read_profile, OUTLET });
})();
