// The policy panel: the example policy, the form <-> policy object mapping (who you are, the mode,
// and the drafted notes' language and length: `premium` means LinkedIn's 300), local storage, and
// export/import as JSON. Fields the form does not show (custom rules, signature, ...) are kept
// as they were imported, so an export gives back everything.

import { linesToList } from './forms.mjs';

const STORAGE_KEY = 'vouch.playground.policy';

/** Shown on a first visit so the samples make sense; the page invites the user to replace it. */
export const examplePolicy = Object.freeze({
  me: {
    name: 'Dana Whitfield',
    headline: 'IT Director at Lakeside University',
    companies: ['Lakeside University', 'Contoso'],
    schools: ['University of Leeds'],
    groups: ['EDUCAUSE', 'Jisc Security Conference'],
    work_email: 'dana.whitfield@lakeside.example.edu',
    follow_url: 'https://www.linkedin.com/in/dana-whitfield-example/',
  },
  mode: 'balanced',
});

/** Error path (after "policy.") -> the input that edits it. */
export const policyFields = {
  me: 'me-name',
  'me.name': 'me-name',
  'me.first_name': 'me-name',
  'me.companies': 'me-companies',
  'me.schools': 'me-schools',
  'me.groups': 'me-groups',
  'me.work_email': 'me-work-email',
  'me.follow_url': 'me-follow-url',
  mode: 'mode-balanced',
  language: 'me-language',
  premium: 'me-premium',
  note_limit: 'me-premium',
};

const listFields = { companies: 'me-companies', schools: 'me-schools', groups: 'me-groups' };
const textFields = { name: 'me-name', work_email: 'me-work-email', follow_url: 'me-follow-url' };

export function loadPolicy(storage = globalThis.localStorage) {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    if (stored) {
      const parsed = JSON.parse(stored);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
    }
  } catch {
    // Storage blocked or corrupt: fall back to the example.
  }
  return structuredClone(examplePolicy);
}

export function savePolicy(policy, storage = globalThis.localStorage) {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(policy));
  } catch {
    // Private browsing may refuse storage; the page still works for this visit.
  }
}

/** Puts `policy` into the form. */
export function fillPolicyForm(form, policy) {
  const me = policy.me && typeof policy.me === 'object' ? policy.me : {};
  for (const [key, id] of Object.entries(textFields)) {
    form.querySelector(`#${id}`).value = typeof me[key] === 'string' ? me[key] : '';
  }
  for (const [key, id] of Object.entries(listFields)) {
    form.querySelector(`#${id}`).value = Array.isArray(me[key]) ? me[key].join('\n') : '';
  }
  const mode = ['quality', 'balanced', 'open'].includes(policy.mode) ? policy.mode : 'balanced';
  form.querySelector(`#mode-${mode}`).checked = true;
  const language = form.querySelector('#me-language');
  language.value = typeof policy.language === 'string' ? policy.language : 'en';
  if (!language.value) language.value = 'en'; // a language the list does not offer
  form.querySelector('#me-premium').checked = policy.premium === true;
}

/** The policy the form describes: `base` with the form's fields written over it. */
export function readPolicyForm(form, base) {
  const me = { ...(base.me && typeof base.me === 'object' ? base.me : {}) };
  for (const [key, id] of Object.entries(textFields)) {
    const value = form.querySelector(`#${id}`).value.trim();
    if (value) me[key] = value;
    else delete me[key];
  }
  for (const [key, id] of Object.entries(listFields)) {
    me[key] = linesToList(form.querySelector(`#${id}`).value);
  }
  // The first name follows the name, unless an imported policy set it apart and the name is
  // still the imported one.
  const baseName = base.me?.name;
  if (!me.name) delete me.first_name;
  else if (me.name !== baseName || !me.first_name) me.first_name = me.name.split(/\s+/)[0];
  const mode = form.querySelector('input[name="mode"]:checked')?.value ?? 'balanced';
  const notes = { language: form.querySelector('#me-language').value };
  const { premium, ...rest } = base;
  if (form.querySelector('#me-premium').checked) notes.premium = true;
  return { ...rest, me, mode, ...notes };
}

/** Offers `policy` as a JSON file download (a blob: address of this page; no network). */
export function exportPolicy(policy, filename = 'vouch-policy.json') {
  const blob = new Blob([`${JSON.stringify(policy, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Parses an imported file's text; throws an Error a user can read. */
export function parsePolicyText(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`import: this file is not valid JSON (${e.message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error('import: expected a JSON object with "me" and "mode"');
  }
  return parsed;
}
