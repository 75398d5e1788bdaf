// Bulk triage, whole notes, unread cards and the page's blindness (triage_suite.mjs) in Debian's
// Chromium, through playwright-core.
import { define_triage_suite } from './triage_suite.mjs';
import { launch_chromium } from './extension_browsers.mjs';

define_triage_suite('chromium', launch_chromium);
