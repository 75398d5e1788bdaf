// The undo toast: one <vouch-toast> on the page (closed shadow root, role=status), holding one
// message with an optional action button. show() replaces what it says; hide() removes it. The
// root is closed like the annotations': what it says ("Ignoring in 5 s") is the user's decision
// about an invitation, which LinkedIn's scripts must not read.
globalThis.VouchToast = (() => {
  const Styles = globalThis.VouchStyles;
  let host = null;
  let box = null;

  function ensure() {
    if (host && host.isConnected) return;
    host = document.createElement('vouch-toast');
    host.dataset.theme = Styles.theme_for(document.body);
    const root = host.attachShadow({ mode: 'closed' });
    Styles.adopt(root, Styles.TOAST);
    box = document.createElement('div');
    box.className = 'toast';
    box.setAttribute('role', 'status');
    box.setAttribute('aria-live', 'polite');
    root.append(box);
    document.body.append(host);
  }

  /** Shows `text`; with `action` ({label, run}) a button that runs it. */
  function show(text, action) {
    ensure();
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = text;
    box.replaceChildren(message);
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'action';
      button.textContent = action.label;
      button.addEventListener('click', action.run, { once: true });
      box.append(button);
    }
  }

  /**
   * Shows `text` with a countdown from `seconds` and the action's button, announced once: the
   * seconds left tick in a part screen readers skip (aria-hidden), and the button stays the same
   * element (focused, so that Enter or Space undoes). Returns set(left) to update the count.
   */
  function countdown(text, seconds, action) {
    ensure();
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = text;
    const left = document.createElement('span');
    left.className = 'count';
    left.setAttribute('aria-hidden', 'true');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'action';
    button.textContent = action.label;
    button.addEventListener('click', action.run, { once: true });
    const set = (n) => { left.textContent = ` ${n} s`; };
    set(seconds);
    box.replaceChildren(message, left, button);
    button.focus();
    return set;
  }

  function hide() {
    if (host) host.remove();
    host = null;
  }

  return Object.freeze({ show, countdown, hide });
})();
