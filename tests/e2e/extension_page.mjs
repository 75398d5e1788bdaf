// Functions that run inside the fixture page (passed to page.evaluate by playwright and
// puppeteer alike, so each is self-contained). Waits listen for the page's own events
// (`vouch:annotated` from the extension, `fixture:event` from the fixture) or watch the DOM,
// never for time; each gives up after LIMIT_MS so that a broken build fails instead of hanging.
//
// The annotations' shadow roots are closed: functions that look inside them take
// `(arg, root_of)` and run through env.in_annotations (extension_browsers.mjs), where
// root_of(host) gives a <vouch-annotation>'s root; the page itself (page.evaluate) cannot.

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

/**
 * Adds one card as scrolling does and follows it frame by frame: resolves with when (ms after
 * the add) its content was first rendered and when it was annotated, once both happened, and the
 * card's state in the first frame after the add.
 */
export function add_card_and_watch(record) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the card was not shown and annotated in 20 s: ${JSON.stringify(seen)}`)), 20000);
    const seen = { shown: null, annotated: null, first_frame: null };
    let card = null;
    const done = () => {
      if (seen.shown === null || seen.annotated === null) return false;
      clearTimeout(timer);
      resolve(seen);
      return true;
    };
    const frame = () => requestAnimationFrame(() => {
      const content = card && card.querySelector('strong');
      const rendered = !!content && content.checkVisibility();
      seen.first_frame ??= { rendered, annotated: seen.annotated !== null };
      if (seen.shown === null && rendered) seen.shown = performance.now() - t0;
      if (!done()) frame();
    });
    const on_annotated = () => {
      if (!card || !card.querySelector('vouch-annotation')) return;
      seen.annotated = performance.now() - t0;
      document.removeEventListener('vouch:annotated', on_annotated);
    };
    document.addEventListener('vouch:annotated', on_annotated);
    const t0 = performance.now();
    window.__fixture.addCards([record]);
    card = document.querySelector(`[data-fixture-id="${record.id}"]`);
    frame();
  });
}

/** Adds one card; in the first animation frame after, whether it is annotated and whether rendered. */
export function add_card_first_frame(record) {
  return new Promise((resolve) => {
    window.__fixture.addCards([record]);
    const card = document.querySelector(`[data-fixture-id="${record.id}"]`);
    requestAnimationFrame(() => resolve({
      annotated: !!card.querySelector('vouch-annotation'),
      rendered: card.querySelector('strong').checkVisibility(),
    }));
  });
}

/** Fixture id -> whether its annotation offers the one-click decline (without opening anything). */
export function decline_offered(_, root_of) {
  return Object.fromEntries([...document.querySelectorAll('[data-fixture-id]')].map((card) => {
    const host = card.querySelector('vouch-annotation');
    return [card.dataset.fixtureId, !!(host && root_of(host).querySelector('.act'))];
  }));
}

/** How many annotations of judged cards have built their panel (a "not read" badge's is built at once). */
export function panels_built(_, root_of) {
  return [...document.querySelectorAll('vouch-annotation')]
    .filter((host) => root_of(host).querySelector('.vouch:not([data-verdict="unread"]) .panel')?.childElementCount > 0).length;
}

/** The fixture cards that are not rendered (all of them are, once Vouch is done with them). */
export function hidden_cards() {
  return [...document.querySelectorAll('[data-fixture-id]')].filter((card) => !card.checkVisibility()).map((card) => card.dataset.fixtureId);
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

/**
 * Resolves with {text} once the toast says `part` (watching inside its closed root), or with
 * {retry: true} when there is no toast yet or a newer one replaced it: the caller then asks again,
 * so that root_of knows the new toast's root.
 */
export function wait_for_toast(part, root_of) {
  const LIMIT_MS = 20000;
  return new Promise((resolve, reject) => {
    const host = document.querySelector('vouch-toast');
    const root = host && root_of(host);
    // A toast that came after the roots were collected: ask again, with its root known.
    if (host && !root) return resolve({ retry: true });
    const text = () => (root ? root.textContent : '');
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`toast says "${text()}" after ${LIMIT_MS} ms, expected "${part}"`));
    }, LIMIT_MS);
    const finish = (value) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    function check() {
      const now = document.querySelector('vouch-toast');
      if (now && now !== host) return finish({ retry: true });
      if (root && host.isConnected && text().includes(part)) finish({ text: text() });
    }
    observer.observe(document.body, { childList: true });
    if (root) observer.observe(root, { childList: true, subtree: true, characterData: true });
    check();
  });
}

/** What the extension left on each fixture card. */
export async function read_cards(_, root_of) {
  // The panel is built when it first opens, as a user opens it, from the whole result that the
  // background gives then: open each unfilled panel, wait until it is filled, close it again.
  const filled = (panel) => panel.childElementCount > 0 && !panel.hasAttribute('aria-busy');
  const until_filled = (root, panel, id) => new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the panel of ${id} was not filled in 10 s`));
    }, 10000);
    function check() {
      if (!filled(panel)) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    check();
  });
  // The evidence is painted only while a panel is open: how much is counted then.
  const painted = new Map();
  const opening = [...document.querySelectorAll('[data-fixture-id] vouch-annotation')].map(async (host) => {
    const root = root_of(host);
    const badge = root.querySelector('.badge');
    const panel = root.querySelector('.panel');
    const was_hidden = panel.hidden;
    if (was_hidden) badge.click();
    if (!filled(panel)) await until_filled(root, panel, host.closest('[data-fixture-id]').dataset.fixtureId);
    painted.set(host, Number(root.querySelector('.vouch').dataset.highlights || 0));
    if (was_hidden) badge.click();
  });
  await Promise.all(opening);
  return [...document.querySelectorAll('[data-fixture-id]')].map((card) => {
    const hosts = card.querySelectorAll('vouch-annotation');
    const host = hosts[0];
    const root = host && root_of(host);
    const box = root && root.querySelector('.vouch');
    return {
      id: card.dataset.fixtureId,
      annotations: hosts.length,
      verdict: box ? box.dataset.verdict : null,
      category: box ? box.dataset.category : null,
      highlights: host ? painted.get(host) || 0 : 0,
      highlights_closed: box ? Number(box.dataset.highlights || 0) : 0,
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
export function point_of([fixture_id, selector], root_of) {
  const host = fixture_id === 'toast' ? document.querySelector('vouch-toast')
    : fixture_id === 'triage' ? document.querySelector('vouch-triage')
      : document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`);
  const root = host && root_of(host);
  const el = root && root.querySelector(selector);
  if (!el) throw new Error(`no ${selector} for ${fixture_id}`);
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Whether the page's HTML, or any shadow root in it (open, or one of Vouch's closed ones), names an extension address. */
export function extension_addresses_in_page(_, root_of) {
  const texts = [document.documentElement.outerHTML];
  for (const el of document.querySelectorAll('*')) {
    const root = el.shadowRoot || root_of(el);
    if (root) texts.push(root.innerHTML);
  }
  return texts.some((t) => /(chrome|moz)-extension:\/\//.test(t));
}

/**
 * What LinkedIn's own scripts can see of each annotation (run with page.evaluate): its shadow
 * root (null when closed), its attributes and classes, and any text outside the root.
 */
export function annotations_as_the_page_sees_them() {
  return [...document.querySelectorAll('vouch-annotation')].map((host) => ({
    shadow_root: host.shadowRoot === null ? null : 'readable',
    attributes: host.getAttributeNames(),
    class_name: host.className,
    light_text: host.textContent,
    children: host.childElementCount,
  }));
}

/** Evidence of script execution from the payload note, and markup it could have created. */
export function payload_effects() {
  return {
    pwned: window.__pwned === undefined ? null : window.__pwned,
    stray_images: document.querySelectorAll('img[src="x"]').length,
    stray_scripts: [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/json' && s.textContent.includes('__pwned')).length,
  };
}

/**
 * Resolves with the text of the first element matching `selector` once it exists, is not hidden
 * and its text contains `part` (in any page: the fixture, the options page, the popup).
 */
export function wait_for_element([selector, part = '']) {
  const LIMIT_MS = 20000;
  return new Promise((resolve, reject) => {
    const ready = () => {
      const el = document.querySelector(selector);
      return el && !el.closest('[hidden]') && el.textContent.includes(part) ? el : null;
    };
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      const el = document.querySelector(selector);
      reject(new Error(`${selector} says "${el ? el.textContent : '(missing)'}" after ${LIMIT_MS} ms, expected "${part}"`));
    }, LIMIT_MS);
    function check() {
      const el = ready();
      if (!el) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(el.textContent);
    }
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
    check();
  });
}

/** Resolves once the page holds no <vouch-annotation> (Vouch paused). */
export function wait_for_no_annotations() {
  const LIMIT_MS = 20000;
  return new Promise((resolve, reject) => {
    const count = () => document.querySelectorAll('vouch-annotation').length;
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${count()} annotations still there after ${LIMIT_MS} ms`));
    }, LIMIT_MS);
    function check() {
      if (count()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(0);
    }
    observer.observe(document.documentElement, { childList: true, subtree: true });
    check();
  });
}

