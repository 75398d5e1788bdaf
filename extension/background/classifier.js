// The core, loaded once: the wasm module compiles here (an extension page / worker, whose CSP
// allows 'wasm-unsafe-eval'), never in a content script, whose page CSP would block it.
import { loadVouch } from '../vouch/index.mjs';

let vouch_promise = null;

/** The one loaded core (Squoosh's habit: create the module promise once and reuse it). */
export function core() {
  vouch_promise ??= loadVouch().catch((error) => {
    vouch_promise = null; // let a later message try again
    throw error;
  });
  return vouch_promise;
}

/**
 * Classifies each invitation; a bad one yields `{id, error}` and does not stop the others.
 * `policy` is the policy's JSON text (the background encodes it once per settings change) or an
 * object, which is then encoded once for the whole batch.
 */
export async function classify_all(invitations, policy) {
  const vouch = await core();
  const policy_json = typeof policy === 'string' ? policy : JSON.stringify(policy ?? {});
  return invitations.map((invitation) => {
    try {
      return vouch.classify(invitation, policy_json);
    } catch (error) {
      return { id: invitation && invitation.id, error: String(error && error.message || error) };
    }
  });
}

/**
 * What a card's badge and highlights need of a result, without the reasons' wording and the
 * replies (most of a result's bytes): a page of 100 cards then crosses from the background in
 * about a tenth of the bytes. The panel and the one-click decline ask for the whole result
 * (CS_TO_BG.EXPLAIN) when they are used.
 */
export function summary_of(result) {
  if (!result || result.error) return result;
  const spans = [];
  for (const reason of Array.isArray(result.reasons) ? result.reasons : []) {
    if (Array.isArray(reason.span)) spans.push(reason.span);
  }
  return {
    id: result.id, category: result.category, verdict: result.verdict, confidence: result.confidence,
    spans, has_reply: [result.reply, ...(Array.isArray(result.reply_variants) ? result.reply_variants : [])]
      .some((r) => typeof r === 'string' && r.length > 0),
  };
}

// Made-up invitations (no page, no storage) that walk the core's main paths: a note with sales
// talk, a short personal note, no note at all.
const WARM_INVITATIONS = [
  { id: 'warm-1', sender: { name: 'Jane Doe', headline: 'Account Executive', mutual_connections: 2 },
    message: 'Hi! We are offering a 20% discount this month. Do you have 15 minutes for a quick demo? What are your priorities this quarter?' },
  { id: 'warm-2', sender: { name: 'Tom Lee', headline: 'Engineer', mutual_connections: 12 },
    message: 'Great to meet you at the conference yesterday, would love to stay in touch.' },
  { id: 'warm-3', sender: { name: 'Ana Ruiz', headline: 'Student' }, message: null },
];

/**
 * Loads the core and runs it a few times on made-up invitations, one per task so that a real
 * message is never kept waiting long: the first real batch then meets compiled, warmed code
 * instead of paying the module load and the engine's first, slow runs. Results are discarded.
 */
export async function warm(policy_json, rounds = 12) {
  const vouch = await core();
  const text = await policy_json();
  for (let i = 0; i < rounds; i++) {
    for (const invitation of WARM_INVITATIONS) {
      try {
        vouch.classify(invitation, text);
      } catch {
        // an invalid stored policy: the real batch will report it
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
