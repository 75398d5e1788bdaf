// The extension's translations (extension/_locales/<locale>/messages.json) against the default
// locale, en: each file is valid JSON, has exactly en's keys, every message is a non-empty string
// with the same substitutions ($1…$9 and $NAME$) as en's, the same "placeholders" block, and
// en's "description" (translator notes stay in English). A failure names the locale and the key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../extension/_locales/', import.meta.url));
const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../extension/manifest.base.json', import.meta.url)), 'utf8'));
const EXPECTED = ['de', 'en', 'es', 'fr', 'it', 'nl', 'pt_BR'];

function load(locale) {
  const file = join(root, locale, 'messages.json');
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${locale}/messages.json is not valid JSON: ${error.message}`);
  }
}

/** The substitutions a message makes, sorted: "$1", "$NAME$"; "$$" (a literal dollar) is not one. */
function substitutions(message) {
  return (message.replace(/\$\$/g, '').match(/\$(?:[1-9]|[A-Za-z0-9_@]+\$)/g) ?? []).map((s) => s.toUpperCase()).sort();
}

const locales = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const en = load('en');

test('the locales are en (the default) and the six translations', () => {
  assert.equal(manifest.default_locale, 'en');
  assert.deepEqual(locales, EXPECTED);
});

for (const locale of locales.filter((l) => l !== 'en')) {
  describe(`locale ${locale}`, () => {
    const messages = load(locale);

    test('has exactly the keys of en', () => {
      const missing = Object.keys(en).filter((k) => !Object.hasOwn(messages, k));
      const extra = Object.keys(messages).filter((k) => !Object.hasOwn(en, k));
      assert.deepEqual({ locale, missing, extra }, { locale, missing: [], extra: [] },
        `${locale}: missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
    });

    test('every message is a non-empty string with en\'s substitutions, placeholders and description', () => {
      for (const [key, entry] of Object.entries(messages)) {
        const where = `${locale}/${key}`;
        const source = en[key];
        if (!source) continue; // reported by the keys test
        assert.equal(typeof entry?.message, 'string', `${where}: "message" is not a string`);
        assert.ok(entry.message.trim().length > 0, `${where}: the message is empty`);
        assert.deepEqual(substitutions(entry.message), substitutions(source.message),
          `${where}: substitutions ${JSON.stringify(substitutions(entry.message))}, en has ${JSON.stringify(substitutions(source.message))}`);
        assert.deepEqual(entry.placeholders, source.placeholders, `${where}: "placeholders" differs from en`);
        assert.equal(entry.description, source.description, `${where}: "description" differs from en's`);
        const fields = Object.keys(entry).filter((f) => !['message', 'description', 'placeholders'].includes(f));
        assert.deepEqual(fields, [], `${where}: unknown fields ${JSON.stringify(fields)}`);
        // A message en ends with a space (text that follows it at run time) keeps that space.
        assert.equal(/\s$/.test(entry.message), /\s$/.test(source.message), `${where}: trailing space differs from en`);
      }
    });

    test('the product name stays "Vouch"', () => {
      assert.equal(messages.extName?.message, 'Vouch', `${locale}/extName`);
    });
  });
}
