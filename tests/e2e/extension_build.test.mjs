// Checks of the built extension that need no browser (run with the e2e tests, after scripts/build):
// both manifests keep to what the extension may ask for, the two builds differ only by their
// platform files, every string the code asks for is in _locales, settings migrate between
// versions, and `web-ext lint` finds no error in the Firefox build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import '../../extension/shared/messages.js'; // classic scripts: they set globalThis.VouchMessages
import '../../extension/shared/settings.js'; // and globalThis.VouchSettings
import '../../extension/shared/corrections.js'; // and globalThis.VouchCorrections

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCE = join(ROOT, 'extension');
const BROWSERS = ['chromium', 'firefox'];
const built = (browser, ...parts) => join(ROOT, 'dist/extension', browser, ...parts);
const manifest = (browser) => JSON.parse(readFileSync(built(browser, 'manifest.json'), 'utf8'));
const LINKEDIN = 'https://www.linkedin.com/*';
// The contract's categories and verdicts, and the outcomes of the one-click decline.
const CATEGORIES = ['known', 'personal', 'generic', 'networker', 'sales', 'recruiter', 'job_seeker', 'romance', 'scam'];
const PLACED = ['placed', 'sent', 'copied', 'copy_failed'];

function files_under(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files_under(path) : [path];
  });
}
const sources = (ext) => files_under(SOURCE).filter((f) => f.endsWith(ext));

test('both builds ask for storage and the LinkedIn host only, and expose no resource to pages', () => {
  for (const browser of BROWSERS) {
    const m = manifest(browser);
    assert.equal(m.manifest_version, 3, browser);
    assert.deepEqual(m.permissions, ['storage'], `${browser}: permissions`);
    assert.deepEqual(m.host_permissions, [LINKEDIN], `${browser}: host permissions`);
    assert.equal(m.optional_permissions, undefined, `${browser}: no optional permissions`);
    assert.deepEqual(m.web_accessible_resources, [], `${browser}: web_accessible_resources stays empty`);
    for (const script of m.content_scripts) assert.deepEqual(script.matches, [LINKEDIN], `${browser}: content scripts on LinkedIn only`);
    assert.doesNotMatch(m.content_security_policy.extension_pages, /'unsafe-eval'|'unsafe-inline'|https?:/, `${browser}: no eval, no remote code`);
  }
});

test('each browser gets its own background and platform files; everything else is the same tree', () => {
  const chromium = manifest('chromium');
  const firefox = manifest('firefox');
  assert.deepEqual(chromium.background, { service_worker: 'background/background.js', type: 'module' });
  assert.deepEqual(firefox.background, { scripts: ['background/background.js'], type: 'module' });
  assert.equal(chromium.browser_specific_settings, undefined);
  assert.ok(firefox.browser_specific_settings.gecko.id);

  const shared = (browser) => files_under(built(browser)).map((f) => relative(built(browser), f))
    .filter((f) => f !== 'manifest.json' && !f.startsWith('platform/')).sort();
  assert.deepEqual(shared('chromium'), shared('firefox'));
  for (const file of shared('chromium')) {
    assert.ok(readFileSync(built('chromium', file)).equals(readFileSync(built('firefox', file))), `${file} is the same in both builds`);
  }
  assert.deepEqual(readdirSync(built('chromium', 'platform')), readdirSync(built('firefox', 'platform')), 'the same platform file names');
  for (const browser of BROWSERS) {
    const listed = execFileSync('unzip', ['-Z1', join(ROOT, 'dist/extension', `vouch-${browser}.zip`)], { encoding: 'utf8' }).split('\n');
    assert.ok(listed.includes('manifest.json') && listed.includes('vouch/index.wasm'), `vouch-${browser}.zip holds the build at its root`);
  }
});

