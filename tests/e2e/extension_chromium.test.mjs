// The extension suite (extension_suite.mjs) in Debian's Chromium, through playwright-core.
import { define_suite } from './extension_suite.mjs';
import { launch_chromium } from './extension_browsers.mjs';

define_suite('chromium', launch_chromium);
