// The one way this page makes elements: text is always added as text nodes, never parsed as HTML,
// so nothing a user types (or a LinkedIn sender wrote) can become markup.

/**
 * el('p', {class: 'x', 'aria-label': 'y', onclick: fn}, 'text', childNode, ...)
 * Attributes starting with "on" become event listeners; `false`, null and undefined are skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends a string (as a text node), a node, or arrays of either; skips null, undefined and false. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}
