// LinkedIn's messaging composer, which "Reply to <name>" opens: a contenteditable div with
// role="textbox" (class msg-form__contenteditable in generation A) inside a form whose Send button
// (msg-form__send-button in generation A, the form's submit button in generation B) stays disabled
// until LinkedIn's framework sees input. Setting textContent does not count: text goes in through
// execCommand('insertText') after focusing, which fires the real beforeinput/input events, one
// paragraph (<p>, as LinkedIn's editor keeps them) per line of the reply.
globalThis.VouchMessagingComposer = (() => {
  const BOX = '.msg-form__contenteditable[contenteditable="true"], [role="textbox"][contenteditable="true"]';
  const OPEN_WAIT_MS = 4000;

  const boxes = () => new Set(document.querySelectorAll(BOX));

  /** Resolves with the composer that appears after `before` was taken, or null after a while. */
  function wait_for_new(before) {
    const fresh = () => [...boxes()].find((b) => !before.has(b));
    return new Promise((resolve) => {
      const found = fresh();
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const box = fresh();
        if (box) finish(box);
      });
      const timer = setTimeout(() => finish(null), OPEN_WAIT_MS);
      function finish(box) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(box);
      }
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    });
  }

  function send_button(box) {
    const form = box.closest('form') || box.closest('[role="dialog"]') || box.parentElement;
    return (form && (form.querySelector('.msg-form__send-button, button[type="submit"]'))) || null;
  }

  /** The composer's text as its editor reads it: one line per block (<p>), <br> a line break. */
  function text_of(box) {
    const blocks = [...box.children].filter((el) => /^(P|DIV)$/.test(el.tagName));
    if (!blocks.length) return box.textContent;
    return blocks.map((p) => [...p.childNodes]
      .map((n) => (n.nodeName === 'BR' ? (n === p.lastChild ? '' : '\n') : n.textContent)).join('')).join('\n');
  }

  /** Puts the caret at the end of the composer's last paragraph (inside it, not after it). */
  function caret_to_end(box) {
    let node = box;
    while (node.lastChild && node.lastChild.nodeType === Node.ELEMENT_NODE && node.lastChild.tagName !== 'BR') node = node.lastChild;
    const range = document.createRange();
    const last = node.lastChild;
    if (last && last.nodeType === Node.TEXT_NODE) range.setStart(last, last.length);
    else if (last && last.tagName === 'BR') range.setStartBefore(last);
    else range.setStart(node, node.childNodes.length);
    range.collapse(true);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /**
   * Types `text` line by line: insertText for each line and insertParagraph between lines, so that
   * every step is a real beforeinput/input the editor handles and each line becomes a paragraph
   * (insertText with "\n" in it would leave the line breaks to the browser's whims). Returns
   * whether the browser ran every command.
   */
  function type_lines(box, text) {
    document.execCommand('defaultParagraphSeparator', false, 'p');
    const lines = text.split(/\r?\n/);
    return lines.every((line, i) =>
      (i === 0 || document.execCommand('insertParagraph')) && (!line || document.execCommand('insertText', false, line)));
  }

  /** Where execCommand is unavailable: the paragraphs themselves, then the events an editor listens for. */
  function set_paragraphs(box, text) {
    box.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true }));
    box.replaceChildren(...text.split(/\r?\n/).map((line) => {
      const p = document.createElement('p');
      if (line) p.textContent = line;
      else p.append(document.createElement('br'));
      return p;
    }));
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: text, bubbles: true }));
  }

  /** Puts text into the composer the way typing would; returns whether Send became enabled. */
  function insert(box, text) {
    box.focus();
    caret_to_end(box);
    let typed = false;
    try {
      typed = type_lines(box, text);
    } catch {
      typed = false;
    }
    if (!typed || !text_of(box).includes(text.trim())) set_paragraphs(box, text);
    const send = send_button(box);
    return !!send && !send.disabled && send.getAttribute('aria-disabled') !== 'true';
  }

  /**
   * Watches a composer holding a reply until the message leaves it: resolves 'sent' when LinkedIn
   * clears the box (the sent message then shows in the thread), 'closed' when the composer leaves
   * the page with its text unsent. A box the user empties by hand is not a send: the reply's
   * first line must show in the conversation around the box. Observes only; never presses.
   */
  function watch(box, reply) {
    const line = String(reply || '').split(/\r?\n/).map((l) => l.trim()).find(Boolean) || '';
    const conversation = box.closest('[role="dialog"], aside, .msg-overlay-conversation-bubble') || document.body;
    const shown = () => [...conversation.querySelectorAll('li, p')].some((el) => !box.contains(el) && !el.contains(box) && el.textContent.includes(line));
    return new Promise((resolve) => {
      const check = () => {
        if (!box.isConnected) return finish('closed');
        if (!text_of(box).trim() && (!line || shown())) return finish('sent');
        return null;
      };
      const observer = new MutationObserver(check);
      function finish(how) {
        observer.disconnect();
        resolve(how);
      }
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      check();
    });
  }

  return Object.freeze({ boxes, wait_for_new, insert, send_button, watch });
})();
