// The "Draft a connection note" panel: who the target is, how the user knows them (a relation chip
// with the fields that relation takes), the preferred tone; the core drafts the notes on every
// keystroke (contract: "Drafting a connection note"). Shared companies and schools are the core's
// business: a relation whose "where" is left empty takes the one the target shares with the policy.
//
// Signals for tests: #notes carries data-relation and data-count; "vouch:notes-rendered" is
// dispatched on document after each update.
import { clearFieldErrors, fieldFor, linesToList, showFieldError } from './forms.mjs';
import { el, replaceChildren } from './dom.mjs';
import { copyButton } from './result.mjs';

/**
 * The chips, each with the contract's relation and what its fields are called. "Other reason" and
 * "We haven't met" are both `cold` to the core: the first for a reason the chips do not name, the
 * second for a plain stranger, whose note must say why the user writes.
 */
const relations = [
  { id: 'worked_together', label: 'Worked together', where: 'Company', whereHint: 'Left empty: a company you share, found by Vouch.', when: true },
  { id: 'studied_together', label: 'Studied together', where: 'School', whereHint: 'Left empty: a school you share, found by Vouch.', when: true },
  { id: 'met_at', label: 'Met at an event', where: 'Event or place', whereHint: 'Where you met, e.g. EDUCAUSE 2023.', when: true },
  { id: 'their_content', label: 'Read their post', topic: true },
  { id: 'mutual_contact', label: 'Someone we both know', where: 'Who you both know', whereHint: 'Their name, as you would say it.' },
  { id: 'other', relation: 'cold', label: 'Other reason', reason: 'Your reason', reasonHint: 'In a sentence: why you want to connect.' },
  { id: 'cold', label: 'We haven\'t met', reason: 'Why you write', reasonHint: 'Say it plainly: if you sell, hire or look for a job, the note says so.' },
];

/** The rule pack's tones, in the order the core drafts them. */
const tones = [
  { id: 'warm', label: 'Warm' },
  { id: 'brief', label: 'Brief' },
  { id: 'formal', label: 'Formal' },
];

/** Shown on a first visit, so that the panel has notes to show at once. */
const exampleTarget = {
  name: 'Priya Raman', headline: 'Head of Data at Northwind', companies: ['Northwind', 'Contoso'], schools: ['Imperial College London'],
};

/** Error path -> the input that edits it. */
const noteFields = {
  target: 'nt-name',
  'target.name': 'nt-name',
  'target.headline': 'nt-headline',
  'target.companies': 'nt-companies',
  'target.schools': 'nt-schools',
  'context.where': 'nt-where',
  'context.when': 'nt-when',
  'context.topic': 'nt-topic',
  'context.reason': 'nt-reason',
};

const $ = (id) => document.getElementById(id);

/** Radio inputs styled as chips: one tab stop, arrow keys move between them, as a radio group does. */
function radioChips(container, name, options, checked) {
  replaceChildren(container, options.map((option) => el('label', { class: 'chip radio-chip' },
    el('input', { type: 'radio', name, value: option.id, checked: option.id === checked, class: 'chip-input' }),
    option.label)));
}

const chosen = (form, name) => form.querySelector(`input[name="${name}"]:checked`)?.value;

/** Shows the context fields the chosen relation takes, labelled for it. */
function showContextFields(form, relation) {
  const show = { where: !!relation.where, when: !!relation.when, topic: !!relation.topic };
  for (const field of form.querySelectorAll('#nt-context [data-for]')) field.hidden = !show[field.dataset.for];
  if (relation.where) {
    $('nt-where-label').textContent = relation.where;
    $('nt-where-hint').textContent = relation.whereHint;
  }
  $('nt-reason-label').textContent = relation.reason ?? 'Anything to add (optional)';
  $('nt-reason-hint').textContent = relation.reasonHint ?? 'A sentence of your own, added to each note.';
}

/** The contract's target record the form describes. */
function readTarget(form, relation) {
  const value = (id) => form.querySelector(`#${id}`).value.trim();
  const target = { name: value('nt-name') };
  if (value('nt-headline')) target.headline = value('nt-headline');
  target.companies = linesToList(form.querySelector('#nt-companies').value);
  target.schools = linesToList(form.querySelector('#nt-schools').value);
  const context = { relation: relation.relation ?? relation.id };
  if (relation.where && value('nt-where')) context.where = value('nt-where');
  if (relation.when && value('nt-when')) context.when = value('nt-when');
  if (relation.topic && value('nt-topic')) context.topic = value('nt-topic');
  if (value('nt-reason')) context.reason = value('nt-reason');
  return { id: 'playground-note', target, context };
}

