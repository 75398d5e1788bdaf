// "Not right?": the part of a card's panel where the user says what the invitation really is.
// One button opens the nine categories in plain words ("Someone I know", "Selling something"...),
// the one Vouch (or an earlier correction) gave marked as pressed; choosing one is the second
// click. The picker only reports the choice (`on_choose(category)`); the annotation stores it
// through the background and shows the new judgement. It lives in the annotation's closed shadow
// root, like everything else that names a category.
globalThis.VouchCorrectionPicker = (() => {
  const { t } = globalThis.VouchI18n;
  const { el } = globalThis.VouchDom;
  const { CATEGORIES } = globalThis.VouchMessages;

  /**
   * Builds the picker for a panel: {element, toggle, set_busy(on)}. `id` prefixes its element
   * ids; `current` is the category shown on the badge; `status` is the annotation's live region
   * for what happened, placed at the picker's end.
   */
  function build({ id, current, status, on_choose }) {
    const group_id = `${id}-categories`;
    const toggle = el('button', {
      type: 'button', class: 'not-right', 'aria-expanded': 'false', 'aria-controls': group_id, text: t('notRight'),
    });
    const group = el('div', { class: 'categories', id: group_id, role: 'group', 'aria-label': t('correctionGroupLabel'), hidden: '' });
    const buttons = CATEGORIES.map((category) => {
      const button = el('button', {
        type: 'button', class: 'category', 'data-category': category,
        'aria-pressed': String(category === current), text: t(`categoryPlain_${category}`),
      });
      button.addEventListener('click', () => on_choose(category));
      return button;
    });
    group.append(el('p', { class: 'hint', text: t('correctionHint') }), el('div', { class: 'choices' }, buttons));
    toggle.addEventListener('click', () => {
      const open = group.hidden;
      group.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    });
    const element = el('div', { class: 'correct' }, [el('div', { class: 'row' }, [toggle, status]), group]);

    function set_busy(on) {
      for (const button of buttons) button.disabled = on;
      group.setAttribute('aria-busy', String(on));
    }

    return { element, toggle, set_busy };
  }

  return Object.freeze({ build });
})();
