// The audit page's report: the summary figures, the four charts and the review list, drawn from
// a report in the contract's shape ({connections: [...], summary: {...}}, as vouch.audit returns
// it). Every text from the export (names, companies, reasons) goes in as text nodes; a profile
// link is made only from an address that is a LinkedIn profile's.
import { REVIEW_STATUSES, review_csv, review_list, sort_list } from './audit-report.mjs';
import { hbar_chart, ring_chart, vbar_chart } from './audit-charts.mjs';
import { append, el, replaceChildren } from './dom.mjs';
import { categoryLabels } from './result.mjs';

export const STATUS_LABELS = { active: 'Active', faded: 'Faded', never: 'Never in touch', new: 'New' };
export const STATUS_HINTS = {
  active: 'in touch within the last year', faded: 'in touch once, not lately',
  never: 'no message, endorsement or recommendation', new: 'connected recently',
};
const STATUS_ORDER = ['active', 'faded', 'never', 'new'];
const PAGE = 200; // review rows drawn at a time

const fmt = (n) => Number(n ?? 0).toLocaleString('en');
const role_label = (role) => (role == null ? 'No particular role' : categoryLabels[role] ?? role);

/** The address of a LinkedIn profile, or null: https://www.linkedin.com/in/<slug>/ only. */
export function profile_href(address) {
  if (typeof address !== 'string') return null;
  let url;
  try { url = new URL(address); } catch { return null; }
  if (url.protocol !== 'https:' || url.hostname !== 'www.linkedin.com' || url.username || url.password || url.port) return null;
  if (!/^\/in\/[^/]+\/?$/.test(url.pathname)) return null;
  return `https://www.linkedin.com${url.pathname}`;
}

/** Stale connections (faded and never) per role, sellers and recruiters first. */
export function stale_by_role(connections) {
  const counts = new Map();
  for (const c of connections) {
    if (!REVIEW_STATUSES.includes(c.status)) continue;
    const key = c.role ?? 'none';
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const first = ['sales', 'recruiter'];
  const rest = [...counts.keys()].filter((k) => !first.includes(k) && k !== 'none').sort((a, b) => counts.get(b) - counts.get(a));
  return [...first, ...rest, 'none'].map((key) => ({
    key, tone: key === 'none' ? 'none' : key, label: role_label(key === 'none' ? null : key), value: counts.get(key) || 0,
  }));
}

function figure(label, value, hint, key) {
  return el('div', { class: `figure tone-${key}`, 'data-figure': key },
    el('span', { class: 'figure-value' }, fmt(value)),
    el('span', { class: 'figure-label' }, label),
    hint && el('span', { class: 'figure-hint' }, hint));
}

function chart_card(title, chart, note) {
  return el('figure', { class: 'chart-card' }, el('figcaption', {}, title), chart, note && el('p', { class: 'hint' }, note));
}

/** Draws the summary (figures and charts) into `root`. */
export function render_summary(root, { summary, connections }) {
  const status = summary.status || {};
  const statuses = STATUS_ORDER.map((key) => ({ key, label: STATUS_LABELS[key], value: status[key] || 0 }));
  const years = Object.keys(summary.per_year || {}).map(Number).filter(Number.isInteger).sort((a, b) => a - b);
  const per_year = [];
  for (let y = years[0]; years.length && y <= years[years.length - 1]; y += 1) {
    per_year.push({ key: String(y), label: String(y), value: summary.per_year[String(y)] || 0 });
  }
  const categories = summary.invitations?.categories || {};
  const mix = Object.keys(categories).filter((k) => categories[k] > 0).sort((a, b) => categories[b] - categories[a])
    .map((key) => ({ key, label: categoryLabels[key] ?? key, value: categories[key] }));
  const roles = stale_by_role(connections);
  const stale = (status.faded || 0) + (status.never || 0);
  const sellers = roles.find((r) => r.key === 'sales').value;
  const recruiters = roles.find((r) => r.key === 'recruiter').value;
  const invitations = summary.invitations?.count || 0;
  const generic_share = invitations ? Math.round((((categories.generic || 0) + (categories.networker || 0) + (categories.sales || 0) +
    (categories.scam || 0) + (categories.romance || 0)) / invitations) * 100) : 0;

  replaceChildren(root,
    el('p', { class: 'as-of' }, `As of ${summary.as_of}: ${fmt(summary.connections)} connections.`),
    el('div', { class: 'figures' },
      statuses.map((s) => figure(s.label, s.value, STATUS_HINTS[s.key], s.key)),
      figure('Incoming invitations', invitations, 'judged by the same engine', 'invitations'),
      figure('Sent, pending over 3 weeks', summary.pending_sent_over_21_days || 0, 'candidates to withdraw', 'pending')),
    el('div', { class: 'charts' },
      chart_card('Your connections by status', ring_chart(statuses, { label: 'Connections by status', centre: 'connections' }),
        `${fmt(stale)} you would have to re-introduce yourself to (faded or never in touch).`),
      chart_card('Connections made per year', vbar_chart(per_year, { label: 'Connections made per year' })),
      chart_card('The invitations you received', mix.length ? hbar_chart(mix, { label: 'Incoming invitations by category' }) : el('p', { class: 'hint' }, 'No incoming invitations in the export.'),
        invitations ? `${generic_share}% generic, collecting, selling, flirting or scams.` : null),
      chart_card('Stale connections by role', hbar_chart(roles, { label: 'Faded and never-in-touch connections by role' }),
        `${fmt(sellers)} sellers and ${fmt(recruiters)} recruiters among them.`)),
    summary.warnings?.length ? el('details', { class: 'warnings' },
      el('summary', {}, `${fmt(summary.warnings.length)} rows could not be read (the rest was)`),
      el('ul', {}, summary.warnings.slice(0, 500).map((w) => el('li', {}, `${w.file}${w.line ? `, line ${w.line}` : ''}: ${w.message}`)))) : null);
}

function review_row(c) {
  const href = profile_href(c.profile_url);
  const name = href
    ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'profile' }, c.name || href)
    : el('span', {}, c.name || '(no name)');
  return el('tr', {},
    el('td', {}, name, c.position || c.company ? el('span', { class: 'sub' }, [c.position, c.company].filter(Boolean).join(', ')) : null),
    el('td', {}, c.connected_on || ''),
    el('td', {}, c.last_interaction || '—'),
    el('td', {}, el('span', { class: `status tone-${c.status}` }, STATUS_LABELS[c.status] ?? c.status)),
    el('td', {}, role_label(c.role)),
    el('td', { class: 'reason' }, (c.reasons || []).join('; ')));
}