/**
 * How the evidence is painted: the page's CSS.highlights entry (its ranges' text), and whether
 * each generation-B note is still the single text node LinkedIn put there, with the note's text.
 */
export function evidence_state(messages) {
  const highlight = globalThis.CSS && CSS.highlights ? CSS.highlights.get('vouch-evidence') : null;
  const notes = {};
  for (const [id, message] of Object.entries(messages)) {
    const note = document.querySelector(`[data-fixture-id="${id}"] [data-testid="expandable-text-box"]`);
    notes[id] = !!note && note.childNodes.length === 1 && note.firstChild.nodeType === Node.TEXT_NODE && note.firstChild.data === message;
  }
  return { ranges: highlight ? [...highlight].map((r) => r.toString()) : null, notes };
}

/** The ARIA shape of a card's badge and panel, and where the focus is (inside the shadow root). */
export async function badge_state(fixture_id, root_of) {
  const root = root_of(document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`));
  const badge = root.querySelector('.badge');
  const panel = root.querySelector('.panel');
  // An open panel is filled once the background has given the whole result.
  await new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the panel of ${fixture_id} was not filled in 10 s`));
    }, 10000);
    function check() {
      if (!panel.hidden && panel.hasAttribute('aria-busy')) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe(panel, { attributes: true });
    check();
  });
  return {
    tag: badge.tagName,
    label: badge.getAttribute('aria-label'),
    expanded: badge.getAttribute('aria-expanded'),
    controls_panel: badge.getAttribute('aria-controls') === panel.id,
    panel_role: panel.getAttribute('role'),
    panel_label: panel.getAttribute('aria-label'),
    panel_hidden: panel.hidden,
    focus_on_badge: root.activeElement === badge,
  };
}

