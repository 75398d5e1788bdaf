// The <vouch-annotation> element: one per card, its content in an open shadow root. A badge
// (verdict by colour and word, category, confidence) toggles a panel with every reason, the
// evidence quoted, and the drafted reply (editable, with variants and a copy button), built when
// it first opens; on ask and decline cards a second button runs the one-click courteous decline.
// Everything that came from the page or the core is set with textContent / value, never as HTML.
globalThis.VouchAnnotation = (() => {
  const { t } = globalThis.VouchI18n;
  const Styles = globalThis.VouchStyles;
  const ONE_CLICK = new Set(['ask', 'decline']);
  let serial = 0;

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

  async function copy_text(text, root) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = el('textarea', { 'aria-hidden': 'true', style: 'position:fixed;opacity:0' });
      area.value = text;
      root.append(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
      return ok;
    }
  }

  function reason_item(reason, message) {
    const li = el('li', {}, [el('span', { text: reason.text || reason.rule })]);
    const span = reason.span;
    if (message && Array.isArray(span) && span[0] >= 0 && span[1] > span[0] && span[1] <= message.length) {
      li.append(' ', el('q', { text: message.slice(span[0], span[1]) }));
    }
    if (reason.rule) li.append(el('span', { class: 'rule', text: reason.rule }));
    return li;
  }

  // The parts every annotation starts with, built once and cloned per card (a page of 100 cards
  // then costs 100 clones rather than 100 rounds of createElement and setAttribute).
  let templates = null;
  function make_templates() {
    templates ??= {
      row: el('div', { class: 'row' }, [
        el('button', { class: 'badge', type: 'button', 'aria-expanded': 'false', 'aria-controls': '', 'aria-label': '' }, [
          el('span', { class: 'dot', 'aria-hidden': 'true' }),
          el('span', { class: 'verdict' }),
          el('span', { class: 'muted' }),
          el('span', { class: 'muted' }),
        ]),
      ]),
      panel: el('div', { class: 'panel', id: '', role: 'region', 'aria-label': t('panelLabel'), hidden: '' }),
      status: el('span', { class: 'status', role: 'status', 'aria-live': 'polite' }),
    };
  }

  function skeleton() {
    make_templates();
    const row = templates.row.cloneNode(true);
    return { row, badge: row.firstElementChild, panel: templates.panel.cloneNode(true), status: templates.status.cloneNode(true) };
  }

  /** Puts a result's (or a summary's) verdict, category and confidence on the host and its badge. */
  function show_verdict(host, badge, result) {
    const verdict = result.error ? 'unknown' : result.verdict;
    const category = result.error ? 'unknown' : result.category;
    host.dataset.category = category;
    host.dataset.verdict = verdict;
    if (result.error) delete host.dataset.confidence;
    else host.dataset.confidence = String(result.confidence);
    const verdict_word = result.error ? t('verdictUnknown') : t(`verdict_${verdict}`);
    const category_word = result.error ? '' : t(`category_${category}`);
    const percent = result.error ? '' : `${Math.round(result.confidence * 100)}%`;
    badge.setAttribute('aria-label', result.error ? t('badgeErrorLabel') : t('badgeLabel', verdict_word, category_word, percent));
    const [, verdict_span, category_span, percent_span] = badge.children;
    verdict_span.textContent = verdict_word;
    category_span.textContent = category_word;
    percent_span.textContent = percent;
  }

  /** The distinct replies of a result, the drafted one first. */
  const replies_of = (result) => [result.reply, ...(Array.isArray(result.reply_variants) ? result.reply_variants : [])]
    .filter((r, i, all) => typeof r === 'string' && r && all.indexOf(r) === i);

  /**
   * Builds a card's annotation in two steps, so that the first can run while the background is
   * still classifying: prepare() makes the host, its shadow root and its badge, unattached and
   * without a verdict; the returned settle(summary) puts in the summary (verdict, category,
   * confidence, whether a reply was drafted) and the one-click decline where it applies.
   * `details()` resolves with the whole result (reasons, replies), asked for when the panel first
   * opens or the decline runs; `on_decline(reply_text, set_status)` runs the one-click decline.
   */
  function prepare({ message, theme, details, on_decline }) {
    const id = `vouch-${++serial}`;
    const host = document.createElement('vouch-annotation');
    host.dataset.theme = theme;
    const root = host.attachShadow({ mode: 'open' });
    Styles.adopt(root, Styles.ANNOTATION);

    const panel_id = `${id}-panel`;
    const { row, badge, panel, status } = skeleton();
    badge.setAttribute('aria-controls', panel_id);
    panel.id = panel_id;
    root.append(row, panel);
    let summary = null; // what the badge shows: a summary {verdict, category, confidence, has_reply, ...} or {error}
    let reply_box = null; // the panel's editable reply, once the panel is built
    let act = null; // the one-click decline, on ask and decline cards with a drafted reply
    const set_status = (text) => { status.textContent = text; };

    /** Shows a verdict on the badge and offers the one-click decline where it applies. */
    function apply(answer) {
      summary = answer;
      show_verdict(host, badge, answer);
      const offer = !answer.error && ONE_CLICK.has(answer.verdict) && answer.has_reply;
      if (offer && !act) {
        act = decline_button();
        row.append(act);
      } else if (!offer && act) {
        act.remove();
        act = null;
      }
    }

    /** The whole result, or {error} when the background could not give it. */
    const full_result = () => (summary.error ? Promise.resolve(summary) : details().then((result) => {
      // The same invitation under the same policy gives the same verdict; should the settings
      // have changed since the page was annotated, the badge follows the newer answer.
      if (result.verdict !== summary.verdict || result.category !== summary.category) {
        apply({ verdict: result.verdict, category: result.category, confidence: result.confidence, has_reply: replies_of(result).length > 0 });
      }
      return result;
    }, (error) => ({ error: String(error && error.message || error) })));

    // The panel's content is built the first time it opens: a page of 100 cards then costs 100
    // badges, not 100 panels of reasons and replies that most people never open.
    function fill_panel(result) {
      panel.replaceChildren();
      panel.removeAttribute('aria-busy');
      if (result.error) {
        panel.append(el('p', { text: t('cardError', result.error) }));
      } else {
        const reasons = Array.isArray(result.reasons) ? result.reasons : [];
        panel.append(el('h3', { text: t('reasonsHeading') }),
          el('ul', { class: 'reasons' }, reasons.map((r) => reason_item(r, message))));
      }
      const replies = result.error ? [] : replies_of(result);
      if (!replies.length) {
        panel.append(status);
        return;
      }
      const reply_id = `${id}-reply`;
      reply_box = el('textarea', { id: reply_id, class: 'reply', spellcheck: 'true' });
      reply_box.value = replies[0];
      const tools = el('div', { class: 'row', role: 'group', 'aria-label': t('replyTools') });
      if (replies.length > 1) {
        replies.forEach((text, i) => {
          const b = el('button', { type: 'button', class: 'variant', 'aria-label': t('variantLabel', i + 1), text: String(i + 1) });
          b.addEventListener('click', () => {
            reply_box.value = text;
            status.textContent = t('variantChosen', i + 1);
          });
          tools.append(b);
        });
      }
      const copy = el('button', { type: 'button', class: 'copy', text: t('copy') });
      copy.addEventListener('click', async () => {
        status.textContent = (await copy_text(reply_box.value, root)) ? t('copied') : t('copyFailed');
      });
      tools.append(copy, status);
      panel.append(el('label', { for: reply_id }, [el('h3', { text: t('replyHeading') })]), reply_box, tools);
    }

    // The panel fills once the whole result is in (`known`, or asked for now); until then it says
    // it is loading. After an error the next opening asks again.
    let filling = null;
    function set_open(open, known = null) {
      if (open && !filling) {
        panel.replaceChildren(el('p', { class: 'status', text: t('panelLoading') }));
        panel.setAttribute('aria-busy', 'true');
        filling = (known ? Promise.resolve(known) : full_result()).then((result) => {
          fill_panel(result);
          if (result.error && !summary.error) filling = null;
        }).catch((error) => {
          fill_panel({ error: String(error && error.message || error) });
          filling = null;
        });
      }
      panel.hidden = !open;
      badge.setAttribute('aria-expanded', String(open));
    }
    badge.addEventListener('click', () => set_open(panel.hidden));
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden) {
        set_open(false);
        badge.focus();
      }
    });
    // Pointing at or tabbing to the annotation asks for the whole result ahead of a click.
    const prefetch = () => {
      if (summary && !summary.error) full_result();
    };
    host.addEventListener('pointerenter', prefetch);
    host.addEventListener('focusin', prefetch);

    function decline_button() {
      const button = el('button', { type: 'button', class: 'act', 'aria-label': t('declineLabel'), text: t('declineButton') });
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          // The reply as the user left it in the panel (even emptied), else the drafted one.
          let reply = reply_box ? reply_box.value : null;
          if (reply === null) {
            const result = await full_result();
            const replies = result.error ? [] : replies_of(result);
            if (!replies.length) {
              set_open(true, result); // the panel says why (the background's error)
              return;
            }
            reply = replies[0];
          }
          await on_decline(reply, set_status);
        } finally {
          button.disabled = false;
        }
      });
      return button;
    }

    return { host, settle: apply };
  }

  /** Does the work that needs no card (the style sheet, the cloned parts) before cards arrive. */
  function preload() {
    Styles.preload(Styles.ANNOTATION);
    make_templates();
  }

  return Object.freeze({ prepare, preload, copy_text });
})();
