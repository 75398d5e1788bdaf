// The extension in a German Debian Chromium (locale_suite.mjs), through playwright-core.
import { define_locale_suite } from './locale_suite.mjs';
import { launch_chromium } from './extension_browsers.mjs';

define_locale_suite('chromium', launch_chromium);
