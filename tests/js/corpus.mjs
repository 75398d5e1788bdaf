// Shared by the JS tests and the wasm benchmark: where the corpora are, how to read them, and how
// to run the native tool over them.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const nativeTool = `${root}build/native/vouch`;
export const modulePath = `${root}dist/vouch/index.mjs`;

/** One corpus: a policy and invitations, each as a path. */
function corpus(name, dir, invitations = 'invitations.jsonl', policy = 'policy.json') {
  return { name, invitations: `${dir}/${invitations}`, policy: `${dir}/${policy}` };
}

/** The project's own corpora (fixtures, held-out and blind sets, the JS sample with its bad
 *  lines), then the shared labeled sets when they are beside the project. */
export function corpora() {
  const fixtures = `${root}tests/fixtures`;
  const list = [corpus('fixtures', fixtures)];
  for (const group of ['heldout', 'blind']) {
    const dir = `${fixtures}/${group}`;
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort())
      if (existsSync(`${dir}/${name}/invitations.jsonl`)) list.push(corpus(`${group} ${name}`, `${dir}/${name}`));
  }
  list.push(corpus('sample', `${root}tests/js`, 'sample-invitations.jsonl', 'sample-policy.json'));
  for (const who of ['ingrid', 'mads']) {
    const dir = `${root}../shared/corpus/dev/${who}`;
    if (existsSync(`${dir}/invitations.jsonl`)) list.push(corpus(`shared ${who}`, dir));
  }
  return list;
}

/** The lines of a JSON Lines file, blank lines included (the tool numbers lines as they are). */
export function readLines(path) {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

const run = promisify(execFile);

/** Runs the native tool; resolves with {code, stdout, stderr} whatever the exit status. */
export async function runNative(args) {
  try {
    const { stdout, stderr } = await run(nativeTool, args, { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== 'number') throw e;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
