// Functions that run inside the fixture page (passed to page.evaluate by playwright and
// puppeteer alike, so each is self-contained). Waits listen for the page's own events
// (`vouch:annotated` from the extension, `fixture:event` from the fixture), never for time;
// each gives up after LIMIT_MS so that a broken build fails instead of hanging.

/** Resolves with the number of <vouch-annotation> elements once there are at least `n`. */
export function wait_for_annotations(n) {
  const LIMIT_MS = 20000;
  return new Promise((resolve, reject) => {
    const count = () => document.querySelectorAll('vouch-annotation').length;
    const timer = setTimeout(() => {
      document.removeEventListener('vouch:annotated', check);
      reject(new Error(`${count()} annotations after ${LIMIT_MS} ms, expected ${n}`));
    }, LIMIT_MS);
    function check() {
      if (count() < n) return;
      document.removeEventListener('vouch:annotated', check);
      clearTimeout(timer);
      resolve(count());
    }
    document.addEventListener('vouch:annotated', check);
    check();
  });
}

/** Resolves with the fixture's record {type, id, ...} once it exists. */
export function wait_for_fixture_event([type, id]) {
  const LIMIT_MS = 20000;
  return new Promise((resolve, reject) => {
    const find = () => window.__fixture.events.filter((e) => e.type === type && e.id === id).pop();
    const timer = setTimeout(() => {
      document.removeEventListener('fixture:event', check);
      reject(new Error(`no ${type} event for ${id} after ${LIMIT_MS} ms`));
    }, LIMIT_MS);
    function check() {
      const found = find();
      if (!found) return;
      document.removeEventListener('fixture:event', check);
      clearTimeout(timer);
      resolve(found);
    }
    document.addEventListener('fixture:event', check);
    check();
  });
}

/** Resolves with the toast's text once it contains `part` (watching the toast's shadow root). */
export function wait_for_toast(part) {
  const LIMIT_MS = 20000;
  return new Promise((resolve, reject) => {
    const text = () => {
      const host = document.querySelector('vouch-toast');
      return host && host.shadowRoot ? host.shadowRoot.textContent : '';
    };
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`toast says "${text()}" after ${LIMIT_MS} ms, expected "${part}"`));
    }, LIMIT_MS);
    function check() {
      if (!text().includes(part)) {
        const host = document.querySelector('vouch-toast');
        if (host && host.shadowRoot) observer.observe(host.shadowRoot, { childList: true, subtree: true, characterData: true });
        return;
      }
      observer.disconnect();
      clearTimeout(timer);
      resolve(text());
    }
    observer.observe(document.body, { childList: true });
    check();
  });
}

/** What the extension left on each fixture card. */
export function read_cards() {
  return [...document.querySelectorAll('[data-fixture-id]')].map((card) => {
    const hosts = card.querySelectorAll('vouch-annotation');
    const host = hosts[0];
    const root = host && host.shadowRoot;
    return {
      id: card.dataset.fixtureId,
      annotations: hosts.length,
      verdict: host ? host.dataset.verdict : null,
      category: host ? host.dataset.category : null,
      highlights: host ? Number(host.dataset.highlights || 0) : 0,
      reasons: root ? root.querySelectorAll('.reasons li').length : 0,
      quotes: root ? [...root.querySelectorAll('.reasons q')].map((q) => q.textContent) : [],
      has_decline_button: !!(root && root.querySelector('.act')),
      reply: root && root.querySelector('textarea.reply') ? root.querySelector('textarea.reply').value : null,
      note_text: (card.querySelector('.invitation-card__custom-message, [data-testid="expandable-text-box"]') || {}).textContent || null,
      markup_in_shadow: root ? root.querySelectorAll('script, img, svg, iframe, a, object').length : 0,
    };
  });
}

/** Centre of a control (annotation part by fixture id, or the toast's action), scrolled into view. */
export function point_of([fixture_id, selector]) {
  const host = fixture_id === 'toast'
    ? document.querySelector('vouch-toast')
    : document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`);
  const el = host && host.shadowRoot && host.shadowRoot.querySelector(selector);
  if (!el) throw new Error(`no ${selector} for ${fixture_id}`);
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Whether the page's HTML, or any shadow root in it, names an extension address. */
export function extension_addresses_in_page() {
  const texts = [document.documentElement.outerHTML];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) texts.push(el.shadowRoot.innerHTML);
  return texts.some((t) => /(chrome|moz)-extension:\/\//.test(t));
}

/** Evidence of script execution from the payload note, and markup it could have created. */
export function payload_effects() {
  return {
    pwned: window.__pwned === undefined ? null : window.__pwned,
    stray_images: document.querySelectorAll('img[src="x"]').length,
    stray_scripts: [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/json' && s.textContent.includes('__pwned')).length,
  };
}