test('every file the manifests and pages name is in the build', () => {
  for (const browser of BROWSERS) {
    const m = manifest(browser);
    const named = [
      ...m.content_scripts.flatMap((s) => [...(s.js || []), ...(s.css || [])]),
      ...(m.background.scripts || [m.background.service_worker]),
      m.action.default_popup, m.options_ui.page, 'vouch/index.mjs', 'vouch/index.wasm',
    ];
    for (const page of [m.action.default_popup, m.options_ui.page]) {
      const html = readFileSync(built(browser, page), 'utf8');
      for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/g)) named.push(join(page, '..', ref));
    }
    for (const file of named) assert.ok(existsSync(built(browser, file)), `${browser}: ${file}`);
  }
});

test('browser differences live in platform/ files, not in branches', () => {
  for (const file of sources('.js').filter((f) => !relative(SOURCE, f).startsWith('platform/'))) {
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\bchrome\.|\bbrowser\.(runtime|storage|tabs|i18n)|typeof browser|userAgent|isFirefox|isChrom/,
      `${relative(ROOT, file)} names a browser; use globalThis.vouchBrowser`);
  }
});

test('the extension\'s own code opens no connection and writes no extension address into pages', () => {
  for (const file of sources('.js')) {
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts/, `${relative(ROOT, file)} opens a connection`);
    if (relative(SOURCE, file).startsWith('content/')) {
      assert.doesNotMatch(code, /getURL|(chrome|moz)-extension:|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/,
        `${relative(ROOT, file)}: a content script sets text only, and no extension address`);
    }
  }
});

test('every string the code asks for is in _locales/en', () => {
  const messages = JSON.parse(readFileSync(join(SOURCE, '_locales/en/messages.json'), 'utf8'));
  const wanted = new Set([
    ...CATEGORIES.map((c) => `category_${c}`),
    ...CATEGORIES.map((c) => `categoryPlain_${c}`),
    ...globalThis.VouchMessages.VERDICTS.map((v) => `verdict_${v}`),
    ...PLACED.map((p) => `declinePlaced_${p}`),
  ]);
  for (const file of sources('.js')) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z_]+)'/g)) wanted.add(key);
  }
  for (const file of sources('.html')) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/data-i18n(?:-aria|-placeholder)?="([A-Za-z_]+)"/g)) wanted.add(key);
  }
  for (const [, key] of readFileSync(join(SOURCE, 'manifest.base.json'), 'utf8').matchAll(/__MSG_(\w+)__/g)) wanted.add(key);
  const missing = [...wanted].filter((key) => !(key in messages) || !messages[key].message);
  assert.deepEqual(missing, []);
});

test('settings are versioned: an older or damaged stored shape is lifted without losing a field', () => {
  const { migrate, VERSION } = globalThis.VouchSettings;
  const defaults = { version: VERSION, policy: {}, options: { send_for_me: false, undo_seconds: 5, reply_wait_days: 14 } };
  assert.deepEqual(migrate(undefined), defaults);
  assert.deepEqual(migrate('not an object'), defaults);
  const v1 = { me: { name: 'Dana Whitfield', companies: ['Contoso'] }, mode: 'quality', signature: '— Dana', send_for_me: true, undo_seconds: 8 };
  assert.deepEqual(migrate(v1), {
    version: VERSION,
    policy: { me: v1.me, mode: 'quality', signature: '— Dana' },
    options: { send_for_me: true, undo_seconds: 8, reply_wait_days: 14 },
  });
  const current = { version: VERSION, policy: { mode: 'open', rules: [] }, options: { send_for_me: 'yes', undo_seconds: 999, reply_wait_days: 14 } };
  assert.deepEqual(migrate(current), { version: VERSION, policy: current.policy, options: { send_for_me: false, undo_seconds: 30, reply_wait_days: 14 } });
  assert.deepEqual(migrate(migrate(v1)), migrate(v1), 'migrating twice changes nothing');
});

