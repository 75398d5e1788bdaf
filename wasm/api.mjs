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
    audit(files, policy = {}, options = {}) {
      return auditExport(files, policy, options);
    },
    beginAudit(policy = {}, options = {}) {
      return beginAudit(policy, options);
    },
  });
}

// The network audit lives in its own module (dist/vouch/audit.mjs + audit.wasm beside this file),
// imported the first time an audit is begun: pages that only classify never fetch it.
let auditPromise = null;

function loadAuditModule(options = {}) {
  if (!auditPromise) {
    auditPromise = (async () => {
      const moduleOptions = {};
      if (options.auditWasmBinary) moduleOptions.wasmBinary = options.auditWasmBinary;
      else if (options.auditWasmUrl) moduleOptions.locateFile = (file) => (file.endsWith('.wasm') ? String(options.auditWasmUrl) : file);
      else if (isNode) {
        const { readFile } = await import('node:fs/promises');
        moduleOptions.wasmBinary = await readFile(new URL('./audit.wasm', import.meta.url));
      }
      const { default: createAudit } = await import(new URL('./audit.mjs', import.meta.url).href);
      return createAudit(moduleOptions);
    })();
    auditPromise.catch(() => { auditPromise = null; });
  }
  return auditPromise;
}

function checked(result) {
  if (!result.ok) throw new Error(result.text);
  return result.text;
}

function chunkBytes(data, where) {
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new Error(`${where}: expected text or bytes (a string or a Uint8Array), got ${data === null ? 'null' : typeof data}`);
}

/**
 * Begins a streaming audit: resolves with {feed(name, chunk), end(name), finish(), cancel()}.
 * Feed each file's chunks in order, end() it, then finish() returns {connections, summary}.
 */
async function beginAudit(policy = {}, options = {}, loadOptions = {}) {
  const policyText = toJsonText(policy, 'policy');
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    if (typeof options !== 'string') throw new Error('options: expected an object');
  }
  const optionsText = toJsonText(options, 'options');
  const module = await loadAuditModule(loadOptions);
  const handle = Number(checked(module.begin(policyText, optionsText)));
  let done = false;
  const live = () => { if (done) throw new Error('audit: this audit is finished'); };
  return Object.freeze({
    feed(name, chunk) {
      live();
      if (typeof name !== 'string' || !name) throw new Error('files: a file name must be a non-empty string');
      checked(module.feed(handle, name, chunkBytes(chunk, `files["${name}"]`)));
    },
    end(name) {
      live();
      checked(module.end(handle, String(name)));
    },
    finish() {
      live();
      done = true;
      return JSON.parse(checked(module.finish(handle)));
    },
    // The report as its JSON text, unparsed: a worker posts the text (one string to copy)
    // instead of cloning 30,000 objects, and the page parses it once.
    finishText() {
      live();
      done = true;
      return checked(module.finish(handle));
    },
    cancel() {
      if (!done) { done = true; module.cancel(handle); }
    },
  });
}

// files: an object or Map of name -> text or bytes, an array of {name, data}, or an (async)
// iterable of chunks {name, data} (a file's chunks in a row; a new name ends the previous file).
async function auditExport(files, policy = {}, options = {}) {
  if (files === null || typeof files !== 'object') throw new Error('files: expected an object of file name to text or bytes, an array of {name, data} or an iterable of chunks');
  const audit = await beginAudit(policy, options);
  try {
    let entries;
    if (files instanceof Map) entries = files.entries();
    else if (Array.isArray(files) || typeof files[Symbol.iterator] === 'function' || typeof files[Symbol.asyncIterator] === 'function') entries = files;
    else entries = Object.entries(files);
    let current = null;
    let index = 0;
    for await (const entry of entries) {
      let name;
      let data;
      if (Array.isArray(entry)) [name, data] = entry;
      else if (entry && typeof entry === 'object') ({ name, data } = entry);
      else throw new Error(`files[${index}]: expected {name, data}`);
      if (typeof name !== 'string' || !name) throw new Error(`files[${index}].name: expected a file name`);
      if (current !== null && name !== current) audit.end(current);
      current = name;
      audit.feed(name, chunkBytes(data, `files["${name}"]`));
      index += 1;
    }
    if (current !== null) audit.end(current);
    return audit.finish();
  } catch (e) {
    audit.cancel();
    throw e;
  }
}

/**
 * The audit alone, without loading the classifier's module (the audit page's worker uses it).
 * Options: `auditWasmBinary` or `auditWasmUrl`; by default audit.wasm beside this file.
 */
export function loadVouchAudit(options = {}) {
  return loadAuditModule(options).then(() => Object.freeze({
    audit: auditExport,
    beginAudit: (policy = {}, auditOptions = {}) => beginAudit(policy, auditOptions, options),
  }));
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