/** The theme each annotation took, and the painted background of its panel. */
export function themes(_, root_of) {
  return [...document.querySelectorAll('vouch-annotation')].map((host) => ({
    theme: host.dataset.theme,
    panel_background: getComputedStyle(root_of(host).querySelector('.panel')).backgroundColor,
  }));
}

/** Focuses a card's badge (as Tab would). */
export function focus_badge(fixture_id, root_of) {
  root_of(document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`)).querySelector('.badge').focus();
}

/** Whether a card's panel is hidden. */
export function panel_hidden(fixture_id, root_of) {
  return root_of(document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`)).querySelector('.panel').hidden;
}

/**
 * A card's annotation once it shows `want` ({category, verdict, panel: 'filled'}; any left out
 * is not waited for): its verdict and category, the panel's reasons (words, whether marked as
 * against, the mark's visible label and spoken words) and the correction picker's state.
 */
export function card_state([fixture_id, want = {}], root_of) {
  const LIMIT_MS = 20000;
  const root = root_of(document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`));
  const box = root.querySelector('.vouch');
  const panel = root.querySelector('.panel');
  const ready = () => (!want.category || box.dataset.category === want.category)
    && (!want.verdict || box.dataset.verdict === want.verdict)
    && (want.panel !== 'filled' || (!panel.hidden && panel.childElementCount > 0 && !panel.hasAttribute('aria-busy')));
  const state = () => ({
    verdict: box.dataset.verdict,
    category: box.dataset.category,
    panel_hidden: panel.hidden,
    reasons: [...root.querySelectorAll('.reasons li')].map((li) => {
      const tag = li.querySelector('.against-tag');
      return {
        text: li.textContent,
        against: li.classList.contains('against'),
        tag: tag ? { text: tag.textContent, visible: tag.checkVisibility() && tag.getBoundingClientRect().width > 0, hidden_from_readers: tag.getAttribute('aria-hidden') === 'true', color: getComputedStyle(tag).color } : null,
        spoken: [...li.querySelectorAll('.sr')].map((el) => el.textContent).join(''),
        color: getComputedStyle(li).color,
      };
    }),
    picker: {
      toggle: (root.querySelector('.not-right') || {}).textContent || null,
      expanded: root.querySelector('.not-right') ? root.querySelector('.not-right').getAttribute('aria-expanded') : null,
      choices: [...root.querySelectorAll('.category')].map((b) => ({ category: b.dataset.category, label: b.textContent, pressed: b.getAttribute('aria-pressed') })),
      focus_on_toggle: root.activeElement === root.querySelector('.not-right'),
    },
    said: [...root.querySelectorAll('.correct .status')].map((el) => el.textContent).join(''),
  });
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${fixture_id} did not show ${JSON.stringify(want)} in ${LIMIT_MS} ms: ${JSON.stringify({ verdict: box.dataset.verdict, category: box.dataset.category })}`));
    }, LIMIT_MS);
    function check() {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(state());
    }
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    check();
  });
}

