// The <vouch-annotation> element: one per card, its content in a closed shadow root. A badge
// (verdict by colour and word, category, confidence) toggles a panel with every reason (those
// that argued against the verdict marked so), the evidence quoted, "Not right?" to correct the
// category (correction-picker.js), and the drafted reply (editable, with variants and a copy
// button), built when it first opens; on ask and decline cards a second button runs the one-click
// courteous decline. Everything that came from the page or the core is set with textContent /
// value, never as HTML.
//
// The user's judgement of their invitations is theirs alone (LinkedIn's scripts run in this
// page): the root is closed, and what names a verdict or category (the data-verdict that picks
// the colours, data-category, data-confidence, data-highlights) sits on the .vouch element inside
// it. The host carries only data-theme.
globalThis.VouchAnnotation = (() => {
  const { t } = globalThis.VouchI18n;
  const { el } = globalThis.VouchDom;
  const Styles = globalThis.VouchStyles;
  const Picker = globalThis.VouchCorrectionPicker;
  const ONE_CLICK = new Set(['ask', 'decline']);
  const DAY_MS = 24 * 60 * 60 * 1000;
  const DEFAULT_WAIT_DAYS = 14;
  let serial = 0;

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

  /**
   * One reason: its words (never the rule's id) and its evidence quoted. A reason with a negative
   * weight argued against the verdict: it says so in a label and in words for screen readers.
   */
  function reason_item(reason, message) {
    const against = typeof reason.weight === 'number' && reason.weight < 0;
    const li = el('li', against ? { class: 'against' } : {});
    if (against) {
      li.append(el('span', { class: 'against-tag', 'aria-hidden': 'true', text: t('reasonAgainstTag') }),
        el('span', { class: 'sr', text: t('reasonAgainstWords') }));
    }
    li.append(el('span', { text: reason.text || t('reasonWithoutText') }));
    const span = reason.span;
    if (message && Array.isArray(span) && span[0] >= 0 && span[1] > span[0] && span[1] <= message.length) {
      li.append(' ', el('q', { text: message.slice(span[0], span[1]) }));
    }
    return li;
  }

  // The parts every annotation starts with, built once and cloned per card (a page of 100 cards
  // then costs 100 clones rather than 100 rounds of createElement and setAttribute).
  let templates = null;
  function make_templates() {
    templates ??= {
      box: el('div', { class: 'vouch' }),
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
    return {
      box: templates.box.cloneNode(false), row, badge: row.firstElementChild, panel: templates.panel.cloneNode(true),
      status: templates.status.cloneNode(true), said: templates.status.cloneNode(true),
    };
  }

  /** Puts a result's (or a summary's) verdict, category and confidence on the box and its badge. */
  function show_verdict(box, badge, result) {
    const verdict = result.error ? 'unknown' : result.verdict;
    const category = result.error ? 'unknown' : result.category;
    box.dataset.category = category;
    box.dataset.verdict = verdict;
    if (result.error) delete box.dataset.confidence;
    else box.dataset.confidence = String(result.confidence);
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
   * opens or the decline runs; `on_decline(reply_text, set_status)` runs the one-click decline;
   * `on_correct(category)` stores the user's category and resolves with the new judgement,
   * {result, summary} (or {error}).
   *
   * `on_toggle(open)` is told when the panel opens or closes.
   *
   * Returns {host, root, settle, renew, set_highlights, is_open}: renew(summary) shows a newer
   * judgement of the same card (the corrections changed), refilling the panel if it is open.
   */
  function prepare({ message, theme, details, on_decline, on_correct, on_ask = null, on_ignore_now = null, on_answer = null, on_toggle = null }) {
    const id = `vouch-${++serial}`;
    const host = document.createElement('vouch-annotation');
    host.dataset.theme = theme;
    const root = host.attachShadow({ mode: 'closed' });
    Styles.adopt(root, Styles.ANNOTATION);

    const panel_id = `${id}-panel`;
    const { box, row, badge, panel, status, said } = skeleton();
    badge.setAttribute('aria-controls', panel_id);
    panel.id = panel_id;
    box.append(row, panel);
    root.append(box);
    let summary = null; // what the badge shows: a summary {verdict, category, confidence, has_reply, ...} or {error}
    let reply_box = null; // the panel's editable reply, once the panel is built
    let act = null; // the one-click decline, on ask and decline cards with a drafted reply
    const set_status = (text) => { status.textContent = text; };

    let asked_at = null; // when Vouch's Ask placed its question for this sender (epoch ms), or null
    let wait_days = DEFAULT_WAIT_DAYS;
    let asked_line = null; // "Asked 9 days ago", with "Ignore now" after the wait
    /** Shows a verdict on the badge and offers the one-click action (ask or decline) where it applies. */
    function apply(answer) {
      summary = answer;
      show_verdict(box, badge, answer);
      if (!answer.error && answer.asked_at !== undefined) {
        asked_at = answer.asked_at || asked_at;
        if (Number.isInteger(answer.reply_wait_days)) wait_days = answer.reply_wait_days;
      }
      const offer = !answer.error && ONE_CLICK.has(answer.verdict) && answer.has_reply;
      const kind = answer.verdict === 'ask' && on_ask ? 'ask' : 'decline';
      if (act && (!offer || act.dataset.kind !== kind)) {
        act.remove();
        act = null;
      }
      if (offer && !act) {
        act = kind === 'ask' ? ask_button() : decline_button();
        act.dataset.kind = kind;
        row.append(act);
      }
      show_asked();
    }

    /** The waiting state of an Ask: how long ago, and "Ignore now" once the wait is over. */
    function show_asked() {
      if (!asked_at) {
        if (asked_line) asked_line.remove();
        asked_line = null;
        return;
      }
      const days = Math.max(0, Math.floor((Date.now() - asked_at) / DAY_MS));
      const words = days === 0 ? t('askedToday') : days === 1 ? t('askedOneDay') : t('askedDays', days);
      const due = days >= wait_days && !!on_ignore_now;
      const shown = due ? `${words} ${t('askedDue', wait_days)}` : words;
      // Asked anew with the same answer (a refresh): what is said stays, and is not announced again.
      if (asked_line && asked_line.isConnected && asked_line.dataset.shown === shown) return;
      asked_line ??= el('div', { class: 'row asked' });
      asked_line.dataset.shown = shown;
      const text = el('span', { class: 'status asked-text', role: 'status', text: shown });
      asked_line.replaceChildren(text);
      if (due) {
        const button = el('button', { type: 'button', class: 'act ignore-now', 'aria-label': t('ignoreNowLabel'), text: t('ignoreNow') });
        button.addEventListener('click', () => {
          button.disabled = true;
          text.textContent = on_ignore_now() ? t('declineIgnored') : t('declineNoIgnore');
        });
        asked_line.append(button);
      }
      if (!asked_line.isConnected) box.insertBefore(asked_line, panel);
    }

    const summary_of = (result) => ({
      verdict: result.verdict, category: result.category, confidence: result.confidence, has_reply: replies_of(result).length > 0,
    });

    /** The whole result, or {error} when the background could not give it. */
    const full_result = () => (summary.error ? Promise.resolve(summary) : details().then((result) => {
      // The same invitation under the same policy gives the same verdict; should the settings
      // have changed since the page was annotated, the badge follows the newer answer.
      if (result.verdict !== summary.verdict || result.category !== summary.category) apply(summary_of(result));
      return result;
    }, (error) => ({ error: String(error && error.message || error) })));

    // The panel's content is built the first time it opens: a page of 100 cards then costs 100
    // badges, not 100 panels of reasons and replies that most people never open.
    let picker = null;
    function fill_panel(result) {
      panel.replaceChildren();
      panel.removeAttribute('aria-busy');
      reply_box = null;
      picker = null;
      if (result.error) {
        panel.append(el('p', { text: t('cardError', result.error) }));
      } else {
        const reasons = Array.isArray(result.reasons) ? result.reasons : [];
        picker = Picker.build({ id, current: result.category, status: said, on_choose: correct });
        panel.append(el('h3', { text: t('reasonsHeading') }),
          el('ul', { class: 'reasons' }, reasons.map((r) => reason_item(r, message))), picker.element);
        if (on_answer && (asked_at || result.verdict === 'ask')) panel.append(answer_part());
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
    // it is loading. After an error the next opening asks again. A filling that a newer one has
    // overtaken (the judgement changed meanwhile) is dropped. Focus that was in the panel goes to
    // "Not right?" in the new content rather than to the page.
    let filled = null; // the filling of the panel with the current judgement, once begun
    let fills = 0;
    function fill(known = null, focus = false) {
      const serial_now = ++fills;
      const had_focus = focus || panel.contains(root.activeElement);
      if (!known) {
        panel.replaceChildren(el('p', { class: 'status', text: t('panelLoading') }));
        panel.setAttribute('aria-busy', 'true');
      }
      const done = (result) => {
        if (serial_now !== fills) return;
        fill_panel(result);
        if (result.error && !summary.error) filled = null;
        if (had_focus) (picker ? picker.toggle : badge).focus();
      };
      filled = (known ? Promise.resolve(known) : full_result()).then(done).catch((error) => {
        done({ error: String(error && error.message || error) });
        filled = null;
      });
    }
    function set_open(open, known = null) {
      if (open && !filled) fill(known);
      const was_open = !panel.hidden;
      panel.hidden = !open;
      badge.setAttribute('aria-expanded', String(open));
      if (was_open !== open && on_toggle) on_toggle(open);
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

    /** "Not right?" chose `category`: store it, then show the judgement the core gives now. */
    async function correct(category) {
      const chosen = picker;
      chosen.set_busy(true);
      panel.setAttribute('aria-busy', 'true'); // until it shows the new judgement
      said.textContent = t('correctionSaving');
      let answer;
      try {
        answer = await on_correct(category);
      } catch (error) {
        answer = { error: String(error && error.message || error) };
      }
      if (!answer || answer.error || !answer.result) {
        if (picker === chosen) {
          chosen.set_busy(false);
          panel.removeAttribute('aria-busy');
        }
        said.textContent = t('correctionFailed', (answer && answer.error) || 'no answer');
        return;
      }
      apply(answer.summary || summary_of(answer.result));
      fill(answer.result, true); // the chosen button was disabled meanwhile, and is gone now
      said.textContent = t('correctionSaved', t(`categoryPlain_${category}`));
    }

    /** A newer judgement of this card (the corrections changed): the badge, and the panel if open. */
    function renew(answer) {
      // The same judgement again (the corrections were stored, and every card asked anew): what
      // the panel just told the user ("Marked as ...") stays.
      const same = !!summary && !summary.error && !answer.error && summary.category === answer.category && summary.verdict === answer.verdict;
      apply(answer);
      if (!same) said.textContent = '';
      filled = null;
      if (!panel.hidden) {
        fill();
        return;
      }
      ++fills; // a filling under way is for the old judgement
      panel.replaceChildren(); // built anew when it next opens
      reply_box = null;
      picker = null;
    }

    /** The reply to put in LinkedIn's composer: as the user left it in the panel, else the drafted one. */
    async function chosen_reply() {
      if (reply_box) return reply_box.value;
      const result = await full_result();
      const replies = result.error ? [] : replies_of(result);
      if (!replies.length) {
        set_open(true, result); // the panel says why (the background's error)
        return null;
      }
      return replies[0];
    }

    function ask_button() {
      const button = el('button', { type: 'button', class: 'act', 'aria-label': t('askLabel'), text: t('askButton') });
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const reply = await chosen_reply();
          if (reply === null) return;
          const when = await on_ask(reply, set_status);
          if (when) {
            asked_at = when;
            show_asked();
          }
        } finally {
          button.disabled = false;
        }
      });
      return button;
    }

    /** The panel's box for the sender's answer to an Ask: judged as the note, the new verdict shown. */
    function answer_part() {
      const answer_id = `${id}-answer`;
      const area = el('textarea', { id: answer_id, class: 'reply answer', spellcheck: 'true' });
      const said_answer = el('span', { class: 'status answer-status', role: 'status', 'aria-live': 'polite' });
      const judge = el('button', { type: 'button', class: 'copy judge-answer', text: t('answerJudge') });
      judge.addEventListener('click', async () => {
        const text = area.value.trim();
        if (!text) {
          said_answer.textContent = t('answerEmpty');
          return;
        }
        judge.disabled = true;
        said_answer.textContent = t('answerJudging');
        try {
          const result = await on_answer(text);
          said_answer.textContent = t('answerVerdict', t(`verdict_${result.verdict}`), t(`category_${result.category}`));
          box.dataset.answerVerdict = result.verdict;
        } catch (error) {
          said_answer.textContent = t('answerFailed', String(error && error.message || error));
        } finally {
          judge.disabled = false;
        }
      });
      return el('div', { class: 'answer-part' }, [el('label', { for: answer_id }, [el('h3', { text: t('answerHeading') })]), area,
        el('div', { class: 'row' }, [judge, said_answer])]);
    }

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

    /** How many pieces of this card's evidence are painted in LinkedIn's note. */
    const set_highlights = (n) => { box.dataset.highlights = String(n); };

    return { host, root, settle: apply, renew, set_highlights, is_open: () => !panel.hidden };
  }

  /** Does the work that needs no card (the style sheet, the cloned parts) before cards arrive. */
  function preload() {
    Styles.preload(Styles.ANNOTATION);
    make_templates();
  }

  return Object.freeze({ prepare, preload, copy_text });
})();
