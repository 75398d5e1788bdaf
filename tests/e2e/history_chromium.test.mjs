// The history page (history_suite.mjs) in Debian's Chromium.
import { define_history_suite } from './history_suite.mjs';
import { launch_chromium } from './extension_browsers.mjs';

define_history_suite('chromium', launch_chromium);
