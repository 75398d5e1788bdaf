// Page functions of the Ask / Decline workflow (flow_suite.mjs, and extension_suite.mjs's decline
// tests): the fixture composer's controls, a card's text inside its closed root, the undo toast's
// countdown. Each runs in the page, with `root_of` (from env.in_annotations) where it reads
// Vouch's closed roots, as in extension_page.mjs.

/**
 * Where the user would press in the newest messaging overlay that holds an unsent message
 * (the fixture composer): `what` is 'send' (its Send button) or 'close' (its header's close).
 */
export function composer_point(what) {
  const overlays = [...document.querySelectorAll('aside.msg-overlay-conversation-bubble')]
    .filter((o) => (o.querySelector('[contenteditable="true"]')?.textContent || '').trim());
  const overlay = overlays.pop();
  if (!overlay) throw new Error('no composer holds a message');
  const el = overlay.querySelector(what === 'send' ? '.msg-form__send-button' : '.msg-overlay-bubble-header__control');
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/**
 * A card's annotation once the element `selector` inside its closed root says `part` (an empty
 * part: once the element exists): resolves with {text, buttons: the labels of its buttons}.
 */
export function wait_for_card_text([fixture_id, selector, part = ''], root_of) {
  const LIMIT_MS = 20000;
  const root = root_of(document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`));
  const found = () => {
    const el = root.querySelector(selector);
    return el && el.textContent.includes(part) ? el : null;
  };
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      const el = root.querySelector(selector);
      reject(new Error(`${fixture_id}: ${selector} says "${el ? el.textContent : '(none)'}" after ${LIMIT_MS} ms, expected "${part}"`));
    }, LIMIT_MS);
    function check() {
      const el = found();
      if (!el) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ text: el.textContent, buttons: [...el.querySelectorAll('button')].map((b) => b.textContent) });
    }
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    check();
  });
}

/**
 * The undo toast's countdown across its next tick: what it says (its message, the part a screen
 * reader announces) before and after, whether the count is hidden from readers, and whether the
 * Undo button is the same element and keeps the focus.
 */
export function toast_tick(_, root_of) {
  const LIMIT_MS = 20000;
  const host = document.querySelector('vouch-toast');
  const root = host && root_of(host);
  if (!root) return { retry: true };
  const count = root.querySelector('.count');
  const button = root.querySelector('.action');
  const message = () => (root.querySelector('.message') || {}).textContent || '';
  const before = { message: message(), count: count ? count.textContent : null };
  if (!count) return { before, after: null, no_count: true };
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (count.textContent === before.count) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({
        before, after: { message: message(), count: count.textContent },
        count_hidden: count.getAttribute('aria-hidden') === 'true',
        live: root.querySelector('[aria-live]') ? root.querySelector('[aria-live]').getAttribute('aria-live') : null,
        same_button: root.querySelector('.action') === button,
        focused: root.activeElement === button,
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the toast's count stayed "${before.count}" for ${LIMIT_MS} ms`));
    }, LIMIT_MS);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  });
}

/** A card's annotation: the Vouch toast's presence now (no waiting). */
export function toast_present() {
  return !!document.querySelector('vouch-toast');
}

/** Puts `text` into a textarea inside a card's closed root as typing would (an input event). */
export function fill_in_card([fixture_id, selector, text], root_of) {
  const root = root_of(document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`));
  const area = root.querySelector(selector);
  if (!area) throw new Error(`no ${selector} for ${fixture_id}`);
  area.focus();
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}
