// The neutral badge of a card Vouch could not read: an invitation of a shape the adapters do not
// know (LinkedIn changed its page, or a company's invitation), or one whose truncated note would
// not open, so that it was not judged at all (never on a part of its note). Instead of nothing,
// the card gets one <vouch-annotation> like every other, whose closed root holds a grey badge
// ("Not read") and a panel that says why, with "Try again". It names no verdict and no category,
// and the host carries only its theme, like a judged card's.
//
// mark(card, why, {theme, on_retry}) attaches it (once per card); clear(card) takes it away when
// the card can be read after all; has(card) says whether the card carries one.
globalThis.VouchUnreadBadge = (() => {
  const { t } = globalThis.VouchI18n;
  const { el } = globalThis.VouchDom;
  const Styles = globalThis.VouchStyles;
  const CSS = `${Styles.ANNOTATION}
    .vouch[data-verdict="unread"] { --v: var(--unknown); }
    .vouch[data-verdict="unread"] .badge { border-style: dashed; }
  `;
  const hosts = new WeakMap(); // card -> its <vouch-annotation>
  let serial = 0;

  function has(card) {
    const host = hosts.get(card);
    return !!host && host.isConnected && card.contains(host);
  }

  function clear(card) {
    const host = hosts.get(card);
    if (host) host.remove();
    hosts.delete(card);
  }

  /** `why` is 'shape' (the card could not be read) or 'note' (its whole note could not be opened). */
  function mark(card, why, { theme, on_retry }) {
    if (has(card) || card.querySelector(':scope > vouch-annotation')) return false;
    const id = `vouch-unread-${++serial}`;
    const host = document.createElement('vouch-annotation');
    host.dataset.theme = theme;
    const root = host.attachShadow({ mode: 'closed' });
    Styles.adopt(root, CSS);
    const box = el('div', { class: 'vouch', 'data-verdict': 'unread', 'data-category': 'unread', 'data-unread': why });
    const badge = el('button', { type: 'button', class: 'badge', 'aria-expanded': 'false', 'aria-controls': `${id}-panel`, 'aria-label': t('unreadLabel') }, [
      el('span', { class: 'dot', 'aria-hidden': 'true' }),
      el('span', { class: 'verdict', text: t('unreadBadge') }),
    ]);
    const retry = el('button', { type: 'button', class: 'retry', text: t('unreadRetry') });
    const panel = el('div', { class: 'panel', id: `${id}-panel`, role: 'region', 'aria-label': t('panelLabel'), hidden: '' }, [
      el('p', { class: 'why', text: t(why === 'note' ? 'unreadNote' : 'unreadShape') }), retry,
    ]);
    badge.addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      badge.setAttribute('aria-expanded', String(!panel.hidden));
    });
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden) {
        panel.hidden = true;
        badge.setAttribute('aria-expanded', 'false');
        badge.focus();
      }
    });
    retry.addEventListener('click', () => {
      clear(card);
      on_retry();
    });
    box.append(el('div', { class: 'row' }, [badge]), panel);
    root.append(box);
    hosts.set(card, host);
    card.append(host);
    return true;
  }

  return Object.freeze({ mark, clear, has });
})();
