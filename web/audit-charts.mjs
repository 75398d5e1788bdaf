// The audit page's charts, drawn as SVG by hand (no chart library): a bar chart (vertical, for
// connections per year), horizontal bars (statuses, the invitation mix, stale connections by
// role) and a ring for the statuses. Labels are SVG text nodes, never markup; each chart has a
// <title> and an aria-label that says its figures in words, and a table fallback is the caller's.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const fmt = (n) => Number(n).toLocaleString('en');

function chart_root(width, height, label) {
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': label,
    class: width === height ? 'chart ring' : 'chart', preserveAspectRatio: 'xMinYMin meet' }, svg('title', {}, label));
}

/**
 * Horizontal bars: items [{key, label, value, tone}] -> <svg>. `tone` picks a CSS class
 * (tone-<tone>) so colours follow the page's theme.
 */
export function hbar_chart(items, { label = '', width = 460, row = 30 } = {}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const total = items.reduce((s, i) => s + i.value, 0);
  const label_w = 130;
  const value_w = 90;
  const bar_w = width - label_w - value_w;
  const height = Math.max(row, items.length * row);
  const words = items.map((i) => `${i.label}: ${fmt(i.value)}`).join(', ');
  const root = chart_root(width, height, `${label}. ${words || 'none'}`);
  items.forEach((item, k) => {
    const y = k * row;
    const w = item.value ? Math.max(2, (item.value / max) * bar_w) : 0;
    const share = total ? Math.round((item.value / total) * 100) : 0;
    root.append(svg('g', { class: `bar tone-${item.tone || item.key}`, 'data-key': item.key, 'data-value': item.value },
      svg('text', { x: label_w - 8, y: y + row / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'bar-label' }, item.label),
      svg('rect', { x: label_w, y: y + 5, width: w.toFixed(1), height: row - 10, rx: 4 }),
      svg('text', { x: label_w + w + 6, y: y + row / 2, 'dominant-baseline': 'central', class: 'bar-value' },
        `${fmt(item.value)}${total ? ` (${share}%)` : ''}`)));
  });
  return root;
}

/** Vertical bars, one per year: items [{key, label, value}] in order -> <svg>. */
export function vbar_chart(items, { label = '', width = 460, height = 200 } = {}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  const top = 18;
  const bottom = 22;
  const plot = height - top - bottom;
  const slot = items.length ? width / items.length : width;
  const bar = Math.max(2, Math.min(36, slot * 0.7));
  const words = items.map((i) => `${i.label}: ${fmt(i.value)}`).join(', ');
  const root = chart_root(width, height, `${label}. ${words || 'none'}`);
  root.append(svg('line', { x1: 0, x2: width, y1: top + plot + 0.5, y2: top + plot + 0.5, class: 'axis' }));
  const every = Math.ceil(items.length / 12); // at most about twelve year labels
  items.forEach((item, k) => {
    const h = item.value ? Math.max(1, (item.value / max) * plot) : 0;
    const cx = k * slot + slot / 2;
    root.append(svg('g', { class: 'bar tone-year', 'data-key': item.key, 'data-value': item.value },
      svg('rect', { x: (cx - bar / 2).toFixed(1), y: (top + plot - h).toFixed(1), width: bar.toFixed(1), height: h.toFixed(1), rx: 3 },
        svg('title', {}, `${item.label}: ${fmt(item.value)}`)),
      (items.length <= 16 || item.value === max) && svg('text', { x: cx, y: top + plot - h - 4, 'text-anchor': 'middle', class: 'bar-value' }, fmt(item.value)),
      k % every === 0 && svg('text', { x: cx, y: height - 6, 'text-anchor': 'middle', class: 'bar-label' }, item.label)));
  });
  return root;
}

/** A ring of shares: items [{key, label, value}] -> <svg> with the total in the middle. */
export function ring_chart(items, { label = '', size = 180, centre = '' } = {}) {
  const total = items.reduce((s, i) => s + i.value, 0);
  const r = size / 2 - 14;
  const c = size / 2;
  const circumference = 2 * Math.PI * r;
  const words = items.map((i) => `${i.label}: ${fmt(i.value)}`).join(', ');
  const root = chart_root(size, size, `${label}. ${words || 'none'}`);
  root.append(svg('circle', { cx: c, cy: c, r, class: 'ring-track' }));
  let at = 0;
  for (const item of items) {
    if (!item.value || !total) continue;
    const length = (item.value / total) * circumference;
    root.append(svg('circle', {
      cx: c, cy: c, r, class: `ring-part tone-${item.tone || item.key}`, 'data-key': item.key, 'data-value': item.value,
      'stroke-dasharray': `${length.toFixed(2)} ${(circumference - length).toFixed(2)}`,
      'stroke-dashoffset': (-at).toFixed(2), transform: `rotate(-90 ${c} ${c})`,
    }, svg('title', {}, `${item.label}: ${fmt(item.value)}`)));
    at += length;
  }
  root.append(svg('text', { x: c, y: c - 4, 'text-anchor': 'middle', class: 'ring-total' }, fmt(total)));
  root.append(svg('text', { x: c, y: c + 16, 'text-anchor': 'middle', class: 'ring-caption' }, centre));
  return root;
}