// --- the extension's own pages (options, popup) ---

/** Options page: sets fields by id (checkboxes take booleans) and presses Save. */
export function fill_options_and_save(values) {
  for (const [id, value] of Object.entries(values)) {
    const field = document.getElementById(id);
    if (field.type === 'checkbox') field.checked = value;
    else field.value = value;
  }
  document.getElementById('status').textContent = '';
  document.querySelector('#form button[type="submit"]').click();
}

/** Options page: the error shown next to a field, and its aria-invalid. */
export function field_error(id) {
  const field = document.getElementById(id);
  return { error: field.closest('.field').querySelector('.error').textContent, invalid: field.getAttribute('aria-invalid') };
}

/** Any extension page: what storage.local holds under `key` (null when nothing). */
export async function stored_local(key) {
  const got = await globalThis.vouchBrowser.storage.local.get(key);
  return got[key] ?? null;
}

/** Options page: the corrections section's rows, once it has shown the stored list. */
export function correction_rows() {
  const section = document.getElementById('corrections');
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('the corrections were not shown in 20 s'));
    }, 20000);
    function check() {
      if (section.getAttribute('aria-busy') !== 'false') return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({
        empty_shown: !document.getElementById('corrections-empty').hidden,
        table_shown: !document.getElementById('corrections-table').hidden,
        rows: [...section.querySelectorAll('tbody tr')].map((tr) => {
          const cells = [...tr.cells].map((td) => td.textContent);
          const time = tr.querySelector('time');
          const remove = tr.querySelector('button.remove');
          return { sender: cells[0], note: cells[1], category: cells[2], date: cells[3], datetime: time ? time.dateTime : null, remove_label: remove ? remove.getAttribute('aria-label') : null };
        }),
      });
    }
    observer.observe(section, { attributes: true });
    check();
  });
}