/**
 * The review list: filters and sort from `controls` ({status, role, year, count, body, more,
 * sort_buttons}), drawn in pages of 200. Returns {list(): the current filtered, sorted list}.
 */
export function setup_review(controls, connections) {
  const state = { key: 'last', descending: false, shown: PAGE };
  const reviewable = review_list(connections);
  const roles = new Set(reviewable.map((c) => c.role ?? 'none'));
  const years = [...new Set(reviewable.map((c) => (c.connected_on || '').slice(0, 4)).filter((y) => /^\d{4}$/.test(y)))].sort();
  replaceChildren(controls.role, el('option', { value: '' }, 'Any role'),
    [...roles].sort((a, b) => (a === 'none') - (b === 'none') || role_label(a === 'none' ? null : a).localeCompare(role_label(b === 'none' ? null : b)))
      .map((r) => el('option', { value: r }, role_label(r === 'none' ? null : r))));
  replaceChildren(controls.year, el('option', { value: '' }, 'Any year'), years.map((y) => el('option', { value: y }, y)));
  controls.status.value = '';

  let current = [];
  const draw = () => {
    const filtered = review_list(connections, { status: controls.status.value, role: controls.role.value, year: controls.year.value });
    current = sort_list(filtered, state.key, state.descending);
    controls.count.textContent = `${fmt(current.length)} of ${fmt(reviewable.length)} connections to review`;
    replaceChildren(controls.body, current.slice(0, state.shown).map(review_row));
    controls.more.hidden = current.length <= state.shown;
    controls.more.textContent = `Show ${fmt(Math.min(PAGE, current.length - state.shown))} more`;
    for (const button of controls.sort_buttons) {
      const th = button.closest('th');
      th.setAttribute('aria-sort', button.dataset.sort === state.key ? (state.descending ? 'descending' : 'ascending') : 'none');
    }
  };
  const refilter = () => { state.shown = PAGE; draw(); };
  controls.status.onchange = refilter;
  controls.role.onchange = refilter;
  controls.year.onchange = refilter;
  controls.more.onclick = () => { state.shown += PAGE; draw(); };
  for (const button of controls.sort_buttons) {
    button.onclick = () => {
      if (state.key === button.dataset.sort) state.descending = !state.descending;
      else { state.key = button.dataset.sort; state.descending = false; }
      draw();
    };
  }
  draw();
  return { list: () => current };
}

/** Offers `text` as a download named `name` (nothing is sent anywhere: a blob: address). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = append(el('a', { href: url, download: name, hidden: true }), []);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000); // after the download has begun
}

export { review_csv };
