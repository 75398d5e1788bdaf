// Strings come from _locales through the browser's i18n API; `t` falls back to the key so a
// missing string shows up plainly instead of as an empty control. Classic script (see messages.js).
globalThis.VouchI18n = Object.freeze({
  t(key, ...subs) {
    const text = globalThis.vouchBrowser.i18n.getMessage(key, subs.map(String));
    return text || key;
  },
  /** Fills every [data-i18n] element's text and [data-i18n-aria] / [data-i18n-placeholder] attributes. */
  localize(root) {
    const { t } = globalThis.VouchI18n;
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
    for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  },
});