/** Options page: resolves once the corrections section shows `n` rows. */
export function wait_for_correction_rows(n) {
  const section = document.getElementById('corrections');
  const count = () => (section.getAttribute('aria-busy') === 'false' ? section.querySelectorAll('tbody tr').length : -1);
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${count()} correction rows after 20 s, expected ${n}`));
    }, 20000);
    function check() {
      if (count() !== n) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(n);
    }
    observer.observe(section, { attributes: true, childList: true, subtree: true });
    check();
  });
}

/** Options page: presses a control of the corrections section: a row's Remove (by sender) or a button by id. */
export function press_in_corrections({ remove_for, id }) {
  document.getElementById('corrections-status').textContent = '';
  const button = remove_for
    ? [...document.querySelectorAll('#corrections tbody button.remove')].find((b) => b.getAttribute('aria-label').includes(remove_for))
    : document.getElementById(id);
  if (!button) throw new Error(`no button for ${remove_for || id}`);
  button.click();
}

/** Any extension page: what storage.sync holds under the settings key (null when nothing). */
export async function stored_settings() {
  const got = await globalThis.vouchBrowser.storage.sync.get(globalThis.VouchSettings.KEY);
  return got[globalThis.VouchSettings.KEY] ?? null;
}

/** Options page: presses Export and resolves with the JSON text it offered for download. */
export function export_settings() {
  return new Promise((resolve) => {
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      URL.createObjectURL = create;
      blob.text().then(resolve);
      return create.call(URL, blob);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () { // no download dialog in a test
      HTMLAnchorElement.prototype.click = click;
    };
    document.getElementById('export').click();
  });
}

/** Options page: chooses a file with `text` in the Import control, as a user would. */
export function import_settings(text) {
  const files = new DataTransfer();
  files.items.add(new File([text], 'vouch-settings.json', { type: 'application/json' }));
  const input = document.getElementById('import');
  input.files = files.files;
  document.getElementById('import-status').textContent = '';
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Options page: a status line (by id) as the user sees it: its text, its kind, its colour, and
 * the colours of an error (a field's error line) and of success (a plain status line), and the
 * control it is next to (its previous sibling) and whether that control names it as its description.
 */
export function status_line(id) {
  const line = document.getElementById(id);
  const plain = document.createElement('span');
  plain.className = 'status';
  line.parentElement.append(plain);
  const success_colour = getComputedStyle(plain).color;
  plain.remove();
  const control = line.previousElementSibling;
  return {
    text: line.textContent,
    kind: line.dataset.kind || null,
    colour: getComputedStyle(line).color,
    error_colour: getComputedStyle(document.querySelector('.field .error')).color,
    success_colour,
    next_to: control ? control.id : null,
    describes_it: !!control && (control.getAttribute('aria-describedby') || '').split(/\s+/).includes(id),
  };
}

/** Options page: presses Reset, with the box that also forgets the repeat-sender history ticked or not. */
export function press_reset({ forget_history }) {
  document.getElementById('reset-history').checked = forget_history;
  document.getElementById('status').textContent = '';
  document.getElementById('reset').click();
}

/** Any extension page: stores `items` in storage.local (as the extension would have, earlier); a null value removes its key. */
export async function store_local(items) {
  const gone = Object.keys(items).filter((key) => items[key] === null);
  const kept = Object.fromEntries(Object.entries(items).filter(([, value]) => value !== null));
  if (gone.length) await globalThis.vouchBrowser.storage.local.remove(gone);
  if (Object.keys(kept).length) await globalThis.vouchBrowser.storage.local.set(kept);
}

/** Options page: the form's values by id (checkboxes as booleans). */
export function form_values(ids) {
  return Object.fromEntries(ids.map((id) => {
    const field = document.getElementById(id);
    return [id, field.type === 'checkbox' ? field.checked : field.value];
  }));
}

/** Popup: the count shown for each verdict. */
export function popup_counts() {
  return Object.fromEntries([...document.querySelectorAll('#counts tr[data-verdict]')]
    .map((tr) => [tr.dataset.verdict, Number(tr.querySelector('.n').textContent)]));
}

/**
 * Any extension page: resolves with the toolbar badge's text on the LinkedIn tab once it is
 * `want`, or with what it is after 10 s.
 */
export async function linkedin_badge(want) {
  const api = globalThis.vouchBrowser;
  const until = Date.now() + 10000;
  for (;;) {
    const [tab] = await api.tabs.query({ url: 'https://www.linkedin.com/*' });
    const text = tab ? await api.action.getBadgeText({ tabId: tab.id }) : null;
    if (text === want || Date.now() > until) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Any extension page: sends a message to the background as this page, resolving with the answer. */
export async function message_background(message) {
  try {
    return { answer: await globalThis.vouchBrowser.runtime.sendMessage(message) ?? null };
  } catch (error) {
    return { refused: String(error && error.message || error) };
  }
}

// --- bulk triage (its panel's root is closed: these run through env.in_annotations) ---

/**
 * The triage control and panel as the user sees them, once its status line says `part` (at once
 * for ''), or {retry: true} while there is no triage control yet.
 */
export function triage_says(part, root_of) {
  const LIMIT_MS = 20000;
  const host = document.querySelector('vouch-triage');
  const root = host && root_of(host);
  if (!root) return { retry: true };
  const said = () => (root.querySelector('.status') || {}).textContent || '';
  const state = () => {
    const launcher = root.querySelector('.launcher');
    const stop = root.querySelector('.stop');
    return {
      launcher: launcher.textContent,
      expanded: launcher.getAttribute('aria-expanded'),
      open: !root.querySelector('.panel').hidden,
      status: said(),
      stop_shown: !!stop && !stop.hidden,
      confirm: [...root.querySelectorAll('.confirm:not([hidden]) .confirm-text')].map((p) => p.textContent).join(''),
      groups: [...root.querySelectorAll('.group')].map((g) => ({
        key: g.dataset.group,
        heading: g.querySelector('h3').textContent,
        run: g.querySelector('.run') ? { text: g.querySelector('.run').textContent, disabled: g.querySelector('.run').disabled } : null,
        entries: [...g.querySelectorAll('.entry')].map((li) => ({
          profile: li.dataset.profile, name: li.querySelector('.name').textContent, done: li.dataset.done || '',
          state: li.querySelector('.entry-status').textContent, group: li.querySelector('.move').value,
          has_reasons_toggle: !!li.querySelector('.reasons-toggle'),
        })),
      })),
    };
  };
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the triage says "${said()}" after ${LIMIT_MS} ms, expected "${part}"`));
    }, LIMIT_MS);
    function check() {
      if (part && !said().includes(part)) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(state());
    }
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    check();
  });
}

