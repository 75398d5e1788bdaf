// The extension in a German Debian firefox-esr (locale_suite.mjs), through puppeteer-core.
import { define_locale_suite } from './locale_suite.mjs';
import { launch_firefox } from './extension_browsers.mjs';

define_locale_suite('firefox', launch_firefox);
