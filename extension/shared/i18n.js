// Strings come from _locales through the browser's i18n API; `t` falls back to the key so a
// missing string shows up plainly instead of as an empty control. Classic script (see messages.js).
// Each message is asked of the browser once: the messages cannot change while the extension
// runs, and a page of 100 cards asks for the same few strings hundreds of times, with as many
// different substitutions (a confidence, a name). A message with substitutions is asked for with
// markers in their places, which are then replaced here.
globalThis.VouchI18n = (() => {
  const cache = new Map(); // key and number of substitutions -> message with markers
  const MARK = '\uE000'; // a private-use character, never in a message

  function template(key, count) {
    const id = `${key}${MARK}${count}`;
    let text = cache.get(id);
    if (text === undefined) {
      const markers = Array.from({ length: count }, (_, i) => `${MARK}${i}${MARK}`);
      text = globalThis.vouchBrowser.i18n.getMessage(key, markers) || key;
      cache.set(id, text);
    }
    return text;
  }

  function t(key, ...subs) {
    const text = template(key, subs.length);
    return subs.length ? text.replace(/\uE000(\d+)\uE000/g, (_, i) => String(subs[i])) : text;
  }

  /** Fills every [data-i18n] element's text and [data-i18n-aria] / [data-i18n-placeholder] attributes. */
  function localize(root) {
    for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
    for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
  }

  return Object.freeze({ t, localize });
})();
