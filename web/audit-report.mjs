// The audit page's review list, without the DOM: which connections are in it (faded and never),
// filtering by status, role and year, sorting, and the CSV export. Connections are in the
// contract's shape (one object per line of `vouch audit`).

export const REVIEW_STATUSES = ['faded', 'never'];

export const SORT_KEYS = {
  name: (c) => (c.name || '').toLocaleLowerCase(),
  company: (c) => (c.company || '').toLocaleLowerCase(),
  connected: (c) => c.connected_on || '',
  last: (c) => c.last_interaction || '',
};

const year_of = (date) => (typeof date === 'string' && /^\d{4}-/.test(date) ? Number(date.slice(0, 4)) : null);

// The connections to review, filtered. Each filter is optional: status ('faded' or 'never'),
// role (a role name, or 'none' for connections without one), year (the year connected).
export function review_list(connections, { status, role, year } = {}) {
  return connections.filter((c) => {
    if (!REVIEW_STATUSES.includes(c.status)) return false;
    if (status && c.status !== status) return false;
    if (role && (role === 'none' ? c.role != null : c.role !== role)) return false;
    if (year != null && year !== '' && year_of(c.connected_on) !== Number(year)) return false;
    return true;
  });
}

// A sorted copy; ties keep their order (Connections.csv order). Empty values sort last.
export function sort_list(list, key, descending = false) {
  const get = SORT_KEYS[key];
  if (!get) throw new Error(`sort: unknown key "${key}" (one of ${Object.keys(SORT_KEYS).join(', ')})`);
  return list
    .map((c, i) => [get(c), i, c])
    .sort((a, b) => {
      if (a[0] === b[0]) return a[1] - b[1];
      if (a[0] === '') return 1;
      if (b[0] === '') return -1;
      const order = a[0] < b[0] ? -1 : 1;
      return descending ? -order : order;
    })
    .map((e) => e[2]);
}

// One CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would run
// as a formula (starting with = + - @, or a tab or carriage return) gets a leading quote mark.
export function csv_cell(value) {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['Name', 'Company', 'Position', 'Connected', 'Last interaction', 'Status', 'Role', 'Profile', 'Reason'];

// The review list as CSV text (CRLF line ends, as RFC 4180 has them).
export function review_csv(list) {
  const rows = [CSV_COLUMNS];
  for (const c of list) {
    rows.push([c.name, c.company, c.position, c.connected_on, c.last_interaction, c.status, c.role,
      c.profile_url, (c.reasons || []).join('; ')]);
  }
  return rows.map((row) => row.map(csv_cell).join(',')).join('\r\n') + '\r\n';
}
