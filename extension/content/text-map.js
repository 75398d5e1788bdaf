// Reading LinkedIn's note text so that the core's evidence spans can be shown in place.
//
// read_text(element) walks the element's text nodes (skipping controls such as "see more"),
// collapses runs of white space to one space and trims, and keeps where every UTF-16 code unit of
// the result came from (text node and offset). A span [start, end) from the core, counted in
// UTF-16 code units as the contract says, then maps back to a DOM Range over LinkedIn's own text
// nodes, which the CSS Custom Highlight API paints without changing a single node.
globalThis.VouchTextMap = (() => {
  const SKIP = new Set(['BUTTON', 'SCRIPT', 'STYLE', 'TEMPLATE', 'VOUCH-ANNOTATION']);
  const HIGHLIGHT_NAME = 'vouch-evidence';

  // The map keeps one entry per stretch of the text that comes from consecutive characters of
  // one text node (a word run, or the single space before it), not one per character: position p
  // of the text lies in the last stretch k with at[k] <= p, at node[k], offset[k] + (p - at[k]).
  function read_text(root) {
    const at = [];
    const nodes = [];
    const offsets = [];
    let text = '';
    let pending_space = false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
          if (SKIP.has(el.tagName) || el.getAttribute('aria-hidden') === 'true') return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    const word = /\S+/g; // runs without white space, the same \s as one character at a time
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = node.data;
      let last = 0; // where the previous run ended in this node
      word.lastIndex = 0;
      for (let m = word.exec(data); m; m = word.exec(data)) {
        const start = m.index;
        if (start > last) pending_space = text.length > 0; // white space before this run
        if (pending_space) { // the space maps to the first character after it
          at.push(text.length);
          nodes.push(node);
          offsets.push(start);
          text += ' ';
          pending_space = false;
        }
        at.push(text.length);
        nodes.push(node);
        offsets.push(start);
        text += m[0];
        last = word.lastIndex;
      }
      if (data.length > last) pending_space = text.length > 0; // white space ends the node
    }
    return { text, at, nodes, offsets };
  }

  /** [text node, offset] of position p of a read_text() result (p within the text). */
  function locate(map, p) {
    if (!Number.isInteger(p)) return [undefined, NaN]; // as a lookup by a non-index would give
    let lo = 0;
    let hi = map.at.length - 1;
    while (lo < hi) { // the last stretch that starts at or before p
      const mid = (lo + hi + 1) >> 1;
      if (map.at[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return [map.nodes[lo], map.offsets[lo] + (p - map.at[lo])];
  }

  /** A Range over [start, end) of a read_text() result, or null when the span does not fit. */
  function range_for(map, start, end) {
    // Whole numbers only: null, 1.5 or '2' would compare as numbers but locate nothing.
    if (!Number.isInteger(start) || !Number.isInteger(end) || !(start >= 0 && end > start && end <= map.text.length)) return null;
    const [start_node, start_offset] = locate(map, start);
    const [end_node, end_offset] = locate(map, end - 1);
    // The page may have changed the note's text since it was read: then there is nothing to paint.
    if (start_offset > start_node.length || end_offset + 1 > end_node.length) return null;
    const range = document.createRange();
    range.setStart(start_node, start_offset);
    range.setEnd(end_node, end_offset + 1);
    return range;
  }

  let style_installed = false;
  function install_highlight_style() {
    if (style_installed) return;
    style_installed = true;
    globalThis.VouchStyles.adopt(document, `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 196, 0, 0.45); color: inherit; }`);
  }

  /** Whether this browser can paint evidence without touching the page's nodes. */
  const supported = () => typeof Highlight === 'function' && !!(globalThis.CSS && CSS.highlights);

  /** Adds ranges to the shared evidence highlight; returns how many were painted. */
  function highlight(ranges) {
    if (!ranges.length || !supported()) return 0;
    install_highlight_style();
    let registry_entry = CSS.highlights.get(HIGHLIGHT_NAME);
    if (!registry_entry) {
      registry_entry = new Highlight();
      CSS.highlights.set(HIGHLIGHT_NAME, registry_entry);
    }
    for (const r of ranges) registry_entry.add(r);
    return ranges.length;
  }

  function clear_highlights() {
    if (supported()) CSS.highlights.delete(HIGHLIGHT_NAME);
  }

  return Object.freeze({ read_text, range_for, highlight, clear_highlights, supported, install_highlight_style, HIGHLIGHT_NAME });
})();
