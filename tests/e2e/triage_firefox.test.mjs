// Bulk triage, whole notes, unread cards and the page's blindness (triage_suite.mjs) in Debian's
// Firefox ESR, through puppeteer-core over WebDriver BiDi.
import { define_triage_suite } from './triage_suite.mjs';
import { launch_firefox } from './extension_browsers.mjs';

define_triage_suite('firefox', launch_firefox);
