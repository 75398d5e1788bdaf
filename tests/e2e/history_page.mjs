// Page functions of the history page (ui/history.html, history_suite.mjs). Each runs in the
// extension's own page, as a test's page.evaluate does; the rows are the contract's:
// <tr data-profile data-category data-verdict>, with data-actions (what the user did) beside.

/**
 * The rows once the table is shown and `want` holds: {count} (that many rows), {profile, action}
 * (the sender's row lists that action), {profile, category} (the row has that category), {} (at
 * once). Resolves with [{profile, category, verdict, actions, cells}] in the table's order.
 */
export function history_rows(want = {}) {
  const LIMIT_MS = 20000;
  const table = document.getElementById('history-table');
  const read = () => [...table.querySelectorAll('tbody tr')].map((tr) => ({
    profile: tr.dataset.profile, category: tr.dataset.category, verdict: tr.dataset.verdict,
    actions: tr.dataset.actions ? tr.dataset.actions.split(' ') : [],
    cells: [...tr.cells].map((td) => td.textContent),
  }));
  const ok = (rows) => {
    if (table.getAttribute('aria-busy') !== 'false') return false;
    if (want.count !== undefined && rows.length !== want.count) return false;
    const row = want.profile && rows.find((r) => r.profile === want.profile);
    if (want.profile && !row) return false;
    if (want.action && !row.actions.includes(want.action)) return false;
    if (want.category && row.category !== want.category) return false;
    return true;
  };
  return new Promise((resolve, reject) => {
    const check = () => {
      const rows = read();
      if (!ok(rows)) return false;
      observer.disconnect();
      clearTimeout(timer);
      resolve(rows);
      return true;
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`history: ${JSON.stringify(want)} not there after ${LIMIT_MS} ms; rows: ${JSON.stringify(read().map((r) => [r.profile, r.verdict, r.actions]))}`));
    }, LIMIT_MS);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    check();
  });
}

/** Sets the filters (by their ids' last part: verdict, category, action, text) as a user would. */
export function history_filter(values) {
  for (const [name, value] of Object.entries(values)) {
    const control = document.getElementById(`h-${name}`);
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
  return document.getElementById('history-shown').textContent;
}

/** Presses an export button ('csv' or 'json') and resolves with the text it offered for download. */
export function history_export(kind) {
  return new Promise((resolve) => {
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      URL.createObjectURL = create;
      blob.text().then((text) => resolve({ text, type: blob.type }));
      return create.call(URL, blob);
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () { // no download dialog in a test
      HTMLAnchorElement.prototype.click = click;
    };
    document.getElementById(`export-${kind}`).click();
  });
}

/** Presses Clear, reports the confirmation it asks, then answers it (`yes`: Clear, else Keep). */
export function history_clear(yes) {
  document.getElementById('clear').click();
  const confirm = document.getElementById('clear-confirm');
  const asked = { shown: !confirm.hidden, text: document.getElementById('clear-confirm-text').textContent };
  document.getElementById(yes ? 'clear-yes' : 'clear-no').click();
  return asked;
}
