// Building the annotation's elements: `el(tag, props, children)` where props.text becomes the
// element's textContent and props.class its class; everything else is an attribute. Text from
// the page or the core goes in as text, never as markup. Classic script (see messages.js).
globalThis.VouchDom = (() => {
  function el(tag, props = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  }

  return Object.freeze({ el });
})();
