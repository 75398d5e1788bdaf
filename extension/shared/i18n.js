// Strings come from _locales through the browser's i18n API; `t` falls back to the key so a
// missing string shows up plainly instead of as an empty control. Classic script (see messages.js).
// Each string is asked of the browser once per key and substitutions: the messages cannot change
// while the extension runs, and a page of 100 cards asks for the same few strings hundreds of times.
globalThis.VouchI18n = (() => {
  const cache = new Map();

  function t(key, ...subs) {
    const strings = subs.map(String);
    const id = strings.length ? `${key}\u0000${strings.join('\u0000')}` : key;
    let text = cache.get(id);
    if (text === undefined) {
      text = globalThis.vouchBrowser.i18n.getMessage(key, strings) || key;
      if (cache.size >= 1000) cache.clear();
      cache.set(id, text);
    }
    return text;
  }

  /** Fills every [data-i18n] element's text and [data-i18n-aria] / [data-i18n-placeholder] attributes. */
  function localize(root) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
    for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }

  return Object.freeze({ t, localize });
})();
