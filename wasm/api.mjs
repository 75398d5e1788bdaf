// The JavaScript API of Vouch (contract: "The JavaScript API"). Appended by the build to the
// Emscripten glue (--extern-post-js), so `createVouchModule`, the glue's factory, is in scope and
// dist/vouch/index.mjs is one self-contained ES module with index.wasm beside it.
//
// Pipeline: plain object -> JSON text -> embind -> core -> {ok, text} -> parsed object or Error.
// The module is created once; every loadVouch() call shares that promise. Nothing here uses eval,
// new Function or a remote import, so it runs under an extension's `script-src 'self'
// 'wasm-unsafe-eval'`: in a page, in a (module) service worker, and in node.

/* global createVouchModule */

let vouchPromise = null;

const isNode = typeof process === 'object' && process !== null &&
  typeof process.versions === 'object' && process.versions !== null && !!process.versions.node;

async function wasmOptions(options) {
  const out = {};
  if (options.wasmBinary) out.wasmBinary = options.wasmBinary;
  else if (options.wasmUrl) out.locateFile = (file) => (file.endsWith('.wasm') ? String(options.wasmUrl) : file);
  else if (isNode) {
    // The glue is built for web and worker only; in node the .wasm is read from disk here.
    const { readFile } = await import('node:fs/promises');
    out.wasmBinary = await readFile(new URL('./index.wasm', import.meta.url));
  }
  return out;
}

// Objects travel as JSON text; a string is taken to be JSON text already.
function toJsonText(value, what) {
  if (typeof value === 'string') return value;
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw new Error(`${what}: cannot be written as JSON (${e.message})`);
  }
  if (text === undefined) throw new Error(`${what}: expected a JSON object, got ${typeof value}`);
  return text;
}

function unwrap(result) {
  if (!result.ok) throw new Error(result.text);
  return JSON.parse(result.text);
}

const utf8 = new TextDecoder();

function makeApi(module) {
  // The policy text the module holds; handed over again only when it changes (most callers
  // classify many invitations under one policy, and the text is the larger argument).
  let policyInModule = null;
  return Object.freeze({
    classify(invitation, policy = {}) {
      const invitationText = toJsonText(invitation, 'invitation');
      const policyText = toJsonText(policy, 'policy');
      if (policyText !== policyInModule) {
        module.setPolicy(policyText);
        policyInModule = policyText;
      }
      const ok = module.classifyWithPolicy(invitationText).ok;
      const text = utf8.decode(module.resultBytes());
      if (!ok) throw new Error(text);
      return JSON.parse(text);
    },
    draftNote(target, policy = {}) {
      return unwrap(module.draftNote(toJsonText(target, 'target'), toJsonText(policy, 'policy')));
    },
    validatePolicy(policy) {
      return unwrap(module.validatePolicy(toJsonText(policy, 'policy')));
    },
    defaultPolicy() {
      return JSON.parse(module.defaultPolicy());
    },
    version() {
      return JSON.parse(module.version());
    },
  });
}

/**
 * Loads the module once and returns the API. Options (only the first call's count):
 * `wasmBinary` (the .wasm bytes) or `wasmUrl` (where to fetch it); by default the .wasm next to
 * this file is fetched (browsers) or read from disk (node).
 */
export function loadVouch(options = {}) {
  if (!vouchPromise) {
    vouchPromise = wasmOptions(options)
      .then((moduleOptions) => createVouchModule(moduleOptions))
      .then(makeApi);
    // A failed load may be retried (for example after a network hiccup in a page).
    vouchPromise.catch(() => { vouchPromise = null; });
  }
  return vouchPromise;
}
