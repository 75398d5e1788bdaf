// The settings file's suite (settings_import_suite.mjs) in Debian's Firefox ESR, through puppeteer-core
// over WebDriver BiDi.
import { define_settings_suite } from './settings_import_suite.mjs';
import { launch_firefox } from './extension_browsers.mjs';

define_settings_suite('firefox', launch_firefox);
