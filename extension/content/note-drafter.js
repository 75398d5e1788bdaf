// The note drafter: on a profile page, watches for LinkedIn's "Add a note" field (in the document
// or in the shadow root of its dialog outlet), reads the profile through the adapter, asks the
// background which companies and schools the user shares with this person, and puts one
// <vouch-note-helper> next to the field. Drafting happens in the background (the core never runs
// in a content script); inserting the chosen note is the adapter's. Nothing is ever sent.
globalThis.VouchNoteDrafter = (() => {
  const api = globalThis.vouchBrowser;
  const { t } = globalThis.VouchI18n;
  const { CS_TO_BG } = globalThis.VouchMessages;
  const Dialog = globalThis.VouchNoteDialog;
  const Helper = globalThis.VouchNoteHelper;
  const Styles = globalThis.VouchStyles;

  let helpers = new WeakMap(); // note field -> its helper (or 'pending' while being set up)
  let observers = [];
  let watched = new WeakSet(); // roots observed
  let scheduled = false;

  async function ask(message) {
    try {
      return (await api.runtime.sendMessage(message)) || { error: 'no answer from the background' };
    } catch (error) {
      return { error: String((error && error.message) || error) };
    }
  }

  /** The chips for this person: shared companies and schools first, then the ones to fill in. */
  function chips_for(shared) {
    return [
      ...shared.companies.map((org, i) => ({ id: `company-${i}`, relation: 'worked_together', label: t('noteChipWorked', org), target: { companies: [org] } })),
      ...shared.schools.map((org, i) => ({ id: `school-${i}`, relation: 'studied_together', label: t('noteChipStudied', org), target: { schools: [org] } })),
      { id: 'met', relation: 'met_at', label: t('noteChipMet'), field: { key: 'where', label: t('noteFieldMet'), prompt: t('notePromptMet') } },
      { id: 'content', relation: 'their_content', label: t('noteChipContent'), field: { key: 'topic', label: t('noteFieldContent'), prompt: t('notePromptContent') } },
      { id: 'other', relation: 'cold', label: t('noteChipOther'), field: { key: 'reason', label: t('noteFieldOther'), prompt: t('notePromptOther') } },
    ];
  }

  async function attach(field, target) {
    helpers.set(field, 'pending');
    const context = await ask({ type: CS_TO_BG.NOTE_CONTEXT, target });
    const shared = (context && context.shared) || { companies: [], schools: [] };
    const limit = Math.min(300, Math.max(60, Dialog.limit_of(field) || context.limit || 200));
    const chips = chips_for(shared);
    const helper = Helper.create({
      name: target.name,
      chips,
      preselected: chips[0].field ? null : chips[0].id,
      limit,
      theme: Styles.theme_for(field.parentElement || document.body),
      draft: (chip, text) => ask({
        type: CS_TO_BG.DRAFT_NOTE,
        request: {
          id: 'linkedin-note',
          target: { ...target, ...(chip.target || {}) },
          context: chip.field ? { relation: chip.relation, [chip.field.key]: text } : { relation: chip.relation },
          limit,
        },
      }),
      insert: (note) => Dialog.insert(field, note),
    });
    if (!field.isConnected) return helpers.delete(field);
    Dialog.anchor_of(field).after(helper);
    helpers.set(field, helper);
    document.dispatchEvent(new CustomEvent('vouch:note-helper'));
    return true;
  }

  function scan() {
    scheduled = false;
    const roots = Dialog.roots(document);
    for (const root of roots) watch(root);
    const fields = roots.flatMap((root) => Dialog.note_fields(root))
      .filter((f) => { const h = helpers.get(f); return !h || (h !== 'pending' && !h.isConnected); });
    if (!fields.length) return;
    const target = Dialog.read_profile(document, location);
    if (!target) return; // not a profile page, or one Vouch cannot read: leave the dialog alone
    for (const field of fields) attach(field, target);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(scan, 0);
  }

  function watch(root) {
    if (watched.has(root)) return;
    watched.add(root);
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
  }

  function start() {
    if (observers.length) return;
    // A dialog may render into a shadow root attached after the last document mutation: the
    // clicks and focus that open it are looked at too.
    document.addEventListener('click', schedule, true);
    document.addEventListener('focusin', schedule, true);
    schedule();
  }

  /** Stops and removes every helper Vouch put into the page. */
  function stop() {
    for (const observer of observers) observer.disconnect();
    observers = [];
    watched = new WeakSet();
    document.removeEventListener('click', schedule, true);
    document.removeEventListener('focusin', schedule, true);
    for (const root of Dialog.roots(document)) for (const host of root.querySelectorAll('vouch-note-helper')) host.remove();
    helpers = new WeakMap();
  }

  return Object.freeze({ start, stop });
})();