test('corrections: one per invitation (sender and note), newest last, at most 1,000; a bad entry is named', () => {
  const { normalize, added, key_of, for_policy, MAX } = globalThis.VouchCorrections;
  assert.deepEqual(globalThis.VouchMessages.CATEGORIES, CATEGORIES);
  const inv = (slug, message, name = 'Jane Doe') => ({ id: `card-${slug}`, sender: { name, profile_url: `https://www.linkedin.com/in/${slug}/` }, message });
  const a = { invitation: inv('jane', 'Hi'), category: 'known', at: '2026-01-01T00:00:00.000Z' };
  const a_again = { invitation: { ...inv('Jane', 'Hi'), id: 'card-99' }, category: 'sales', at: '2026-01-02T00:00:00.000Z' };
  const b = { invitation: inv('jane', 'Another note'), category: 'generic', at: '2026-01-03T00:00:00.000Z' };
  assert.equal(key_of(a), key_of(a_again), 'the same sender (profile slug, any case, any id) and note');
  assert.notEqual(key_of(a), key_of(b), 'another note is another invitation');
  assert.equal(key_of({ invitation: { sender: { name: 'Ana' }, message: null } }), key_of({ invitation: { sender: { name: 'ana' } } }), 'no address: the name; no note is no note');
  assert.deepEqual(added([a, b], a_again), [b, a_again], 'a new correction replaces the old one and is the newest');
  assert.deepEqual(normalize([a, b, a_again]), [b, a_again]);
  assert.deepEqual(normalize([{ invitation: a.invitation, category: 'known' }]), [{ invitation: a.invitation, category: 'known', at: null }]);
  const many = Array.from({ length: MAX + 5 }, (_, i) => ({ invitation: inv(`p${i}`, 'Hi'), category: 'generic', at: null }));
  assert.equal(MAX, 1000);
  assert.deepEqual(normalize(many), many.slice(5), 'the newest 1,000');
  assert.deepEqual(added(many.slice(5), a).length, MAX);
  assert.equal(added(many.slice(5), a)[0], many[6], 'the oldest goes');
  assert.deepEqual(for_policy([a]), [{ invitation: a.invitation, category: 'known' }], 'the contract shape for the core');
  assert.throws(() => normalize('x'), /^Error: corrections: expected a list/);
  assert.throws(() => normalize([a, { invitation: a.invitation, category: 'friend' }]), /^Error: corrections\[1\]\.category: /);
  assert.throws(() => normalize([{ category: 'known' }]), /^Error: corrections\[0\]\.invitation: /);
});

test('web-ext lint finds no error in the Firefox build', (t) => {
  const web_ext = join(ROOT, 'node_modules/.bin/web-ext');
  const run = spawnSync(web_ext, ['lint', '--source-dir', built('firefox'), '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout);
  for (const kind of ['errors', 'warnings', 'notices']) {
    for (const m of report[kind]) t.diagnostic(`${kind}: ${m.code} ${m.file || ''} ${m.message}`);
  }
  t.diagnostic(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
  assert.deepEqual(report.errors.map((m) => `${m.code} ${m.file || ''}: ${m.message}`), []);
});

test('each build has its icons at 16, 32, 48 and 128 pixels, and Firefox a light and a dark toolbar icon', () => {
  // A PNG's width and height are the first two fields of its IHDR chunk, at bytes 16 and 20.
  const png_size = (path) => {
    const b = readFileSync(path);
    assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG', `${path} is a PNG`);
    return [b.readUInt32BE(16), b.readUInt32BE(20)];
  };
  for (const browser of BROWSERS) {
    const m = manifest(browser);
    assert.deepEqual(Object.keys(m.icons).map(Number), [16, 32, 48, 128], `${browser}: icon sizes`);
    const named = [...Object.entries(m.icons), ...Object.entries(m.action.default_icon)];
    for (const t of (m.action.theme_icons || [])) named.push([String(t.size), t.light], [String(t.size), t.dark]);
    for (const [size, path] of named) {
      assert.deepEqual(png_size(built(browser, path)), [Number(size), Number(size)], `${browser}: ${path} is ${size}x${size}`);
    }
  }
  const themes = manifest('firefox').action.theme_icons;
  assert.ok(themes && themes.length >= 2 && themes.every((t) => t.light !== t.dark), 'Firefox: a light and a dark icon per size');
});
