// The audit page's module worker: reads the chosen zip, unzips the files the audit reads with
// fflate (audit-unzip.mjs) and streams them into the core's audit module as they inflate, so the
// page stays responsive and a large messages.csv is never whole in memory. Everything happens in
// this worker: nothing is sent anywhere.
//
// In:  {type: 'audit', files: [File] (the zip, or the export's CSV files), policy, options}
// Out: {type: 'progress', phase: 'reading'|'auditing'|'judging', fraction}, then
//      {type: 'done', report_json (the report as JSON text)} or {type: 'error', message}.
import * as fflate from './fflate.mjs';
import { audit_file_name, unzip_export } from './audit-unzip.mjs';
import { loadVouchAudit } from './vouch/index.mjs';

const progress = (phase, fraction) => postMessage({ type: 'progress', phase, fraction });

// The export's CSV files chosen one by one (or a folder's): each streamed as it is read.
async function feed_csv_files(stream, files) {
  const total = files.reduce((s, f) => s + f.size, 0) || 1;
  let read = 0;
  const used = files.filter((f) => audit_file_name(f.name));
  if (!used.length) throw new Error('the export: none of these files is one the audit reads (Connections.csv, messages.csv, ...)');
  for (const file of used) {
    const name = audit_file_name(file.name);
    const reader = file.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.feed(name, value);
      read += value.length;
      progress('auditing', read / total);
    }
    stream.end(name);
  }
}

async function audit({ files, policy, options }) {
  progress('reading', 0);
  const zip = files.length === 1 && !/\.csv$/i.test(files[0].name) ? files[0] : null;
  const [api, buffer] = await Promise.all([loadVouchAudit(), zip ? zip.arrayBuffer() : null]);
  progress('reading', 1);
  const stream = await api.beginAudit(policy, zip ? { ...options, zip_name: zip.name } : options);
  try {
    if (zip) {
      await unzip_export(fflate, new Uint8Array(buffer), {
        on_chunk(name, chunk, last) {
          if (chunk.length) stream.feed(name, chunk);
          if (last) stream.end(name);
        },
        on_progress: (fraction) => progress('auditing', fraction),
        block: 1 << 18, // a quarter of a megabyte of zip (about 2 MB of CSV) a step of the bar
      });
    } else {
      await feed_csv_files(stream, files);
    }
  } catch (e) {
    stream.cancel();
    throw e;
  }
  progress('judging', 1);
  // The report's JSON text: posting one string is a copy, the parsed report a clone of every
  // connection object; the page parses it once.
  return stream.finishText();
}

onmessage = async ({ data }) => {
  if (data?.type !== 'audit') return;
  try {
    postMessage({ type: 'done', report_json: await audit(data) });
  } catch (e) {
    postMessage({ type: 'error', message: e?.message || String(e) });
  }
};
