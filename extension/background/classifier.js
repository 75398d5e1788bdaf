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

/** Classifies each invitation; a bad one yields `{id, error}` and does not stop the others. */
export async function classify_all(invitations, policy) {
  const vouch = await core();
  const policy_json = JSON.stringify(policy ?? {}); // the API takes JSON text too: encode it once per batch
  return invitations.map((invitation) => {
    try {
      return vouch.classify(invitation, policy_json);
    } catch (error) {
      return { id: invitation && invitation.id, error: String(error && error.message || error) };
    }
  });
}
