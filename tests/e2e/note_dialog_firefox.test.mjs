// The "Add a note" helper (note_dialog_suite.mjs) in Debian's Firefox ESR, through puppeteer-core
// over WebDriver BiDi.
import { define_note_suite } from './note_dialog_suite.mjs';
import { launch_firefox } from './extension_browsers.mjs';

define_note_suite('firefox', launch_firefox);