/** Presses a control of the triage (by selector, inside an entry's row when `profile` is given). */
export function triage_press([selector, profile], root_of) {
  const root = root_of(document.querySelector('vouch-triage'));
  const scope = profile ? root.querySelector(`.entry[data-profile="${profile}"]`) : root;
  const el = scope && scope.querySelector(selector);
  if (!el) throw new Error(`no ${selector} in the triage${profile ? ` for ${profile}` : ''}`);
  el.click();
}

/** Moves an entry to another group with its choice, as a user does. */
export function triage_move([profile, group], root_of) {
  const select = root_of(document.querySelector('vouch-triage')).querySelector(`.entry[data-profile="${profile}"] .move`);
  select.value = group;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Opens an entry's reasons and resolves with their words once they are in. */
export function triage_reasons(profile, root_of) {
  const root = root_of(document.querySelector('vouch-triage'));
  const li = root.querySelector(`.entry[data-profile="${profile}"]`);
  const list = li.querySelector('.reasons');
  const toggle = li.querySelector('.reasons-toggle');
  if (list.hidden) toggle.click();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the reasons of ${profile} were not shown in 10 s`));
    }, 10000);
    function check() {
      if (!list.dataset.filled) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve({ expanded: toggle.getAttribute('aria-expanded'), reasons: [...list.children].map((r) => r.firstChild.textContent) });
    }
    observer.observe(list, { childList: true, subtree: true, attributes: true });
    check();
  });
}

/** Resolves with the fixture's records of `type` once there are at least `n`. */
export function wait_for_event_count([type, n]) {
  const LIMIT_MS = 30000;
  return new Promise((resolve, reject) => {
    const found = () => window.__fixture.events.filter((e) => e.type === type);
    const timer = setTimeout(() => {
      document.removeEventListener('fixture:event', check);
      reject(new Error(`${found().length} ${type} events after ${LIMIT_MS} ms, expected ${n}`));
    }, LIMIT_MS);
    function check() {
      if (found().length < n) return;
      document.removeEventListener('fixture:event', check);
      clearTimeout(timer);
      resolve(found());
    }
    document.addEventListener('fixture:event', check);
    check();
  });
}

/**
 * Everything LinkedIn's own scripts can read of the page (run with page.evaluate, in the page's
 * world): every attribute and text node of the document and of every open shadow root, the
 * document's style sheets' text, and the names of the page's CSS highlights.
 */
export function page_readable() {
  const attributes = [];
  const texts = [];
  const sheets = [];
  const hosts = [];
  const walk = (root) => {
    const text_walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = text_walker.nextNode(); n; n = text_walker.nextNode()) if (n.data.trim()) texts.push(n.data.trim());
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) attributes.push(`${a.name}=${a.value}`);
      if (el.tagName.startsWith('VOUCH-')) hosts.push({ tag: el.tagName, open: el.shadowRoot !== null });
      if (el.shadowRoot) walk(el.shadowRoot);
    }
    for (const sheet of [...(root.styleSheets || []), ...(root.adoptedStyleSheets || [])]) {
      try {
        sheets.push([...sheet.cssRules].map((r) => r.cssText).join('\n'));
      } catch {
        // a sheet of another origin
      }
    }
  };
  walk(document);
  const highlights = globalThis.CSS && CSS.highlights ? [...CSS.highlights.keys()] : [];
  return { attributes, texts, sheets, hosts, highlights };
}

/** A card's neutral "not read" badge: its words, its label, what its panel says, and why (shape or note). */
export function unread_state(fixture_id, root_of) {
  const host = document.querySelector(`[data-fixture-id="${fixture_id}"] vouch-annotation`);
  const root = host && root_of(host);
  const box = root && root.querySelector('.vouch[data-verdict="unread"]');
  if (!box) return null;
  const badge = box.querySelector('.badge');
  return { badge: badge.textContent, label: badge.getAttribute('aria-label'), why: box.querySelector('.panel .why').textContent, kind: box.dataset.unread };
}

/** Opens (open = true) or closes the panels of the cards `ids`; returns how many changed. */
export function set_panels([ids, open], root_of) {
  let changed = 0;
  for (const id of ids) {
    const host = document.querySelector(`[data-fixture-id="${id}"] vouch-annotation`);
    if (!host) continue;
    const root = root_of(host);
    const panel = root.querySelector('.panel');
    if (panel.hidden === open) { root.querySelector('.badge').click(); changed++; }
  }
  return changed;
}
