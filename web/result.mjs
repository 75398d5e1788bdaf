// Renders a classification result: verdict, category, confidence, reasons, the note with its
// evidence marked, and the drafted reply with its variants. Everything from the invitation or the
// core is inserted as text nodes (see dom.mjs); spans are UTF-16 [start, end) into the note, which
// is exactly how JavaScript indexes strings, so String.prototype.slice cuts them.
import { append, el, replaceChildren } from './dom.mjs';

export const categoryLabels = {
  known: 'Known', personal: 'Personal', generic: 'Generic', networker: 'Networker', sales: 'Sales',
  recruiter: 'Recruiter', job_seeker: 'Job seeker', romance: 'Romance', scam: 'Scam',
};

const verdicts = {
  accept: { label: 'Accept', explain: 'A real connection: accept it.' },
  ask: { label: 'Ask why', explain: 'Reply courteously and ask where you crossed paths.' },
  decline: { label: 'Decline politely', explain: 'Send a courteous redirect, then ignore.' },
  ignore: { label: 'Ignore', explain: 'No reply needed.' },
};

/** The reasons that point into `message`, with their span clamped to it. */
function spansOf(reasons, message) {
  const out = [];
  reasons.forEach((reason, index) => {
    const span = reason.span;
    if (!Array.isArray(span) || span.length !== 2) return;
    const start = Math.max(0, Math.min(message.length, Math.trunc(span[0])));
    const end = Math.max(0, Math.min(message.length, Math.trunc(span[1])));
    if (Number.isFinite(start) && Number.isFinite(end) && start < end) out.push({ index, reason, start, end });
  });
  return out;
}

/**
 * The note as nodes: plain text, and <mark> around every piece that some reason points at. Where
 * spans overlap, the strongest reason (the first listed) names the piece.
 */
export function highlightedNote(message, reasons) {
  const spans = spansOf(reasons, message);
  const cuts = [...new Set([0, message.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const nodes = [];
  let open = null; // the mark being extended while consecutive pieces share a reason
  for (let k = 0; k + 1 < cuts.length; k += 1) {
    const [from, to] = [cuts[k], cuts[k + 1]];
    const text = message.slice(from, to);
    const top = spans.find((s) => s.start <= from && s.end >= to);
    if (!top) {
      open = null;
      nodes.push(document.createTextNode(text));
    } else if (open && open.dataset.reason === String(top.index + 1)) {
      open.append(document.createTextNode(text));
    } else {
      open = el('mark', { 'data-reason': top.index + 1, class: `tone-${top.index % 4}`, title: top.reason.text }, text);
      nodes.push(open);
    }
  }
  return nodes;
}

/** A button that copies `text`, announcing the outcome in `status` (an aria-live region). */
export function copyButton(text, label, status) {
  return el('button', {
    type: 'button', class: 'button small', 'aria-label': label,
    onclick: async (event) => {
      const button = event.currentTarget;
      const ok = await copyText(text);
      status.textContent = ok ? 'Copied to the clipboard.' : 'Copy failed: select the text and copy it.';
      button.textContent = ok ? 'Copied' : 'Copy';
      setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    },
  }, 'Copy');
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (or no permission): the older selection route.
    const area = el('textarea', { class: 'offscreen', readonly: true });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}

/** Fills the result panel (`view` maps names to its elements) from `result` for `invitation`. */
export function renderResult(view, result, invitation) {
  const message = typeof invitation.message === 'string' ? invitation.message : '';
  const verdict = verdicts[result.verdict] ?? { label: result.verdict, explain: '' };
  const confidence = Math.round((Number(result.confidence) || 0) * 100);

  view.panel.dataset.verdict = result.verdict;
  view.panel.dataset.category = result.category;
  view.error.hidden = true;
  view.body.hidden = false;
  replaceChildren(view.verdict, verdict.label);
  replaceChildren(view.verdictExplain, verdict.explain);
  replaceChildren(view.category, categoryLabels[result.category] ?? result.category);
  view.confidenceBar.value = confidence;
  replaceChildren(view.confidenceText, `${confidence}%`);
  view.summary.textContent =
    `${categoryLabels[result.category] ?? result.category}: ${verdict.label}, ${confidence}% confident.`;

  const reasons = Array.isArray(result.reasons) ? result.reasons : [];
  replaceChildren(view.reasons, reasons.length ? reasons.map((reason, i) => {
    const quoted = Array.isArray(reason.span) ? message.slice(reason.span[0], reason.span[1]) : '';
    return el('li', { 'data-reason': i + 1 },
      el('span', { class: `reason-number tone-${i % 4}`, 'aria-hidden': 'true' }, String(i + 1)),
      el('span', { class: 'reason-text' }, reason.text,
        quoted && el('q', { class: 'evidence' }, quoted),
        el('code', { class: 'rule' }, reason.rule)));
  }) : el('li', { class: 'muted' }, 'No specific evidence: the verdict follows from what is missing.'));

  if (message) replaceChildren(view.note, highlightedNote(message, reasons));
  else replaceChildren(view.note, el('span', { class: 'muted' }, 'No note attached to this invitation.'));

  renderReply(view, result);
}

function renderReply(view, result) {
  const reply = typeof result.reply === 'string' && result.reply ? result.reply : null;
  if (!reply) {
    replaceChildren(view.reply, el('p', { class: 'muted' },
      result.verdict === 'accept' ? 'No reply needed: accept the invitation.' : 'No reply: Vouch would ignore this invitation.'));
    return;
  }
  const variants = Array.isArray(result.reply_variants)
    ? result.reply_variants.filter((v) => typeof v === 'string' && v && v !== reply) : [];
  const draft = (text, n) => el('figure', { class: 'draft' },
    el('blockquote', { class: 'reply-text' }, text),
    el('figcaption', {}, copyButton(text, n ? `Copy wording ${n + 1}` : 'Copy the reply', view.copyStatus)));
  replaceChildren(view.reply, draft(reply, 0));
  if (variants.length) {
    append(view.reply, el('details', { class: 'variants' },
      el('summary', {}, `Other wordings (${variants.length})`),
      variants.map((text, i) => draft(text, i + 1))));
  }
}

/** Shows an error (an invitation the core rejected, or a module that failed to load). */
export function renderError(view, message) {
  delete view.panel.dataset.verdict;
  delete view.panel.dataset.category;
  view.body.hidden = true;
  view.error.hidden = false;
  replaceChildren(view.error, message);
  view.summary.textContent = message;
}
