// The extension in a German browser, run once per browser by locale_chromium.test.mjs and
// locale_firefox.test.mjs: the browser starts with German as its UI language (the launchers'
// `lang`), and the options page must show extension/_locales/de's words, not en's: the heading,
// a field's label, a button and an option of the mode list, as the page's data-i18n attributes
// fill them. The browser's own i18n API must say German too, so that a failure tells a browser
// that did not start in German (no language pack) from an extension that did not translate.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const messages = (locale) => JSON.parse(readFileSync(new URL(`../../extension/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
const de = messages('de');
const en = messages('en');

export function define_locale_suite(name, launch) {
  describe(`${name} in German: the options page`, () => {
    let env;
    let tab;

    before(async () => {
      env = await launch({ lang: 'de' });
      tab = await env.open_extension_page('ui/options.html');
      // The page fills its [data-i18n] elements when its scripts run; wait for the heading's text.
      const deadline = Date.now() + 20000;
      while (!(await tab.evaluate(() => document.querySelector('h1[data-i18n="optionsTitle"]')?.textContent ?? ''))) {
        if (Date.now() > deadline) throw new Error('the options page left its heading empty for 20 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    after(async () => {
      await env?.close();
    });

    it('the browser\'s i18n API says German', async () => {
      const ui_language = await tab.evaluate(() => (globalThis.browser ?? globalThis.chrome).i18n.getUILanguage());
      assert.match(ui_language, /^de\b/i, `the browser's UI language is ${ui_language}, not German (is its language pack installed?)`);
    });

    it('shows the heading, a label, a button and a mode in German', async () => {
      const seen = await tab.evaluate(() => {
        const text = (selector) => document.querySelector(selector)?.textContent ?? null;
        return {
          optionsTitle: text('h1[data-i18n="optionsTitle"]'),
          fieldName: text('[data-i18n="fieldName"]'),
          save: text('[data-i18n="save"]'),
          modeBalanced: text('[data-i18n="modeBalanced"]'),
        };
      });
      const want = {
        optionsTitle: de.optionsTitle.message,
        fieldName: de.fieldName.message,
        save: de.save.message,
        modeBalanced: de.modeBalanced.message,
      };
      for (const key of Object.keys(want)) assert.notEqual(want[key], en[key].message, `de/${key} is the same as en's: the test would not tell them apart`);
      assert.deepEqual(seen, want);
      assert.deepEqual(env.errors, []);
    });
  });
}
