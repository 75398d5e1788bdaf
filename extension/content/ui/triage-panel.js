// The bulk triage's control and panel: one <vouch-triage> on the page, fixed in a corner, its
// content in a closed shadow root (it names verdicts, categories and reasons, which are the
// user's alone; the host carries only its theme). The launcher ("Triage 60 invitations") opens a
// panel that lists every judged invitation in five groups (triage.js decides which), each entry
// with its name, Vouch's verdict in words, its reasons one click away, a choice of group, and a
// button that shows the card. A group other than "people to accept" has one action, "Ignore
// these N…", which asks first; while it runs, Stop is there and the status line (one polite live
// region) says how far it got and, at the end, what was done.
//
// This module only builds and updates elements; every decision is triage.js's, through the
// callbacks given to create().
globalThis.VouchTriagePanel = (() => {
  const { t } = globalThis.VouchI18n;
  const { el } = globalThis.VouchDom;
  const Styles = globalThis.VouchStyles;
  const CSS = `${Styles.ANNOTATION}
    :host { position: fixed; z-index: 2147483645; right: 16px; bottom: 16px; margin: 0; max-width: min(620px, calc(100vw - 32px)); }
    .launcher { font-weight: 600; box-shadow: 0 2px 8px rgba(0,0,0,.2); border-color: var(--focus); }
    .panel { max-height: min(70vh, 720px); overflow: auto; max-width: none; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
    .panel > header { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; }
    .panel h2 { margin: 0; font-weight: 600; font-size: 15px; }
    .about, .note { color: var(--muted); margin: 4px 0 8px; }
    .group { border-top: 1px solid var(--line); padding: 6px 0; }
    .group h3 { margin: 0 0 4px; }
    .entries { list-style: none; padding: 0; margin: 0 0 6px; }
    .entry { padding: 3px 0; }
    .entry .name { font-weight: 600; }
    .entry .entry-status:not(:empty) { color: var(--muted); font-style: italic; }
    .entry[data-done="ignored"] .name { text-decoration: line-through; }
    .entry .reasons { margin: 4px 0 4px 18px; padding-left: 12px; list-style: disc; }
    select { font: inherit; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
    .confirm { padding: 6px; border: 1px solid var(--focus); border-radius: 6px; margin: 4px 0; }
    .run, .confirm-yes { border-color: var(--ignore); font-weight: 600; }
    .stop { border-color: var(--decline); color: var(--decline); font-weight: 600; }
    .status:not(:empty) { display: block; margin-top: 6px; color: var(--fg); }
  `;

  /**
   * Creates the (unattached) host: {host, set_count(n), open(model), is_open(), update_entry(e),
   * set_running(group | null), say(text), move_entry(e), focus_stop()}. `model` is {groups:
   * [{key, label, entries}], order: [group keys]}; an entry is {key, name, headline, verdict_word,
   * group, done}. Callbacks: on_open(), on_run(group_key), on_stop(), on_move(entry, group_key),
   * on_reasons(entry) -> Promise<reasons[]>, on_show(entry).
   */
  function create({ theme, on_open, on_run, on_stop, on_move, on_reasons, on_show }) {
    const host = document.createElement('vouch-triage');
    host.dataset.theme = theme;
    const root = host.attachShadow({ mode: 'closed' });
    Styles.adopt(root, CSS);
    const launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'vouch-triage-panel' });
    const panel = el('div', { class: 'panel', id: 'vouch-triage-panel', role: 'region', 'aria-label': t('triageTitle'), hidden: '' });
    const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const stop = el('button', { type: 'button', class: 'stop', text: t('triageStop'), hidden: '' });
    stop.addEventListener('click', () => on_stop());
    root.append(el('div', { class: 'vouch' }, [panel, el('div', { class: 'row' }, [launcher])]));

    let lists = new Map(); // group key -> {section, heading, list, run, confirm}
    let items = new Map(); // entry key -> {li, status, select}
    let labels = new Map(); // group key -> its words
    let running = null;

    function set_open(open) {
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', String(open));
    }
    launcher.addEventListener('click', () => {
      if (panel.hidden) on_open();
      else set_open(false);
    });
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden && !running) {
        set_open(false);
        launcher.focus();
      }
    });

    function set_count(n) {
      launcher.textContent = t('triageLauncher', n);
    }

    function entry_item(entry) {
      const reasons_id = `vouch-triage-reasons-${entry.key}`;
      const toggle = el('button', { type: 'button', class: 'reasons-toggle', 'aria-expanded': 'false', 'aria-controls': reasons_id,
        'aria-label': t('triageReasonsFor', entry.name), text: t('triageReasons') });
      const reasons = el('ul', { class: 'reasons', id: reasons_id, hidden: '' });
      toggle.addEventListener('click', async () => {
        const opening = reasons.hidden;
        reasons.hidden = !opening;
        toggle.setAttribute('aria-expanded', String(opening));
        if (!opening || reasons.dataset.filled) return;
        reasons.setAttribute('aria-busy', 'true');
        reasons.replaceChildren(el('li', { text: t('triageLoading') }));
        try {
          const list = await on_reasons(entry);
          reasons.replaceChildren(...list.map((r) => el('li', {}, [el('span', { text: r.text }), ...(r.quote ? [' ', el('q', { text: r.quote })] : [])])));
          reasons.dataset.filled = 'true';
        } catch (error) {
          reasons.replaceChildren(el('li', { text: t('cardError', String(error && error.message || error)) }));
        }
        reasons.removeAttribute('aria-busy');
      });
      const select = el('select', { class: 'move', 'aria-label': t('triageMove', entry.name) },
        [...labels].map(([key, label]) => el('option', { value: key, text: label })));
      select.value = entry.group;
      select.addEventListener('change', () => on_move(entry, select.value));
      const show = el('button', { type: 'button', class: 'show', text: t('triageShow') });
      show.addEventListener('click', () => on_show(entry));
      const state = el('span', { class: 'entry-status' });
      const li = el('li', { class: 'entry', 'data-profile': entry.profile_url }, [
        el('div', { class: 'row' }, [el('span', { class: 'name', text: entry.name }), el('span', { class: 'muted', text: entry.verdict_word }),
          toggle, select, show, state]),
        reasons,
      ]);
      items.set(entry.key, { li, state, select, entry });
      return li;
    }

    function group_section(group) {
      const heading = el('h3');
      const list = el('ul', { class: 'entries' });
      const confirm = el('div', { class: 'confirm', role: 'group', hidden: '' });
      const section = el('section', { class: 'group', 'data-group': group.key, 'aria-label': group.label }, [heading, list]);
      let run = null;
      if (group.key === 'accept') {
        section.append(el('p', { class: 'note', text: t('triageAcceptNote') }));
      } else {
        run = el('button', { type: 'button', class: 'run' });
        run.addEventListener('click', () => ask(group.key));
        section.append(el('div', { class: 'row' }, [run]), confirm);
      }
      lists.set(group.key, { section, heading, list, run, confirm, label: group.label });
      for (const e of group.entries) list.append(entry_item(e));
      return section;
    }

    // An entry is waiting until it is done; one a stopped run left as it was still is.
    const is_waiting = (li) => !li.dataset.done || li.dataset.done === 'left';

    /** The count in a group's heading and on its action, from the entries now in its list. */
    function recount(key) {
      const g = lists.get(key);
      const waiting = [...g.list.children].filter(is_waiting).length;
      g.heading.textContent = `${g.label} (${g.list.children.length})`;
      if (g.run) {
        g.run.textContent = t('triageRun', waiting);
        g.run.disabled = waiting === 0 || !!running;
      }
    }

    /** The group's confirmation: what will happen, Yes and Cancel. */
    function ask(key) {
      const g = lists.get(key);
      const waiting = [...g.list.children].filter(is_waiting).length;
      const yes = el('button', { type: 'button', class: 'confirm-yes', text: t('triageConfirmYes') });
      const no = el('button', { type: 'button', class: 'confirm-no', text: t('triageConfirmNo') });
      g.confirm.replaceChildren(el('p', { class: 'confirm-text', text: t('triageConfirm', waiting, g.label) }), el('div', { class: 'row' }, [yes, no]));
      g.confirm.hidden = false;
      yes.addEventListener('click', () => {
        g.confirm.hidden = true;
        on_run(key);
      });
      no.addEventListener('click', () => {
        g.confirm.hidden = true;
        g.run.focus();
      });
      no.focus();
    }

    function open(model) {
      labels = new Map(model.groups.map((g) => [g.key, g.label]));
      lists = new Map();
      items = new Map();
      const close = el('button', { type: 'button', class: 'close', text: t('triageClose') });
      close.addEventListener('click', () => {
        on_stop(); // a run is never left going out of sight
        set_open(false);
        launcher.focus();
      });
      const body = model.groups.map(group_section);
      panel.replaceChildren(el('header', {}, [el('h2', { text: t('triageTitle') }), close]),
        el('p', { class: 'about', text: model.empty ? t('triageNoneJudged') : t('triageAbout') }), ...body,
        el('div', { class: 'row' }, [stop, status]));
      for (const key of lists.keys()) recount(key);
      set_open(true);
      panel.querySelector('h2').setAttribute('tabindex', '-1');
      panel.querySelector('h2').focus();
    }

    /** An entry's state changed ('ignored', 'gone', 'left', or '' for waiting). */
    function update_entry(entry) {
      const item = items.get(entry.key);
      if (!item) return;
      if (entry.done) item.li.dataset.done = entry.done;
      else delete item.li.dataset.done;
      item.state.textContent = entry.done ? t(`triageEntry_${entry.done}`) : '';
      item.select.disabled = !!entry.done && entry.done !== 'left';
      recount(entry.group);
    }

    /** Moves an entry's row into the list of its (new) group, keeping the focus on its choice. */
    function move_entry(entry, from) {
      const item = items.get(entry.key);
      const to = lists.get(entry.group);
      if (!item || !to) return;
      const had_focus = root.activeElement === item.select;
      to.list.append(item.li);
      item.select.value = entry.group;
      recount(from);
      recount(entry.group);
      if (had_focus) item.select.focus();
    }

    function set_running(key) {
      running = key;
      stop.hidden = !key;
      for (const k of lists.keys()) recount(k);
      if (key) stop.focus();
    }

    const say = (text) => { status.textContent = text; };

    set_count(0);
    return { host, set_count, open, is_open: () => !panel.hidden, update_entry, move_entry, set_running, say };
  }

  return Object.freeze({ create });
})();
