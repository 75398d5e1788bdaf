// Connection notes for the "Add a note" helper: which of the profile's companies and schools the
// user shares (by the core's own name-variant matching), and the drafts themselves. The core
// has no call that names shared organisations, so this asks it the way a user would: a
// "worked together" note for a profile listing only that company says where when, and only when,
// the core finds the company among the user's own.
import { core } from './classifier.js';

const FREE_LIMIT = 200;
const error_text = (error) => String((error && error.message) || error);

function first_note(vouch, request, policy) {
  try {
    return vouch.draftNote(request, policy).notes[0];
  } catch {
    return null;
  }
}

/** The entries of target[key] that the core matches against the policy's own list. */
function shared(vouch, target, policy, relation, key) {
  const base = { id: 'shared', target: { name: target.name, [key]: [] }, context: { relation } };
  const plain = first_note(vouch, base, policy);
  if (plain === null) return [];
  const notes = new Set([plain]);
  const found = [];
  for (const org of Array.isArray(target[key]) ? target[key].slice(0, 24) : []) {
    const note = first_note(vouch, { ...base, target: { ...base.target, [key]: [String(org)] } }, policy);
    if (note !== null && !notes.has(note)) { // a new note: the core placed this organisation
      notes.add(note);
      found.push(String(org));
    }
  }
  return found;
}

/** What the helper needs before drafting: shared companies and schools, and the policy's limit. */
export async function note_context(target, policy) {
  if (!target || typeof target !== 'object' || typeof target.name !== 'string') throw new Error('target.name: expected a string');
  const vouch = await core();
  let limit = FREE_LIMIT;
  try {
    limit = vouch.validatePolicy(policy).note_limit || FREE_LIMIT;
  } catch {
    // An invalid stored policy: LinkedIn's free limit; drafting will name the problem.
  }
  return {
    limit,
    shared: {
      companies: shared(vouch, target, policy, 'worked_together', 'companies'),
      schools: shared(vouch, target, policy, 'studied_together', 'schools'),
    },
  };
}

/** Drafts the notes for one contract target record; a bad record or policy gives {error}. */
export async function draft_note(request, policy) {
  const vouch = await core();
  try {
    return { notes: vouch.draftNote(request, policy).notes };
  } catch (error) {
    return { error: error_text(error) };
  }
}
