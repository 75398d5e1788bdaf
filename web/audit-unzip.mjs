// The audit page's unzipping, without the worker: streams the files the audit reads out of
// LinkedIn's export zip (they may sit in one folder inside), chunk by chunk, so a large
// messages.csv is never whole in memory twice. fflate is passed in (the page imports
// ./fflate.mjs, node tests import the npm package).

export const AUDIT_FILES = [
  'Connections.csv', 'messages.csv', 'Invitations.csv',
  'Endorsement_Received_Info.csv', 'Endorsement_Given_Info.csv',
  'Recommendations_Received.csv', 'Recommendations_Given.csv', 'Profile.csv',
];

// The file the audit reads for a path in the zip ('Export/messages.csv' -> 'messages.csv'), or
// null for any other file (ignored).
export function audit_file_name(path) {
  const base = path.split('/').pop();
  return AUDIT_FILES.includes(base) ? base : null;
}

// Unzips `zip` (a Uint8Array), calling on_chunk(name, chunk, last) for each file the audit reads
// (chunks in order, the last one with last = true, possibly empty) and on_progress(fraction of the
// zip's bytes read, 0 to 1). Resolves with the names fed, in zip order. Rejects with an Error
// saying the file is not a zip, or naming the entry that could not be inflated.
export function unzip_export(fflate, zip, { on_chunk, on_progress = () => {}, block = 1 << 20 } = {}) {
  return new Promise((resolve, reject) => {
    if (!(zip instanceof Uint8Array)) { reject(new Error('the export: expected the bytes of a zip')); return; }
    if (zip.length < 4 || zip[0] !== 0x50 || zip[1] !== 0x4b) {
      reject(new Error('the export: this is not a zip file (choose the zip LinkedIn sent, or its CSV files)'));
      return;
    }
    const fed = [];
    const pending = new Set();
    let failed = false;
    let input_done = false;
    const fail = (message) => { if (!failed) { failed = true; reject(new Error(message)); } };
    const maybe_done = () => { if (input_done && pending.size === 0 && !failed) resolve(fed); };
    const unzipper = new fflate.Unzip((entry) => {
      const name = audit_file_name(entry.name);
      if (!name || fed.includes(name)) return; // not read, or a second copy: ignored
      fed.push(name);
      pending.add(name);
      entry.ondata = (err, chunk, last) => {
        if (failed) return;
        if (err) { fail(`${entry.name} in the zip: ${err.message}`); return; }
        try { on_chunk(name, chunk, last); } catch (e) { fail(e.message); return; }
        if (last) { pending.delete(name); maybe_done(); }
      };
      entry.start();
    });
    unzipper.register(fflate.UnzipInflate);
    try {
      for (let at = 0; at < zip.length && !failed; at += block) {
        const end = Math.min(at + block, zip.length);
        unzipper.push(zip.subarray(at, end), end === zip.length);
        on_progress(end / zip.length);
      }
    } catch (e) {
      fail(`the export: the zip could not be read (${e.message})`);
      return;
    }
    input_done = true;
    // UnzipInflate inflates as it is pushed: a file still open once the whole zip is in was cut short.
    if (pending.size) fail(`the export: ${[...pending].join(', ')} is cut short (the zip is incomplete; download it again)`);
    maybe_done();
  });
}
