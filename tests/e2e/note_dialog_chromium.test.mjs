// The "Add a note" helper (note_dialog_suite.mjs) in Debian's Chromium, through playwright-core.
import { define_note_suite } from './note_dialog_suite.mjs';
import { launch_chromium } from './extension_browsers.mjs';

define_note_suite('chromium', launch_chromium);
