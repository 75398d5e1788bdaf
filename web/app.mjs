// The playground: wires the invitation form, the policy panel and the result panel to the wasm
// module. Every keystroke re-classifies (the core takes microseconds), so there is no button.
//
// Signals for tests and assistive tech: <html data-vouch="ready"> once the module is loaded, and
// a "vouch:rendered" event on document after each update; #result carries data-verdict and
// data-category for the current result. The note-drafting panel is notes.mjs.
import { loadVouch } from './vouch/index.mjs';
import { clearFieldErrors, fieldFor, showFieldError, wholeNumber } from './forms.mjs';
import {
  examplePolicy, exportPolicy, fillPolicyForm, loadPolicy, parsePolicyText, policyFields,
  readPolicyForm, savePolicy,
} from './policy.mjs';
import { categoryLabels, renderError, renderResult } from './result.mjs';
import { el } from './dom.mjs';
import { setupNotes } from './notes.mjs';
import { samples } from './samples.mjs';

const $ = (id) => document.getElementById(id);

const invitationForm = $('invitation-form');
const policyForm = $('policy-form');
const view = {
  panel: $('result'), body: $('result-body'), error: $('result-error'), summary: $('result-summary'),
  verdict: $('verdict'), verdictExplain: $('verdict-explain'), category: $('category'),
  confidenceBar: $('confidence-bar'), confidenceText: $('confidence-text'), reasons: $('reasons'),
  note: $('note-view'), reply: $('reply'), copyStatus: $('copy-status'),
};

/** Error path (after "invitation.") -> the input that edits it. */
const invitationFields = {
  sender: 'inv-name',
  'sender.name': 'inv-name',
  'sender.headline': 'inv-headline',
  'sender.mutual_connections': 'inv-mutual',
  message: 'inv-message',
  prior_invitations: 'inv-prior',
};

let vouch = null;
let policy = loadPolicy(); // what the user set, extra imported fields included
let validPolicy = null; // the last policy the core accepted
let updateNotes = () => {}; // the note panel's redraft, once it is set up

function readInvitation() {
  const value = (id) => $(id).value;
  const sender = { name: value('inv-name').trim() };
  if (!sender.name) delete sender.name;
  const headline = value('inv-headline').trim();
  if (headline) sender.headline = headline;
  const mutual = wholeNumber(value('inv-mutual'));
  if (mutual !== undefined) sender.mutual_connections = mutual;
  const invitation = { id: 'playground', sender, message: value('inv-message') };
  const prior = wholeNumber(value('inv-prior'));
  if (prior !== undefined) invitation.prior_invitations = prior;
  return invitation;
}

function fillInvitation({ sender, message, prior_invitations: prior = 0 }) {
  $('inv-name').value = sender.name ?? '';
  $('inv-headline').value = sender.headline ?? '';
  $('inv-mutual').value = sender.mutual_connections ?? '';
  $('inv-message').value = message ?? '';
  $('inv-prior').value = prior;
}

/** Validates the policy with the core; errors go next to their field, or above the form. */
function checkPolicy() {
  clearFieldErrors(policyForm);
  $('policy-error').hidden = true;
  try {
    vouch.validatePolicy(policy);
    validPolicy = policy;
    return true;
  } catch (e) {
    const field = fieldFor(e.message, 'policy', policyFields);
    if (field) showFieldError(field, e.message);
    else showBanner('policy-error', e.message);
    return false;
  }
}

function showBanner(id, message) {
  $(id).textContent = message;
  $(id).hidden = false;
}

function update() {
  const invitation = readInvitation();
  $('note-count').textContent = String(invitation.message.length);
  clearFieldErrors(invitationForm);
  const notice = $('result-notice');
  notice.hidden = validPolicy === policy;
  if (!notice.hidden) {
    notice.textContent = validPolicy
      ? 'Your policy has an error (see “Your policy”); this result uses your last valid policy.'
      : 'Your policy has an error (see “Your policy”); fix it to see a result.';
  }
  if (validPolicy) {
    try {
      renderResult(view, vouch.classify(invitation, validPolicy), invitation);
    } catch (e) {
      const field = fieldFor(e.message, 'invitation', invitationFields);
      if (field) showFieldError(field, e.message);
      renderError(view, e.message);
    }
  } else {
    renderError(view, 'No valid policy yet.');
  }
  view.panel.setAttribute('aria-busy', 'false');
  document.dispatchEvent(new CustomEvent('vouch:rendered'));
}

function policyChanged() {
  savePolicy(policy);
  $('policy-status').hidden = true;
  checkPolicy();
  update();
  updateNotes();
}

function setupSamples() {
  const group = $('sample-buttons');
  for (const sample of samples) {
    group.append(el('button', {
      type: 'button', class: 'chip', 'data-category': sample.category,
      title: `A ${categoryLabels[sample.category].toLowerCase()} invitation`,
      onclick: () => {
        fillInvitation(sample.invitation);
        for (const chip of group.children) chip.setAttribute('aria-pressed', String(chip.dataset.category === sample.category));
        update();
      },
      'aria-pressed': 'false',
    }, sample.label));
  }
}

function setupPolicyPanel() {
  fillPolicyForm(policyForm, policy);
  policyForm.addEventListener('input', () => {
    policy = readPolicyForm(policyForm, policy);
    policyChanged();
  });
  $('policy-export').addEventListener('click', () => exportPolicy(policy));
  $('policy-import-button').addEventListener('click', () => $('policy-import').click());
  $('policy-import').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    $('policy-status').hidden = true;
    try {
      const imported = parsePolicyText(await file.text());
      vouch.validatePolicy(imported); // a policy the core rejects is not adopted
      policy = imported;
      fillPolicyForm(policyForm, policy);
      policyChanged();
      showBanner('policy-status', `Imported ${file.name}.`);
    } catch (e) {
      showBanner('policy-error', `Not imported: ${e.message}`);
    }
  });
  $('policy-reset').addEventListener('click', () => {
    policy = structuredClone(examplePolicy);
    fillPolicyForm(policyForm, policy);
    policyChanged();
    showBanner('policy-status', 'Reset to the example policy.');
  });
}

async function main() {
  try {
    vouch = await loadVouch();
  } catch (e) {
    renderError(view, `The engine did not load: ${e.message}`);
    return;
  }
  const version = vouch.version();
  $('version').textContent = `Core ${version.core ?? ''}.`;
  setupSamples();
  setupPolicyPanel();
  invitationForm.addEventListener('input', update);
  invitationForm.addEventListener('submit', (event) => event.preventDefault());
  policyForm.addEventListener('submit', (event) => event.preventDefault());
  checkPolicy();
  updateNotes = setupNotes({ vouch, policy: () => validPolicy });
  updateNotes();
  // Start on the sales sample: it shows a verdict, evidence and a reply at once.
  $('sample-buttons').querySelector('[data-category="sales"]').click();
  document.documentElement.dataset.vouch = 'ready';
}

main();
