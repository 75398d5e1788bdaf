// The <vouch-note-helper> element, placed next to LinkedIn's note field in the "Add a note"
// dialog; its content lives in a closed shadow root. Chips say how the user knows the person (one
// per shared company or school, then "met at…", "read your post on…", "other reason", the last
// three with a short text field); the drafted notes are offered as a choice, each with its length
// against the limit; one button puts the chosen note into LinkedIn's field. Nothing is sent.
// Everything from the page or the core is set with textContent / value, never as HTML.
// Its box (inside the root) carries data-state (prompt | drafting | drafted | error),
// data-relation and data-count; after each change of state the helper dispatches the bare event
// `vouch:note-helper` on document (no detail: the page learns only that something changed).
globalThis.VouchNoteHelper = (() => {
  const { t } = globalThis.VouchI18n;
  const Styles = globalThis.VouchStyles;
  let serial = 0;

  const STYLE = `
    :host { --fg:#1d2226; --muted:#56687a; --bg:#ffffff; --soft:#eef3f8; --line:#d0d7de; --accent:#0a66c2; --error:#b24020;
            all: initial; display: block; margin: 8px 0; color: var(--fg);
            font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    :host([data-theme="dark"]) { --fg:#e9e9e9; --muted:#b0b7bf; --bg:#1d2226; --soft:#263341; --line:#38434f; --accent:#71b7fb; --error:#f5987e; }
    * { box-sizing: border-box; font: inherit; }
    [hidden] { display: none !important; }
    .box { border: 1px solid var(--line); border-radius: 8px; padding: 10px; background: var(--bg); display: grid; gap: 8px; }
    .title { margin: 0; font-weight: 600; display: flex; gap: 6px; align-items: center; }
    .title::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: var(--accent); }
    fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
    legend { padding: 0; margin-bottom: 4px; color: var(--muted); }
    .chips { display: flex; flex-wrap: wrap; gap: 6px; }
    .chip { display: inline-flex; align-items: center; border: 1px solid var(--line); border-radius: 14px; padding: 2px 10px;
            cursor: pointer; min-height: 26px; background: var(--bg); }
    .chip input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; pointer-events: none; }
    .chip:has(input:checked) { background: var(--soft); border-color: var(--accent); color: var(--accent); font-weight: 600; }
    .chip:has(input:focus-visible), button:focus-visible, input[type="text"]:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
    label.field { display: grid; gap: 2px; color: var(--muted); }
    input[type="text"] { width: 100%; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
    .drafts { display: grid; gap: 6px; }
    .draft { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; align-items: start; border: 1px solid var(--line);
             border-radius: 6px; padding: 6px 8px; cursor: pointer; }
    .draft:has(input:checked) { border-color: var(--accent); background: var(--soft); }
    .draft input { margin: 2px 0 0; accent-color: var(--accent); }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; }
    .count { grid-column: 2; color: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
    .count[data-over="true"] { color: var(--error); font-weight: 600; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    button { cursor: pointer; border-radius: 14px; padding: 4px 12px; border: 1px solid var(--accent); background: var(--accent);
             color: var(--bg); font-weight: 600; }
    button:disabled { opacity: .5; cursor: default; }
    .status, .hint { color: var(--muted); }
    .hint:empty { display: none; }
    .error { color: var(--error); }
  `;

  /** An element with attributes and children; strings become text nodes, never markup. */
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };

  /**
   * Builds the helper (unattached). `chips`: [{id, label, relation, target?, field?: {key, label}}]
   * where `target` overrides parts of the profile's target (a shared company narrows the list to
   * it); `preselected`: a chip id or null; `limit`: characters; `draft(chip, text)` resolves with
   * {notes} or {error}; `insert(note)` puts the note into LinkedIn's field.
   */
  function create({ name, chips, preselected, limit, theme, draft, insert }) {
    const id = `vouch-note-${++serial}`;
    const host = document.createElement('vouch-note-helper');
    host.dataset.theme = theme;
    // Closed, like every root of Vouch's: the drafts and the chosen relation are the user's.
    const root = host.attachShadow({ mode: 'closed' });
    Styles.adopt(root, STYLE);

    const texts = {}; // what the user typed, per field key, kept across chip changes
    const chip_group = el('div', { class: 'chips' }, ...chips.map((chip) => el('label', { class: 'chip' },
      el('input', { type: 'radio', name: `${id}-relation`, value: chip.id, 'data-relation': chip.relation }),
      el('span', {}, chip.label))));
    const field_input = el('input', { type: 'text', id: `${id}-text`, maxlength: '120', spellcheck: 'true' });
    const field_label = el('span');
    const field = el('label', { class: 'field', for: `${id}-text`, hidden: '' }, field_label, field_input);
    const message = el('p', { class: 'hint' });
    const drafts = el('div', { class: 'drafts', role: 'radiogroup', 'aria-label': t('noteDraftsLabel') });
    const use = el('button', { type: 'button', class: 'use', disabled: '' }, t('noteInsert'));
    const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const box = el('section', { class: 'box', 'aria-labelledby': `${id}-title` },
      el('p', { class: 'title', id: `${id}-title` }, t('noteHelperTitle')),
      el('fieldset', {}, el('legend', {}, t('noteChipsLegend', name)), chip_group),
      field, message, drafts, el('div', { class: 'row' }, use, status));
    root.append(box);
    // The helper's state (drafting, drafted, ...), relation and counts are kept on the box inside
    // the closed root, where tests reach them through the browser's remote protocol; the host in
    // LinkedIn's page carries only its theme.
    const mark = box.dataset;

    const current = () => chips.find((c) => c.id === (chip_group.querySelector('input:checked') || {}).value) || null;
    let shown = []; // the notes on offer
    const chosen_note = () => shown[Number((drafts.querySelector('input:checked') || {}).value)] || '';
    let asked = 0;

    function settle(state, text, is_error) {
      mark.state = state;
      message.textContent = text || '';
      message.className = is_error ? 'hint error' : 'hint';
      document.dispatchEvent(new CustomEvent('vouch:note-helper'));
    }

    function show_notes(notes) {
      shown = notes;
      drafts.replaceChildren(...notes.map((note, i) => {
        const count = el('span', { class: 'count', id: `${id}-count-${i}`, 'data-over': String(note.length > limit) }, t('noteCount', note.length, limit));
        const radio = el('input', { type: 'radio', name: `${id}-note`, 'aria-describedby': `${id}-count-${i}` });
        radio.value = String(i);
        radio.checked = i === 0;
        return el('label', { class: 'draft' }, radio, el('span', { class: 'text' }, note), count);
      }));
      mark.count = String(notes.length);
      use.disabled = !notes.length;
    }

    async function redraft() {
      const chip = current();
      mark.relation = chip ? chip.relation : '';
      field.hidden = !(chip && chip.field);
      if (chip && chip.field) {
        field_label.textContent = chip.field.label;
        field_input.value = texts[chip.field.key] || '';
      }
      if (!chip) {
        show_notes([]);
        return settle('prompt', t('notePick', name));
      }
      const text = chip.field ? (texts[chip.field.key] || '').trim() : '';
      if (chip.field && !text) {
        show_notes([]);
        return settle('prompt', chip.field.prompt);
      }
      const mine = ++asked;
      mark.state = 'drafting';
      const answer = await draft(chip, text);
      if (mine !== asked) return undefined; // a later change has asked again
      if (answer && Array.isArray(answer.notes)) {
        show_notes(answer.notes);
        return settle('drafted', '');
      }
      show_notes([]);
      return settle('error', t('noteError', (answer && answer.error) || '?'), true);
    }

    chip_group.addEventListener('change', () => {
      status.textContent = '';
      redraft();
    });
    field_input.addEventListener('input', () => {
      const chip = current();
      if (chip && chip.field) texts[chip.field.key] = field_input.value;
      redraft();
    });
    use.addEventListener('click', () => {
      const note = chosen_note();
      if (!note) return;
      insert(note);
      status.textContent = t('noteInserted');
      mark.inserted = String(note.length);
      document.dispatchEvent(new CustomEvent('vouch:note-helper'));
    });

    const first = preselected && chip_group.querySelector(`input[value="${CSS.escape(preselected)}"]`);
    if (first) first.checked = true;
    redraft();
    return host;
  }

  return Object.freeze({ create });
})();