/** The notes with their tone: the core drafts one per tone, in order, and drops a repeat. */
function withTones(notes, preferred) {
  const labelled = notes.map((text, i) => ({ text, tone: notes.length === tones.length ? tones[i] : null }));
  const first = labelled.findIndex((note) => note.tone?.id === preferred);
  if (first > 0) labelled.unshift(...labelled.splice(first, 1));
  return labelled;
}

function renderNotes(list, notes, limit, preferred, status) {
  replaceChildren(list, withTones(notes, preferred).map(({ text, tone }, i) => {
    const length = text.length; // UTF-16 code units, as LinkedIn counts
    const name = tone ? `${tone.label} note` : `Note ${i + 1}`;
    return el('li', { class: 'draft note-draft', 'data-tone': tone?.id, 'data-length': length },
      el('div', { class: 'note-head' },
        el('span', { class: 'note-tone' }, tone ? tone.label : `Note ${i + 1}`),
        tone?.id === preferred && el('span', { class: 'note-pick' }, 'your tone')),
      el('blockquote', { class: 'reply-text note-text' }, text),
      el('div', { class: 'note-foot' },
        el('span', { class: 'note-count', 'data-over': String(length > limit), title: 'Characters as LinkedIn counts them' },
          `${length} / ${limit}`),
        el('meter', { class: 'note-meter', min: 0, max: limit, high: Math.round(limit * 0.9), optimum: 0, value: length, 'aria-label': `${name}: ${length} of ${limit} characters` }),
        copyButton(text, `Copy the ${name.toLowerCase()}`, status)));
  }));
}

/**
 * Wires the panel; returns update(), which redrafts with the current policy. `policy()` gives the
 * last policy the core accepted (or null).
 */
export function setupNotes({ vouch, policy }) {
  const form = $('note-form');
  const panel = $('notes');
  const list = $('note-drafts');
  const error = $('notes-error');
  radioChips($('relation-chips'), 'relation', relations, 'worked_together');
  radioChips($('tone-chips'), 'tone', tones, 'warm');
  $('nt-name').value = exampleTarget.name;
  $('nt-headline').value = exampleTarget.headline;
  $('nt-companies').value = exampleTarget.companies.join('\n');
  $('nt-schools').value = exampleTarget.schools.join('\n');

  function showError(message) {
    replaceChildren(list);
    error.textContent = message;
    error.hidden = false;
    panel.dataset.count = '0';
  }

  function update() {
    const relation = relations.find((r) => r.id === chosen(form, 'relation')) ?? relations[0];
    const tone = chosen(form, 'tone') ?? tones[0].id;
    showContextFields(form, relation);
    clearFieldErrors(form);
    error.hidden = true;
    panel.dataset.relation = relation.id;
    const valid = policy();
    if (!valid) {
      showError('Your policy has an error (see “Your policy”); fix it to draft notes.');
    } else {
      const limit = vouch.validatePolicy(valid).note_limit;
      $('notes-limit').textContent = `Limit: ${limit} characters${limit === 300 ? ' (Premium)' : ''}, as LinkedIn counts them.`;
      const request = readTarget(form, relation);
      if (!request.target.name) {
        showError('Type their name to see the drafts.');
      } else {
        try {
          const { notes } = vouch.draftNote(request, valid);
          renderNotes(list, notes, limit, tone, $('notes-status'));
          panel.dataset.count = String(notes.length);
        } catch (e) {
          const field = fieldFor(e.message, '', noteFields);
          if (field) showFieldError(field, e.message);
          showError(field ? 'Fill in the field marked in the form to see the drafts.' : e.message);
        }
      }
    }
    panel.setAttribute('aria-busy', 'false');
    document.dispatchEvent(new CustomEvent('vouch:notes-rendered'));
  }

  form.addEventListener('input', update); // radio chips fire input too
  form.addEventListener('submit', (event) => event.preventDefault());
  return update;
}
